using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Passes;

/// Cutting a block in two around one instruction, for passes that replace an instruction by
/// control flow (the inliner, inline caches).
public static class BlockSplit
{
    /// Removes the instruction at <paramref name="index"/> of <paramref name="b"/> and moves the
    /// ones after it into a new block, which it returns: <paramref name="b"/> is left without a
    /// terminator, for the caller to end with a jump. When the removed instruction had a result,
    /// that value becomes the new block's parameter, so its uses need no renaming (the new block
    /// dominates whatever the rest of <paramref name="b"/> dominated).
    public static Block SplitAround(MirFunction f, Block b, int index)
    {
        var removed = b.Insts[index];
        var rest = f.NewBlock();
        for (var k = index + 1; k < b.Insts.Count; k++)
        {
            var inst = b.Insts[k];
            rest.Insts.Add(inst);
            if (!inst.Result.IsNone) f.Values[inst.Result.Index] = f.Values[inst.Result.Index] with { Block = rest.Id };
        }
        b.Insts.RemoveRange(index, b.Insts.Count - index);
        if (!removed.Result.IsNone)
        {
            f.Values[removed.Result.Index] = new ValueInfo(f.TypeOf(removed.Result), rest.Id, true);
            rest.Params.Add(removed.Result);
        }
        return rest;
    }
}
