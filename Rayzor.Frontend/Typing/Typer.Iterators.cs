using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;
using Rayzor.Frontend.Typed;

namespace Rayzor.Frontend.Typing;

/// `for` over anything but an Int range or a plain array: the loop is rewritten to the iterator
/// protocol, as Haxe does, over hidden locals (names starting with a backquote):
/// `for (x in it)` with `it` an Iterator is `while (it.hasNext()) { var x = it.next(); body }`;
/// an Iterable gives its `iterator()` first; `for (k => v in e)` uses `keyValueIterator()` (an
/// array walks its indices, a map's native iterator gives the key and value without an object).
public sealed partial class Typer
{
    private int _hiddenCount;

    private TExpr TypeForIterable(ForExpr fe, TExpr iterable)
    {
        var span = fe.Span;
        PushScope();
        var list = new List<TExpr>();
        string Hide(TExpr value, string what)
        {
            var name = $"`{what}{_hiddenCount++}";
            var local = DeclareLocal(name, value.Type, span);
            list.Add(new TVar(span, _core.Void, local, value));
            return name;
        }
        Expr Id(string n) => new IdentExpr(span, n);
        Expr Call(string target, string method) => new CallExpr(span, new FieldExpr(span, Id(target), method, span), []);
        Expr Var(string name, TextSpan at, Expr init) => new VarExpr(at, [new VarDeclarator(at, name, null, init, [])], false);
        TExpr? result = null;

        var it = Hide(iterable, "it");
        if (fe.KeyVar != null && ArrayElem(iterable.Type) != null)
        {
            // `for (i => v in array)`: indices of the live array
            var i = Hide(new TConst(span, _core.Int, 0), "i");
            var loop = new WhileExpr(span, new BinaryExpr(span, BinaryOp.Lt, Id(i), new FieldExpr(span, Id(it), "length", span)),
                new BlockExpr(span, [
                    Var(fe.KeyVar, fe.VarSpan, Id(i)),
                    Var(fe.Var, fe.VarSpan, new IndexExpr(span, Id(it), Id(i))),
                    new UnaryExpr(span, UnaryOp.Increment, false, Id(i)),
                    fe.Body,
                ]), false);
            result = TypeLoop(loop);
        }
        else
        {
            var t = iterable.Type;
            if (fe.KeyVar != null && !HasField(t, "hasNext"))
            {
                if (!HasField(t, "keyValueIterator") && !HasExtension(t, "keyValueIterator")) { PopScope(); return Unsupported(fe.Iterable.Span, $"{t} has no keyValueIterator() and"); }
                it = Hide(TypeExpr(Call(it, "keyValueIterator"), null), "kv");
            }
            else if (!HasField(t, "hasNext") || !HasField(t, "next"))
            {
                if (!HasField(t, "iterator") && !HasExtension(t, "iterator"))
                {
                    PopScope();
                    Error(fe.Iterable.Span, $"{t} has no field iterator");
                    return Poisoned(fe.Iterable.Span);
                }
                it = Hide(TypeExpr(Call(it, "iterator"), null), "iter");
            }
            var itType = LookupLocal(it)!.Type;
            var body = new List<Expr>();
            if (fe.KeyVar == null) body.Add(Var(fe.Var, fe.VarSpan, Call(it, "next")));
            else if (HasField(itType, "nextKey"))
            {
                // a map's native key-value iterator: no entry object
                body.Add(Var(fe.KeyVar, fe.VarSpan, Call(it, "nextKey")));
                body.Add(Var(fe.Var, fe.VarSpan, Call(it, "nextValue")));
            }
            else
            {
                var e = $"`entry{_hiddenCount++}";
                body.Add(Var(e, span, Call(it, "next")));
                body.Add(Var(fe.KeyVar, fe.VarSpan, new FieldExpr(span, Id(e), "key", span)));
                body.Add(Var(fe.Var, fe.VarSpan, new FieldExpr(span, Id(e), "value", span)));
            }
            body.Add(fe.Body);
            result = TypeLoop(new WhileExpr(span, Call(it, "hasNext"), new BlockExpr(span, body), false));
        }
        list.Add(result);
        PopScope();
        return new TBlock(span, _core.Void, list);
    }

    private TExpr TypeLoop(WhileExpr w)
    {
        var cond = Coerce(TypeExpr(w.Cond, _core.Bool), _core.Bool, w.Cond.Span);
        _loopDepth++;
        var body = TypeExpr(w.Body, null);
        _loopDepth--;
        return new TWhile(w.Span, _core.Void, cond, body, false);
    }

    /// Whether values of `t` have a field `name` (class fields, anonymous structure fields).
    private bool HasField(HType t, string name)
    {
        var f = t.Follow();
        if (f is TAbstract a && a.Abstract == _core.NullSym) f = a.Params[0].Follow();
        return f switch
        {
            TInst i => i.Class.FindField(name) != null,
            TAnon an => an.Find(name) != null,
            // an abstract's own member, or one it forwards from its underlying type
            TAbstract { Abstract: { IsCoreType: false } ab } => ab.Fields.ContainsKey(name)
                || ab.HasMeta(":forward") && ab.Underlying is { } u && HasField(u, name),
            _ => false,
        };
    }

    /// `a...b` used as a value: `new IntIterator(a, b)`.
    private TExpr TypeIntervalValue(BinaryExpr b) =>
        TypeExpr(new NewExpr(b.Span, new PathTypeHint(b.Span, [], "IntIterator", null, []), [b.Left, b.Right]), null);

    /// `array.iterator()` is `new haxe.iterators.ArrayIterator(array)` (the std's inline body);
    /// `keyValueIterator()` likewise.
    private TExpr TypeArrayIteratorCall(CallExpr c, TInstanceField callee)
    {
        var name = callee.Field.Name == "iterator" ? "ArrayIterator" : "ArrayKeyValueIterator";
        if (c.Args.Count > 0) Error(c.Args[0].Span, "Too many arguments");
        if (_loader.Load("haxe.iterators." + name)?.Find(name) is not ClassSymbol cls) return Unsupported(c.Span, "Array." + callee.Field.Name);
        var elem = ArrayElem(callee.Target.Type) ?? new TMono();
        var type = (TInst)MakeType(cls, [elem], c.Span);
        UseClass(cls);
        if (ConstructorOf(cls) is { } ctor) EnsureTyped(ctor);
        return new TNew(c.Span, type, cls, [callee.Target]);
    }
}
