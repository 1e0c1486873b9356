using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Passes.InlineCaches;

/// Inline caches at Dynamic field reads and writes (`rz_dyn_get`/`rz_dyn_set` of a literal name),
/// filled statically: the program is closed, so the classes whose instances have a var of that name
/// are known. When there are 1 to <see cref="MaxEntries"/> of them, the access compares the
/// receiver's type descriptor with each and reads or writes the field at its offset directly
/// (boxing or unboxing as the runtime does); null receivers, anonymous structures, built-in types
/// and classes where the name is a method take the generic call.
public sealed class DynamicFieldCache : FunctionPass
{
    /// At most this many classes are tested at one access.
    public const int MaxEntries = 4;

    public override string Name => "dynfield-ic";

    public override bool Run(MirFunction f, MirModule module)
    {
        var literals = new Dictionary<int, int>();
        foreach (var b in f.Blocks)
            foreach (var i in b.Insts)
                if (i.Op == Opcode.Str) literals[i.Result.Index] = (int)i.Imm;
        var changed = false;
        var fallbacks = new HashSet<Instruction>(ReferenceEqualityComparer.Instance);
        // blocks appended while rewriting are scanned too (the rest of a split block), not the
        // generic calls the caches fall back to
        for (var bi = 0; bi < f.Blocks.Count; bi++)
        {
            var b = f.Blocks[bi];
            for (var k = 0; k < b.Insts.Count; k++)
            {
                var i = b.Insts[k];
                if (i.Op != Opcode.CallNative || i.Sym is not ("rz_dyn_get" or "rz_dyn_set") || fallbacks.Contains(i)) continue;
                if (!literals.TryGetValue(i.Args[1].Index, out var literal)) continue;
                var entries = Entries(module, module.Strings[literal]);
                if (entries.Count == 0 || entries.Count > MaxEntries) continue;
                fallbacks.Add(Rewrite(f, module, b, k, entries));
                changed = true;
                break; // the rest of b moved to a new block, visited later
            }
        }
        return changed;
    }

    /// The classes whose instances answer a Dynamic access to <paramref name="name"/> with a var
    /// (the first member of that name in their field table, as the runtime looks it up): the
    /// descriptor, the field's offset and type.
    private static List<(string Class, int Offset, MirType Type)> Entries(MirModule module, string name)
    {
        var result = new List<(string, int, MirType)>();
        foreach (var c in module.Classes)
        {
            if (c.IsInterface || c.IsEnum) continue;
            foreach (var (literal, offset, type, method) in c.FieldTable)
            {
                if (module.Strings[literal] != name) continue;
                if (method == null && type is MirType.I32 or MirType.F64 or MirType.Bool or MirType.Ptr) result.Add((c.Name, offset, type));
                break;
            }
        }
        return result;
    }

    /// Replaces the access at <paramref name="index"/> of <paramref name="b"/> by the cache; returns
    /// its generic call.
    private static Instruction Rewrite(MirFunction f, MirModule module, Block b, int index, List<(string Class, int Offset, MirType Type)> entries)
    {
        var access = b.Insts[index];
        var isGet = access.Sym == "rz_dyn_get";
        var obj = access.Args[0];
        var rest = BlockSplit.SplitAround(f, b, index);
        var join = rest;
        if (isGet && access.Result.IsNone)
        {
            // keep the shape simple: a read whose value is unused still gets a parameter to jump with
            join = f.NewBlock();
            f.AddParam(join, MirType.Ptr);
            join.Insts.Add(Jump(rest, [], access));
        }
        var bld = new MirBuilder(f) { Current = b, Line = access.Line };
        var generic = f.NewBlock();
        var test = f.NewBlock();
        bld.BrIf(bld.Cmp(Opcode.PCmp, Cond.Eq, obj, bld.Null()), generic, test);
        bld.Current = test;
        var td = bld.GetField(obj, 0, MirType.Ptr);
        // classes with the field at the same place share the arm that reads or writes it
        var arms = new Dictionary<(int, MirType), Block>();
        foreach (var (cls, offset, type) in entries)
        {
            var next = f.NewBlock();
            if (!arms.TryGetValue((offset, type), out var hit)) arms[(offset, type)] = hit = f.NewBlock();
            bld.BrIf(bld.Cmp(Opcode.PCmp, Cond.Eq, td, bld.TypeDesc(cls)), hit, next);
            if (hit.Insts.Count == 0)
            {
                bld.Current = hit;
                if (isGet)
                {
                    var v = bld.GetField(obj, offset, type);
                    bld.Current.Insts.Add(Jump(join, [Box(bld, module, v, type)], access));
                }
                else
                {
                    bld.SetField(obj, offset, Unbox(bld, module, access.Args[2], type));
                    bld.Current.Insts.Add(Jump(join, [], access));
                }
            }
            bld.Current = next;
        }
        bld.Br(generic);
        bld.Current = generic;
        var call = bld.CallNative(access.Sym!, access.Type, [.. access.Args]);
        bld.Current.Insts.Add(Jump(join, isGet ? [call] : [], access));
        // the new instructions keep the access's inline site (b's older ones keep theirs)
        foreach (var inst in b.Insts.Skip(index).Concat(f.Blocks.Skip(rest.Id.Index + 1).SelectMany(blk => blk.Insts)))
            inst.Inlined = access.Inlined;
        return generic.Insts[0];
    }

    private static Instruction Jump(Block to, List<ValueId> args, Instruction at) =>
        new() { Op = Opcode.Br, Type = MirType.Void, Targets = [new BlockCall(to.Id, args)], Line = at.Line, Inlined = at.Inlined };

    /// A field's value as the runtime's ReadMember returns it: Int, Float and Bool boxed.
    private static ValueId Box(MirBuilder bld, MirModule module, ValueId v, MirType type) => type switch
    {
        MirType.I32 => Native(bld, module, "rz_box_int", type, v),
        MirType.F64 => Native(bld, module, "rz_box_float", type, v),
        MirType.Bool => Native(bld, module, "rz_box_bool", type, v),
        _ => v,
    };

    /// A Dynamic value as the runtime's WriteMember stores it in a field of <paramref name="type"/>.
    private static ValueId Unbox(MirBuilder bld, MirModule module, ValueId v, MirType type)
    {
        var name = type switch { MirType.I32 => "rz_unbox_int", MirType.F64 => "rz_unbox_float", MirType.Bool => "rz_unbox_bool", _ => null };
        if (name == null) return v;
        module.DeclareNative(name, type, MirType.Ptr);
        return bld.CallNative(name, type, [v]);
    }

    private static ValueId Native(MirBuilder bld, MirModule module, string name, MirType from, ValueId v)
    {
        module.DeclareNative(name, MirType.Ptr, from);
        return bld.CallNative(name, MirType.Ptr, [v]);
    }
}
