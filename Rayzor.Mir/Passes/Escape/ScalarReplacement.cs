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
/// stores the protected code made before throwing.
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
        // one object at a time: replacing one can free another (stored in its field, then read back)
        var rejected = new HashSet<Instruction>(ReferenceEqualityComparer.Instance);
        while (true)
        {
            var found = false;
            foreach (var b in f.Blocks)
            {
                foreach (var i in b.Insts)
                {
                    if (i.Op is not (Opcode.New or Opcode.Alloc) || rejected.Contains(i)) continue;
                    var slots = EscapeAnalysis.Fields(f, module, i);
                    if (slots == null) { rejected.Add(i); continue; }
                    new Replacement(f, cfg, b, i, slots).Run();
                    found = true;
                    break;
                }
                if (found) break;
            }
            if (!found) return changed;
            changed = true;
            // a replacement can make an object rejected before non-escaping (its only escape was a store into the replaced one)
            rejected.Clear();
        }
    }
}
