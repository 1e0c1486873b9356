using Rayzor.Frontend.Typed;
using Rayzor.Frontend.Typing;
using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Lowering;

/// Enum values: `{ td, index (offset 8), arguments from offset 16 }`; constructors without
/// arguments are one shared value each, made at start-up, so `==` compares them by identity.
public sealed partial class Lowerer
{
    private const int EnumIndexOffset = 8, EnumArgsOffset = 16;

    private readonly Dictionary<EnumCtorSymbol, List<(int Offset, MirType Type)>> _ctorLayouts = new();

    private List<(int Offset, MirType Type)> CtorLayout(EnumCtorSymbol c)
    {
        if (_ctorLayouts.TryGetValue(c, out var l)) return l;
        l = [];
        var offset = EnumArgsOffset;
        if (c.Type is TFun f)
            foreach (var a in f.Args)
            {
                var t = MirTypeOf(a.Type);
                var size = SizeOf(t);
                offset = (offset + size - 1) / size * size;
                l.Add((offset, t));
                offset += size;
            }
        return _ctorLayouts[c] = l;
    }

    private static string SingletonOf(EnumCtorSymbol c) => $"{c.Owner.FullName}.{c.Name}.$value";

    /// Enum descriptors, singleton globals and printing functions.
    private void LowerEnums()
    {
        foreach (var e in _program.Enums)
        {
            var size = e.Constructors.Select(c => CtorLayout(c).Select(a => a.Offset + SizeOf(a.Type)).DefaultIfEmpty(EnumArgsOffset).Max()).DefaultIfEmpty(EnumArgsOffset).Max();
            var mir = new MirClass(e.FullName, (size + 7) / 8 * 8)
            {
                IsEnum = true, ToStringFn = e.FullName + ".$toString", EnumParamsFn = e.FullName + ".$params", EnumCreateFn = e.FullName + ".$create",
            };
            _module.Classes.Add(mir);
            foreach (var c in e.Constructors) mir.CtorNames.Add(_module.InternString(c.Name));
            foreach (var c in e.Constructors)
                if (c.Decl.Args == null) _module.Globals.Add(new MirGlobal(SingletonOf(c), MirType.Ptr));
            LowerEnumToString(e);
            LowerEnumParams(e);
            LowerEnumCreate(e);
        }
    }

    /// `Type.enumParameters`: the arguments of a value, boxed, in an Array<Dynamic>.
    private void LowerEnumParams(EnumSymbol e)
    {
        var saved = SaveFunctionState();
        Begin(e.FullName + ".$params", [MirType.Ptr], MirType.Ptr, e.Module.File.Path);
        var self = _fn.Entry.Params[0];
        var index = _b.GetField(self, EnumIndexOffset, MirType.I32);
        DispatchOnCtor(e, index, c =>
        {
            var layout = CtorLayout(c);
            var arr = Native("rz_array_new", MirType.Ptr, [MirType.I32, MirType.I32], _b.IConst(ElemPtr), _b.IConst(layout.Count));
            for (var i = 0; i < layout.Count; i++)
                _b.Op(Opcode.ASet, MirType.Void, arr, _b.IConst(i), Adapt(_b.GetField(self, layout[i].Offset, layout[i].Type), MirType.Ptr));
            _b.Ret(arr);
        });
        _b.Ret(Native("rz_array_new", MirType.Ptr, [MirType.I32, MirType.I32], _b.IConst(ElemPtr), _b.IConst(0)));
        End();
        RestoreFunctionState(saved);
    }

    /// `Type.createEnumIndex`: the value of constructor `index` from boxed arguments (an Array<Dynamic>,
    /// or null for none); null when the argument count does not fit.
    private void LowerEnumCreate(EnumSymbol e)
    {
        var saved = SaveFunctionState();
        Begin(e.FullName + ".$create", [MirType.I32, MirType.Ptr], MirType.Ptr, e.Module.File.Path);
        var index = _fn.Entry.Params[0];
        var args = _fn.Entry.Params[1];
        DispatchOnCtor(e, index, c =>
        {
            var layout = CtorLayout(c);
            if (c.Decl.Args == null) _b.Ret(_b.GLoad(SingletonOf(c), MirType.Ptr));
            else
            {
                var ok = _fn.NewBlock();
                var bad = _fn.NewBlock();
                var isNull = _b.Cmp(Opcode.PCmp, Cond.Eq, args, _b.Null());
                var wrongCount = _fn.NewBlock();
                BranchIf(isNull, bad, wrongCount);
                _ssa.Seal(wrongCount);
                SwitchTo(wrongCount);
                BranchIf(_b.Cmp(Opcode.ICmp, Cond.Eq, _b.Op(Opcode.ALen, MirType.I32, args), _b.IConst(layout.Count)), ok, bad);
                _ssa.Seal(ok);
                _ssa.Seal(bad);
                SwitchTo(bad);
                _b.Ret(_b.Null());
                SwitchTo(ok);
                var v = _b.New(e.FullName);
                _b.SetField(v, EnumIndexOffset, _b.IConst(c.Index));
                for (var i = 0; i < layout.Count; i++)
                    _b.SetField(v, layout[i].Offset, Adapt(_b.Op(Opcode.AGet, MirType.Ptr, args, _b.IConst(i)), layout[i].Type));
                _b.Ret(v);
            }
        });
        _b.Ret(_b.Null());
        End();
        RestoreFunctionState(saved);
    }

    /// Creates the argument-less values (called first thing at start-up).
    private void InitEnumSingletons()
    {
        foreach (var e in _program.Enums)
            foreach (var c in e.Constructors)
                if (c.Decl.Args == null)
                {
                    var v = _b.New(e.FullName);
                    _b.SetField(v, EnumIndexOffset, _b.IConst(c.Index));
                    _b.GStore(SingletonOf(c), v);
                }
    }

    private ValueId LowerEnumValue(TEnumValue ev)
    {
        if (ev.Ctor.Decl.Args == null) return _b.GLoad(SingletonOf(ev.Ctor), MirType.Ptr);
        var layout = CtorLayout(ev.Ctor);
        var args = ev.Args.Select((a, i) => Adapt(a is TMissingArg ? ZeroValue(layout[i].Type) : LowerValue(a), layout[i].Type)).ToList();
        var v = _b.New(ev.Ctor.Owner.FullName);
        _b.SetField(v, EnumIndexOffset, _b.IConst(ev.Ctor.Index));
        for (var i = 0; i < args.Count; i++) _b.SetField(v, layout[i].Offset, args[i]);
        return v;
    }

    /// `Ctor(a,b)` / `Ctor`, as Std.string prints an enum value.
    private void LowerEnumToString(EnumSymbol e)
    {
        var saved = SaveFunctionState();
        Begin(e.FullName + ".$toString", [MirType.Ptr], MirType.Ptr, e.Module.File.Path);
        var self = _fn.Entry.Params[0];
        var index = _b.GetField(self, EnumIndexOffset, MirType.I32);
        DispatchOnCtor(e, index, c =>
        {
            var s = _b.Str(_module.InternString(c.Name));
            var layout = CtorLayout(c);
            if (c.Decl.Args != null)
            {
                s = Concat(s, _b.Str(_module.InternString("(")));
                for (var i = 0; i < layout.Count; i++)
                {
                    if (i > 0) s = Concat(s, _b.Str(_module.InternString(",")));
                    var arg = _b.GetField(self, layout[i].Offset, layout[i].Type);
                    s = Concat(s, ToStringRaw(arg, TDynamic.Instance));
                }
                s = Concat(s, _b.Str(_module.InternString(")")));
            }
            _b.Ret(s);
        });
        _b.Ret(_b.Str(_module.InternString(e.Name)));
        End();
        RestoreFunctionState(saved);
    }

    /// Emits one test per constructor on `index`; `body` runs for the matching one and must return.
    private void DispatchOnCtor(EnumSymbol e, ValueId index, Action<EnumCtorSymbol> body)
    {
        foreach (var c in e.Constructors)
        {
            var hit = _fn.NewBlock();
            var miss = _fn.NewBlock();
            BranchIf(_b.Cmp(Opcode.ICmp, Cond.Eq, index, _b.IConst(c.Index)), hit, miss);
            _ssa.Seal(hit);
            _ssa.Seal(miss);
            SwitchTo(hit);
            body(c);
            SwitchTo(miss);
        }
    }

    private ValueId Concat(ValueId a, ValueId b) => Native("rz_string_concat", MirType.Ptr, [MirType.Ptr, MirType.Ptr], a, b);
}
