namespace Rayzor.Mir.Ir;

/// <summary>
/// An entry into the middle of a function at a loop header, for on-stack replacement (the tiered
/// run moves a running interpreted frame into compiled code): <see cref="Function"/> takes the
/// header's parameters and then the values live at the header (<see cref="Inputs"/>, in that
/// order) and runs the rest of the original function from the header.
/// </summary>
public sealed record OsrEntry(int Header, MirFunction Function, IReadOnlyList<ValueId> Inputs)
{
    /// <summary>
    /// A loop's entry (<see cref="OsrEntries.Loop"/>): where the frame goes on in the interpreter
    /// after the loop, by the code <see cref="Function"/> returns; null for an entry that runs the
    /// rest of the function.
    /// </summary>
    public IReadOnlyList<OsrExit>? Exits { get; init; }
}

/// <summary>
/// Where a loop's entry leaves the loop: the block the interpreter goes on at and the values the
/// entry wrote to its output slots, in order (the block's parameters, then the values defined in
/// the loop that are live into the block).
/// </summary>
public sealed record OsrExit(int Block, IReadOnlyList<ValueId> Values);

/// <summary>Builds the on-stack-replacement entries of a function's loops.</summary>
public static class OsrEntries
{
    /// <summary>
    /// One entry per target of a backward jump (in block order) whose function passes the
    /// verifier (inner loops' headers included: see <see cref="At"/>).
    /// </summary>
    public static List<OsrEntry> Build(MirFunction f)
    {
        var entries = new List<OsrEntry>();
        foreach (var h in Headers(f))
            if (At(f, h) is { } e) entries.Add(e);
        return entries;
    }

    /// <summary>
    /// The header of the outermost natural loop around each block of f, or -1 outside loops. A
    /// loop's entry compiled ahead starts there (an interpreted frame counting back-edges in an
    /// inner loop of it goes on to that header and enters the entry there).
    /// </summary>
    public static int[] OuterHeaders(MirFunction f)
    {
        var cfg = new Passes.DomTree(f);
        var outer = new int[f.Blocks.Count];
        Array.Fill(outer, -1);
        var size = new int[f.Blocks.Count];
        foreach (var h in Headers(f))
            if (cfg.NaturalLoop(h) is { } loop)
                foreach (var b in loop)
                    if (loop.Count > size[b])
                        (outer[b], size[b]) = (h, loop.Count);
        return outer;
    }

    /// <summary>
    /// The headers of f's outermost loops laid out after the one around <paramref name="header"/>,
    /// in block order: where a frame that left that loop is likely to need its next loop entries.
    /// </summary>
    public static List<int> NextLoops(MirFunction f, int header)
    {
        var outer = OuterHeaders(f);
        return [.. outer.Where(h => h > outer[header]).Distinct().Order()];
    }

    /// <summary>The targets of backward jumps (a block's jump to itself or to a block before it), in block order.</summary>
    public static SortedSet<int> Headers(MirFunction f)
    {
        var headers = new SortedSet<int>();
        for (var pos = 0; pos < f.Blocks.Count; pos++)
            if (f.Blocks[pos].Terminator is { } t)
                foreach (var target in t.Targets)
                    if (target.Block.Index <= pos) headers.Add(target.Block.Index);
        return headers;
    }

    /// <summary>
    /// The entry at <paramref name="header"/>, or null when its function fails the verifier. An
    /// inner loop's header is reached from the entry and again around its enclosing loops, which
    /// define values anew on the way (the outer loop's counter): such a value gets a second
    /// definition, an input of the entry, and block parameters where the two meet (SSA repair).
    /// </summary>
    public static OsrEntry? At(MirFunction f, int header) => Make(f, header, firstPass: true, loopOnly: false) ?? Make(f, header, firstPass: false, loopOnly: false);

    /// <summary>
    /// The entry of the loop nest around <paramref name="header"/> only (the outermost loop holding
    /// it), or null: its function takes the header's parameters, the values live there, then a
    /// pointer to output slots, and runs until the loop is left; it returns the index of the exit
    /// (<see cref="OsrEntry.Exits"/>) after writing that exit's values to the slots (8 bytes each;
    /// a `return` is never inside a loop: it is an exit's block). Much less code than the rest of a long
    /// function (strings' `main`: a loop entry compiled in ~100 ms), and the interpreter, back at
    /// the next loop of the frame, asks for that one within a few hundred back-edges.
    /// </summary>
    public static OsrEntry? Loop(MirFunction f, int header) => Make(f, header, firstPass: true, loopOnly: true) ?? Make(f, header, firstPass: false, loopOnly: true);

    /// <summary>
    /// The entry at <paramref name="header"/>; with <paramref name="firstPass"/>, when the header's
    /// loop lies inside another, the loops around it up to the outermost run first as a copy;
    /// with <paramref name="loopOnly"/> only the outermost loop around it is compiled (<see cref="Loop"/>).
    /// </summary>
    private static OsrEntry? Make(MirFunction f, int header, bool firstPass, bool loopOnly)
    {
        // blocks reachable from the header (or the loop nest), and what they use that is defined elsewhere
        var nest = LoopsAround(f, header);
        if (loopOnly && nest.Count == 0) return null;
        var reach = loopOnly ? nest[^1] : [header];
        var work = new Stack<int>(reach);
        while (work.Count > 0 && !loopOnly)
            foreach (var t in f.Blocks[work.Pop()].Terminator?.Targets ?? [])
                if (reach.Add(t.Block.Index)) work.Push(t.Block.Index);
        var defs = new Dictionary<int, Instruction>();
        foreach (var b in f.Blocks)
            foreach (var i in b.Insts)
                if (!i.Result.IsNone) defs[i.Result.Index] = i;
        var inputs = new List<ValueId>();
        var constants = new List<ValueId>();
        var seen = new HashSet<int>();
        foreach (var bi in reach.Order())
            foreach (var i in f.Blocks[bi].Insts)
                foreach (var a in i.Args.Concat(i.Targets.SelectMany(t => t.Args)))
                    if (!reach.Contains(f.Values[a.Index].Block.Index) && seen.Add(a.Index))
                        (defs.TryGetValue(a.Index, out var d) && IsConstant(d) ? constants : inputs).Add(a);

        var h = f.Blocks[header];
        var types = h.Params.Concat(inputs).Select(f.TypeOf).ToList();
        var osr = new MirFunction($"{f.Name}.$osr{header}", types, loopOnly ? MirType.I32 : f.ReturnType) { SourceFile = f.SourceFile };
        foreach (var v in f.Values) osr.Values.Add(v with { Block = new BlockId(v.Block.Index + 1) });
        var entry = osr.NewBlock();
        var map = new Dictionary<int, ValueId>();
        var headerArgs = h.Params.Select(p => osr.AddParam(entry, f.TypeOf(p))).ToList();
        foreach (var v in inputs) map[v.Index] = osr.AddParam(entry, f.TypeOf(v));
        foreach (var v in constants)
        {
            // constants are made again here: LLVM then sees them (loop bounds, strides)
            var d = defs[v.Index];
            var copy = osr.NewValue(f.TypeOf(v), entry.Id, false);
            entry.Insts.Add(Copy(d, copy, a => a, b => b));
            map[v.Index] = copy;
        }
        ValueId M(ValueId v) => map.TryGetValue(v.Index, out var m) ? m : v;
        foreach (var b in f.Blocks)
        {
            var nb = osr.NewBlock();
            nb.Params.AddRange(b.Params);
            foreach (var i in b.Insts)
                nb.Insts.Add(Copy(i, i.Result, M, t => new BlockId(t.Index + 1)));
        }
        var output = loopOnly ? osr.AddParam(entry, MirType.Ptr) : ValueId.None;
        var exits = loopOnly ? LeaveAtExits(f, osr, nest[^1], output) : null;
        var start = header + 1;
        var original = new Dictionary<int, ValueId>(); // a copy's value -> the value it copies
        // Entered at an inner loop's header, the enclosing loops would share that header with it,
        // and LLVM makes of two loops with one header an odd nest (the inner loop's body as the
        // outer loop's latch: a loop calling closures ran 2.4x slower than compiled whole). So the
        // loops around the header but the outermost run first as a copy: the entry finishes the
        // current pass of the inner loops there, then goes on in the original loops, entered like
        // any loop (the outermost at the copy's exit: rotated).
        var copied = firstPass && nest.Count >= 2 ? CopyLoop(osr, nest[^2].Select(b => b + 1).ToHashSet(), original) : null;
        if (copied != null) start = copied[header + 1];
        var jump = new Instruction { Op = Opcode.Br, Type = MirType.Void, Targets = [new BlockCall(new BlockId(start), headerArgs)] };
        entry.Insts.Add(jump);
        if (copied != null)
            foreach (var (copy, v) in LeavingLoop(osr, copied, original))
            {
                // the loop's value and its copy's meet after the loop; from the entry through
                // neither (an enclosing loop's value, defined before the header), the frame's
                ValueId[] both = [v, copy];
                if (Reconnect(osr, both, ValueId.None, apply: false)) Reconnect(osr, both, ValueId.None, apply: true);
                else Reconnect(osr, both, FromFrame(osr, v, v, inputs, jump), apply: true);
            }
        Passes.FunctionEdit.RemoveUnreachable(osr);
        foreach (var v in Redefined(osr))
            Reconnect(osr, [v], FromFrame(osr, v, original.TryGetValue(v.Index, out var o) ? o : v, inputs, jump), apply: true);
        if (loopOnly)
        {
            // the output slots' pointer is the last parameter
            osr.Entry.Params.Remove(output);
            osr.Entry.Params.Add(output);
            OntoHeap(osr);
        }
        // bce's unchecked accesses need a length read of their array before them (the verifier's
        // rule): an array taken from the frame was read before the header, and it is read again
        // here (unused: the loop's bounds stay the values taken from the frame)
        var arrays = osr.Blocks.SelectMany(b => b.Insts).Where(i => i.Op is Opcode.AGetU or Opcode.ASetU).Select(i => i.Args[0]).Where(osr.Entry.Params.Contains).Distinct().ToList();
        osr.Entry.Insts.Remove(jump);
        foreach (var a in arrays)
            osr.Entry.Insts.Add(new Instruction { Op = Opcode.ALen, Type = MirType.I32, Result = osr.NewValue(MirType.I32, osr.Entry.Id, false), Args = [a] });
        osr.Entry.Insts.Add(jump);
        if (osr.Entry.Params.Count != types.Count)
        {
            // (the signature is fixed when a function is made: made again with the new inputs)
            var again = new MirFunction(osr.Name, [.. osr.Entry.Params.Select(osr.TypeOf)], osr.ReturnType) { SourceFile = osr.SourceFile };
            again.Values.AddRange(osr.Values);
            again.Blocks.AddRange(osr.Blocks);
            osr = again;
        }
        var problems = Verifier.Verify(osr);
        return problems.Count == 0 ? new OsrEntry(header, osr, inputs) { Exits = exits } : null;
    }

    /// <summary>
    /// Turns every way out of <paramref name="loop"/> (f's blocks) in <paramref name="osr"/> into a
    /// block writing the exit's values to the output slots and returning its index. The values
    /// written are f's (renamed to the definitions reaching them afterwards, as any use).
    /// </summary>
    private static List<OsrExit> LeaveAtExits(MirFunction f, MirFunction osr, HashSet<int> loop, ValueId output)
    {
        var live = new Liveness(f);
        var defined = new HashSet<ValueId>();
        foreach (var b in loop)
        {
            defined.UnionWith(f.Blocks[b].Params);
            defined.UnionWith(f.Blocks[b].Insts.Where(i => !i.Result.IsNone && !IsConstant(i)).Select(i => i.Result));
        }
        var exits = new List<OsrExit>();
        var byBlock = new Dictionary<int, int>();
        Instruction Write(int slot, ValueId v) => new() { Op = Opcode.SetField, Type = MirType.Void, Imm = 8 * slot, Args = [output, v] };
        Instruction Code(Block b, int code, out ValueId c)
        {
            c = osr.NewValue(MirType.I32, b.Id, false);
            return new Instruction { Op = Opcode.IConst, Type = MirType.I32, Result = c, Imm = code };
        }
        foreach (var bi in loop.Order())
        {
            var b = osr.Blocks[bi + 1];
            var term = b.Terminator!; // (no `ret` in a loop: every block of it reaches its header)
            for (var k = 0; k < term.Targets.Count; k++)
            {
                var t = term.Targets[k];
                var target = t.Block.Index - 1;
                if (loop.Contains(target)) continue;
                if (!byBlock.TryGetValue(target, out var index))
                {
                    var tb = f.Blocks[target];
                    byBlock[target] = index = exits.Count;
                    exits.Add(new OsrExit(target, [.. tb.Params, .. live.In(tb).Where(defined.Contains).OrderBy(v => v.Index)]));
                }
                var values = exits[index].Values;
                var x = osr.NewBlock();
                for (var j = 0; j < values.Count; j++)
                    x.Insts.Add(Write(j, j < t.Args.Count ? t.Args[j] : values[j]));
                x.Insts.Add(Code(x, index, out var c));
                x.Insts.Add(new Instruction { Op = Opcode.Ret, Type = MirType.Void, Args = [c], Line = term.Line });
                term.Targets[k] = new BlockCall(x.Id, []);
            }
        }
        return exits;
    }

    /// <summary>
    /// An object of the frame (`salloc`) that an exit hands to the interpreter would die with the
    /// entry's frame: such objects are made on the heap (as the interpreter makes them).
    /// </summary>
    private static void OntoHeap(MirFunction osr)
    {
        foreach (var b in osr.Blocks)
            for (var k = 0; k < b.Insts.Count; k++)
                if (b.Insts[k].Op == Opcode.SAlloc && StackObjects.Escape(osr, StackObjects.Web(osr, [b.Insts[k].Result])) != null)
                    b.Insts[k] = Passes.FunctionEdit.WithOp(b.Insts[k], Opcode.New);
    }

    /// <summary>
    /// The natural loops of f holding <paramref name="header"/> (f's blocks), innermost first. The
    /// interpreter counts jumps to blocks laid out before their own as back-edges, so the block
    /// may be a join inside a loop rather than its header (strings' `main`: the block after an
    /// `if` in its text loop).
    /// </summary>
    private static List<HashSet<int>> LoopsAround(MirFunction f, int header)
    {
        var cfg = new Passes.DomTree(f);
        return [.. Headers(f).Select(cfg.NaturalLoop).Where(l => l != null && l.Contains(header)).OrderBy(l => l!.Count).Select(l => l!)];
    }

    /// <summary>
    /// Copies the blocks <paramref name="loop"/> of <paramref name="osr"/> (new blocks, new values:
    /// <paramref name="original"/> maps each new value to the one it copies); jumps out of the loop
    /// go to the original blocks. Returns each block's copy.
    /// </summary>
    private static Dictionary<int, int> CopyLoop(MirFunction osr, HashSet<int> loop, Dictionary<int, ValueId> original)
    {
        var blocks = new Dictionary<int, int>();
        var copies = new Dictionary<int, ValueId>();
        foreach (var b in loop.Order()) blocks[b] = osr.NewBlock().Id.Index;
        foreach (var b in loop.Order())
        {
            var to = osr.Blocks[blocks[b]];
            foreach (var p in osr.Blocks[b].Params) copies[p.Index] = osr.AddParam(to, osr.TypeOf(p));
            foreach (var i in osr.Blocks[b].Insts)
                if (!i.Result.IsNone) copies[i.Result.Index] = osr.NewValue(osr.TypeOf(i.Result), to.Id, false);
        }
        ValueId C(ValueId v) => copies.TryGetValue(v.Index, out var c) ? c : v;
        foreach (var b in loop.Order())
            foreach (var i in osr.Blocks[b].Insts)
                osr.Blocks[blocks[b]].Insts.Add(Copy(i, C(i.Result), C, t => loop.Contains(t.Index) ? new BlockId(blocks[t.Index]) : t));
        foreach (var (v, c) in copies) original[c.Index] = new ValueId(v);
        return blocks;
    }

    /// <summary>The values of the copied loop (with their originals) used outside the loop and its copy.</summary>
    private static List<(ValueId Copy, ValueId Original)> LeavingLoop(MirFunction osr, Dictionary<int, int> copied, Dictionary<int, ValueId> original)
    {
        var inLoops = copied.Keys.Concat(copied.Values).ToHashSet();
        var byOriginal = original.ToDictionary(kv => kv.Value.Index, kv => new ValueId(kv.Key));
        var used = new SortedSet<int>();
        foreach (var b in osr.Blocks.Where(b => !inLoops.Contains(b.Id.Index)))
            foreach (var i in b.Insts)
                foreach (var a in i.Args.Concat(i.Targets.SelectMany(t => t.Args)))
                    if (byOriginal.ContainsKey(a.Index)) used.Add(a.Index);
        return [.. used.Select(v => (byOriginal[v], new ValueId(v)))];
    }

    /// <summary>
    /// The value of <paramref name="v"/> on entry: a constant made again in the entry block, else
    /// a new parameter of the entry (an input read from the frame's slot of <paramref name="slotOf"/>,
    /// the value of f that <paramref name="v"/> is or copies).
    /// </summary>
    private static ValueId FromFrame(MirFunction osr, ValueId v, ValueId slotOf, List<ValueId> inputs, Instruction jump)
    {
        var d = osr.Blocks.SelectMany(b => b.Insts).FirstOrDefault(i => i.Result == v);
        if (d != null && IsConstant(d))
        {
            var c = osr.NewValue(osr.TypeOf(v), osr.Entry.Id, false);
            osr.Entry.Insts.Insert(osr.Entry.Insts.IndexOf(jump), Copy(d, c, a => a, b => b));
            return c;
        }
        inputs.Add(slotOf);
        return osr.AddParam(osr.Entry, osr.TypeOf(v));
    }

    /// <summary>
    /// Renames every use of one of <paramref name="defs"/> (definitions of one variable) to the one
    /// that reaches it, adding block parameters where they meet (the iterated dominance frontier);
    /// <paramref name="root"/> is its value on entry (none: no use may be reached from the entry
    /// through none of them). With <paramref name="apply"/> false nothing changes: returns whether
    /// every use is reached by a definition.
    /// </summary>
    private static bool Reconnect(MirFunction osr, ValueId[] defs, ValueId root, bool apply)
    {
        var cfg = new Passes.DomTree(osr);
        var homes = defs.Select(d => osr.Values[d.Index].Block.Index).ToList();
        if (!root.IsNone) homes.Add(0);
        var joins = new Dictionary<int, ValueId>();
        foreach (var j in cfg.IteratedFrontier(homes).Order())
            if (j != 0 && !defs.Any(osr.Blocks[j].Params.Contains)) // (a definition's own block: it is the value there)
                joins[j] = apply ? osr.AddParam(osr.Blocks[j], osr.TypeOf(defs[0])) : defs[0];
        var complete = true;
        ValueId Use(ValueId cur)
        {
            if (cur.IsNone) complete = false;
            return cur;
        }
        var work = new Stack<(int Block, ValueId Current)>();
        work.Push((0, root));
        while (work.Count > 0)
        {
            var (bi, cur) = work.Pop();
            var b = osr.Blocks[bi];
            if (joins.TryGetValue(bi, out var p)) cur = p;
            foreach (var d in defs)
                if (b.Params.Contains(d)) cur = d;
            foreach (var i in b.Insts)
            {
                for (var k = 0; k < i.Args.Count; k++)
                    if (defs.Contains(i.Args[k]) && Use(cur) is var u && apply) i.Args[k] = u;
                foreach (var t in i.Targets)
                {
                    for (var k = 0; k < t.Args.Count; k++)
                        if (defs.Contains(t.Args[k]) && Use(cur) is var u && apply) t.Args[k] = u;
                    if (joins.ContainsKey(t.Block.Index) && Use(cur) is var j && apply) t.Args.Add(j);
                }
                if (defs.Contains(i.Result)) cur = i.Result;
            }
            foreach (var child in cfg.Children[bi]) work.Push((child, cur));
        }
        return complete;
    }

    private static Instruction Copy(Instruction i, ValueId result, Func<ValueId, ValueId> value, Func<BlockId, BlockId> block) => new()
    {
        Op = i.Op, Result = result, Type = i.Type, Imm = i.Imm, FImm = i.FImm, Sym = i.Sym, Line = i.Line, Inlined = i.Inlined,
        Args = i.Args.Select(value).ToList(),
        Targets = i.Targets.Select(t => new BlockCall(block(t.Block), t.Args.Select(value).ToList())).ToList(),
    };

    /// <summary>
    /// Values whose definition no longer dominates a use once the function starts at the header:
    /// those defined around an enclosing loop before the header (in the original function their
    /// definition dominates the header; from the entry it is not run before the header is).
    /// </summary>
    private static List<ValueId> Redefined(MirFunction osr)
    {
        var dom = Dominators.Compute(osr);
        var found = new SortedSet<int>();
        foreach (var b in osr.Blocks)
            foreach (var i in b.Insts)
                foreach (var a in i.Args.Concat(i.Targets.SelectMany(t => t.Args)))
                    if (!dom.Dominates(osr.Values[a.Index].Block.Index, b.Id.Index)) found.Add(a.Index);
        return [.. found.Select(k => new ValueId(k))];
    }

    private static bool IsConstant(Instruction i) =>
        i.Op is Opcode.IConst or Opcode.FConst or Opcode.BConst or Opcode.Null or Opcode.Str or Opcode.TypeDesc;
}
