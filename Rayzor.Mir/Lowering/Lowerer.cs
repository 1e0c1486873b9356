using Rayzor.Frontend.Diagnostics;
using Rayzor.Frontend.Text;
using Rayzor.Frontend.Typed;
using Rayzor.Frontend.Typing;
using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Lowering;

/// Lowers a typed program to MIR: one function per method, one global per static var, and the
/// entry function that runs the static initializers, then `main`.
public sealed partial class Lowerer
{
    private readonly TypedProgram _program;
    private readonly CoreTypes _core;
    private readonly DiagnosticBag _diags;
    private readonly MirModule _module = new();

    // per function
    private MirFunction _fn = null!;
    private MirBuilder _b = null!;
    private SsaBuilder _ssa = null!;
    private readonly Dictionary<LocalSymbol, MirType> _localTypes = new();
    private readonly List<(Block Break, Block Continue)> _loops = new();
    private ValueId _this = ValueId.None;

    public Lowerer(TypedProgram program, DiagnosticBag diags)
    {
        _program = program;
        _core = program.Core;
        _diags = diags;
    }

    public MirModule Lower()
    {
        _module.SourceFile = _program.MainClass.Module.File.Path;
        foreach (var t in _program.Classes.Concat<TypeSymbol>(_program.Enums).Concat(_program.Abstracts))
            _files.TryAdd(t.Module.File.Id, t.Module.File);
        foreach (var cls in _program.Classes)
            foreach (var f in cls.DeclaredFields)
                if (f.IsStatic && f.Kind != FieldKindTag.Method && !f.IsExtern)
                    _module.Globals.Add(new MirGlobal(f.FullName, MirTypeOf(f.Type!)));
                else if (IsDynamicVar(f)) _module.Globals.Add(new MirGlobal(DynamicVarOf(f), MirType.Ptr));
        BuildLayouts();
        LowerEnums();
        foreach (var cls in _program.Classes) LowerClassMembers(cls);
        foreach (var abs in _program.Abstracts)
            foreach (var f in abs.Statics.Values.Concat(abs.Fields.Values))
                if (f.Kind == FieldKindTag.Method && f.Body != null) LowerMethod(f);
        LowerEntry();
        LowerPendingLambdas();
        BuildFieldTables();
        EmitDynCallAdapters();
        FinishLayouts();
        return _module;
    }

    /// MIR representation of a Haxe type.
    public MirType MirTypeOf(HType t)
    {
        if (_core.IsInt(t)) return MirType.I32;
        if (_core.IsFloat(t)) return MirType.F64;
        if (_core.IsBool(t)) return MirType.Bool;
        if (_core.IsVoid(t)) return MirType.Void;
        return MirType.Ptr;
    }

    private void Begin(string name, IReadOnlyList<MirType> ps, MirType ret, string? file)
    {
        _fn = new MirFunction(name, ps, ret) { SourceFile = file };
        _fnName = name;
        _b = new MirBuilder(_fn);
        _ssa = new SsaBuilder(_fn, UndefinedValue);
        var entry = _fn.NewBlock();
        foreach (var p in ps) _fn.AddParam(entry, p);
        _b.Current = entry;
        _ssa.Seal(entry);
        _localTypes.Clear();
        _loops.Clear();
        _this = ValueId.None;
    }

    private void End()
    {
        if (!_b.Terminated)
        {
            if (_fn.ReturnType == MirType.Void) _b.Ret(null);
            else _b.Ret(ZeroValue(_fn.ReturnType));
        }
        foreach (var blk in _fn.Blocks) _ssa.Seal(blk);
        _ssa.Finish();
        _module.Functions.Add(_fn);
    }

    private void LowerMethod(FieldSymbol f)
    {
        var fun = (TFun)f.Type!.Follow();
        var ps = fun.Args.Select(a => MirTypeOf(a.Type)).ToList();
        var abstractSelf = f.Owner is AbstractSymbol { Underlying: { } under } && !f.IsStatic ? under : null;
        if (abstractSelf != null) ps.Insert(0, f.ThisByRef ? MirType.Ptr : MirTypeOf(abstractSelf)); // `this` is the first argument local
        else if (!f.IsStatic) ps.Insert(0, MirType.Ptr);
        Begin(f.FullName, ps, MirTypeOf(fun.Return), f.Owner.Module.File.Path);
        _fn.IsInline = f.IsInline;
        if (!f.IsStatic && abstractSelf == null) _this = _fn.Entry.Params[0];
        BindArgs(f, f.IsStatic || abstractSelf != null ? 0 : 1);
        LowerExpr(f.Body!);
        End();
    }

    /// Binds a method's argument locals to the entry block's parameters, from `first` on.
    private void BindArgs(FieldSymbol f, int first)
    {
        for (var i = 0; i < f.ArgLocals.Count; i++)
        {
            var l = f.ArgLocals[i];
            var v = _fn.Entry.Params[first + i];
            if (l == f.AbstractThis && f.ThisByRef)
            {
                // `this` by reference: the incoming pointer is the caller's cell
                _localTypes[l] = MirTypeOf(l.Type);
                _ssa.Write(l.Id, _b.Current, v);
            }
            else BindLocal(l, v);
        }
    }

    private void LowerEntry()
    {
        Begin(_module.EntryFunction, [], MirType.Void, null);
        InitEnumSingletons();
        foreach (var cls in _program.Classes)
            foreach (var f in cls.DeclaredFields)
                if (IsDynamicVar(f)) _b.GStore(DynamicVarOf(f), StaticFunctionValue(f));
        foreach (var cls in _program.Classes)
            foreach (var f in cls.DeclaredFields)
                if (f.IsStatic && f.Kind != FieldKindTag.Method && f.Body != null && !f.IsExtern)
                {
                    var v = LowerValue(f.Body);
                    _b.GStore(f.FullName, v);
                }
        _b.Call(_program.MainMethod.FullName, MirType.Void, []);
        // timers and events added by main (haxe.MainLoop) run after it, as Haxe's generated entry does
        if (_program.EventLoop is { } run) _b.Call(run.FullName, MirType.Void, []);
        _module.MainFunction = _program.MainMethod.FullName;
        End();
    }

    /// A placeholder for a variable read before any assignment: the type's zero, defined at entry.
    private ValueId UndefinedValue(MirType t)
    {
        var saved = _b.Current;
        var entry = _fn.Entry;
        var tmp = new Block(entry.Id);
        _b.Current = tmp;
        var v = ZeroValue(t);
        _b.Current = saved;
        entry.Insts.InsertRange(0, tmp.Insts);
        return v;
    }

    private ValueId ZeroValue(MirType t) => t switch
    {
        MirType.I32 => _b.IConst(0),
        MirType.F64 => _b.FConst(0),
        MirType.Bool => _b.BConst(false),
        _ => _b.Null(),
    };

    // ---- source positions (DWARF line info, stack traces) ----

    private readonly Dictionary<int, SourceFile> _files = new();

    /// Instructions appended from now on come from <paramref name="span"/>'s line, when it lies in
    /// the file of the function being lowered (synthesized nodes keep the current line).
    private void At(TextSpan span)
    {
        if (span.FileId >= 0 && _files.TryGetValue(span.FileId, out var file) && file.Path == _fn.SourceFile)
            _b.Line = file.LineOf(span.Start);
    }

    private void Error(TextSpan span, string message) => _diags.Error("RZ0901", span, message);
}
