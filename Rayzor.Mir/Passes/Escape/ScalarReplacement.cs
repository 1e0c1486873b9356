using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Passes.Escape;

/// Escape analysis with scalar replacement (`escape`): an allocation that does not escape its
/// function (EscapeAnalysis) disappears, and each of its fields becomes SSA values, built like
/// variables are (Cytron et al.): the allocation defines every field as its zero, a `setfield`
/// defines one, a `getfield` reads the definition that reaches it, and blocks of the iterated
/// dominance frontier of a field's definitions get a block parameter for it. `pcmp` on the object
/// is constant: equal only to itself (no other value can hold its pointer). Nothing of the object
/// is left at run time, so the backend, the interpreter and the collector never see it (its
/// pointer fields are ordinary SSA values, in registers or on the native stack). Runs after
/// inlining, which turns constructors and small methods into field accesses. Functions with a
/// `tryenter` are left alone: a handler block sees the values of its `tryenter`, not the field
/// stores the protected code made before throwing. Allocations that do not escape but meet
/// others in a block parameter become stack objects instead (StackAllocation).
public sealed class ScalarReplacement : FunctionPass
{
    public override string Name => "escape";

    public override bool Run(MirFunction f, MirModule module)
    {
        if (!f.Blocks.Any(b => b.Insts.Any(i => i.Op is Opcode.New or Opcode.Alloc))
            || f.Blocks.Any(b => b.Insts.Any(i => i.Op == Opcode.TryEnter)))
            return false;
        // every block jumping to a block with new parameters must pass them: drop the unreachable
        var changed = FunctionEdit.RemoveUnreachable(f);
        var cfg = new DomTree(f);
        // rounds: replacing an object can free another (its only escape was a store into the first)
        while (true)
        {
            var uses = new EscapeAnalysis.Uses(f);
            var found = new List<(Block Block, Instruction Alloc, List<EscapeAnalysis.Slot> Slots)>();
            foreach (var b in f.Blocks)
                foreach (var i in b.Insts)
                    if (i.Op is Opcode.New or Opcode.Alloc && EscapeAnalysis.Fields(f, module, i, uses) is { } slots)
                        found.Add((b, i, slots));
            // what is left and does not escape may still live in the frame
            if (found.Count == 0) return StackAllocation.Run(f, module) | changed;
            // the objects of a round do not hold each other (that would be an escape), so each is
            // rewritten on its own; their loads are replaced at the end, chains followed
            var loads = new Dictionary<ValueId, ValueId>();
            foreach (var (b, i, slots) in found) new Replacement(f, cfg, uses, b, i, slots, loads).Run();
            FunctionEdit.Replace(f, loads);
            changed = true;
        }
    }
}
