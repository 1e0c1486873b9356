using System.Text;

namespace Rayzor.Fuzz;

/// Generated inputs at the extremes: constructs nested `depth` deep (parentheses, braces, brackets, `if`s,
/// unary operators, types, `#if` conditions, interpolations ...), long binary chains, huge tokens, and
/// floods of invalid characters. A recursive parser without a depth guard overflows its stack on these.
public static class DeepInputs
{
    public const int DefaultDepth = 100_000;

    public static IEnumerable<FuzzInput> All(int depth = DefaultDepth)
    {
        var n = depth;
        string R(string s, int count = -1) => Repeat(s, count < 0 ? n : count);

        // expressions: `var x = E;` in a method
        (string, string)[] expressions =
        [
            ("parens", R("(") + "1" + R(")")),
            ("parens-unclosed", R("(")),
            ("closing-parens", "1" + R(")")),
            ("brackets", R("[") + R("]")),
            ("objects", R("{a:") + "1" + R("}")),
            ("calls-nested", R("f(") + R(")")),
            ("call-chain", "f" + R("()")),
            ("field-chain", "a" + R(".b")),
            ("safe-field-chain", "a" + R("?.b")),
            ("index-chain", "a" + R("[0]")),
            ("postfix-chain", "a" + R("++")),
            ("minus", R("- ") + "1"),
            ("not", R("!") + "a"),
            ("bitnot", R("~") + "a"),
            ("increments", R("++") + "a"),
            ("spreads", R("...") + "a"),
            ("casts", R("cast ") + "a"),
            ("cast-calls", R("cast(") + "a" + R(")")),
            ("news", R("new A(") + R(")")),
            ("throws", R("throw ") + "a"),
            ("returns", R("return ") + "a"),
            ("untypeds", R("untyped ") + "a"),
            ("macros", R("macro ") + "a"),
            ("inlines", R("inline ") + "a"),
            ("metas", R("@:m ") + "a"),
            ("meta-args", R("@:m(") + R(")") + " a"),
            ("meta-on-chain", "@:m " + R("1 + ") + "1"),
            ("minus-meta-on-chain", "-@:m " + R("1 + ") + "1"),
            ("product-meta-on-chain", "2 * @:m " + R("1 + ") + "1"),
            ("cast-on-chain", "- cast " + R("1 + ") + "1"),
            ("ifs", R("if (a) ") + "b"),
            ("if-conditions", R("if (") + "a" + R(") b")),
            ("else-ifs", R("if (a) b else ") + "c"),
            ("whiles", R("while (a) ") + "b"),
            ("fors", R("for (i in a) ") + "b"),
            ("dos", R("do ") + "a" + R(" while (b)")),
            ("switches", R("switch a { case _: ") + "1" + R(" }")),
            ("switch-subjects", R("switch ") + "a"),
            ("tries", R("try ") + "a" + R(" catch (e:Any) b")),
            ("functions", R("function() ") + "a"),
            ("arrows", R("() -> ") + "a"),
            ("ident-arrows", R("x -> ") + "a"),
            ("vars", R("var a = ") + "1"),
            ("sum", R("1 + ") + "1"),
            ("mixed-precedence", R("1 * 2 + 3 << ") + "1"),
            ("assignments", R("a = ") + "1"),
            ("compound-assignments", R("a += ") + "1"),
            ("ternaries", R("a ? b : ") + "c"),
            ("ternary-thens", R("a ? ") + "b" + R(" : c")),
            ("null-coalescing", R("a ?? ") + "b"),
            ("fat-arrows", R("a => ") + "b"),
            ("bool-ands", R("a && ") + "b"),
            ("intervals", R("a ... ") + "b"),
            ("is-chain", "a" + R(" is T")),
            ("interpolations", R("'${") + "a" + R("}'")),
            ("interpolations-unclosed", R("'${")),
            ("interpolation-parts", "'" + R("${a}$b") + "'"),
            ("dollars", R("$a{") + "b" + R("}")),
            ("long-string", "\"" + R("a", 1 << 20) + "\""),
            ("long-identifier", R("a", 1 << 20)),
            ("long-number", R("1", 1 << 20)),
            ("long-hex", "0x" + R("f", 1 << 20)),
            ("long-regex", "~/" + R("a", 1 << 20) + "/"),
            ("array-items", "[" + R("1, ") + "1]"),
            ("call-args", "f(" + R("1, ") + "1)"),
            ("object-fields", "{" + R("a: 1, ") + "b: 2}"),
        ];
        foreach (var (name, e) in expressions)
            yield return Make("expr-" + name, "class C {\n\tfunction f() {\n\t\tvar x = " + e + ";\n\t}\n}\n");

        // statements in a method body
        (string, string)[] statements =
        [
            ("blocks", R("{") + R("}")),
            ("blocks-unclosed", R("{")),
            ("closing-braces", R("}")),
            ("semicolons", R(";")),
            ("statements", R("a++;\n")),
            ("missing-semicolons", R("a ")),
            ("local-functions", R("function f() {") + R("}")),
            ("cases", "switch a {" + R("case 1: ") + "}"),
        ];
        foreach (var (name, s) in statements)
            yield return Make("body-" + name, "class C {\n\tfunction f() {\n\t\t" + s + "\n\t}\n}\n");

        // type hints: `var x:T;`
        (string, string)[] types =
        [
            ("type-params", R("Array<") + "Int" + R(">")),
            ("type-params-unclosed", R("Array<")),
            ("parens", R("(") + "Int" + R(")")),
            ("anon", R("{a:") + "Int" + R("}")),
            ("class-notation-anon", R("{var a:") + "Int" + R(";}")),
            ("extensions", R("{>A, a:") + "Int" + R("}")),
            ("function-chain", R("Int->") + "Int"),
            ("new-functions", R("() -> ") + "Int"),
            ("named-args", R("(a:") + "Int" + R(") -> Int")),
            ("optionals", R("? ") + "Int"),
            ("rests", R("...") + "Int"),
            ("intersections", R("A & ") + "B"),
            ("const-params", "C<" + R("[") + R("]") + ">"),
        ];
        foreach (var (name, t) in types)
            yield return Make("type-" + name, "class C {\n\tvar x:" + t + ";\n}\n");

        // declarations
        yield return Make("decl-classes", R("class A {}\n"));
        yield return Make("decl-fields", "class C {\n" + R("\tvar a:Int;\n") + "}\n");
        yield return Make("decl-enum-ctors", "enum E {\n" + R("\tA(a:Int);\n") + "}\n");
        yield return Make("decl-metas", R("@:m ") + "class C {}\n");
        yield return Make("decl-meta-args", "@:m" + R("(") + R(")") + " class C {}\n");
        yield return Make("decl-modifiers", R("public static ") + "function f() {}\n");
        yield return Make("decl-type-param-decls", "class C<" + R("T:Array<", n / 2) + "Int" + R(">", n / 2) + "> {}\n");
        yield return Make("decl-type-param-lists", "class C<" + R("T, ") + "U> {}\n");
        yield return Make("decl-constraint-lists", R("class C<T:(A, B)> {}\n", n / 10));
        yield return Make("decl-unclosed-constraints", R("class C<T:(A, ", n / 10));
        yield return Make("decl-imports", R("import a.b.C;\n"));
        yield return Make("decl-import-path", "import " + R("a.") + "C;\n");
        yield return Make("decl-macro-classes", "class C { function f() { return " + R("macro class {function g() ", n / 4) + R("}", n / 4) + "; } }\n");
        yield return Make("decl-closing-braces", R("}"));
        yield return Make("decl-closing-parens", R(")"));

        // conditional compilation
        yield return Make("cond-parens", "#if " + R("(") + "a" + R(")") + "\nclass C {}\n#end\n");
        yield return Make("cond-parens-unclosed", "#if " + R("(") + "\nclass C {}\n#end\n");
        yield return Make("cond-nots", "#if " + R("!") + "a\nclass C {}\n#end\n");
        yield return Make("cond-ors", "#if (" + R("a || ") + "b)\nclass C {}\n#end\n");
        yield return Make("cond-comparisons", "#if (" + R("a == ") + "b)\nclass C {}\n#end\n");
        yield return Make("cond-versions", "#if (" + R("version(") + "\"1.0.0\"" + R(")") + " > 1)\nclass C {}\n#end\n");
        yield return Make("cond-nested", R("#if a\n") + "class C {}\n" + R("#end\n"));
        yield return Make("cond-unclosed", R("#if a\n") + "class C {}\n");
        yield return Make("cond-ends", R("#end\n") + "class C {}\n");
        yield return Make("cond-elses", "#if a\n" + R("#else\n") + "#end\nclass C {}\n");
        yield return Make("cond-elseifs", "#if a\n" + R("#elseif b\n") + "#end\nclass C {}\n");
        yield return Make("cond-errors", R("#error \"e\"\n"));
        yield return Make("cond-in-expr", "class C { function f() { var x = " + R("#if a 1 #else ") + "2" + R(" #end") + "; } }\n");

        // comments and raw bytes
        yield return Make("comment-opens", R("/*"));
        yield return Make("comments", R("/**/"));
        yield return Make("doc-comments", R("/** d */") + "class C {}\n");
        yield return Make("line-comments", R("//\n"));
        yield return Make("invalid-bytes", Enumerable.Repeat((byte)0xFF, n).ToArray());
        yield return Make("invalid-characters", R("`"));
        yield return Make("invalid-between-tokens", "class C { function f() { " + R("a` ") + " } }");
        yield return Make("nul-bytes", new byte[n]);
        var rng = new Random(n);
        var noise = new byte[1 << 20];
        rng.NextBytes(noise);
        yield return Make("random-bytes", noise);
        var ascii = new byte[1 << 20];
        for (var i = 0; i < ascii.Length; i++) ascii[i] = (byte)rng.Next(32, 127);
        yield return Make("random-ascii", ascii);
    }

    private static string Repeat(string s, int count) =>
        string.Create(s.Length * count, s, (span, piece) =>
        {
            for (var i = 0; i < span.Length; i += piece.Length) piece.CopyTo(span[i..]);
        });

    private static FuzzInput Make(string name, string text) => new(name, Encoding.UTF8.GetBytes(text));

    private static FuzzInput Make(string name, byte[] bytes) => new(name, bytes);
}
