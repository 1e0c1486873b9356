using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Passes.Inlining;

/// How far the inliner goes besides Haxe `inline` functions (which it always inlines).
/// <param name="MaxCalleeSize">Other callees of at most this many instructions are inlined (0: none).</param>
/// <param name="MaxCallerSize">No size-driven inlining into a function once it has this many instructions.</param>
public sealed record InlineOptions(int MaxCalleeSize, int MaxCallerSize)
{
    /// Only Haxe `inline` functions.
    public static readonly InlineOptions InlineOnly = new(0, 0);
}

/// Replaces direct calls (`call @f`) of functions of the module by a copy of their body: Haxe
/// `inline` functions always, other small functions by size. Callees are done before their
/// callers (strongly connected components of the call graph, bottom-up), so a body is copied with
/// its own calls already inlined; calls inside one component (recursion) are never inlined.
public static partial class Inliner
{
    /// Inlines the calls of every function of <paramref name="m"/>; returns how many calls it replaced.
    public static int Run(MirModule m, InlineOptions options)
    {
        var byName = new Dictionary<string, MirFunction>();
        foreach (var f in m.Functions) byName.TryAdd(f.Name, f);
        var count = 0;
        var components = CallGraph.ComponentsBottomUp(m.Functions, byName);
        var componentOf = new Dictionary<MirFunction, int>();
        for (var c = 0; c < components.Count; c++)
            foreach (var f in components[c]) componentOf[f] = c;
        foreach (var component in components)
            foreach (var f in component)
                count += InlineInto(f, byName, componentOf, options);
        return count;
    }

    /// Inlines the calls of <paramref name="f"/>'s own blocks (not those of the bodies it copies in,
    /// which were done when their function was).
    private static int InlineInto(MirFunction f, Dictionary<string, MirFunction> byName, Dictionary<MirFunction, int> componentOf, InlineOptions options)
    {
        var count = 0;
        var size = Size(f);
        var work = new Queue<Block>(f.Blocks);
        while (work.Count > 0)
        {
            var b = work.Dequeue();
            for (var i = 0; i < b.Insts.Count; i++)
            {
                var call = b.Insts[i];
                if (call.Op != Opcode.Call || !byName.TryGetValue(call.Sym!, out var g) || componentOf[g] == componentOf[f]) continue;
                var gSize = Size(g);
                if (!g.IsInline && (gSize > options.MaxCalleeSize || size > options.MaxCallerSize)) continue;
                work.Enqueue(Splice(f, b, i, g));
                size += gSize;
                count++;
                break;
            }
        }
        return count;
    }

    /// The instructions of a function, the measure of both the inlining budget and the growth.
    private static int Size(MirFunction f)
    {
        var n = 0;
        foreach (var b in f.Blocks) n += b.Insts.Count;
        return n;
    }

    /// Replaces the call at <paramref name="index"/> of <paramref name="b"/> by a copy of
    /// <paramref name="g"/>: <paramref name="b"/> jumps to the copy of g's entry with the arguments,
    /// each `ret` jumps to a new block holding the rest of <paramref name="b"/>, whose parameter is
    /// the call's old result (BlockSplit.SplitAround). Returns that block.
    private static Block Splice(MirFunction f, Block b, int index, MirFunction g)
    {
        var call = b.Insts[index];
        var returnsValue = !call.Result.IsNone && g.ReturnType != MirType.Void;
        var cont = BlockSplit.SplitAround(f, b, index);

        var site = new InlineSite(g.Name, g.SourceFile, ScopeLine(g), call.Line, call.Inlined);
        var copy = new BodyCopy(f, g, site);
        var entry = copy.Blocks[0];
        b.Insts.Add(new Instruction
        {
            Op = Opcode.Br, Type = MirType.Void, Line = call.Line, Inlined = call.Inlined,
            Targets = [new BlockCall(entry, [.. call.Args])],
        });
        copy.CopyInstructions(cont.Id, returnsValue);
        return cont;
    }

    /// The first line of a function's own code (the backend's line for its DWARF subprogram).
    internal static int ScopeLine(MirFunction f)
    {
        var line = 0;
        foreach (var b in f.Blocks)
            foreach (var i in b.Insts)
                if (i.Inlined == null && i.Line > 0 && (line == 0 || i.Line < line)) line = i.Line;
        return line;
    }
}
