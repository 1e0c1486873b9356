using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;
using Rayzor.Frontend.Typed;

namespace Rayzor.Frontend.Typing;

public sealed partial class Typer
{
    /// The function being typed (a method is function 0 of its own body), innermost last.
    private sealed class FunctionFrame(int id)
    {
        public int Id { get; } = id;
        public List<LocalSymbol> Captures { get; } = new();
    }

    private readonly List<FunctionFrame> _frames = new();
    private int _nextFunctionId = 1;

    private int CurrentFunction => _frames.Count > 0 ? _frames[^1].Id : 0;

    /// Records that the innermost functions capture `local` (declared by an outer function).
    private void NoteCapture(LocalSymbol local)
    {
        if (local.Owner == CurrentFunction) return;
        local.Captured = true;
        for (var i = _frames.Count - 1; i >= 0 && _frames[i].Id != local.Owner; i--)
            if (!_frames[i].Captures.Contains(local)) _frames[i].Captures.Add(local);
    }

    private TExpr TypeLocalFunction(FunctionExpr fe, HType? expected)
    {
        var f = fe.Function;
        var args = f.Args.Select((a, i) => new FunArg(a.Name, a.Optional || a.Default != null,
            a.Type != null ? ParamHint(a, boxDefaults: true) : ExpectedArg(expected, i) ?? DefaultArgType(a, boxDefaults: true)) { Question = a.Optional }).ToList();
        var expRet = expected?.Follow() is TFun ef ? ef.Return : null;
        var ret = f.Return != null ? ResolveHint(f.Return)
            : expRet != null && !_core.IsVoid(expRet) && Prune(expRet) is not TMono ? expRet : new TMono();
        var type = new TFun(args, ret);
        LocalSymbol? self = null;
        if (fe.Name != null) self = DeclareLocal(fe.Name, type, fe.Span);
        var fn = TypeFunctionBody(fe.Span, type, f.Args.Select(a => (a.Name, a.Span)).ToList(), WithDefaults(f, args), self, isExpressionBody: false);
        // a named local function is a statement declaring the local
        return self != null ? new TVar(fe.Span, _core.Void, self, fn) : fn;
    }

    /// A local function applies its default arguments itself (`?p:String = "#"` starts with
    /// `if (p == null) p = "#"`), since its callers do not know them. An Int, Float or Bool
    /// argument with a default is a `Null<T>` parameter (ParamHint) that the body sees through a
    /// local of the declared type: `var n:Int = n == null ? 3 : n;`, as Haxe types it inside.
    private Expr WithDefaults(FunctionSyntax f, List<FunArg> args)
    {
        var prologue = new List<Expr>();
        for (var i = 0; i < f.Args.Count; i++)
        {
            if (f.Args[i].Default is not { } dflt || _core.IsBasic(args[i].Type) && _core.NullInner(args[i].Type) == null) continue;
            var at = f.Args[i].Span;
            var name = new IdentExpr(at, f.Args[i].Name);
            var isNull = new BinaryExpr(at, BinaryOp.Eq, name, new IdentExpr(at, "null"));
            if (_core.NullInner(args[i].Type) is { } inner && _core.IsBasic(inner) && f.Args[i].Type is { } declared)
                prologue.Add(new VarExpr(at, [new VarDeclarator(at, f.Args[i].Name, declared, new TernaryExpr(at, isNull, dflt, name), [])], false));
            else
                prologue.Add(new IfExpr(at, isNull, new BinaryExpr(at, BinaryOp.Assign, name, dflt), null));
        }
        return prologue.Count == 0 ? f.Body! : new BlockExpr(f.Body!.Span, [.. prologue, f.Body!]);
    }

    private TExpr TypeArrow(ArrowFunctionExpr ae, HType? expected)
    {
        var args = ae.Args.Select((a, i) => new FunArg(a.Name, a.Optional || a.Default != null,
            a.Type != null ? ParamHint(a) : ExpectedArg(expected, i) ?? DefaultArgType(a, boxDefaults: true)) { Question = a.Optional }).ToList();
        var expRet = expected?.Follow() is TFun ef ? ef.Return : null;
        var ret = expRet != null && !_core.IsVoid(expRet) && Prune(expRet) is not TMono ? expRet : new TMono();
        var type = new TFun(args, ret);
        return TypeFunctionBody(ae.Span, type, ae.Args.Select(a => (a.Name, a.Span)).ToList(), ae.Body, null, isExpressionBody: true);
    }

    private static HType? ExpectedArg(HType? expected, int i) =>
        expected?.Follow() is TFun f && i < f.Args.Count ? f.Args[i].Type : null;

    private TFunction TypeFunctionBody(TextSpan span, TFun type, List<(string Name, TextSpan Span)> argNames, Expr body, LocalSymbol? self, bool isExpressionBody)
    {
        var frame = new FunctionFrame(_nextFunctionId++);
        _frames.Add(frame);
        var saved = (_returnType, _loopDepth, _returnsValue);
        _returnType = type.Return;
        _loopDepth = 0;
        _returnsValue = false;
        PushScope();
        var locals = argNames.Select((a, i) => DeclareLocal(a.Name, type.Args[i].Type, a.Span)).ToList();
        TExpr typed;
        // `x -> e` is `function(x) return e`; a block body returns its last expression
        if (isExpressionBody && !(body is BlockExpr blk && (blk.Exprs.Count == 0 || IsStatement(blk.Exprs[^1]))))
        {
            // `x -> e` returns e unless the expected result is Void
            var value = TypeExpr(body, Prune(type.Return) is TMono ? null : type.Return);
            if (_core.IsVoid(type.Return) || _core.IsVoid(value.Type)) { Unify(type.Return, _core.Void); typed = value; }
            else
            {
                _typingResult = true;
                typed = new TReturn(body.Span, _core.Void, Coerce(value, type.Return, body.Span));
                _typingResult = false;
                _returnsValue = true;
            }
        }
        else
        {
            typed = TypeExpr(body, null);
            CheckMissingReturn(type.Return, typed, body.Span);
        }
        if (Prune(type.Return) is TMono unknown && !_returnsValue) unknown.Bound = _core.Void;
        PopScope();
        (_returnType, _loopDepth, _returnsValue) = saved;
        _frames.RemoveAt(_frames.Count - 1);
        // what the inner function captures from further out, this one captures too
        foreach (var c in frame.Captures) NoteCapture(c);
        return new TFunction(span, type, frame.Id, locals, typed, frame.Captures, self);
    }
}
