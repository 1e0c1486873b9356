using Rayzor.Mir.Ir;

namespace Rayzor.LlvmBackend.Emit;

/// One codegen unit: an LLVM module of its own (own context), optimized and compiled to an object
/// independently of the others (DESIGN §6).
public sealed class CodeUnit(string name, bool isProgram)
{
    /// The class (or group of compiler helpers) whose functions the unit holds; `$program` for the program unit.
    public string Name { get; } = name;

    /// The program unit: descriptors, the program block, `main`, the entry function.
    public bool IsProgram { get; } = isProgram;

    /// The functions defined here.
    public List<MirFunction> Functions { get; } = [];

    /// Small functions of other units copied here as `available_externally` bodies, so LLVM can
    /// inline them across units (the copies are dropped after optimization).
    public List<MirFunction> Imports { get; } = [];

    /// The static vars defined here.
    public List<MirGlobal> Globals { get; } = [];

    /// MIR instructions of the unit's own functions (to start the big units first).
    public int Size => Functions.Sum(FunctionSize);

    internal static int FunctionSize(MirFunction f) => f.Blocks.Sum(b => b.Insts.Count);
}

/// How a program's functions are split into codegen units: one unit per class (its methods,
/// lambdas, wrappers), one for the dynamic-call adapters, and the program unit (descriptors, the
/// program block, `main` and anything without a class). The entry function (static initializers,
/// then the main class's `main`) goes with the main class: the static vars of the main class are
/// then written by one unit only and keep internal linkage, which lets LLVM keep them in registers
/// across calls (measured: the strings benchmark's random seed, 1% of its instructions). A symbol used only in
/// its own unit keeps internal linkage; one used from another unit is a hidden global symbol.
public sealed class UnitPlan
{
    /// Functions up to this many MIR instructions are copied into the units that call them.
    public const int ImportLimit = 40;

    /// How deep imports follow the calls of imported functions.
    private const int ImportDepth = 2;

    private readonly Dictionary<string, int> _functionUnit = new();
    private readonly Dictionary<string, int> _globalUnit = new();
    private readonly HashSet<string> _exported = [];

    private UnitPlan(List<CodeUnit> units) => Units = units;

    /// The units; `Units[0]` is the program unit.
    public IReadOnlyList<CodeUnit> Units { get; }

    /// True when there is more than one unit: shared constants (string literals, built-in
    /// descriptors, helpers) are then emitted in every unit that uses them, merged by the linker.
    public bool Split => Units.Count > 1;

    /// Everything in one unit (`--emit llvm-ir|asm|obj`): every symbol internal, as one module.
    public static UnitPlan Single(MirModule mir)
    {
        var unit = new CodeUnit("$program", true);
        unit.Functions.AddRange(mir.Functions);
        unit.Globals.AddRange(mir.Globals);
        var plan = new UnitPlan([unit]);
        foreach (var f in mir.Functions) plan._functionUnit[f.Name] = 0;
        foreach (var g in mir.Globals) plan._globalUnit[g.Name] = 0;
        return plan;
    }

    /// One unit per class. <paramref name="imports"/>: copy small callees into their callers'
    /// units (worth it only when the units are optimized).
    public static UnitPlan ByClass(MirModule mir, bool imports)
    {
        var units = new List<CodeUnit> { new("$program", true) };
        var byOwner = new Dictionary<string, int>();
        int UnitFor(string name)
        {
            if (name == mir.EntryFunction) name = mir.MainFunction ?? name;
            var owner = Owner(name);
            if (owner == null) return 0;
            if (!byOwner.TryGetValue(owner, out var u))
            {
                byOwner[owner] = u = units.Count;
                units.Add(new CodeUnit(owner, false));
            }
            return u;
        }
        var plan = new UnitPlan(units);
        foreach (var f in mir.Functions)
        {
            var u = UnitFor(f.Name);
            units[u].Functions.Add(f);
            plan._functionUnit[f.Name] = u;
        }
        foreach (var g in mir.Globals)
        {
            var u = UnitFor(g.Name);
            units[u].Globals.Add(g);
            plan._globalUnit[g.Name] = u;
        }
        if (imports) plan.AddImports(mir);
        plan.FindExports(mir);
        return plan;
    }

    /// For the tiered run (Jit/TierCompiler.cs): unit 1 holds <paramref name="functions"/> and
    /// copies of their small callees; everything else stays in the program unit, which is never
    /// emitted (the interpreter's image stands for it).
    public static UnitPlan Tier(MirModule mir, IReadOnlyCollection<string> functions)
    {
        var units = new List<CodeUnit> { new("$program", true), new("$tier", false) };
        var plan = new UnitPlan(units);
        foreach (var f in mir.Functions)
        {
            var u = functions.Contains(f.Name) ? 1 : 0;
            units[u].Functions.Add(f);
            plan._functionUnit[f.Name] = u;
        }
        foreach (var g in mir.Globals)
        {
            units[0].Globals.Add(g);
            plan._globalUnit[g.Name] = 0;
        }
        plan.AddImports(mir);
        plan.FindExports(mir);
        return plan;
    }

    /// The unit defining a function.
    public int UnitOfFunction(string name) => _functionUnit[name];

    /// True when a function or static var is used outside the unit defining it.
    public bool IsExported(string symbol) => _exported.Contains(symbol);

    /// The class a function or static var belongs to: its name up to the first segment that starts
    /// with an upper-case letter (`haxe.io.Bytes.get.$bound` → `haxe.io.Bytes`), or its first segment
    /// for compiler helpers (`$dyncall.ii_v` → `$dyncall`); null for a name without a dot.
    internal static string? Owner(string name)
    {
        var parts = name.Split('.');
        if (parts.Length < 2) return null;
        for (var k = 0; k < parts.Length - 1; k++)
            if (parts[k].Length > 0 && char.IsUpper(parts[k][0])) return string.Join('.', parts, 0, k + 1);
        return parts[0];
    }

    /// Copies small callees of other units into each unit (transitively, a few levels deep). Not
    /// into the program unit: it holds no code that runs more than once.
    private void AddImports(MirModule mir)
    {
        var byName = mir.Functions.ToDictionary(f => f.Name);
        for (var u = 1; u < Units.Count; u++)
        {
            var unit = Units[u];
            var seen = new HashSet<string>();
            var frontier = unit.Functions;
            for (var depth = 0; depth < ImportDepth && frontier.Count > 0; depth++)
            {
                var next = new List<MirFunction>();
                foreach (var name in frontier.SelectMany(Callees))
                {
                    if (_functionUnit[name] == u || !seen.Add(name)) continue;
                    var callee = byName[name];
                    if (CodeUnit.FunctionSize(callee) > ImportLimit) continue;
                    unit.Imports.Add(callee);
                    next.Add(callee);
                }
                frontier = next;
            }
        }
    }

    private static IEnumerable<string> Callees(MirFunction f) =>
        f.Blocks.SelectMany(b => b.Insts).Where(i => i.Op == Opcode.Call).Select(i => i.Sym!);

    /// Marks every function and static var referenced from a unit other than its own (imported
    /// bodies count as references from the importing unit), and every function the program unit's
    /// descriptors or a closure descriptor (any unit) point to.
    private void FindExports(MirModule mir)
    {
        for (var u = 0; u < Units.Count; u++)
        {
            foreach (var f in Units[u].Functions.Concat(Units[u].Imports))
            {
                if (_functionUnit[f.Name] != u) _exported.Add(f.Name);
                foreach (var i in f.Blocks.SelectMany(b => b.Insts))
                {
                    switch (i.Op)
                    {
                        case Opcode.Call or Opcode.Closure when _functionUnit[i.Sym!] != u:
                        case Opcode.GLoad or Opcode.GStore when _globalUnit[i.Sym!] != u:
                            _exported.Add(i.Sym!);
                            break;
                    }
                }
            }
        }
        // descriptors live in the program unit; closure descriptors are shared by every unit
        foreach (var c in mir.Classes)
        {
            foreach (var n in c.VTable) _exported.Add(n);
            foreach (var n in c.ITable) if (n != null) _exported.Add(n);
            foreach (var e in c.FieldTable) if (e.Method != null) _exported.Add(e.Method);
            foreach (var n in new[] { c.ConstructFn, c.EnumParamsFn, c.EnumCreateFn, c.ToStringFn }) if (n != null) _exported.Add(n);
        }
        foreach (var t in mir.MemberTables)
            if (t != null) foreach (var e in t) if (e.Method != null) _exported.Add(e.Method);
        _exported.Add(mir.EntryFunction);
        foreach (var f in mir.Functions)
            if (f.Name.StartsWith("$dyncall.", StringComparison.Ordinal)) _exported.Add(f.Name);
        // functions of the program unit are referenced by nothing else unless marked above
        _exported.RemoveWhere(n => !_functionUnit.ContainsKey(n) && !_globalUnit.ContainsKey(n));
    }
}
