using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;
using Rayzor.Frontend.Typed;

namespace Rayzor.Frontend.Typing;

public sealed partial class Typer
{
    /// The first local id of each enclosing `try` body being typed, innermost last: a local with a
    /// smaller id assigned inside the body is declared outside it.
    private readonly List<int> _tryStarts = new();

    /// `throw e`: any value, boxed when basic. Its type is a fresh monomorph (it never produces a value).
    private TExpr TypeThrow(ThrowExpr th)
    {
        var value = TypeValue(th.Value);
        if (IsPoisoned(value)) return value;
        if (_core.IsVoid(value.Type)) { Error(th.Value.Span, "Cannot use Void as value"); return Poisoned(th.Span); }
        return new TThrow(th.Span, new TMono(), Coerce(value, TDynamic.Instance, th.Value.Span));
    }

    /// A local assigned inside a `try` body and declared outside it lives in a cell: after a throw,
    /// the handler (and the code after the try) must see the value it had at the throw, which SSA
    /// values cannot carry across the longjmp (docs/architecture.md, Exceptions).
    private void NoteTryAssign(TExpr target)
    {
        if (_tryStarts.Count > 0 && target is TLocal { Local: var l } && l.Id < _tryStarts[^1]) l.Captured = true;
        if (target is TLocal { Local: var t } && _field is { AbstractThis: { } self } && t == self) _field.ThisByRef = true;
    }

    private TExpr TypeTry(TryExpr t, HType? expected)
    {
        var valued = expected != null && !_core.IsVoid(expected)
            && !(Prune(expected) is TMono && (IsStatement(t.Body) || t.Catches.Any(c => IsStatement(c.Body))));
        _tryStarts.Add(_nextLocalId);
        TExpr body;
        try { body = TypeExpr(t.Body, valued ? expected : null); }
        finally { _tryStarts.RemoveAt(_tryStarts.Count - 1); }
        var catches = new List<(TCatch Clause, TextSpan Span)>();
        foreach (var c in t.Catches)
        {
            var type = c.Type != null ? ResolveHint(c.Type) : TDynamic.Instance;
            PushScope();
            LocalSymbol? raw = null;
            TExpr? convert = null;
            if (IsHaxeException(type, out var excClass))
            {
                // haxe.Exception catches every value, wrapping the ones that are not Exceptions
                raw = DeclareLocal("`raw", TDynamic.Instance, c.Span);
                if (excClass!.Statics.TryGetValue("caught", out var caught))
                    convert = new TCall(c.Span, type, StaticFieldExpr(c.Span, excClass, caught), [new TLocal(c.Span, raw)]);
            }
            var local = DeclareLocal(c.Name, type, c.Span);
            var handler = TypeExpr(c.Body, valued ? expected ?? body.Type : null);
            PopScope();
            catches.Add((new TCatch(local, type, handler, raw, convert), c.Body.Span));
        }
        if (!valued) return new TTry(t.Span, _core.Void, body, catches.Select(c => c.Clause).ToList());
        var resultType = expected!;
        if (Prune(expected!) is TMono)
        {
            // the branches meet as `if` branches do (Int and Float give Float, null makes Null<T>)
            TExpr? acc = IsStatementTyped(body) ? null : body;
            foreach (var (c, _) in catches)
                if (!IsStatementTyped(c.Body)) acc = acc == null ? c.Body : new TConst(acc.Span, CommonType(acc, c.Body), 0);
            resultType = acc?.Type ?? body.Type;
        }
        if (Prune(expected!) is TMono) Unify(expected!, resultType);
        body = Coerce(body, resultType, t.Body.Span);
        var coerced = catches.Select(c => c.Clause with { Body = Coerce(c.Clause.Body, resultType, c.Span) }).ToList();
        return new TTry(t.Span, resultType, body, coerced);
    }

    private static bool IsStatementTyped(TExpr e) => e is TThrow or TReturn or TBreak or TContinue;

    /// `haxe.Exception` itself (not a subclass): its catch receives every thrown value.
    private bool IsHaxeException(HType t, out ClassSymbol? cls)
    {
        cls = t.Follow() is TInst { Class: var c } && c.FullName == "haxe.Exception" ? c : null;
        return cls != null;
    }
}
