using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;
using Rayzor.Frontend.Typed;

namespace Rayzor.Frontend.Typing;

/// `Missing return`: a function returning a value must not reach the end of its body (Haxe's
/// dead-end analysis).
public sealed partial class Typer
{
    /// Reports `Missing return: T` when `body` can complete normally although the function
    /// returns T; Haxe points at the expression where control gets through.
    private void CheckMissingReturn(HType returnType, TExpr body, TextSpan fallback)
    {
        var ret = Prune(returnType);
        if (ret is TMono || _core.IsVoid(ret) || IsPoisoned(body) || DeadEnd(body)) return;
        Error(body is TBlock { Exprs.Count: 0 } ? fallback : WhereItCompletes(body), $"Missing return: {ret}");
    }

    /// The innermost expression through which `e` (not a dead end) completes: the last one of a
    /// block, the branch of an `if`/`switch`/`try` that is not a dead end, else `e` itself.
    private static TextSpan WhereItCompletes(TExpr e)
    {
        switch (e)
        {
            case TBlock { Exprs.Count: > 0 } b:
                return WhereItCompletes(b.Exprs[^1]);
            case TIf { Else: { } els } i:
                return WhereItCompletes(!DeadEnd(i.Then) ? i.Then : els);
            case TSwitch sw when sw.Cases.FirstOrDefault(c => c.Body != null && !DeadEnd(c.Body)) is { Body: { } open }:
                return WhereItCompletes(open);
            case TSwitch { Default: { } dflt } when !DeadEnd(dflt):
                return WhereItCompletes(dflt);
            case TTry t:
                if (!DeadEnd(t.Body)) return WhereItCompletes(t.Body);
                return t.Catches.FirstOrDefault(c => !DeadEnd(c.Body)) is { } open2 ? WhereItCompletes(open2.Body) : t.Span;
            default:
                return e.Span;
        }
    }

    /// Does evaluating `e` never complete normally (it returns, throws or loops forever)?
    private static bool DeadEnd(TExpr e) => e switch
    {
        TReturn or TThrow => true,
        TBlock b => b.Exprs.Any(DeadEnd),
        TIf { Else: { } els } i => DeadEnd(i.Cond) || DeadEnd(i.Then) && DeadEnd(els),
        TIf i => DeadEnd(i.Cond),
        TSwitch sw => DeadEnd(sw.Subject)
            || sw.Cases.All(c => c.Body != null && DeadEnd(c.Body)) && (sw.Default != null ? DeadEnd(sw.Default) : sw.Complete),
        TTry t => DeadEnd(t.Body) && t.Catches.All(c => DeadEnd(c.Body)),
        TWhile { DoWhile: true } w => DeadEnd(w.Body) && !HasBreak(w.Body),
        TWhile w => w.Cond is TConst { Value: true } && !HasBreak(w.Body) || DeadEnd(w.Cond),
        TBinary { Op: BinaryOp.BoolAnd or BinaryOp.BoolOr } bin => DeadEnd(bin.Left),
        TFunction => false,
        // anything else, `for` loops included: a part that is a dead end (as Haxe's check does)
        _ => Children(e).Any(DeadEnd),
    };

    private static IEnumerable<TExpr> Children(TExpr e)
    {
        switch (e)
        {
            case TCall c: yield return c.Callee; foreach (var a in c.Args) yield return a; break;
            case TNew n: foreach (var a in n.Args) yield return a; break;
            case TSuperCtor sc: foreach (var a in sc.Args) yield return a; break;
            case TEnumValue ev: foreach (var a in ev.Args) yield return a; break;
            case TArrayDecl ad: foreach (var a in ad.Items) yield return a; break;
            case TObjectDecl od: foreach (var f in od.Fields) yield return f.Value; break;
            case TBinary b: yield return b.Left; yield return b.Right; break;
            case TUnary u: yield return u.Operand; break;
            case TIncDec id: yield return id.Target; break;
            case TAssign a: yield return a.Target; yield return a.Value; break;
            case TAssignOp ao: yield return ao.Target; yield return ao.Value; break;
            case TVar { Init: { } init }: yield return init; break;
            case TCast c: yield return c.Value; break;
            case TToString ts: yield return ts.Value; break;
            case TTrace t: yield return t.Value; break;
            case TIndex ix: yield return ix.Target; yield return ix.Index; break;
            case TMapIndex mi: yield return mi.Map; yield return mi.Key; break;
            case TInstanceField f: yield return f.Target; break;
            case TDynField d: yield return d.Target; break;
            case TForRange fr: yield return fr.From; yield return fr.To; yield return fr.Body; break;
            case TForArray fa: yield return fa.Array; yield return fa.Body; break;
        }
    }

    /// A `break` of this loop (not of a nested one, not inside a local function).
    private static bool HasBreak(TExpr e) => e switch
    {
        TBreak => true,
        TWhile or TForRange or TForArray or TFunction => false,
        TBlock b => b.Exprs.Any(HasBreak),
        TIf i => HasBreak(i.Then) || i.Else != null && HasBreak(i.Else),
        TSwitch sw => sw.Cases.Any(c => c.Body != null && HasBreak(c.Body)) || sw.Default != null && HasBreak(sw.Default),
        TTry t => HasBreak(t.Body) || t.Catches.Any(c => HasBreak(c.Body)),
        _ => false,
    };
}
