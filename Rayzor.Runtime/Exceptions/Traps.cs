using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Unicode;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Std;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Exceptions;

/// <summary>
/// A trap: a record on the native stack of the function whose <c>try</c> is running, linked into
/// the chain by <c>rz_trap_push</c>. The generated code calls <c>_setjmp</c> on <c>&amp;record->buf</c>
/// itself (the frame that stays alive); the buffer starts at offset 16 (docs/abi.md).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct TrapRecord
{
    public TrapRecord* Prev;
    public nint Reserved;
    // jmp_buf follows (offset 16)
}

/// <summary>
/// The trap chain (HashLink's model): <c>throw</c> records the value, unlinks the innermost trap and
/// longjmps to it. The chain head is a plain static (the records live on the stack, which Boehm
/// scans); the current exception value lives in a GC_malloc_uncollectable slot so the collector
/// always sees it.
/// </summary>
public static unsafe class Traps
{
    private static TrapRecord* s_top;
    private static void** s_value;

    [DllImport("gc", ExactSpelling = true), SuppressGCTransition]
    private static extern void* GC_malloc_uncollectable(nuint size);

    // With a GC transition: this call leaves the runtime's managed frames (see Throw).
    [DllImport("libc", ExactSpelling = true)]
    private static extern void longjmp(void* env, int value);

    private static void** ValueSlot()
    {
        if (s_value == null)
            s_value = Heap.Uncollected ? (void**)NativeMemory.AllocZeroed((nuint)sizeof(void*))
                : (void**)GC_malloc_uncollectable((nuint)sizeof(void*));
        return s_value;
    }

    /// <summary><c>rz_trap_push</c>: links a record into the chain.</summary>
    public static void Push(TrapRecord* t)
    {
        t->Prev = s_top;
        s_top = t;
    }

    /// <summary><c>rz_trap_pop</c>: the <c>try</c> body completed (or left by break/continue/return).</summary>
    public static void Pop()
    {
        if (s_top != null)
            s_top = s_top->Prev;
    }

    /// <summary><c>rz_exception_value</c>: the value being handled.</summary>
    public static void* Value => *ValueSlot();

    /// <summary>
    /// <c>rz_throw_prepare</c>: records <paramref name="value"/>, unlinks the innermost trap and
    /// returns its jmp_buf, which the caller longjmps to; without a trap, reports the uncaught
    /// exception and exits with status 1.
    /// </summary>
    public static void* Prepare(void* value)
    {
        if (PrepareHook != null)
            PrepareHook(value);
        *ValueSlot() = value;
        TrapRecord* t = s_top;
        if (t == null)
            Uncaught(value);
        s_top = t->Prev;
        return (byte*)t + 16;
    }

    /// <summary>
    /// A throw raised inside the runtime (null access). The longjmp leaves managed frames of the
    /// runtime behind; that is safe here because the runtime never allocates managed memory, so the
    /// NativeAOT collector never walks the stack (the P/Invoke transition leaves the thread in
    /// preemptive mode, as the next call into an export expects).
    /// </summary>
    public static void Throw(void* value)
    {
        if (ThrowHook != null)
            ThrowHook(value);
        void* buf = Prepare(value);
        longjmp(buf, 1);
    }

    /// <summary>
    /// Set by a host that runs Haxe code without native frames to longjmp to (the MIR interpreter):
    /// a throw raised inside the runtime calls it instead, and it does not return (it raises the
    /// host's own exception; compiled code in that process calls the exports through wrappers that
    /// end it, since the host's collector may walk the stack). Never set in a native program.
    /// </summary>
    public static delegate*<void*, void> ThrowHook;

    /// <summary>
    /// Set by a host that runs compiled code under frames of its own (the tiered run): told of each
    /// throw of compiled code before the longjmp, while its frames are on the stack. Never set in a
    /// native program.
    /// </summary>
    public static delegate*<void*, void> PrepareHook;

    private static HString* s_nullAccess;

    /// <summary>The message of the runtime's null-access exception (HashLink's wording).</summary>
    public static void ThrowNullAccess() =>
        Throw(s_nullAccess != null ? s_nullAccess : s_nullAccess = HString.Permanent("Null access"));

    /// <summary>
    /// Flushes stdout, prints <c>Uncaught exception: Std.string(value)</c> and the Haxe frames
    /// (<c>Called from Main.parse (Main.hx line 4)</c>, see <see cref="StackTrace"/>) to stderr,
    /// exits with 1.
    /// </summary>
    public static void Uncaught(void* value)
    {
        Output.Flush();
        LibC.WriteAll(2, "Uncaught exception: "u8);
        WriteStderr(StdString.ToString(value));
        LibC.WriteAll(2, "\n"u8);
        StackTrace.Print();
        LibC.Exit(1);
    }

    private static void WriteStderr(HString* s)
    {
        ReadOnlySpan<char> chars = HString.Chars(s);
        byte* buf = stackalloc byte[1024];
        while (true)
        {
            var status = Utf8.FromUtf16(chars, new Span<byte>(buf, 1024), out int read, out int written,
                replaceInvalidSequences: true, isFinalBlock: true);
            LibC.WriteAll(2, new ReadOnlySpan<byte>(buf, written));
            if (status != OperationStatus.DestinationTooSmall)
                return;
            chars = chars[read..];
        }
    }

    /// <summary>
    /// <c>rz_is_of_type</c>: whether <paramref name="value"/> is an instance of <paramref name="td"/>
    /// (a class through its superclasses and interfaces, an enum, or a built-in: a boxed Int is also
    /// a Float, as in Haxe). Null is of no type.
    /// </summary>
    public static bool IsOfType(void* value, TypeDesc* td)
    {
        if (value == null || td == null || Dynamic.Reflection.IsTypeValue(value))
            return false; // a class or enum value (a descriptor) is not an instance of anything here
        TypeDesc* vt = *(TypeDesc**)value;
        if (vt == td)
            return true;
        switch (td->Kind)
        {
            case TypeKind.Float:
                return vt->Kind == TypeKind.Int;
            case TypeKind.Class:
                for (TypeDesc* c = vt; c != null; c = c->Super)
                {
                    if (c == td)
                        return true;
                    if (c->Kind == TypeKind.Class && c->Interfaces != null)
                        for (TypeDesc** i = c->Interfaces; *i != null; i++)
                            if (*i == td)
                                return true;
                }
                return false;
            default:
                return vt->Kind == td->Kind && td->Kind is TypeKind.String or TypeKind.Int or TypeKind.Bool or TypeKind.Array;
        }
    }
}
