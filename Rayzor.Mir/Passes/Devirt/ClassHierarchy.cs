using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Passes.Devirt;

/// The class hierarchy as the module's class table gives it (the program is closed: every class
/// is there): which classes an object of a static type can be an instance of, and the function
/// each one's dispatch table names for a slot or selector.
public sealed class ClassHierarchy
{
    private readonly Dictionary<string, MirClass> _byName = new();
    private readonly Dictionary<string, List<MirClass>> _instancesOf = new();
    private readonly HashSet<string> _methods = new();

    public ClassHierarchy(MirModule m)
    {
        foreach (var c in m.Classes) _byName.TryAdd(c.Name, c);
        foreach (var c in m.Classes)
        {
            if (c.IsInterface || c.IsEnum) continue;
            // a class is an instance of itself, its superclasses and all their interfaces
            foreach (var t in c.Interfaces) Add(t, c);
            for (var k = c; k != null; k = k.Super != null ? _byName.GetValueOrDefault(k.Super) : null) Add(k.Name, c);
            _methods.UnionWith(c.VTable);
            _methods.Add(c.Name + ".new");
        }
    }

    private void Add(string type, MirClass c)
    {
        if (!_instancesOf.TryGetValue(type, out var l)) _instancesOf[type] = l = [];
        if (!l.Contains(c)) l.Add(c);
    }

    /// The classes (not interfaces or enums) whose instances have static type <paramref name="type"/>, in module order.
    public IReadOnlyList<MirClass> InstancesOf(string type) => _instancesOf.GetValueOrDefault(type) ?? [];

    /// Whether <paramref name="function"/>'s first parameter is a receiver that was already tested
    /// for null (`this` of a method or a constructor: every call of one is a dispatch, a devirtualized
    /// call that tests its receiver, `super.m()` or `new`). Haxe `inline` methods are called without
    /// a test, but the lowering never tested `this` at their calls either.
    public bool ReceivesThis(MirFunction function) => _methods.Contains(function.Name);

    /// The functions a `vcall` or `icall` reaches, grouped by function (classes sharing an
    /// implementation together, in module order), or null when a class has no entry there.
    public List<(string Function, List<string> Classes)>? Targets(Instruction dispatch)
    {
        var targets = new List<(string Function, List<string> Classes)>();
        foreach (var c in InstancesOf(dispatch.Sym!))
        {
            if (Entry(c, dispatch) is not { } fn) return null;
            var k = targets.FindIndex(t => t.Function == fn);
            if (k < 0) targets.Add((fn, [c.Name]));
            else targets[k].Classes.Add(c.Name);
        }
        return targets;
    }

    /// The functions a `vcall` or `icall` may reach, each once (of the classes that have an entry there).
    public IEnumerable<string> Reachable(Instruction dispatch) =>
        InstancesOf(dispatch.Sym!).Select(c => Entry(c, dispatch)).OfType<string>().Distinct();

    /// The function a dispatch reaches on an instance of class <paramref name="name"/> (exactly
    /// that class: a new object), or null when it is not one of the dispatch's classes.
    public string? EntryOf(string name, Instruction dispatch) =>
        _byName.GetValueOrDefault(name) is { } c && InstancesOf(dispatch.Sym!).Contains(c) ? Entry(c, dispatch) : null;

    private static string? Entry(MirClass c, Instruction dispatch)
    {
        if (dispatch.Op == Opcode.VCall) return dispatch.Imm < c.VTable.Count ? c.VTable[(int)dispatch.Imm] : null;
        return dispatch.Imm < c.ITable.Count ? c.ITable[(int)dispatch.Imm] : null;
    }
}
