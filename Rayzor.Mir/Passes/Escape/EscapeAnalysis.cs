using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Passes.Escape;

/// Which allocations of a function never escape it: a `new` or `alloc` whose result is only read
/// and written through (`getfield`, `setfield` on it; a class instance's type descriptor read) and
/// compared by identity (`pcmp`). Any other
/// use lets the pointer out or depends on the object being real memory: an operand of a call (a
/// method not inlined, `Std.string`, `Std.isOfType`, a constructor call), a stored value (into
/// another object, an array, a global, a closure environment), a jump argument (so no object ever
/// meets another in a block parameter, and none lives on across a loop's back edge), `ret`,
/// `throw`, a dynamic access. Such an object is only ever seen by the code of its own function,
/// which names it by the one SSA value.
public static class EscapeAnalysis
{
    /// A field of a non-escaping object as its accesses use it: byte offset and type.
    public readonly record struct Slot(int Offset, MirType Type);

    /// The fields of the object <paramref name="alloc"/> allocates, in offset order, when it does
    /// not escape and its accesses lay the fields out consistently (same type at an offset, no two
    /// overlapping, none stored on a class instance's type descriptor word); otherwise null.
    public static List<Slot>? Fields(MirFunction f, MirModule module, Instruction alloc, Uses uses)
    {
        var v = alloc.Result;
        if (uses.InJumps.Contains(v)) return null;
        var size = alloc.Op == Opcode.Alloc ? (int)alloc.Imm : module.Classes.FirstOrDefault(c => c.Name == alloc.Sym)?.Size ?? -1;
        // a class instance's first word is its type descriptor, which only the runtime reads
        var first = alloc.Op == Opcode.New ? 8 : 0;
        var types = new Dictionary<int, MirType>();
        foreach (var i in uses.Readers.GetValueOrDefault(v) ?? [])
        {
            MirType type;
            switch (i.Op)
            {
                case Opcode.GetField when i.Args[0] == v && alloc.Op == Opcode.New && i.Imm == 0 && i.Type == MirType.Ptr:
                    continue; // the type descriptor: a constant (guarded devirtualization, null checks of inlined calls)
                case Opcode.GetField when i.Args[0] == v:
                    type = i.Type;
                    break;
                case Opcode.SetField when i.Args[0] == v && i.Args[1] != v:
                    type = f.TypeOf(i.Args[1]);
                    break;
                case Opcode.PCmp:
                    continue;
                default:
                    return null;
            }
            if (type is MirType.Void or MirType.I64 || i.Imm < first || i.Imm + Width(type) > size) return null;
            if (types.TryGetValue((int)i.Imm, out var seen) && seen != type) return null;
            types[(int)i.Imm] = type;
        }
        var slots = types.Select(kv => new Slot(kv.Key, kv.Value)).OrderBy(s => s.Offset).ToList();
        for (var k = 1; k < slots.Count; k++)
            if (slots[k - 1].Offset + Width(slots[k - 1].Type) > slots[k].Offset) return null;
        return slots;
    }

    /// The instructions reading each value (once per instruction), and the values passed to blocks.
    public sealed class Uses
    {
        public Dictionary<ValueId, List<Instruction>> Readers { get; } = new();
        public HashSet<ValueId> InJumps { get; } = [];

        /// The block of each instruction.
        public Dictionary<Instruction, int> BlockOf { get; } = new(ReferenceEqualityComparer.Instance);

        public Uses(MirFunction f)
        {
            foreach (var b in f.Blocks)
                foreach (var i in b.Insts)
                {
                    BlockOf[i] = b.Id.Index;
                    foreach (var a in i.Args.Distinct())
                    {
                        if (!Readers.TryGetValue(a, out var l)) Readers[a] = l = [];
                        l.Add(i);
                    }
                    foreach (var t in i.Targets) InJumps.UnionWith(t.Args);
                }
        }
    }

    /// The bytes a field of this type takes in an object.
    private static int Width(MirType t) => t switch { MirType.Bool => 1, MirType.I32 => 4, _ => 8 };
}
