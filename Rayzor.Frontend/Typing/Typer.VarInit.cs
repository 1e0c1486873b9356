using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Typed;

namespace Rayzor.Frontend.Typing;

/// `Local variable x used without being initialized`: a `var x;` must be assigned on every path
/// before it is read. Haxe finds this in a filter after typing and stops at the first one, so it
/// is reported once, after the other errors.
public sealed partial class Typer
{
    private bool _varInitReported;

    private void CheckVarInit(TExpr body)
    {
        if (_varInitReported) return;
        var unset = new HashSet<LocalSymbol>();
        Assigned(body, ref unset);
    }

    /// Walks `e` in evaluation order; `unset` holds the locals not yet surely assigned (null once
    /// the path cannot go on: after return, throw, break or continue).
    private void Assigned(TExpr? e, ref HashSet<LocalSymbol>? unset)
    {
        if (e == null || unset == null || _varInitReported) return;
        switch (e)
        {
            case TVar v:
                Assigned(v.Init, ref unset);
                if (v.Init == null) unset?.Add(v.Local); else unset?.Remove(v.Local);
                return;
            case TLocal l:
                if (unset.Contains(l.Local))
                {
                    _varInitReported = true;
                    Error(l.Span, $"Local variable {l.Local.Name} used without being initialized", LateCode);
                }
                return;
            case TAssign { Target: TLocal target } a:
                Assigned(a.Value, ref unset);
                unset?.Remove(target.Local);
                return;
            case TIf i:
            {
                Assigned(i.Cond, ref unset);
                var then = Copy(unset);
                Assigned(i.Then, ref then);
                var els = Copy(unset);
                Assigned(i.Else, ref els);
                unset = Merge(then, els);
                return;
            }
            case TBinary { Op: BinaryOp.BoolAnd or BinaryOp.BoolOr } b:
            {
                Assigned(b.Left, ref unset);
                var right = Copy(unset); // may not run
                Assigned(b.Right, ref right);
                return;
            }
            case TWhile { DoWhile: true } dw:
                Assigned(dw.Body, ref unset);
                Assigned(dw.Cond, ref unset);
                return;
            case TWhile w:
            {
                Assigned(w.Cond, ref unset);
                var body = Copy(unset); // may not run
                Assigned(w.Body, ref body);
                return;
            }
            case TForRange fr:
            {
                Assigned(fr.From, ref unset);
                Assigned(fr.To, ref unset);
                var body = Copy(unset);
                Assigned(fr.Body, ref body);
                return;
            }
            case TForArray fa:
            {
                Assigned(fa.Array, ref unset);
                var body = Copy(unset);
                Assigned(fa.Body, ref body);
                return;
            }
            case TSwitch sw:
            {
                Assigned(sw.Subject, ref unset);
                HashSet<LocalSymbol>? after = null;
                var any = false;
                foreach (var c in sw.Cases)
                {
                    var branch = Copy(unset);
                    Assigned(c.Guard, ref branch);
                    Assigned(c.Body, ref branch);
                    after = any ? Merge(after, branch) : branch;
                    any = true;
                }
                var rest = Copy(unset);
                if (sw.Default != null) Assigned(sw.Default, ref rest);
                if (sw.Default != null || !sw.Complete || !any) after = any ? Merge(after, rest) : rest;
                unset = after;
                return;
            }
            case TTry t:
            {
                var body = Copy(unset);
                Assigned(t.Body, ref body);
                var after = body;
                foreach (var c in t.Catches)
                {
                    var handler = Copy(unset);
                    Assigned(c.Body, ref handler);
                    after = Merge(after, handler);
                }
                unset = after;
                return;
            }
            case TReturn r:
                Assigned(r.Value, ref unset);
                unset = null;
                return;
            case TThrow th:
                Assigned(th.Value, ref unset);
                unset = null;
                return;
            case TBreak or TContinue:
                unset = null;
                return;
            case TFunction f:
            {
                // its own locals only: a capture is read when the function runs
                var inner = new HashSet<LocalSymbol>();
                Assigned(f.Body, ref inner);
                return;
            }
            case TBlock blk:
                foreach (var x in blk.Exprs) Assigned(x, ref unset);
                return;
            default:
                foreach (var x in Children(e)) Assigned(x, ref unset);
                return;
        }
    }

    private static HashSet<LocalSymbol>? Copy(HashSet<LocalSymbol>? s) => s == null ? null : new HashSet<LocalSymbol>(s);

    /// After two paths join: unset on either (a path that cannot go on adds nothing).
    private static HashSet<LocalSymbol>? Merge(HashSet<LocalSymbol>? a, HashSet<LocalSymbol>? b)
    {
        if (a == null) return b;
        if (b == null) return a;
        a.UnionWith(b);
        return a;
    }
}
