using Rayzor.Frontend.Typed;
using Rayzor.Frontend.Typing;
using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Lowering;

/// Closures (docs/abi.md): local functions, static functions and bound methods as values, calls
/// of function values, and captured variables, which live in heap cells shared by reference.
public sealed partial class Lowerer
{
    private sealed record PendingLambda(TFunction Fn, string Name, bool HasThis, string? File);

    private readonly Queue<PendingLambda> _lambdas = new();
    private readonly HashSet<string> _wrappers = new();
    private string _fnName = "";

    // ---- captured variables ----

    /// Declares a captured local: a fresh cell (so each loop iteration gets its own variable).
    private void DeclareCell(LocalSymbol l, ValueId initial)
    {
        var cell = _b.Alloc(8);
        _b.SetField(cell, 0, initial);
        _localTypes[l] = _fn.TypeOf(initial);
        _ssa.Write(l.Id, _b.Current, cell);
    }

    private ValueId CellOf(LocalSymbol l) => _ssa.Read(l.Id, MirType.Ptr, _b.Current);

    /// Writes a local: its SSA value, or its cell when captured.
    private void WriteLocal(LocalSymbol l, ValueId v)
    {
        if (l.Captured) _b.SetField(CellOf(l), 0, Adapt(v, LocalType(l)));
        else _ssa.Write(l.Id, _b.Current, v);
    }

    private MirType LocalType(LocalSymbol l) => _localTypes.TryGetValue(l, out var t) ? t : MirTypeOf(l.Type);

    // ---- function values ----

    private ValueId LowerFunction(TFunction fn, ValueId? selfCell = null)
    {
        var hasThis = !_this.IsNone;
        var slots = fn.Captures.Count + (hasThis ? 1 : 0);
        var env = slots == 0 ? _b.Null() : _b.Alloc(8 * slots);
        for (var k = 0; k < fn.Captures.Count; k++)
        {
            var c = fn.Captures[k];
            var cell = selfCell is { } sc && c == fn.Self ? sc : CellOf(c);
            _b.SetField(env, 8 * k, cell);
        }
        if (hasThis) _b.SetField(env, 8 * fn.Captures.Count, _this);
        var name = $"{_fnName}.$lambda{fn.Id}";
        _lambdas.Enqueue(new PendingLambda(fn, name, hasThis, _fn.SourceFile));
        return _b.Closure(name, env);
    }

    private void LowerPendingLambdas()
    {
        while (_lambdas.Count > 0)
        {
            var p = _lambdas.Dequeue();
            var fun = (TFun)p.Fn.Type.Follow();
            var ps = new List<MirType> { MirType.Ptr };
            ps.AddRange(fun.Args.Select(a => MirTypeOf(a.Type)));
            Begin(p.Name, ps, MirTypeOf(fun.Return), p.File);
            var env = _fn.Entry.Params[0];
            for (var k = 0; k < p.Fn.Captures.Count; k++)
            {
                var c = p.Fn.Captures[k];
                _localTypes[c] = MirTypeOf(c.Type);
                _ssa.Write(c.Id, _b.Current, _b.GetField(env, 8 * k, MirType.Ptr));
            }
            if (p.HasThis) _this = _b.GetField(env, 8 * p.Fn.Captures.Count, MirType.Ptr);
            for (var i = 0; i < p.Fn.Args.Count; i++) BindLocal(p.Fn.Args[i], _fn.Entry.Params[i + 1]);
            LowerExpr(p.Fn.Body);
            End();
        }
    }

    /// Binds an argument local to its incoming value (into a cell when captured).
    private void BindLocal(LocalSymbol l, ValueId v)
    {
        if (l.Captured) DeclareCell(l, v);
        else
        {
            _localTypes[l] = _fn.TypeOf(v);
            _ssa.Write(l.Id, _b.Current, v);
        }
    }

    /// `Main.f` used as a value: a closure whose code calls the static function.
    private ValueId StaticFunctionValue(FieldSymbol f)
    {
        var name = f.FullName + ".$fn";
        var fun = (TFun)f.Type!.Follow();
        if (_wrappers.Add(name))
            EmitWrapper(name, fun, (args, ret) => f.IsExtern
                ? LowerExternCall(SyntheticCall(fun, null, f, args.Skip(1).ToList(), out _), f)
                : _b.Call(f.FullName, ret, args.Skip(1).ToList()));
        return _b.Closure(name, _b.Null());
    }

    /// A method of a built-in type used as a value (`arr.push`, `"s".toUpperCase`): a closure over
    /// the receiver whose code lowers the call as a call site would (one per use: the receiver's
    /// element types decide the code).
    private ValueId ExternMethodValue(TInstanceField m)
    {
        var self = LowerValue(m.Target);
        var fun = (TFun)m.Type.Follow();
        var name = $"{m.Field.FullName}.$extern{_wrappers.Count}";
        _wrappers.Add(name);
        EmitWrapper(name, fun, (args, ret) =>
        {
            var call = SyntheticCall(fun, m.Target.Type, m.Field, args, out var receiver);
            return LowerExternMethod(call, receiver!, m.Field);
        });
        return _b.Closure(name, self);
    }

    /// A call of `f` whose receiver (when `receiverType` is given, the first value) and arguments
    /// are locals bound to the wrapper's parameters.
    private TCall SyntheticCall(TFun fun, HType? receiverType, FieldSymbol f, List<ValueId> values, out TExpr? receiver)
    {
        var span = Frontend.Text.TextSpan.None;
        var id = -100000;
        TExpr Bind(HType t, ValueId v)
        {
            var local = new LocalSymbol(id--, "`arg", t, span);
            BindLocal(local, Adapt(v, MirTypeOf(t) is MirType.Void ? MirType.Ptr : MirTypeOf(t)));
            return new TLocal(span, local);
        }
        receiver = receiverType != null ? Bind(receiverType, values[0]) : null;
        var first = receiverType != null ? 1 : 0;
        var args = fun.Args.Select((a, i) => Bind(a.Type, values[first + i])).ToList();
        var callee = receiver != null ? (TExpr)new TInstanceField(span, fun, receiver, f) : new TStaticField(span, fun, f);
        return new TCall(span, fun.Return, callee, args);
    }

    /// `obj.method` used as a value: a closure over the receiver that dispatches like a call.
    private ValueId BoundMethodValue(TInstanceField m)
    {
        if (IsDynamicMethod(m.Field) && m.Target is not TSuper && FieldSlot(m.Target, m.Field) is { } slot)
            return _b.GetField(LowerValue(m.Target), slot.Offset, MirType.Ptr);
        var recv = FollowNullable(m.Target.Type) as TInst;
        var self = m.Target is TSuper ? _this : LowerValue(m.Target);
        var name = m.Target is TSuper ? SuperWrapper(m.Field) : BoundWrapper(recv?.Class, m.Field);
        return _b.Closure(name, self);
    }

    /// The code of `receiver.method` as a closure whose environment is the receiver.
    private string BoundWrapper(ClassSymbol? receiver, FieldSymbol f)
    {
        var name = $"{receiver?.FullName ?? f.Owner.FullName}.{f.Name}.$bound";
        if (_wrappers.Add(name))
            EmitWrapper(name, (TFun)f.Type!.Follow(), (args, ret) =>
            {
                if (!IsDispatched(f, receiver)) return _b.Call(f.FullName, ret, args);
                return Dispatch(receiver!, f, args, ret);
            });
        return name;
    }

    private string SuperWrapper(FieldSymbol f)
    {
        var name = f.FullName + ".$super";
        if (_wrappers.Add(name)) EmitWrapper(name, (TFun)f.Type!.Follow(), (args, ret) => _b.Call(f.FullName, ret, args));
        return name;
    }

    /// Builds a function `(env, args of fun) -> ret of fun` whose body is `body(params, ret)`.
    private void EmitWrapper(string name, TFun fun, Func<List<ValueId>, MirType, ValueId> body)
    {
        var saved = SaveFunctionState();
        var ps = new List<MirType> { MirType.Ptr };
        ps.AddRange(fun.Args.Select(a => MirTypeOf(a.Type)));
        var ret = MirTypeOf(fun.Return);
        Begin(name, ps, ret, null);
        var r = body([.. _fn.Entry.Params], ret);
        _b.Ret(ret == MirType.Void ? null : r);
        End();
        RestoreFunctionState(saved);
    }

    private ValueId LowerClosureCall(TCall call)
    {
        var fun = (TFun)call.Callee.Type.Follow();
        var clo = LowerValue(call.Callee);
        var args = new List<ValueId> { clo };
        args.AddRange(AdaptArgs(call.Args, fun));
        var ret = MirTypeOf(fun.Return);
        var r = _b.CallClosure(ret, args);
        var want = MirTypeOf(call.Type);
        return ret == MirType.Void || want == MirType.Void ? r : AdaptResult(r, fun.Return, call.Type);
    }

    /// Converts a function value between two function types of different representation (a
    /// generic `T` is a pointer where the closure takes an Int): wraps it in an adapting closure.
    private ValueId AdaptFunction(ValueId clo, TFun from, TFun to)
    {
        var fromSig = Signature(from);
        var toSig = Signature(to);
        if (fromSig == toSig) return clo;
        var name = $"$adapt.{toSig}.to.{fromSig}";
        if (_wrappers.Add(name))
            EmitWrapper(name, to, (args, ret) =>
            {
                var inner = new List<ValueId> { args[0] };
                for (var i = 0; i < from.Args.Count; i++)
                    inner.Add(i + 1 < args.Count ? Adapt(args[i + 1], MirTypeOf(from.Args[i].Type)) : ZeroValue(MirTypeOf(from.Args[i].Type)));
                var innerRet = MirTypeOf(from.Return);
                var r = _b.CallClosure(innerRet, inner);
                return ret == MirType.Void ? r : innerRet == MirType.Void ? ZeroValue(ret) : Adapt(r, ret);
            });
        return _b.Closure(name, clo);
    }

    private string Signature(TFun f) => string.Concat(f.Args.Select(a => MirTypeOf(a.Type).Name()[0])) + "_" + MirTypeOf(f.Return).Name();

    /// A call's result from the callee's declared (possibly generic) type to the type at the call site.
    private ValueId AdaptResult(ValueId v, HType declared, HType want)
    {
        if (declared.Follow() is TFun from && want.Follow() is TFun to && _fn.TypeOf(v) == MirType.Ptr) return AdaptFunction(v, from, to);
        return Adapt(v, MirTypeOf(want));
    }

    /// Adapts a value to the type a callee declares (boxing for a generic T, function adapters).
    private ValueId AdaptTo(ValueId v, HType actual, HType declared)
    {
        if (actual.Follow() is TFun from && declared.Follow() is TFun to && _fn.TypeOf(v) == MirType.Ptr) return AdaptFunction(v, from, to);
        return Adapt(v, MirTypeOf(declared));
    }

    private (MirFunction, MirBuilder, SsaBuilder, Dictionary<LocalSymbol, MirType>, List<(Block, Block)>, ValueId, string) SaveFunctionState() =>
        (_fn, _b, _ssa, new Dictionary<LocalSymbol, MirType>(_localTypes), [.. _loops], _this, _fnName);

    private void RestoreFunctionState((MirFunction Fn, MirBuilder B, SsaBuilder Ssa, Dictionary<LocalSymbol, MirType> Types, List<(Block, Block)> Loops, ValueId This, string Name) s)
    {
        (_fn, _b, _ssa, _this, _fnName) = (s.Fn, s.B, s.Ssa, s.This, s.Name);
        _localTypes.Clear();
        foreach (var kv in s.Types) _localTypes[kv.Key] = kv.Value;
        _loops.Clear();
        _loops.AddRange(s.Loops);
    }
}
