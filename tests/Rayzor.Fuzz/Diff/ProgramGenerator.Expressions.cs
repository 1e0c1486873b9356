namespace Rayzor.Fuzz.Diff;

public sealed partial class ProgramGenerator
{
    private static readonly long[] EdgeInts = [0, 1, -1, 2, 3, 7, 10, 31, 32, 100, 255, 256, 1000, 65535, 65536, 1 << 30, 2147483647, -2147483647, 123456789, -99999];
    private static readonly string[] Strings = ["", "a", "ab", "hello", "x,y,z", "Haxe", "  pad ", "a-b-a", "0123456789", "AbC", "été", "日本"];
    private static readonly string[] FloatLits = ["0.5", "1.25", "-3.75", "0.1", "2.0", "1e10", "-1e-3", "3.0", "100.5", "0.0"];

    /// An expression of the type; depth bounds its nesting.
    private string Expr(T type, int depth) => type switch
    {
        T.Int => IntExpr(depth),
        T.Float => FloatExpr(depth),
        T.String => StringExpr(depth),
        T.Bool => BoolExpr(depth),
        T.IntArray => ArrayExpr(depth),
        T.Shape => ShapeExpr(depth),
        T.Op => OpExpr(depth),
        T.IntFn => VarOf(T.IntFn)?.Name ?? "function(q:Int):Int { return q + 1; }",
        T.IntMap => VarOf(T.IntMap)?.Name ?? "new Map<Int, Int>()",
        T.Anon => $"{{x: {IntExpr(depth - 1)}, s: {StringExpr(depth - 1)}}}",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private string IntLiteral()
    {
        if (Chance(70)) return Int(EdgeInts[_rng.Next(EdgeInts.Length)] * (Chance(20) ? -1 : 1));
        if (Chance(10)) return "(-2147483647 - 1)";
        return Int(_rng.Next(-50, 50));
    }

    private string IntExpr(int depth)
    {
        if (depth <= 0 || Chance(15))
            return VarOf(T.Int) is { } v && Chance(70) ? v.Name : IntLiteral();
        var d = depth - 1;
        switch (_rng.Next(26))
        {
            case 0: case 1: case 2:
                return $"({IntExpr(d)} {Pick("+", "-", "*", "+", "-")} {IntExpr(d)})";
            case 3:
                return $"({IntExpr(d)} {Pick("&", "|", "^")} {IntExpr(d)})";
            case 4:
                return Chance(50)
                    ? $"({IntExpr(d)} {Pick("<<", ">>", ">>>")} {_rng.Next(32)})"
                    : $"({IntExpr(d)} {Pick("<<", ">>", ">>>")} ({IntExpr(d)} & 31))";
            case 5:
                return Chance(50) ? $"({IntExpr(d)} % {1 + _rng.Next(100)})" : $"Main.idx({IntExpr(d)}, {1 + _rng.Next(20)})";
            case 6:
                return $"{Pick("-", "~")}({IntExpr(d)})";
            case 7:
                return $"({BoolExpr(d)} ? {IntExpr(d)} : {IntExpr(d)})";
            case 8:
                return $"{StringExpr(d)}.length";
            case 9:
                return ArrayVar() is { } a ? (Chance(50) ? $"{a}.length" : $"Main.at({a}, {IntExpr(d)})") : IntExpr(d);
            case 10:
                return $"Main.code({StringExpr(d)}, {IntExpr(d)})";
            case 11:
                return $"Main.toInt({FloatExpr(d)})";
            case 12:
                return Call(T.Int, d) ?? IntExpr(d);
            case 13:
                // not from a closure: one assigned to a variable it calls would call itself
                return !_inClosure && VarOf(T.IntFn) is { } f ? $"{f.Name}({IntExpr(d)})" : IntExpr(d);
            case 14:
                return _inClass ? IntLiteral() : $"{ShapeExpr(d)}.area()";
            case 15:
                return $"Main.eval({OpExpr(d)})";
            case 16:
                return Switch(d);
            case 17:
                return $"Main.sum({TreeExpr(2)})";
            case 18:
                return $"Main.rec(Main.idx({IntExpr(d)}, 20), {IntExpr(d)})";
            case 19:
                return $"{StringExpr(d)}.indexOf({StringExpr(d)})";
            case 20:
                return VarOf(T.IntMap) is { } m ? $"Main.mget({m.Name}, {IntExpr(d)} & 7)" : "Base.made";
            case 21:
                return $"Std.parseInt(\"\" + {IntExpr(d)})";
            case 22:
                return $"({IntExpr(d)} {Pick("+", "-", "*")} {IntExpr(d)} {Pick("+", "-", "*", "&", "|")} {IntExpr(d)})";
            case 23:
                return _rng.Next(7) switch
                {
                    0 => $"({IntExpr(d)} % -{1 + _rng.Next(9)})",
                    // never 0 (and MIN % -1 is 0 everywhere)
                    1 => $"({IntExpr(d)} % ({IntExpr(d)} | 1))",
                    2 => $"(switch ({StringExpr(d)}) {{ case \"a\": 1; case \"hello\" | \"ab\": {IntExpr(d)}; case \"\": 3; default: {IntExpr(d)}; }})",
                    3 => $"Main.first({ArrayExpr(d)}, {IntExpr(d)})",
                    4 => Pick($"Main.opt({IntExpr(d)})", $"Main.opt({IntExpr(d)}, {IntExpr(d)})", $"Main.opt({IntExpr(d)}, null, {StringExpr(d)})",
                              $"Main.opt({IntExpr(d)}, {IntExpr(d)}, {StringExpr(d)})"),
                    5 => VarOf(T.Anon) is { } o ? $"({o.Name}.x + {o.Name}.s.length)" : $"{{x: {IntExpr(d)}, s: \"k\"}}.x",
                    // a function that may throw, only where a try catches everything
                    _ => _tryDepth > 0 ? $"Main.check({IntExpr(d)})" : IntExpr(d),
                };
            default:
                return VarOf(T.Int) is { } v ? v.Name : IntLiteral();
        }
    }

    private string? ArrayVar() => VarOf(T.IntArray)?.Name;

    private string FloatExpr(int depth)
    {
        if (depth <= 0 || Chance(15))
            return VarOf(T.Float) is { } v && Chance(60) ? v.Name : Pick(FloatLits);
        var d = depth - 1;
        switch (_rng.Next(10))
        {
            case 0: case 1:
                return $"({FloatExpr(d)} {Pick("+", "-", "*", "/")} {FloatExpr(d)})";
            case 2:
                return $"({IntExpr(d)} / {IntExpr(d)})";
            case 3:
                return $"({IntExpr(d)} {Pick("+", "*")} {FloatExpr(d)})";
            case 4:
                return $"Math.{Pick("abs", "ffloor", "fceil")}({FloatExpr(d)})";
            case 5:
                return $"Math.sqrt(Math.abs({FloatExpr(d)}))";
            case 6:
                return $"Math.{Pick("min", "max")}({FloatExpr(d)}, {FloatExpr(d)})";
            case 7:
                return Call(T.Float, d) ?? FloatExpr(d);
            case 8:
                return $"({BoolExpr(d)} ? {FloatExpr(d)} : {FloatExpr(d)})";
            default:
                return $"-({FloatExpr(d)})";
        }
    }

    private string StringLiteral() => "\"" + Pick(Strings) + "\"";

    private string StringExpr(int depth)
    {
        if (depth <= 0 || Chance(15))
            return VarOf(T.String) is { } v && Chance(60) ? v.Name : StringLiteral();
        var d = depth - 1;
        switch (_rng.Next(14))
        {
            case 0: case 1:
                return $"({StringExpr(d)} + {StringExpr(d)})";
            case 2:
                return $"({StringExpr(d)} + {IntExpr(d)})";
            case 3:
                return $"{StringExpr(d)}.substr({_rng.Next(-4, 6)}, {_rng.Next(-2, 6)})";
            case 4:
                return $"{StringExpr(d)}.substring({_rng.Next(0, 6)}, {_rng.Next(0, 8)})";
            case 5:
                return $"{StringExpr(d)}.{Pick("toUpperCase", "toLowerCase")}()";
            case 6:
                return $"{StringExpr(d)}.charAt({_rng.Next(-1, 6)})";
            case 7:
                return $"Std.string({IntExpr(d)})";
            case 8:
                return $"StringTools.replace({StringExpr(d)}, \"{Pick("a", "-", ",", "l")}\", {StringLiteral()})";
            case 9:
                return $"{StringExpr(d)}.split(\"{Pick("a", "-", ",", "")}\").join(\"{Pick("|", "", "ab")}\")";
            case 10:
                return _inClass ? StringLiteral() : $"{ShapeExpr(d)}.name()";
            case 11:
                return ArrayVar() is { } a ? $"{a}.join(\",\")" : StringExpr(d);
            case 12:
                return Call(T.String, d) ?? StringExpr(d);
            default:
                return $"Std.string({Pick("true", "false")} && {BoolExpr(d)})";
        }
    }

    private string BoolExpr(int depth)
    {
        if (depth <= 0 || Chance(10))
            return VarOf(T.Bool) is { } v && Chance(60) ? v.Name : Pick("true", "false");
        var d = depth - 1;
        switch (_rng.Next(10))
        {
            case 0: case 1:
                return $"({IntExpr(d)} {Pick("==", "!=", "<", "<=", ">", ">=")} {IntExpr(d)})";
            case 2:
                return Chance(70) ? $"({FloatExpr(d)} {Pick("==", "!=", "<", "<=", ">", ">=")} {FloatExpr(d)})"
                    // the Float first: Haxe types a ternary right of an Int against Int
                    : $"({FloatExpr(d)} {Pick("==", "!=", "<", "<=", ">", ">=")} {IntExpr(d)})";
            case 3:
                return $"({StringExpr(d)} {Pick("==", "!=", "<", ">=")} {StringExpr(d)})";
            case 4:
                return $"({BoolExpr(d)} {Pick("&&", "||")} {BoolExpr(d)})";
            case 5:
                return $"!({BoolExpr(d)})";
            case 6:
                return $"Std.isOfType({ShapeExpr(d)}, {Pick("Base", "Sub", "Other")})";
            case 7:
                return Call(T.Bool, d) ?? BoolExpr(d);
            case 8:
                return $"Math.isNaN({FloatExpr(d)})";
            default:
                return $"(({IntExpr(d)} & {1 << _rng.Next(8)}) != 0)";
        }
    }

    private string ArrayExpr(int depth)
    {
        if (VarOf(T.IntArray) is { } v && Chance(50)) return Chance(50) ? v.Name : $"{v.Name}.copy()";
        var n = _rng.Next(5);
        var items = new List<string>();
        for (var i = 0; i < n; i++)
        {
            // a Null<Int> item makes an Array<Null<Int>>, which Haxe lets pass as an Array<Int> and Rayzor
            // does not (they are stored differently): a known difference, kept out of the programs
            var item = IntExpr(Math.Max(0, depth - 1));
            items.Add(item.StartsWith("Std.parseInt(", StringComparison.Ordinal) ? $"({item} + 0)" : item);
        }
        var q = Fresh("q");
        return _rng.Next(10) switch
        {
            < 6 => $"[{string.Join(", ", items)}]",
            6 => $"[for ({q} in 0...{_rng.Next(6)}) {q} * {IntExpr(0)}]",
            7 => $"{ArrayExpr(depth - 1)}.map({q} -> {q} * {IntExpr(0)} + 1)",
            8 => $"{ArrayExpr(depth - 1)}.filter({q} -> {q} % 3 != {IntExpr(0)} % 3)",
            _ => $"{ArrayExpr(depth - 1)}.concat({ArrayExpr(depth - 1)})",
        };
    }

    private string ShapeExpr(int depth)
    {
        if (VarOf(T.Shape) is { } v && Chance(60)) return v.Name;
        var d = Math.Max(0, depth - 1);
        return _rng.Next(3) switch
        {
            0 => $"new Base({IntExpr(d)}, {StringExpr(d)})",
            1 => $"new Sub({IntExpr(d)}, {IntExpr(d)})",
            _ => $"new Other({FloatExpr(d)})",
        };
    }

    private string OpExpr(int depth)
    {
        if (VarOf(T.Op) is { } v && Chance(50)) return v.Name;
        var d = Math.Max(0, depth - 1);
        return _rng.Next(5) switch
        {
            0 => $"Lit({IntExpr(d)})",
            1 => $"Add({IntExpr(d)}, {IntExpr(d)})",
            2 => $"Neg({IntExpr(d)})",
            3 => $"Name({StringExpr(d)})",
            _ => "Nothing",
        };
    }

    // A switch expression over an Int or an Op, giving an Int.
    private string Switch(int d)
    {
        if (Chance(50))
            return $"(switch ({OpExpr(d)}) {{ case Lit(q): q * 2; case Add(q, r) if (q > r): q - r; case Add(q, r): r; " +
                   $"case Neg(_): {IntExpr(d)}; case Name(s): s.length; case Nothing: {IntExpr(0)}; }})";
        var cases = new List<string>();
        var used = new HashSet<int>();
        var n = 1 + _rng.Next(4);
        for (var i = 0; i < n; i++)
        {
            var k = _rng.Next(-2, 8);
            if (!used.Add(k)) continue;
            var alt = _rng.Next(-2, 8);
            var pattern = Chance(30) && used.Add(alt) ? $"{k} | {alt}" : k.ToString(System.Globalization.CultureInfo.InvariantCulture);
            cases.Add($"case {pattern}: {IntExpr(d)};");
        }
        return $"(switch ({IntExpr(d)} % 8) {{ {string.Join(" ", cases)} default: {IntExpr(d)}; }})";
    }

    // A call to an earlier static function giving the type, if one exists and its cost fits the budget.
    private string? Call(T result, int d)
    {
        var candidates = _functions.Where(f => f.Result == result && _cost + f.Cost * _multiplier <= CostBudget).ToList();
        if (candidates.Count == 0) return null;
        var f = candidates[_rng.Next(candidates.Count)];
        _cost += f.Cost * _multiplier;
        return $"{f.Name}({string.Join(", ", f.Params.Select(p => Expr(p, d)))})";
    }
}
