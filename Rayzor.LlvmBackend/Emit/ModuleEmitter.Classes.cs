using Rayzor.LlvmBackend.Interop;
using Rayzor.Mir.Ir;

namespace Rayzor.LlvmBackend.Emit;

public sealed unsafe partial class ModuleEmitter
{
    /// Offsets in a type descriptor (docs/abi.md).
    internal const int TdItableOffset = 40, TdFieldsOffset = 48, TdVtableOffset = 56;

    private readonly Dictionary<string, LLVMValueRef> _classTds = new();

    /// The descriptor global of a class: in the program unit created empty on first mention, filled
    /// by EmitClasses; in other units a declaration of the program unit's.
    internal LLVMValueRef ClassTd(string name)
    {
        if (_classTds.TryGetValue(name, out var g)) return g;
        var cls = _mir.Classes.FirstOrDefault(c => c.Name == name);
        var vtable = cls?.VTable.Count ?? 0;
        var type = Struct(_i32, _i32, _ptr, _ptr, _ptr, _ptr, _ptr, _ptr, LLVM.ArrayType2(_ptr, (ulong)vtable));
        if (cls == null) // an interface or a class only named in an interface list: any unit may make it
            return _classTds[name] = SharedConstant(ConstStruct(CI32(TypeKinds.Class), CI32(0), CString(name, ".name"), Null, Null, Null, Null, Null, EmptyPtrArray(0)), "rz_class_" + name, 8);
        g = LLVM.AddGlobal(_mod, type, "rz_class_" + name);
        LLVM.SetGlobalConstant(g, true);
        LLVM.SetAlignment(g, 8);
        if (_unit.IsProgram) SetProgramLinkage(g);
        else LLVM.SetVisibility(g, LLVMVisibility.LLVMHiddenVisibility);
        _classTds[name] = g;
        return g;
    }

    private LLVMValueRef Null => LLVM.ConstNull(_ptr);

    private LLVMValueRef EmptyPtrArray(int n)
    {
        var nulls = Enumerable.Repeat(LLVM.ConstNull(_ptr), n).ToArray();
        fixed (LLVMValueRef* p = nulls) return LLVM.ConstArray2(_ptr, p, (ulong)n);
    }

    private LLVMValueRef PtrArray(IEnumerable<LLVMValueRef> items)
    {
        var arr = items.ToArray();
        fixed (LLVMValueRef* p = arr) return LLVM.ConstArray2(_ptr, p, (ulong)arr.Length);
    }

    private void EmitClasses()
    {
        foreach (var c in _mir.Classes) ClassTd(c.Name);
        foreach (var c in _mir.Classes)
        {
            var fn = (string? n) => n == null ? Null : Fn(n).Fn;
            var interfaces = c.Interfaces.Count == 0 ? Null
                : PrivateConstant(PtrArray(c.Interfaces.Select(ClassTd).Append(Null)), ".ifaces", 8);
            var itable = c.IsEnum ? PrivateConstant(PtrArray(c.CtorNames.Select(StringConst).Append(Null)), ".ctors", 8)
                : c.ITable.All(x => x == null) ? Null : PrivateConstant(PtrArray(c.ITable.Select(fn)), ".itable", 8);
            var init = ConstStruct(CI32(c.IsEnum ? TypeKinds.Enum : TypeKinds.Class), CI32(c.Size), CString(c.Name, ".name"),
                c.Super != null ? ClassTd(c.Super) : Null, fn(c.ToStringFn), interfaces, itable,
                c.IsEnum ? PrivateConstant(PtrArray([fn(c.EnumParamsFn), fn(c.EnumCreateFn)]), ".enumfns", 8) : FieldTable(c),
                PtrArray(c.VTable.Select(v => fn(v))));
            LLVM.SetInitializer(_classTds[c.Name], init);
        }
    }

    /// `{ count, reserved, entries[] }` with entries `{ name, offset, kind, code, closure td }` (docs/abi.md).
    private LLVMValueRef FieldTable(MirClass c) => FieldTable(c.FieldTable, c.ConstructFn);

    private LLVMValueRef FieldTable(List<(int Name, int Offset, MirType Type, string? Method)>? table, string? constructFn)
    {
        if (table == null || table.Count == 0 && constructFn == null) return Null;
        var entries = table.Select(e => ConstStruct(StringConst(e.Name), CI32(e.Offset),
            CI32(e.Method != null ? 4 : e.Type.ElementKind()),
            e.Method != null ? Fn(e.Method).Fn : Null, e.Method != null ? ClosureTd(e.Method) : Null)).ToList();
        if (constructFn != null)
            entries.Add(ConstStruct(StringConst("new"), CI32(0), CI32(5), Fn(constructFn).Fn, Null));
        var entryType = LLVM.TypeOf(entries[0]);
        var all = entries.ToArray();
        LLVMValueRef arr;
        fixed (LLVMValueRef* p = all) arr = LLVM.ConstArray2(entryType, p, (ulong)all.Length);
        return PrivateConstant(ConstStruct(CI32(all.Length), CI32(0), arr), ".fields", 8);
    }

    private sealed partial class FunctionEmitter
    {
        private LLVMValueRef EmitNew(Instruction i)
        {
            var cls = m._mir.Classes.First(c => c.Name == i.Sym);
            return GcAlloc(cls.Size, m.ClassTd(cls.Name));
        }

        private LLVMValueRef EmitGetField(Instruction i)
        {
            var v = m.Tag(LLVM.BuildLoad2(B, Slot(i.Type), At(A(i, 0), (int)i.Imm), ""), FieldAccess(i.Type));
            return i.Type == MirType.Bool ? LLVM.BuildTrunc(B, v, m._i1, "") : v;
        }

        private void EmitSetField(Instruction i)
        {
            var v = A(i, 1);
            if (f.TypeOf(i.Args[1]) == MirType.Bool) v = LLVM.BuildZExt(B, v, m._i8, "");
            m.Tag(LLVM.BuildStore(B, v, At(A(i, 0), (int)i.Imm)), FieldAccess(f.TypeOf(i.Args[1])));
        }

        /// `vcall`/`icall`: the code pointer comes from the receiver's descriptor.
        private LLVMValueRef EmitDispatch(Instruction i)
        {
            var td = m.Tag(LLVM.BuildLoad2(B, m._ptr, A(i, 0), ""), HeapAccess.FieldPtr);
            LLVMValueRef code;
            if (i.Op == Opcode.VCall) code = m.Tag(LLVM.BuildLoad2(B, m._ptr, At(td, TdVtableOffset + 8 * (int)i.Imm), ""), HeapAccess.DispatchTable);
            else
            {
                var itable = m.Tag(LLVM.BuildLoad2(B, m._ptr, At(td, TdItableOffset), ""), HeapAccess.DispatchTable);
                code = m.Tag(LLVM.BuildLoad2(B, m._ptr, At(itable, 8 * (int)i.Imm), ""), HeapAccess.DispatchTable);
            }
            var ft = m.FnType(m.Llvm(i.Type), i.Args.Select(a => m.Llvm(f.TypeOf(a))).ToArray());
            var args = i.Args.Select(V).ToArray();
            fixed (LLVMValueRef* p = args) return LLVM.BuildCall2(B, ft, code, p, (uint)args.Length, "");
        }
    }
}
