using Rayzor.Frontend.Typing;

namespace Rayzor.Frontend.Typed;

/// A Haxe type after resolution (Haxe's `Type.t`).
public abstract class HType
{
    /// Follows bound monomorphs and typedefs to the type that decides behaviour.
    public HType Follow()
    {
        var t = this;
        while (true)
        {
            switch (t)
            {
                case TMono { Bound: { } b }: t = b; continue;
                case TType tt: t = tt.Typedef.Expand(tt.Params); continue;
                default: return t;
            }
        }
    }

    public abstract override string ToString();
}

/// An unknown type to be inferred (`var x;`, `[]`); binds once by unification.
public sealed class TMono : HType
{
    public HType? Bound { get; set; }

    public override string ToString() => Bound?.ToString() ?? "Unknown<0>";
}

/// An instance of a class or interface (`String`, `Main`, `Array<Int>`).
public sealed class TInst(ClassSymbol cls, IReadOnlyList<HType> parameters) : HType
{
    public ClassSymbol Class { get; } = cls;
    public IReadOnlyList<HType> Params { get; } = parameters;

    public override string ToString() => Class.Name + TypeTextOf.Args(Params);
}

/// An enum value type.
public sealed class TEnum(EnumSymbol en, IReadOnlyList<HType> parameters) : HType
{
    public EnumSymbol Enum { get; } = en;
    public IReadOnlyList<HType> Params { get; } = parameters;

    public override string ToString() => Enum.Name + TypeTextOf.Args(Params);
}

/// An abstract type; the core types Int, Float, Bool, Void, Null and Dynamic are abstracts too.
public sealed class TAbstract(AbstractSymbol abs, IReadOnlyList<HType> parameters) : HType
{
    public AbstractSymbol Abstract { get; } = abs;
    public IReadOnlyList<HType> Params { get; } = parameters;

    public override string ToString() => Abstract.Name + TypeTextOf.Args(Params);
}

/// A typedef reference, expanded by Follow.
public sealed class TType(TypedefSymbol td, IReadOnlyList<HType> parameters) : HType
{
    public TypedefSymbol Typedef { get; } = td;
    public IReadOnlyList<HType> Params { get; } = parameters;

    public override string ToString() => Typedef.Name + TypeTextOf.Args(Params);
}

/// A function type `(a:Int, ?b:String) -> Void`.
public sealed class TFun(IReadOnlyList<FunArg> args, HType ret) : HType
{
    public IReadOnlyList<FunArg> Args { get; } = args;
    public HType Return { get; } = ret;

    /// As Haxe 4.2 prints it: `(a : Int, ?b : Null<String>) -> Void` when the arguments have
    /// names, `Int -> Void` when they have none (a written `Int -> Void` type), `() -> Void`.
    public override string ToString()
    {
        if (Args.Count == 0) return "() -> " + ResultText(Return);
        if (Args.All(a => a.Name.Length == 0))
            return string.Join(" -> ", Args.Select(a => (a.Optional ? "?" : "") + ArgText(a.Type))) + " -> " + ResultText(Return);
        return "(" + string.Join(", ", Args.Select(a => (a.Optional ? "?" : "") + (a.Name.Length > 0 ? a.Name + " : " : "") + (a.Optional ? TypeTextOf.Nullable(a.Type) : ArgText(a.Type)))) + ") -> " + ResultText(Return);
    }

    // a function type inside an argument or result is parenthesized, as Haxe does
    private static string ArgText(HType t) => t.Follow() is TFun ? "(" + t + ")" : t.ToString();

    private static string ResultText(HType t) => t is TFun { Args.Count: > 0 } f && f.Args.All(a => a.Name.Length == 0) ? "(" + t + ")" : t.ToString();
}

/// One argument of a function type.
public sealed record FunArg(string Name, bool Optional, HType Type)
{
    /// Declared with `?` (Haxe then shows its type as `Null<T>`), not only with a default value.
    public bool Question { get; init; }
}

/// `Dynamic`: any value, accessed by name at run time.
public sealed class TDynamic : HType
{
    public static readonly TDynamic Instance = new();

    public override string ToString() => "Dynamic";
}

/// A type parameter of a class or function (`T`), erased at run time.
public sealed class TParam(string name, IReadOnlyList<HType> constraints) : HType
{
    public string Name { get; } = name;
    public IReadOnlyList<HType> Constraints { get; set; } = constraints;

    public override string ToString() => Name;
}

/// An anonymous structure type `{ a:Int, ?b:String }`.
public sealed class TAnon(IReadOnlyList<AnonField> fields) : HType
{
    public IReadOnlyList<AnonField> Fields { get; } = fields;

    /// The type of an object literal: Haxe prints its fields in descending name order.
    public bool Literal { get; init; }

    public AnonField? Find(string name) => Fields.FirstOrDefault(f => f.Name == name);

    public override string ToString() =>
        "{ " + string.Join(", ", (Literal ? Fields.OrderByDescending(f => f.Name, StringComparer.Ordinal) : Fields.AsEnumerable()).Select(f => (f.Optional ? "?" : "") + f.Name + " : " + f.Type)) + " }";
}

/// A field of an anonymous structure type.
public sealed record AnonField(string Name, HType Type, bool Optional, bool ReadOnly = false);

/// A `Class<T>` / `Enum<T>` value: the type itself used as an expression (`Math`, `Main`).
public sealed class TTypeExpr(TypeSymbol type) : HType
{
    public TypeSymbol Type { get; } = type;

    public override string ToString() => $"Class<{Type.Name}>";
}

/// How Haxe prints parts of types.
public static class TypeTextOf
{
    public static string Args(IReadOnlyList<HType> ps) => ps.Count == 0 ? "" : "<" + string.Join(", ", ps) + ">";

    /// An optional argument's type as Haxe shows it: `Null<T>` unless it already is.
    public static string Nullable(HType t)
    {
        var x = t;
        while (x is TMono { Bound: { } b }) x = b;
        return x is TAbstract { Abstract.Name: "Null" } || x is TDynamic ? t.ToString() : "Null<" + t + ">";
    }
}
