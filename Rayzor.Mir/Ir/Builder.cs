namespace Rayzor.Mir.Ir;

/// Appends instructions to a block of a function.
public sealed class MirBuilder(MirFunction function)
{
    public MirFunction Function { get; } = function;
    public Block Current { get; set; } = null!;

    /// True when the current block already ends in a terminator (code after it is dead).
    public bool Terminated => Current.Terminator != null;

    /// The source line given to the instructions appended from now on (0: unknown); the lowering
    /// sets it from the position of the expression it lowers.
    public int Line { get; set; }

    private void Add(Instruction inst)
    {
        inst.Line = Line;
        Current.Insts.Add(inst);
    }

    private ValueId Emit(Opcode op, MirType type, List<ValueId> args, long imm = 0, double fimm = 0, string? sym = null)
    {
        var inst = new Instruction { Op = op, Type = type, Args = args, Imm = imm, FImm = fimm, Sym = sym };
        if (op.Info().HasResult && type != MirType.Void) inst.Result = Function.NewValue(type, Current.Id, false);
        Add(inst);
        return inst.Result;
    }

    public ValueId IConst(int v) => Emit(Opcode.IConst, MirType.I32, [], v);
    public ValueId FConst(double v) => Emit(Opcode.FConst, MirType.F64, [], fimm: v);
    public ValueId BConst(bool v) => Emit(Opcode.BConst, MirType.Bool, [], v ? 1 : 0);
    public ValueId Null() => Emit(Opcode.Null, MirType.Ptr, []);
    public ValueId Str(int literal) => Emit(Opcode.Str, MirType.Ptr, [], literal);

    /// A one- or two-operand operation whose result type is given.
    public ValueId Op(Opcode op, MirType type, params ValueId[] args) => Emit(op, type, [.. args]);

    public ValueId Cmp(Opcode op, Cond cond, ValueId a, ValueId b) => Emit(op, MirType.Bool, [a, b], (long)cond);

    public ValueId Call(string fn, MirType ret, List<ValueId> args) => Emit(Opcode.Call, ret, args, sym: fn);

    public ValueId CallNative(string fn, MirType ret, List<ValueId> args) => Emit(Opcode.CallNative, ret, args, sym: fn);

    public ValueId New(string cls) => Emit(Opcode.New, MirType.Ptr, [], sym: cls);

    public ValueId GetField(ValueId obj, int offset, MirType type) => Emit(Opcode.GetField, type, [obj], offset);

    public void SetField(ValueId obj, int offset, ValueId v) => Emit(Opcode.SetField, MirType.Void, [obj, v], offset);

    public ValueId BGet(ByteWidth w, ValueId bytes, ValueId index) =>
        Emit(Opcode.BGet, w is ByteWidth.F32 or ByteWidth.F64 ? MirType.F64 : MirType.I32, [bytes, index], (long)w);

    public void BSet(ByteWidth w, ValueId bytes, ValueId index, ValueId v) => Emit(Opcode.BSet, MirType.Void, [bytes, index, v], (long)w);

    /// A call through vtable <paramref name="slot"/> of a receiver whose static type is class <paramref name="cls"/>.
    public ValueId VCall(string cls, int slot, MirType ret, List<ValueId> args) => Emit(Opcode.VCall, ret, args, slot, sym: cls);

    /// A call by <paramref name="selector"/> on a receiver whose static type is interface <paramref name="iface"/>.
    public ValueId ICall(string iface, int selector, MirType ret, List<ValueId> args) => Emit(Opcode.ICall, ret, args, selector, sym: iface);

    public ValueId Alloc(int size) => Emit(Opcode.Alloc, MirType.Ptr, [], size);

    public ValueId Closure(string fn, ValueId env) => Emit(Opcode.Closure, MirType.Ptr, [env], sym: fn);

    public ValueId CallClosure(MirType ret, List<ValueId> args) => Emit(Opcode.CallClosure, ret, args);

    public ValueId DynCall(ValueId fn, ValueId args) => Emit(Opcode.DynCall, MirType.Ptr, [fn, args]);

    public ValueId GLoad(string global, MirType type) => Emit(Opcode.GLoad, type, [], sym: global);

    public void GStore(string global, ValueId v) => Emit(Opcode.GStore, MirType.Void, [v], sym: global);

    public void Br(Block target, List<ValueId>? args = null) =>
        Add(new Instruction { Op = Opcode.Br, Targets = [new BlockCall(target.Id, args ?? [])] });

    public void BrIf(ValueId cond, Block then, Block els) =>
        Add(new Instruction { Op = Opcode.BrIf, Args = [cond], Targets = [new BlockCall(then.Id, []), new BlockCall(els.Id, [])] });

    public void Ret(ValueId? v) => Add(new Instruction { Op = Opcode.Ret, Args = v is { } x ? [x] : [] });

    public void TryEnter(Block body, Block handler) =>
        Add(new Instruction { Op = Opcode.TryEnter, Targets = [new BlockCall(body.Id, []), new BlockCall(handler.Id, [])] });

    public void Throw(ValueId v) => Add(new Instruction { Op = Opcode.Throw, Args = [v] });

    public ValueId TypeDesc(string sym) => Emit(Opcode.TypeDesc, MirType.Ptr, [], sym: sym);

    public void Unreachable() => Add(new Instruction { Op = Opcode.Unreachable });
}
