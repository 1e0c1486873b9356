namespace Rayzor.Mir.Ir;

/// One instruction; operands are values, immediates live in Imm/FImm/Sym, successors in Targets.
public sealed class Instruction
{
    public required Opcode Op { get; init; }

    /// The produced value, or ValueId.None.
    public ValueId Result { get; set; } = ValueId.None;

    /// The result type (Void when none); for calls, the callee's return type.
    public MirType Type { get; init; }

    public List<ValueId> Args { get; init; } = [];

    /// iconst value, bconst (0/1), cond of compares, string literal index of `str`.
    public long Imm { get; init; }

    public double FImm { get; init; }

    /// Callee or global name.
    public string? Sym { get; init; }

    /// Successors of br (1) and brif (2).
    public List<BlockCall> Targets { get; init; } = [];

    /// The 1-based line in the function's SourceFile this instruction comes from (0: unknown). The
    /// backend turns it into DWARF line info (stack traces, debuggers); the MIR text omits it.
    public int Line { get; set; }

    /// Where this instruction was inlined into its function, innermost first (null: it is the
    /// function's own code); Line is then a line of the inlined function's SourceFile.
    public InlineSite? Inlined { get; set; }

    public bool IsTerminator => (Op.Info().Effects & Effects.Terminator) != 0;
}

/// A call the MIR inliner replaced by the callee's body: the callee (name, source file, first
/// line, for its DWARF subprogram) and the call's line, in the file of <see cref="Parent"/> (or of
/// the function holding the instructions when Parent is null). Stack traces keep the callee's frame.
public sealed record InlineSite(string Callee, string? SourceFile, int ScopeLine, int CallLine, InlineSite? Parent);

/// A basic block: parameters (SSA values bound by each incoming jump), then instructions ending in a terminator.
public sealed class Block(BlockId id)
{
    public BlockId Id { get; } = id;
    public List<ValueId> Params { get; } = [];
    public List<Instruction> Insts { get; } = [];

    public Instruction? Terminator => Insts.Count > 0 && Insts[^1].IsTerminator ? Insts[^1] : null;
}

/// What a value is: its type, and where it is defined.
public readonly record struct ValueInfo(MirType Type, BlockId Block, bool IsParam);

/// A function: the entry block's parameters are the arguments.
public sealed class MirFunction(string name, IReadOnlyList<MirType> paramTypes, MirType returnType)
{
    public string Name { get; } = name;
    public IReadOnlyList<MirType> ParamTypes { get; } = paramTypes;
    public MirType ReturnType { get; } = returnType;
    public List<Block> Blocks { get; } = [];
    public List<ValueInfo> Values { get; } = [];

    /// Source file and line for diagnostics and traces (optional).
    public string? SourceFile { get; set; }

    /// A Haxe `inline` function: the inliner replaces every non-recursive call of it by its body,
    /// whatever its size. Printed as `inline func` in the text form.
    public bool IsInline { get; set; }

    public Block Entry => Blocks[0];

    public Block this[BlockId id] => Blocks[id.Index];

    public MirType TypeOf(ValueId v) => Values[v.Index].Type;

    public Block NewBlock()
    {
        var b = new Block(new BlockId(Blocks.Count));
        Blocks.Add(b);
        return b;
    }

    public ValueId NewValue(MirType type, BlockId block, bool isParam)
    {
        Values.Add(new ValueInfo(type, block, isParam));
        return new ValueId(Values.Count - 1);
    }

    public ValueId AddParam(Block b, MirType type)
    {
        var v = NewValue(type, b.Id, true);
        b.Params.Add(v);
        return v;
    }
}

/// A global variable (a static var); zero-initialized, assigned by the static initializers.
public sealed record MirGlobal(string Name, MirType Type);

/// A C-ABI function the program calls (runtime export or libc).
public sealed record NativeDecl(string Name, IReadOnlyList<MirType> Params, MirType Return);

/// A class as the backend lays it out: its type descriptor (docs/abi.md) and instance size.
public sealed class MirClass(string name, int size)
{
    public string Name { get; } = name;
    public int Size { get; } = size;
    public string? Super { get; init; }
    public bool IsInterface { get; init; }

    /// An enum: the descriptor has kind RZ_KIND_ENUM and instances hold a constructor index.
    public bool IsEnum { get; init; }

    /// Constructor names of an enum, as string literal indices (the descriptor's table at offset 40).
    public List<int> CtorNames { get; } = [];

    /// Functions by vtable slot.
    public List<string> VTable { get; } = [];

    /// Functions by interface selector (null where the class has no such method).
    public List<string?> ITable { get; } = [];

    /// Every interface the class implements, directly or through its superclasses and interfaces.
    public List<string> Interfaces { get; } = [];

    /// Members by name for structural and Dynamic access: (name literal, offset, type) for vars,
    /// (name literal, 0, Void) with the bound-method wrapper for methods.
    public List<(int Name, int Offset, MirType Type, string? Method)> FieldTable { get; } = [];

    /// `ptr construct(ptr args)` for Type.createInstance: the field table's constructor entry (kind 5).
    public string? ConstructFn { get; set; }

    /// Enums: `Type.enumParameters` and `Type.createEnumIndex` (the descriptor's table at offset 48).
    public string? EnumParamsFn { get; init; }
    public string? EnumCreateFn { get; init; }

    /// `toString()` when the class has one.
    public string? ToStringFn { get; set; }
}

/// A whole program in MIR.
public sealed class MirModule
{
    private readonly Dictionary<string, int> _stringIndex = new();

    public List<MirFunction> Functions { get; } = [];

    /// <summary>
    /// Taken by whoever adds to <see cref="Functions"/> while compilers read them (a tiered run's
    /// loop entries, added as they are compiled) and by those compilers while they read.
    /// </summary>
    public object Gate { get; } = new();
    public List<MirGlobal> Globals { get; } = [];
    public List<MirClass> Classes { get; } = [];

    /// The number of interface selectors (every class's itable has this many entries).
    public int SelectorCount { get; set; }
    public Dictionary<string, NativeDecl> Natives { get; } = new();

    /// String literals, referenced by index from `str`.
    public List<string> Strings { get; } = [];

    /// Members by name of the built-in types (String, Array, StringBuf, Map, in that order), as
    /// class field tables: the runtime's tables in RzBuiltins (docs/abi.md "Members by name").
    public List<(int Name, int Offset, MirType Type, string? Method)>?[] MemberTables { get; } = new List<(int, int, MirType, string?)>?[5];

    /// The main class's source file: the compile unit of the debug info.
    public string? SourceFile { get; set; }

    /// The function the executable's `main` calls (runs static initializers, then Main.main).
    public string EntryFunction { get; set; } = "__rz_entry";

    /// The main class's `main`, which the entry function calls last (null when unknown).
    public string? MainFunction { get; set; }

    public int InternString(string s)
    {
        if (_stringIndex.TryGetValue(s, out var i)) return i;
        Strings.Add(s);
        return _stringIndex[s] = Strings.Count - 1;
    }

    public MirFunction? Find(string name) => Functions.FirstOrDefault(f => f.Name == name);

    public void DeclareNative(string name, MirType ret, params MirType[] ps) => Natives.TryAdd(name, new NativeDecl(name, ps, ret));
}
