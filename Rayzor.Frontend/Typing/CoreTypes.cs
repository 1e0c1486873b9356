using Rayzor.Frontend.Typed;

namespace Rayzor.Frontend.Typing;

/// The core types the language itself relies on, bound from StdTypes.hx and String.hx.
public sealed class CoreTypes
{
    public required AbstractSymbol IntSym { get; init; }
    public required AbstractSymbol FloatSym { get; init; }
    public required AbstractSymbol BoolSym { get; init; }
    public required AbstractSymbol VoidSym { get; init; }
    public required AbstractSymbol NullSym { get; init; }
    public required AbstractSymbol DynamicSym { get; init; }
    public required ClassSymbol StringSym { get; init; }

    public required HType Int { get; init; }
    public required HType Float { get; init; }
    public required HType Bool { get; init; }
    public required HType Void { get; init; }
    public required HType String { get; init; }

    public HType Null(HType t) => new TAbstract(NullSym, [t]);

    public bool IsInt(HType t) => Runtime(t) is TAbstract a && a.Abstract == IntSym;
    public bool IsFloat(HType t) => Runtime(t) is TAbstract a && a.Abstract == FloatSym;
    public bool IsBool(HType t) => Runtime(t) is TAbstract a && a.Abstract == BoolSym;
    public bool IsVoid(HType t) => t.Follow() is TAbstract a && a.Abstract == VoidSym;
    public bool IsString(HType t) => Runtime(t) is TInst i && i.Class == StringSym;

    /// The type a value has at run time: user abstracts are their underlying type (`Meters(Float)` is a Float).
    public static HType Runtime(HType t)
    {
        var x = t.Follow();
        for (var guard = 0; guard < 32 && x is TAbstract { Abstract: { IsCoreType: false, Underlying: { } u } abs } a; guard++)
            x = TypeSubst.Apply(u, abs.Params, a.Params).Follow();
        return x;
    }
    public bool IsNumeric(HType t) => IsInt(t) || IsFloat(t);
    public bool IsDynamic(HType t) => t.Follow() is TDynamic || (t.Follow() is TAbstract a && a.Abstract == DynamicSym);

    /// Int, Float and Bool: stored unboxed; Dynamic and Null<T> hold them boxed.
    public bool IsBasic(HType t) => IsInt(t) || IsFloat(t) || IsBool(t);

    /// `Null<T>` → T, else null.
    public HType? NullInner(HType t)
    {
        // Null<T> is not followed away: it matters for representation.
        var x = t;
        while (x is TMono { Bound: { } b }) x = b;
        if (x is TType tt) return NullInner(tt.Typedef.Expand(tt.Params));
        return x is TAbstract a && a.Abstract == NullSym ? a.Params[0] : null;
    }
}
