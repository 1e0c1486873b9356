using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Typed;
using Rayzor.Frontend.Typing;
using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Lowering;

/// Classes: instance layout, vtables and itables, constructors, field access and method calls.
public sealed partial class Lowerer
{
    private sealed class Layout
    {
        public required ClassSymbol Class { get; init; }
        public required MirClass Mir { get; init; }
        public Dictionary<string, (int Offset, MirType Type)> Fields { get; } = new();
        public Dictionary<string, int> Slots { get; } = new();
        /// The method that introduced each vtable slot: its signature is the slot's calling convention.
        public Dictionary<string, FieldSymbol> SlotRoots { get; } = new();
    }

    /// An interface method selector: a name with the calling convention of the interface's declaration.
    private sealed record Selector(int Index, string Name, TFun Convention);

    private readonly Dictionary<ClassSymbol, Layout> _layouts = new();
    private readonly Dictionary<string, Selector> _selectors = new();
    private readonly List<(FieldSymbol Method, TFun Convention)> _bridges = new();

    private const int HeaderSize = 8;

    private static int SizeOf(MirType t) => t switch { MirType.I32 => 4, MirType.Bool => 1, _ => 8 };

    private static bool IsInstanceVar(FieldSymbol f) => !f.IsStatic && f.Kind != FieldKindTag.Method && !f.IsExtern && IsPhysical(f);

    /// A property with `get`/`set` accessors only has storage when one side is `default`/`null` or it is @:isVar.
    private static bool IsPhysical(FieldSymbol f) => f.Decl.Kind is not PropertyField p
        || p.Get is "default" or "null" || p.Set is "default" or "null" || f.Decl.Meta.Any(m => m.Name == ":isVar");

    private static bool IsVirtualMethod(FieldSymbol f) =>
        !f.IsStatic && f.Kind == FieldKindTag.Method && f.Name != "new" && !f.IsExtern && f.Decl.Kind is MethodField { Function.Body: not null };

    /// Lays out every class of the program, parents first.
    private void BuildLayouts()
    {
        foreach (var c in _program.Classes) LayoutOf(c);
    }

    /// Member tables for access by name (a class instance used as a structure or Dynamic).
    private void BuildFieldTables()
    {
        BuildMemberTables();
        foreach (var l in _layouts.Values)
        {
            if (l.Class.IsInterface) continue;
            foreach (var (name, (offset, type)) in l.Fields) l.Mir.FieldTable.Add((_module.InternString(name), offset, type, null));
            for (var k = l.Class; k != null; k = k.Super?.Class)
                foreach (var f in k.DeclaredFields)
                {
                    if (!IsVirtualMethod(f) || l.Mir.FieldTable.Any(e => _module.Strings[e.Name] == f.Name)) continue;
                    var m = l.Class.FindField(f.Name)!;
                    var wrapper = BoundWrapper(l.Class, m);
                    l.Mir.FieldTable.Add((_module.InternString(f.Name), 0, MirType.Void, wrapper));
                }
            if (_usesCreateInstance && !l.Class.IsExtern)
            {
                _module.InternString("new"); // the entry's name (the backend emits literals known up front)
                l.Mir.ConstructFn = ConstructFunction(l.Class);
            }
        }
    }

    /// The built-in types' members by name: the static functions of the member classes (each
    /// takes the receiver first, so it is its own bound-method code), and `length` at offset 8 of
    /// a String, an Array and a StringBuf.
    private void BuildMemberTables()
    {
        for (var k = 0; k < Typer.MemberClasses.Length; k++)
        {
            if (_program.Classes.FirstOrDefault(c => c.FullName == Typer.MemberClasses[k]) is not { } cls) continue;
            var table = new List<(int, int, MirType, string?)>();
            if (k < 3) table.Add((_module.InternString("length"), 8, MirType.I32, null));
            foreach (var f in cls.DeclaredFields)
                if (f is { IsStatic: true, Kind: FieldKindTag.Method, Body: not null }) table.Add((_module.InternString(f.Name), 0, MirType.Void, f.FullName));
            _module.MemberTables[k] = table;
        }
    }

    /// Fills the itables once lowering has named every interface selector it calls.
    private void FinishLayouts()
    {
        foreach (var l in _layouts.Values)
        {
            for (var i = 0; i < _selectors.Count; i++) l.Mir.ITable.Add(null);
            foreach (var sel in _selectors.Values)
                if (l.Class.FindField(sel.Name) is { } m && IsVirtualMethod(m)) l.Mir.ITable[sel.Index] = Implementation(m, sel.Convention);
        }
        _module.SelectorCount = _selectors.Count;
        foreach (var (m, conv) in _bridges)
            EmitWrapper(BridgeName(m, conv), conv, (args, _) => CallAdapted(conv, MethodType(m), args, (a, r) => _b.Call(m.FullName, r, a)));
    }

    private static TFun MethodType(FieldSymbol m) => (TFun)m.Type!.Follow();

    /// The function a dispatch table entry with calling convention `conv` names for method `m`: `m`
    /// itself, or a bridge that converts the representations (a generic `T` is a pointer where an
    /// implementation for Int takes an i32).
    private string Implementation(FieldSymbol m, TFun conv)
    {
        if (Signature(MethodType(m)) == Signature(conv)) return m.FullName;
        var name = BridgeName(m, conv);
        if (_wrappers.Add(name)) _bridges.Add((m, conv));
        return name;
    }

    private string BridgeName(FieldSymbol m, TFun conv) => $"{m.FullName}.$bridge.{Signature(conv)}";

    /// Calls a function of type `to` with `args` (self first) of type `from`'s representations and
    /// gives the result in `from`'s representation.
    private ValueId CallAdapted(TFun from, TFun to, List<ValueId> args, Func<List<ValueId>, MirType, ValueId> call)
    {
        var inner = new List<ValueId> { args[0] };
        for (var i = 0; i < to.Args.Count; i++)
            inner.Add(i + 1 < args.Count ? Adapt(args[i + 1], MirTypeOf(to.Args[i].Type)) : ZeroValue(MirTypeOf(to.Args[i].Type)));
        var innerRet = MirTypeOf(to.Return);
        var r = call(inner, innerRet);
        var ret = MirTypeOf(from.Return);
        return ret == MirType.Void ? r : innerRet == MirType.Void ? ZeroValue(ret) : Adapt(r, ret);
    }

    private Layout LayoutOf(ClassSymbol c)
    {
        if (_layouts.TryGetValue(c, out var done)) return done;
        var parent = c.Super != null ? LayoutOf(c.Super.Class) : null;
        var offset = parent?.Mir.Size ?? HeaderSize;
        var fields = new List<(FieldSymbol F, MirType T)>();
        foreach (var f in c.DeclaredFields)
            if (IsInstanceVar(f)) fields.Add((f, MirTypeOf(f.Type!)));
            else if (IsDynamicMethod(f) && parent?.Fields.ContainsKey(f.Name) != true) fields.Add((f, MirType.Ptr));
        // place each field at its natural alignment, in declaration order
        var placed = new List<(FieldSymbol, int, MirType)>();
        foreach (var (f, t) in fields)
        {
            var size = SizeOf(t);
            offset = (offset + size - 1) / size * size;
            placed.Add((f, offset, t));
            offset += size;
        }
        var total = (offset + 7) / 8 * 8;
        var mir = new MirClass(c.FullName, total) { Super = c.Super?.Class.FullName, IsInterface = c.IsInterface };
        var layout = new Layout { Class = c, Mir = mir };
        if (parent != null)
        {
            foreach (var kv in parent.Fields) layout.Fields[kv.Key] = kv.Value;
            foreach (var kv in parent.Slots) layout.Slots[kv.Key] = kv.Value;
            foreach (var kv in parent.SlotRoots) layout.SlotRoots[kv.Key] = kv.Value;
            mir.VTable.AddRange(parent.Mir.VTable);
        }
        foreach (var (f, o, t) in placed) layout.Fields[f.Name] = (o, t);
        foreach (var f in c.DeclaredFields)
        {
            if (!IsVirtualMethod(f)) continue;
            if (layout.Slots.TryGetValue(f.Name, out var slot)) mir.VTable[slot] = Implementation(f, MethodType(layout.SlotRoots[f.Name]));
            else
            {
                layout.Slots[f.Name] = mir.VTable.Count;
                layout.SlotRoots[f.Name] = f;
                mir.VTable.Add(f.FullName);
            }
        }
        if (c.FindField("toString") is { } ts && IsVirtualMethod(ts) && ((TFun)ts.Type!.Follow()).Args.Count == 0) mir.ToStringFn = ts.FullName;
        foreach (var i in AllInterfaces(c)) if (!mir.Interfaces.Contains(i.FullName)) mir.Interfaces.Add(i.FullName);
        _layouts[c] = layout;
        _module.Classes.Add(mir);
        return layout;
    }

    private static IEnumerable<ClassSymbol> AllInterfaces(ClassSymbol c)
    {
        for (var k = c; k != null; k = k.Super?.Class)
            foreach (var i in k.Interfaces)
            {
                yield return i.Class;
                foreach (var j in AllInterfaces(i.Class)) yield return j;
            }
    }

    /// The itable selector of an interface method: one per name and calling convention.
    private int SelectorOf(FieldSymbol method)
    {
        var conv = MethodType(method);
        var key = method.Name + "/" + Signature(conv);
        if (!_selectors.TryGetValue(key, out var s)) _selectors[key] = s = new Selector(_selectors.Count, method.Name, conv);
        return s.Index;
    }

    /// A vtable call of `f` (arguments in `f`'s representations, self first) through the slot of the
    /// receiver's class, whose convention is that of the method that introduced the slot.
    private ValueId VirtualCall(ClassSymbol receiver, FieldSymbol f, List<ValueId> args)
    {
        var layout = LayoutOf(receiver);
        return CallAdapted(MethodType(f), MethodType(layout.SlotRoots[f.Name]), args, (a, r) => _b.VCall(receiver.FullName, layout.Slots[f.Name], r, a));
    }

    /// The function `new C(...)` calls: C's constructor (which also runs C's field initializers),
    /// a synthesized one when C has initializers but no constructor, else the superclass's; null when none.
    private string? CtorFnOf(ClassSymbol c)
    {
        if (c.Constructor != null || HasFieldInits(c)) return c.FullName + ".new";
        return c.Super != null ? CtorFnOf(c.Super.Class) : null;
    }

    private static bool HasFieldInits(ClassSymbol c) => c.DeclaredFields.Any(f => IsInstanceVar(f) && f.Body != null);

    private void LowerClassMembers(ClassSymbol c)
    {
        foreach (var f in c.DeclaredFields)
        {
            if (f.Kind != FieldKindTag.Method || f.Body == null || f.IsExtern) continue;
            if (f.Name == "new" && !f.IsStatic) LowerConstructor(c, f);
            else LowerMethod(f);
        }
        if (c.Constructor == null && HasFieldInits(c)) LowerConstructor(c, null);
    }

    /// A constructor: field initializers, then the body (or, when synthesized, the superclass constructor).
    private void LowerConstructor(ClassSymbol c, FieldSymbol? ctor)
    {
        var inherited = ctor ?? (c.Super != null ? Typer.ConstructorOf(c.Super.Class) : null);
        var fun = inherited != null ? (TFun)inherited.Type!.Follow() : new TFun([], TDynamic.Instance);
        var ps = new List<MirType> { MirType.Ptr };
        ps.AddRange(fun.Args.Select(a => MirTypeOf(a.Type)));
        Begin(c.FullName + ".new", ps, MirType.Void, c.Module.File.Path);
        _this = _fn.Entry.Params[0];
        var layout = LayoutOf(c);
        foreach (var f in c.DeclaredFields)
            if (IsInstanceVar(f) && f.Body != null)
                _b.SetField(_this, layout.Fields[f.Name].Offset, Adapt(LowerValue(f.Body), layout.Fields[f.Name].Type));
        if (ctor != null)
        {
            BindArgs(ctor, 1);
            LowerExpr(ctor.Body!);
        }
        else if (c.Super != null && CtorFnOf(c.Super.Class) is { } superCtor)
            _b.Call(superCtor, MirType.Void, [.. _fn.Entry.Params]);
        End();
    }

    /// An instance `dynamic` method: its current function lives in a slot of the object named like
    /// the method (so assigning it is a field write), filled when the object is allocated.
    private static bool IsDynamicMethod(FieldSymbol f) => f is { IsStatic: false, IsDynamic: true, Kind: FieldKindTag.Method, IsExtern: false } && f.Name != "new";

    /// A new instance of `c` (fields zeroed) whose dynamic-method slots hold its own methods.
    private ValueId NewObject(ClassSymbol c)
    {
        var obj = _b.New(c.FullName);
        var layout = LayoutOf(c);
        var done = new HashSet<string>();
        for (var k = c; k != null; k = k.Super?.Class)
            foreach (var f in k.DeclaredFields)
                if (IsDynamicMethod(f) && done.Add(f.Name) && layout.Fields.TryGetValue(f.Name, out var slot))
                    _b.SetField(obj, slot.Offset, _b.Closure(SuperWrapper(c.FindField(f.Name)!), obj));
        return obj;
    }

    private ValueId LowerNew(TNew n)
    {
        if (n.Class.IsExtern && n.Class.FullName == "StringBuf") return Native("rz_sb_new", MirType.Ptr, []);
        if (IsMapClass(n.Class)) return LowerNewMap(n);
        if (IsVectorClass(n.Class)) return LowerNewVector(n);
        var obj = NewObject(n.Class);
        if (CtorFnOf(n.Class) is { } ctor)
        {
            var declared = (TFun)Typer.ConstructorOf(n.Class)!.Type!.Follow();
            var args = new List<ValueId> { obj };
            args.AddRange(AdaptArgs(n.Args, declared));
            _b.Call(ctor, MirType.Void, args);
        }
        return obj;
    }

    private List<ValueId> AdaptArgs(IReadOnlyList<TExpr> args, TFun declared) =>
        args.Select((a, i) => a is TMissingArg ? ZeroValue(MirTypeOf(declared.Args[i].Type)) : AdaptTo(LowerValue(a), a.Type, declared.Args[i].Type)).ToList();

    private ValueId LowerSuperCtor(TSuperCtor s)
    {
        if (CtorFnOf(s.Class) is { } ctor)
        {
            var declared = (TFun)Typer.ConstructorOf(s.Class)!.Type!.Follow();
            var args = new List<ValueId> { _this };
            args.AddRange(AdaptArgs(s.Args, declared));
            _b.Call(ctor, MirType.Void, args);
        }
        return ValueId.None;
    }

    private (int Offset, MirType Type)? FieldSlot(TExpr target, FieldSymbol f)
    {
        if (FollowNullable(target.Type) is not TInst { Class: var c }) return null;
        return LayoutOf(c).Fields.TryGetValue(f.Name, out var slot) ? slot : null;
    }

    private ValueId LowerFieldGet(TInstanceField f)
    {
        if (f.Field.IsExtern && LowerMapEntryField(f) is { } entryField) return entryField;
        var slot = FieldSlot(f.Target, f.Field);
        if (slot == null) return LowerInstanceField(f);
        var v = _b.GetField(LowerValue(f.Target), slot.Value.Offset, slot.Value.Type);
        var want = MirTypeOf(f.Type);
        return want == MirType.Void ? v : Adapt(v, want);
    }

    private ValueId LowerFieldSet(TInstanceField f, Func<ValueId> lowerValue)
    {
        var slot = FieldSlot(f.Target, f.Field);
        if (slot == null) { Error(f.Span, $"{f.Field.FullName} cannot be assigned yet"); return lowerValue(); }
        var obj = LowerValue(f.Target);
        var value = lowerValue();
        _b.SetField(obj, slot.Value.Offset, Adapt(value, slot.Value.Type));
        return value;
    }

    /// A method call on an object: direct when the receiver is `super` or the method is `inline`
    /// or has no vtable slot, through the itable on an interface, else through the vtable.
    private ValueId LowerMethodCall(TCall call, TInstanceField callee)
    {
        var f = callee.Field;
        var declared = (TFun)f.Type!.Follow();
        if (f.Owner is AbstractSymbol { Underlying: { } under })
        {
            // an abstract's function: the value itself is the first argument
            var selfValue = Adapt(LowerValue(callee.Target), MirTypeOf(under));
            var cell = ValueId.None;
            if (f.ThisByRef)
            {
                // copy in, copy out: the function may assign `this`
                cell = _b.Alloc(8);
                _b.SetField(cell, 0, selfValue);
            }
            var all = new List<ValueId> { f.ThisByRef ? cell : selfValue };
            all.AddRange(AdaptArgs(call.Args, declared));
            var aret = MirTypeOf(declared.Return);
            var ar = _b.Call(f.FullName, aret, all);
            if (f.ThisByRef && IsPlace(callee.Target)) LowerAssign(callee.Target, _b.GetField(cell, 0, MirTypeOf(under)));
            var awant = MirTypeOf(call.Type);
            return aret == MirType.Void || awant == MirType.Void ? ar : AdaptResult(ar, declared.Return, call.Type);
        }
        var self = callee.Target is TSuper ? _this : LowerValue(callee.Target);
        if (IsDynamicMethod(f) && callee.Target is not TSuper && FieldSlot(callee.Target, f) is { } dynSlot)
        {
            // a dynamic method: the function currently in its slot
            var clo = new List<ValueId> { _b.GetField(self, dynSlot.Offset, MirType.Ptr) };
            clo.AddRange(AdaptArgs(call.Args, declared));
            var dret = MirTypeOf(declared.Return);
            var dr = _b.CallClosure(dret, clo);
            return dret == MirType.Void || MirTypeOf(call.Type) == MirType.Void ? dr : AdaptResult(dr, declared.Return, call.Type);
        }
        var args = new List<ValueId> { self };
        args.AddRange(AdaptArgs(call.Args, declared));
        var ret = MirTypeOf(declared.Return);
        ValueId r;
        var recv = FollowNullable(callee.Target.Type) as TInst;
        if (callee.Target is TSuper || f.IsInline || !IsDispatched(f, recv?.Class))
        {
            // a direct call still tests its receiver (Haxe: `Null access` even when the method never
            // reads `this`): a descriptor load nothing uses, null-checked like any field read, which
            // LLVM drops when the receiver is known not to be null. Not for `inline` methods (never
            // overridden): the MIR inliner replaces their calls by their bodies at every -O level
            // (pass inline-always) as Haxe does, with no receiver check, so a body may test
            // `this == null` (BalancedTree's get_height) and a null receiver fails only where the body reads it.
            if (callee.Target is not (TThis or TNew) && !f.IsInline) _b.GetField(self, 0, MirType.Ptr);
            r = _b.Call(f.FullName, ret, args);
        }
        else r = Dispatch(recv!.Class, f, args, ret);
        var want = MirTypeOf(call.Type);
        return ret == MirType.Void || want == MirType.Void ? r : AdaptResult(r, declared.Return, call.Type);
    }

    /// Whether a call of `f` on a receiver of static type `receiver` goes through a dispatch table:
    /// an interface's method, or a method with a vtable slot. The MIR passes `devirt` and `icall-ic`
    /// turn dispatches whose possible receivers share few implementations into direct calls.
    private bool IsDispatched(FieldSymbol f, ClassSymbol? receiver) =>
        receiver != null && (receiver.IsInterface || LayoutOf(receiver).Slots.ContainsKey(f.Name));

    /// A `vcall` or `icall` of `f` (arguments in `f`'s representations, self first), its result in `f`'s.
    /// The interface named is in the module's class table (LayoutOf adds it), also when the typer
    /// met it only as a receiver's type.
    private ValueId Dispatch(ClassSymbol receiver, FieldSymbol f, List<ValueId> args, MirType ret) =>
        receiver.IsInterface ? _b.ICall(LayoutOf(receiver).Mir.Name, SelectorOf(f), ret, args) : VirtualCall(receiver, f, args);

    /// A receiver the copy-out of a by-reference `this` can write back to (evaluated again).
    private static bool IsPlace(TExpr e) => e is TLocal or TStaticField or TInstanceField { Field.Kind: not FieldKindTag.Method, Target: TThis or TLocal };
}
