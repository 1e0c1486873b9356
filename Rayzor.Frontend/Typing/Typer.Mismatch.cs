using Rayzor.Frontend.Typed;

namespace Rayzor.Frontend.Typing;

public sealed partial class Typer
{
    /// Two instances of one generic type that differ in a type argument (`Array<Float>` for
    /// `Array<Int>`): Haxe names the innermost differing pair, then both whole types with the
    /// other arguments elided (`... have: Map<..., Float>`). Null when that is not the case.
    private List<string>? ParameterMismatch(HType have, HType want)
    {
        if (ParameterPath(have, want) is not { } m) return null;
        return [$"error: {m.InnerHave} should be {m.InnerWant}", "... have: " + m.Have, "... want: " + m.Want];
    }

    private (string Have, string Want, string InnerHave, string InnerWant)? ParameterPath(HType have, HType want)
    {
        have = Prune(have); want = Prune(want);
        IReadOnlyList<HType>? hp = null, wp = null;
        switch (have, want)
        {
            case (TInst hi, TInst wi) when hi.Class == wi.Class: (hp, wp) = (hi.Params, wi.Params); break;
            case (TEnum he, TEnum we) when he.Enum == we.Enum: (hp, wp) = (he.Params, we.Params); break;
            case (TAbstract ha, TAbstract wa) when ha.Abstract == wa.Abstract && ha.Abstract != _core.NullSym: (hp, wp) = (ha.Params, wa.Params); break;
        }
        if (hp == null || wp == null || hp.Count != wp.Count) return null;
        for (var i = 0; i < hp.Count; i++)
        {
            if (SameType(hp[i], wp[i]) || CanUnify(hp[i], wp[i]) && CanUnify(wp[i], hp[i])) continue;
            if (ParameterPath(hp[i], wp[i]) is { } inner)
                return (Elided(have, hp, i, inner.Have), Elided(want, wp, i, inner.Want), inner.InnerHave, inner.InnerWant);
            return (Elided(have, hp, i, Prune(hp[i]).ToString()), Elided(want, wp, i, Prune(wp[i]).ToString()), Prune(hp[i]).ToString(), Prune(wp[i]).ToString());
        }
        return null;
    }

    /// `Name<..., text, ...>`: the type with its i-th argument written as `text`, the others elided.
    private static string Elided(HType t, IReadOnlyList<HType> ps, int i, string text)
    {
        var full = t.ToString();
        var lt = full.IndexOf('<');
        var name = lt > 0 ? full[..lt] : full;
        return name + "<" + string.Join(", ", ps.Select((_, j) => j == i ? text : "...")) + ">";
    }
}
