using Rayzor.Frontend.Typed;

namespace Rayzor.Frontend.Typing;

/// Replaces type parameters by arguments inside a type.
public static class TypeSubst
{
    public static HType Apply(HType t, IReadOnlyList<TParam> ps, IReadOnlyList<HType> args)
    {
        if (ps.Count == 0) return t;
        return Map(t);

        HType Map(HType x)
        {
            switch (x)
            {
                case TParam p:
                    var i = IndexOf(ps, p);
                    return i >= 0 && i < args.Count ? args[i] : p;
                case TMono { Bound: { } b }: return Map(b);
                case TInst i2 when i2.Params.Count > 0: return new TInst(i2.Class, i2.Params.Select(Map).ToList());
                case TEnum e when e.Params.Count > 0: return new TEnum(e.Enum, e.Params.Select(Map).ToList());
                case TAbstract a when a.Params.Count > 0: return new TAbstract(a.Abstract, a.Params.Select(Map).ToList());
                case TType tt when tt.Params.Count > 0: return new TType(tt.Typedef, tt.Params.Select(Map).ToList());
                case TFun f: return new TFun(f.Args.Select(a => a with { Type = Map(a.Type) }).ToList(), Map(f.Return));
                case TAnon an: return new TAnon(an.Fields.Select(f => f with { Type = Map(f.Type) }).ToList());
                default: return x;
            }
        }
    }

    private static int IndexOf(IReadOnlyList<TParam> ps, TParam p)
    {
        for (var i = 0; i < ps.Count; i++)
            if (ReferenceEquals(ps[i], p)) return i;
        return -1;
    }
}
