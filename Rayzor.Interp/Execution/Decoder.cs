using System.Runtime.InteropServices;
using Rayzor.Interp.Loading;
using Rayzor.Interp.Natives;
using Rayzor.Mir.Ir;

namespace Rayzor.Interp.Execution;

/// <summary>
/// Turns a MIR function into the interpreter's code stream, once, at its first call: one slot per
/// SSA value, constants set at frame entry, opcodes specialized by type, compare-and-branch fused,
/// block parameters as sequentialized moves on the edges, jumps resolved to offsets.
/// </summary>
internal sealed unsafe partial class Decoder
{
    private readonly Image _image;
    private readonly Func _func;
    private readonly MirFunction _f;
    private readonly List<int> _code = [];
    private readonly List<(int At, int Label)> _fixups = [];
    private readonly List<int> _labels = [];
    private readonly List<(int Label, Action Emit)> _stubs = [];
    private readonly List<CallSite> _sites = [];
    private readonly int[] _uses, _rawUses;

    // the instruction defining each value of the decoded function (null for block parameters)
    private readonly Instruction?[] _defs;
    private int _maxArgs;

    // the block whose code follows the one being emitted (-1 for stubs): a jump to it is left out
    private int _fallthrough = -1;

    // emitting the stubs (edge moves), after the blocks
    private bool _inStubs;

    private Decoder(Image image, Func func)
    {
        _image = image;
        _func = func;
        _f = func.Mir;
        _rawUses = new int[_f.Values.Count];
        foreach (var b in _f.Blocks)
            foreach (var i in b.Insts)
            {
                foreach (var a in i.Args) _rawUses[a.Index]++;
                foreach (var t in i.Targets)
                    foreach (var a in t.Args) _rawUses[a.Index]++;
            }
        _uses = new int[_f.Values.Count];
        foreach (var b in _f.Blocks)
            foreach (var i in b.Insts)
            {
                foreach (var a in i.Args) _uses[a.Index]++;
                foreach (var t in i.Targets)
                    for (var k = 0; k < t.Args.Count; k++)
                    {
                        // passing a brif's own condition to a block that branches on it: known on that edge, not read
                        if (i.Op == Opcode.BrIf && t.Args[k] == i.Args[0] && ParamBranch(t.Block) == k) continue;
                        _uses[t.Args[k].Index]++;
                    }
            }
        _defs = new Instruction?[_f.Values.Count];
        foreach (var b in _f.Blocks)
            foreach (var i in b.Insts)
                if (!i.Result.IsNone) _defs[i.Result.Index] = i;
        _cf = _f;
        PlanFusions();
        PlanClears();
        _map = LayOutSlots();
        Coalesce();
        KeepClearsOfOwnSlots();
    }

    public static void Decode(Image image, Func func)
    {
        if (func.Mir.Blocks.Count == 0) throw new InterpreterException($"@{func.Name} has no blocks");
        new Decoder(image, func).Run();
    }

    private void Run()
    {
        foreach (var b in _f.Blocks) _labels.Add(-1);
        for (var n = 0; n < _f.Blocks.Count; n++)
        {
            var b = _f.Blocks[n];
            _fallthrough = n + 1 < _f.Blocks.Count ? _f.Blocks[n + 1].Id.Index : -1;
            _labels[b.Id.Index] = _code.Count;
            EmitBlockBody(b);
        }
        _fallthrough = -1;
        _inStubs = true;
        for (var k = 0; k < _stubs.Count; k++)
        {
            _labels[_stubs[k].Label] = _code.Count;
            _stubs[k].Emit();
        }
        var code = _code.ToArray();
        foreach (var (at, label) in _fixups) code[at] = _labels[label];

        var func = _func;
        func.ParamCount = _f.Entry.Params.Count;
        // two slots before the outgoing arguments: a closure call's frame and position (Interpreter.Trace.cs)
        func.ScratchBase = _next + 2;
        func.FrameSize = _next + 2 + _maxArgs;
        func.Constants = (long*)NativeMemory.Alloc((nuint)(8 * Math.Max(1, _pool.Count)));
        foreach (var (bits, slot) in _pool) func.Constants[slot - func.ParamCount] = bits;
        func.ConstantCount = _pool.Count;
        func.TrapCount = _f.Blocks.Sum(b => b.Insts.Count(i => i.Op == Opcode.TryEnter));
        func.Sites = [.. _sites];
        func.Slots = _map;
        func.BlockPcs = [.. _labels.Take(_f.Blocks.Count)];
        var stream = (int*)NativeMemory.Alloc((nuint)(4 * code.Length));
        code.CopyTo(new Span<int>(stream, code.Length));
        func.CodeLength = code.Length;
        func.Positions = Positions();
        func.Code = stream;
    }

    /// <summary>The bits of a constant's slot, or null when the instruction is not a constant.</summary>
    private long? Constant(Instruction i) => i.Op switch
    {
        Opcode.IConst => (int)i.Imm,
        Opcode.FConst => BitConverter.DoubleToInt64Bits(i.FImm),
        Opcode.BConst => i.Imm != 0 ? 1 : 0,
        Opcode.Null => 0,
        Opcode.Str => (long)_image.Strings[(int)i.Imm],
        Opcode.TypeDesc => (long)_image.TypeDescOf(i.Sym!),
        _ => null,
    };


    private void Put(Op op, params int[] operands)
    {
        _code.Add((int)op);
        _code.AddRange(operands);
    }

    private void Label(int label)
    {
        _fixups.Add((_code.Count, label));
        _code.Add(-1);
    }

    private void Args(List<ValueId> args, int skip = 0)
    {
        _code.Add(args.Count - skip);
        for (var k = skip; k < args.Count; k++) _code.Add(S(args[k]));
    }

    private int Site()
    {
        _sites.Add(new CallSite());
        return _sites.Count - 1;
    }

    private Exception Unsupported(Instruction i, MirType t) =>
        new InterpreterException($"@{_cf.Name}: {i.Op.Info().Name}.{t.Name()} is not supported by the interpreter");

    private void Emit(Instruction i)
    {
        Mark(i);
        if (EmitFused(i)) return;
        switch (i.Op)
        {
            case Opcode.IAdd or Opcode.ISub or Opcode.IMul or Opcode.IRem or Opcode.IAnd or Opcode.IOr or Opcode.IXor
                or Opcode.IShl or Opcode.IShr or Opcode.IUShr:
                // and/or/xor also combine Bools (0/1 in a slot)
                if (i.Type != MirType.I32 && !(i.Type == MirType.Bool && i.Op is Opcode.IAnd or Opcode.IOr or Opcode.IXor)) throw Unsupported(i, i.Type);
                Put(i.Op switch
                {
                    Opcode.IAdd => Op.IAdd, Opcode.ISub => Op.ISub, Opcode.IMul => Op.IMul, Opcode.IRem => Op.IRem,
                    Opcode.IAnd => Op.IAnd, Opcode.IOr => Op.IOr, Opcode.IXor => Op.IXor, Opcode.IShl => Op.IShl,
                    Opcode.IShr => Op.IShr, _ => Op.IUShr,
                }, Dest(i), S(i.Args[0]), S(i.Args[1]));
                break;
            case Opcode.INeg or Opcode.INot:
                if (i.Type != MirType.I32) throw Unsupported(i, i.Type);
                Put(i.Op == Opcode.INeg ? Op.INeg : Op.INot, Dest(i), S(i.Args[0]));
                break;
            case Opcode.FAdd or Opcode.FSub or Opcode.FMul or Opcode.FDiv or Opcode.FRem or Opcode.FMin or Opcode.FMax:
                Put(i.Op switch
                {
                    Opcode.FAdd => Op.FAdd, Opcode.FSub => Op.FSub, Opcode.FMul => Op.FMul, Opcode.FDiv => Op.FDiv,
                    Opcode.FRem => Op.FRem, Opcode.FMin => Op.FMin, _ => Op.FMax,
                }, Dest(i), S(i.Args[0]), S(i.Args[1]));
                break;
            case Opcode.FNeg or Opcode.FSqrt or Opcode.FFloor or Opcode.FCeil or Opcode.FAbs:
                Put(i.Op switch { Opcode.FNeg => Op.FNeg, Opcode.FSqrt => Op.FSqrt, Opcode.FFloor => Op.FFloor, Opcode.FCeil => Op.FCeil, _ => Op.FAbs },
                    Dest(i), S(i.Args[0]));
                break;
            case Opcode.ICmp:
            {
                var t = _cf.TypeOf(i.Args[0]);
                if (t is not (MirType.I32 or MirType.Bool)) throw Unsupported(i, t);
                Put((Cond)i.Imm switch
                {
                    Cond.Eq => Op.IEq, Cond.Ne => Op.INe, Cond.Lt => Op.ILt, Cond.Le => Op.ILe, Cond.Gt => Op.IGt, _ => Op.IGe,
                }, Dest(i), S(i.Args[0]), S(i.Args[1]));
                break;
            }
            case Opcode.FCmp:
                Put((Cond)i.Imm switch
                {
                    Cond.Eq => Op.FEq, Cond.Ne => Op.FNe, Cond.Lt => Op.FLt, Cond.Le => Op.FLe, Cond.Gt => Op.FGt, _ => Op.FGe,
                }, Dest(i), S(i.Args[0]), S(i.Args[1]));
                break;
            case Opcode.PCmp:
                // a 64-bit compare: also right for Bool and Int operands held canonically
                Put((Cond)i.Imm == Cond.Eq ? Op.PEq : Op.PNe, Dest(i), S(i.Args[0]), S(i.Args[1]));
                break;
            case Opcode.BNot: Put(Op.BNot, Dest(i), S(i.Args[0])); break;
            case Opcode.IToF: Put(Op.IToF, Dest(i), S(i.Args[0])); break;
            case Opcode.FToI: Put(Op.FToI, Dest(i), S(i.Args[0])); break;
            case Opcode.Call:
            {
                var callee = _image.FindFunction(i.Sym!) ?? throw new InterpreterException($"@{_cf.Name}: call of unknown function @{i.Sym}");
                if (Inlinable(callee))
                {
                    Inline(i, callee.Mir);
                    break;
                }
                Put(Op.Call, Dest(i), callee.Index);
                Args(i.Args);
                _maxArgs = Math.Max(_maxArgs, i.Args.Count);
                break;
            }
            case Opcode.CallNative: EmitNative(i); break;
            case Opcode.GLoad: Put(i.Type == MirType.I32 ? Op.GLoadI32 : Op.GLoad, Dest(i), _image.GlobalIndex(i.Sym!)); break;
            case Opcode.GStore: Put(Op.GStore, _image.GlobalIndex(i.Sym!), S(i.Args[0])); break;
            case Opcode.ALen: Put(Op.ALen, Dest(i), S(i.Args[0])); break;
            case Opcode.SLen: Put(Op.SLen, Dest(i), S(i.Args[0])); break;
            case Opcode.AGet:
                Put(i.Type switch
                {
                    MirType.I32 => Op.AGetI32, MirType.F64 => Op.AGetF64, MirType.Bool => Op.AGetBool, MirType.Ptr => Op.AGetPtr,
                    _ => throw Unsupported(i, i.Type),
                }, Dest(i), S(i.Args[0]), S(i.Args[1]));
                break;
            case Opcode.ASet:
            {
                var t = _cf.TypeOf(i.Args[2]);
                Put(t switch
                {
                    MirType.I32 => Op.ASetI32, MirType.F64 => Op.ASetF64, MirType.Bool => Op.ASetBool, MirType.Ptr => Op.ASetPtr,
                    _ => throw Unsupported(i, t),
                }, S(i.Args[0]), S(i.Args[1]), S(i.Args[2]));
                break;
            }
            case Opcode.AGetU:
                Put(i.Type switch
                {
                    MirType.I32 => Op.AGetUI32, MirType.F64 or MirType.Ptr => Op.AGetU64, MirType.Bool => Op.AGetUBool,
                    _ => throw Unsupported(i, i.Type),
                }, Dest(i), S(i.Args[0]), S(i.Args[1]));
                break;
            case Opcode.ASetU:
            {
                var t = _cf.TypeOf(i.Args[2]);
                Put(t switch
                {
                    MirType.I32 => Op.ASetUI32, MirType.F64 or MirType.Ptr => Op.ASetU64, MirType.Bool => Op.ASetUBool,
                    _ => throw Unsupported(i, t),
                }, S(i.Args[0]), S(i.Args[1]), S(i.Args[2]));
                break;
            }
            case Opcode.VSet:
            {
                var t = _cf.TypeOf(i.Args[2]);
                Put(t switch
                {
                    MirType.I32 => Op.VSetI32, MirType.F64 => Op.VSetF64, MirType.Bool => Op.VSetBool, MirType.Ptr => Op.VSetPtr,
                    _ => throw Unsupported(i, t),
                }, S(i.Args[0]), S(i.Args[1]), S(i.Args[2]));
                break;
            }
            case Opcode.BGetU or Opcode.BGet:
                if (i.Op == Opcode.BGetU) Put(Op.BCheck, S(i.Args[0]), S(i.Args[1]), (int)i.Imm);
                Put((ByteWidth)i.Imm switch
                {
                    ByteWidth.U8 => Op.BGetU8, ByteWidth.U16 => Op.BGetU16, ByteWidth.I32 => Op.BGetI32, ByteWidth.F32 => Op.BGetF32, _ => Op.BGetF64,
                }, Dest(i), S(i.Args[0]), S(i.Args[1]));
                break;
            case Opcode.BSet:
                Put((ByteWidth)i.Imm switch
                {
                    ByteWidth.U8 => Op.BSetU8, ByteWidth.U16 => Op.BSetU16, ByteWidth.I32 => Op.BSetI32, ByteWidth.F32 => Op.BSetF32, _ => Op.BSetF64,
                }, S(i.Args[0]), S(i.Args[1]), S(i.Args[2]));
                break;
            case Opcode.DynCall:
                Put(Op.DynCall, Dest(i), Site(), S(i.Args[0]), S(i.Args[1]));
                _maxArgs = Math.Max(_maxArgs, 2);
                break;
            // a stack object (salloc) is made on the heap here: the same object while the escape
            // pass's proof holds (nothing outside the frame sees it), and the collector's business
            case Opcode.New or Opcode.SAlloc: Put(Op.New, Dest(i), _image.ClassIndex(i.Sym!)); break;
            case Opcode.Alloc: Put(Op.Alloc, Dest(i), (int)i.Imm); break;
            case Opcode.Closure:
            {
                var fn = _image.FindFunction(i.Sym!) ?? throw new InterpreterException($"@{_cf.Name}: closure of unknown function @{i.Sym}");
                Put(Op.Closure, Dest(i), fn.Index, S(i.Args[0]));
                break;
            }
            case Opcode.CallClosure:
                Put(Op.CallClosure, Dest(i), Site());
                Args(i.Args);
                _maxArgs = Math.Max(_maxArgs, i.Args.Count);
                break;
            case Opcode.VCall or Opcode.ICall:
                Put(i.Op == Opcode.VCall ? Op.VCall : Op.ICall, Dest(i), (int)i.Imm);
                Args(i.Args);
                _maxArgs = Math.Max(_maxArgs, i.Args.Count);
                break;
            case Opcode.GetField:
                Put(i.Type switch
                {
                    MirType.I32 => Op.GetI32, MirType.F64 => Op.GetF64, MirType.Bool => Op.GetBool, MirType.Ptr or MirType.I64 => Op.GetPtr,
                    _ => throw Unsupported(i, i.Type),
                }, Dest(i), S(i.Args[0]), (int)i.Imm);
                break;
            case Opcode.SetField:
            {
                var t = _cf.TypeOf(i.Args[1]);
                Put(t switch
                {
                    MirType.I32 => Op.SetI32, MirType.F64 => Op.SetF64, MirType.Bool => Op.SetBool, MirType.Ptr or MirType.I64 => Op.SetPtr,
                    _ => throw Unsupported(i, t),
                }, S(i.Args[0]), (int)i.Imm, S(i.Args[1]));
                break;
            }
            case Opcode.Br or Opcode.BrIf:
                if (BranchOf(i) is var (cond, then, els)) CondBranch(cond, then, els);
                else Jump(i.Targets[0]);
                break;
            case Opcode.Ret:
                if (i.Args.Count == 0) Put(Op.RetVoid);
                else Put(Op.Ret, S(i.Args[0]));
                break;
            case Opcode.Unreachable: Put(Op.Unreachable); break;
            case Opcode.TryEnter:
                _code.Add((int)Op.Try);
                Label(EdgeLabel(i.Targets[0], ValueId.None, false));
                Label(EdgeLabel(i.Targets[1], ValueId.None, false));
                break;
            case Opcode.Throw: Put(Op.Throw, S(i.Args[0])); break;
            default: throw new InterpreterException($"@{_cf.Name}: the interpreter has no {i.Op.Info().Name}");
        }
    }

    private void EmitNative(Instruction i)
    {
        switch (i.Sym)
        {
            // the trap chain of the interpreter lives in its frames (see Interpreter.Execute)
            case "rz_trap_pop": Put(Op.TrapPop); return;
            case "rz_exception_value": Put(Op.ExceptionValue, Dest(i)); return;
        }
        var index = NativeTable.IndexOf(i.Sym!);
        if (index < 0)
        {
            Put(Op.MissingNative, NativeTable.MissingName(i.Sym!));
            return;
        }
        Put(Op.CallNative, Dest(i), index);
        Args(i.Args);
        _maxArgs = Math.Max(_maxArgs, i.Args.Count);
    }
}
