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
    }

    private readonly Dictionary<ClassSymbol, Layout> _layouts = new();
    private readonly Dictionary<string, int> _selectors = new();

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
        }
    }

    /// Fills the itables once lowering has named every interface selector it calls.
    private void FinishLayouts()
    {
        foreach (var l in _layouts.Values)
        {
            for (var i = 0; i < _selectors.Count; i++) l.Mir.ITable.Add(null);
            foreach (var (name, sel) in _selectors)
                if (l.Class.FindField(name) is { } m && IsVirtualMethod(m)) l.Mir.ITable[sel] = m.FullName;
        }
        _module.SelectorCount = _selectors.Count;
    }

    private Layout LayoutOf(ClassSymbol c)
    {
        if (_layouts.TryGetValue(c, out var done)) return done;
        var parent = c.Super != null ? LayoutOf(c.Super.Class) : null;
        var offset = parent?.Mir.Size ?? HeaderSize;
        var fields = new List<(FieldSymbol F, MirType T)>();
        foreach (var f in c.DeclaredFields)
            if (IsInstanceVar(f)) fields.Add((f, MirTypeOf(f.Type!)));
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
            mir.VTable.AddRange(parent.Mir.VTable);
        }
        foreach (var (f, o, t) in placed) layout.Fields[f.Name] = (o, t);
        foreach (var f in c.DeclaredFields)
        {
            if (!IsVirtualMethod(f)) continue;
            if (layout.Slots.TryGetValue(f.Name, out var slot)) mir.VTable[slot] = f.FullName;
            else
            {
                layout.Slots[f.Name] = mir.VTable.Count;
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

    private int SelectorOf(string method)
    {
        if (!_selectors.TryGetValue(method, out var s)) _selectors[method] = s = _selectors.Count;
        return s;
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

    private ValueId LowerNew(TNew n)
    {
        if (n.Class.IsExtern && n.Class.FullName == "StringBuf") return Native("rz_sb_new", MirType.Ptr, []);
        if (IsMapClass(n.Class)) return LowerNewMap(n);
        if (IsVectorClass(n.Class)) return LowerNewVector(n);
        var obj = _b.New(n.Class.FullName);
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

    private ValueId LowerFieldSet(TInstanceField f, ValueId value)
    {
        var slot = FieldSlot(f.Target, f.Field);
        if (slot == null) { Error(f.Span, $"{f.Field.FullName} cannot be assigned yet"); return value; }
        _b.SetField(LowerValue(f.Target), slot.Value.Offset, Adapt(value, slot.Value.Type));
        return value;
    }

    /// A method call on an object: static when the receiver is `super` or nothing overrides the
    /// method, through the itable on an interface, else through the vtable.
    private ValueId LowerMethodCall(TCall call, TInstanceField callee)
    {
        var f = callee.Field;
        var declared = (TFun)f.Type!.Follow();
        if (f.Owner is AbstractSymbol { Underlying: { } under })
        {
            // an abstract's function: the value itself is the first argument
            var all = new List<ValueId> { Adapt(LowerValue(callee.Target), MirTypeOf(under)) };
            all.AddRange(AdaptArgs(call.Args, declared));
            var aret = MirTypeOf(declared.Return);
            var ar = _b.Call(f.FullName, aret, all);
            var awant = MirTypeOf(call.Type);
            return aret == MirType.Void || awant == MirType.Void ? ar : AdaptResult(ar, declared.Return, call.Type);
        }
        var self = callee.Target is TSuper ? _this : LowerValue(callee.Target);
        var args = new List<ValueId> { self };
        args.AddRange(AdaptArgs(call.Args, declared));
        var ret = MirTypeOf(declared.Return);
        ValueId r;
        var recv = FollowNullable(callee.Target.Type) as TInst;
        if (recv is { Class.IsInterface: true }) r = _b.ICall(SelectorOf(f.Name), ret, args);
        else if (callee.Target is TSuper || !IsOverridden(f, recv?.Class)) r = _b.Call(f.FullName, ret, args);
        else r = _b.VCall(LayoutOf(recv!.Class).Slots[f.Name], ret, args);
        var want = MirTypeOf(call.Type);
        return ret == MirType.Void || want == MirType.Void ? r : AdaptResult(r, declared.Return, call.Type);
    }

    /// Whether a subclass of the receiver's class (among the classes in the program) overrides `f`.
    private bool IsOverridden(FieldSymbol f, ClassSymbol? receiver)
    {
        if (receiver == null) return true;
        foreach (var c in _program.Classes)
        {
            if (c == f.Owner || !IsSubclass(c, receiver)) continue;
            if (c.Fields.TryGetValue(f.Name, out var g) && g != f && IsVirtualMethod(g)) return true;
        }
        return false;
    }

    private static bool IsSubclass(ClassSymbol c, ClassSymbol of)
    {
        for (var k = c; k != null; k = k.Super?.Class) if (k == of) return true;
        return false;
    }
}
