using Rayzor.LlvmBackend.Interop;
using Rayzor.Mir.Ir;

namespace Rayzor.LlvmBackend.Emit;

/// Inline allocation (DESIGN §5, docs/abi.md "Heap objects"): a free list of Boehm cells per object
/// size, popped by a load, a test and a store; refilled in bulk by `GC_malloc_many`.
public sealed unsafe partial class ModuleEmitter
{
    /// Objects up to this size come from the inline free lists, larger ones from `GC_malloc`.
    private const int InlineAllocMax = 512;

    private readonly Dictionary<int, LLVMValueRef> _freeLists = new();
    private (LLVMValueRef Fn, LLVMTypeRef Type) _refill;

    /// The free list of `size`-byte objects: its head is a global in the executable's data, which
    /// Boehm scans as a root, and each cell's first word links to the next (`GC_NEXT`), so the cells
    /// on a list stay allocated across collections. One list per size for the whole program: Haxe
    /// code runs on the main thread only (a second thread would need lists of its own, registered
    /// with Boehm as roots).
    private LLVMValueRef FreeList(int size)
    {
        if (_freeLists.TryGetValue(size, out var g)) return g;
        g = LLVM.AddGlobal(_mod, _ptr, "rz.freelist." + size);
        LLVM.SetInitializer(g, Null);
        Share(g, "rz.freelist." + size); // split: one list per size for all units
        LLVM.SetAlignment(g, 8);
        _freeLists[size] = g;
        return g;
    }

    /// `__rz_alloc_refill(list, size)`, the cold path: `GC_malloc_many(size)` gives a list of
    /// zeroed cells (but for their links); the first is returned, the rest become the list. When
    /// Boehm has no memory, `rz_alloc` reports it (or finds memory after all).
    private void EmitAllocHelpers()
    {
        var many = DeclareC("GC_malloc_many", _ptr, _i64);
        var slow = DeclareC("rz_alloc", _ptr, _i64);
        _refill = Helper("__rz_alloc_refill", _ptr, _ptr, _i64);
        var fn = _refill.Fn;
        LLVM.AddFunctionAttribute(fn, "noinline");
        LLVM.AddFunctionAttribute(fn, "cold");
        var (list, size) = (LLVM.GetParam(fn, 0), LLVM.GetParam(fn, 1));
        var got = Block(fn, "got");
        var none = Block(fn, "none");
        var cells = Call(many, [size]);
        LLVM.BuildCondBr(_b, LLVM.BuildIsNull(_b, cells, ""), none, got);
        LLVM.PositionBuilderAtEnd(_b, got);
        LLVM.BuildStore(_b, LLVM.BuildLoad2(_b, _ptr, cells, ""), list);
        LLVM.BuildRet(_b, cells);
        LLVM.PositionBuilderAtEnd(_b, none);
        LLVM.BuildRet(_b, Call(slow, [size]));
    }

    private sealed partial class FunctionEmitter
    {
        /// A zeroed GC object of `size` bytes whose first word is `header` (a type descriptor, or
        /// null for a plain cell).
        private LLVMValueRef GcAlloc(int size, LLVMValueRef header)
        {
            size = Math.Max(size, 8);
            LLVMValueRef obj;
            if (size > InlineAllocMax)
                obj = m.Call(m.DeclareC("GC_malloc", m._ptr, m._i64), [LLVM.ConstInt(m._i64, (ulong)size, false)]);
            else
            {
                var list = m.FreeList(size);
                var pop = NewBlock("alloc.pop");
                var refill = NewBlock("alloc.refill");
                var done = NewBlock("alloc.done");
                var head = LLVM.BuildLoad2(B, m._ptr, list, "");
                LikelyBr(LLVM.BuildIsNotNull(B, head, ""), pop, refill);
                LLVM.PositionBuilderAtEnd(B, pop);
                LLVM.BuildStore(B, LLVM.BuildLoad2(B, m._ptr, head, ""), list);
                LLVM.BuildBr(B, done);
                LLVM.PositionBuilderAtEnd(B, refill);
                var cell = m.Call(m._refill, [list, LLVM.ConstInt(m._i64, (ulong)size, false)]);
                LLVM.BuildBr(B, done);
                LLVM.PositionBuilderAtEnd(B, done);
                obj = LLVM.BuildPhi(B, m._ptr, "");
                AddIncoming(obj, (head, pop), (cell, refill));
            }
            LLVM.BuildStore(B, header, obj);
            return obj;
        }

        /// `salloc`: an entry-block alloca per instruction (so a loop reuses it: the escape pass
        /// proved the previous object dead there), zeroed and given its descriptor where the
        /// instruction runs, as `new` would. Boehm scans the stack conservatively, so the heap
        /// objects its fields point to stay alive while the frame does.
        private LLVMValueRef EmitStackAlloc(Instruction i)
        {
            var cls = m._mir.Classes.First(c => c.Name == i.Sym);
            var size = Math.Max(cls.Size, 8);
            var here = LLVM.GetInsertBlock(B);
            var entry = LLVM.GetEntryBasicBlock(m._functions[f.Name].Fn);
            var first = LLVM.GetFirstInstruction(entry);
            if (first.IsNull) LLVM.PositionBuilderAtEnd(B, entry);
            else LLVM.PositionBuilderBefore(B, first);
            var slot = LLVM.BuildAlloca(B, LLVM.ArrayType2(m._i64, (uint)((size + 7) / 8)), "obj");
            LLVM.SetAlignment(slot, 16);
            LLVM.PositionBuilderAtEnd(B, here);
            LLVM.BuildMemSet(B, slot, LLVM.ConstInt(m._i8, 0, false), LLVM.ConstInt(m._i64, (ulong)size, false), 16);
            LLVM.BuildStore(B, m.ClassTd(cls.Name), slot);
            return slot;
        }
    }
}
