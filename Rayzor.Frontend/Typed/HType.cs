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

    public override string ToString() => Class.Name + TypeText.Args(Params);
}

/// An enum value type.
public sealed class TEnum(EnumSymbol en, IReadOnlyList<HType> parameters) : HType
{
    public EnumSymbol Enum { get; } = en;
    public IReadOnlyList<HType> Params { get; } = parameters;

    public override string ToString() => Enum.Name + TypeText.Args(Params);
}

/// An abstract type; the core types Int, Float, Bool, Void, Null and Dynamic are abstracts too.
public sealed class TAbstract(AbstractSymbol abs, IReadOnlyList<HType> parameters) : HType
{
    public AbstractSymbol Abstract { get; } = abs;
    public IReadOnlyList<HType> Params { get; } = parameters;

    public override string ToString() => Abstract.Name + TypeText.Args(Params);
}

/// A typedef reference, expanded by Follow.
public sealed class TType(TypedefSymbol td, IReadOnlyList<HType> parameters) : HType
{
    public TypedefSymbol Typedef { get; } = td;
    public IReadOnlyList<HType> Params { get; } = parameters;

    public override string ToString() => Typedef.Name + TypeText.Args(Params);
}

/// A function type `(a:Int, ?b:String) -> Void`.
public sealed class TFun(IReadOnlyList<FunArg> args, HType ret) : HType
{
    public IReadOnlyList<FunArg> Args { get; } = args;
    public HType Return { get; } = ret;

    public override string ToString() =>
        Args.Count == 0 ? "Void -> " + Return : string.Join(" -> ", Args.Select(a => (a.Optional ? "?" : "") + a.Type)) + " -> " + Return;
}

/// One argument of a function type.
public sealed record FunArg(string Name, bool Optional, HType Type);

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

    public AnonField? Find(string name) => Fields.FirstOrDefault(f => f.Name == name);

    public override string ToString() => "{ " + string.Join(", ", Fields.Select(f => (f.Optional ? "?" : "") + f.Name + " : " + f.Type)) + " }";
}

/// A field of an anonymous structure type.
public sealed record AnonField(string Name, HType Type, bool Optional, bool ReadOnly = false);

/// A `Class<T>` / `Enum<T>` value: the type itself used as an expression (`Math`, `Main`).
public sealed class TTypeExpr(TypeSymbol type) : HType
{
    public TypeSymbol Type { get; } = type;

    public override string ToString() => $"Class<{Type.Name}>";
}

internal static class TypeText
{
    public static string Args(IReadOnlyList<HType> ps) => ps.Count == 0 ? "" : "<" + string.Join(", ", ps) + ">";
}
