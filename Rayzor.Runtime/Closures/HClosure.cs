using System.Runtime.InteropServices;
using Rayzor.Runtime.Memory;

namespace Rayzor.Runtime.Closures;

/// <summary>
/// A function value (24 bytes, GC_malloc): the code and its first argument. Generated code calls
/// <c>Fn(Env, args...)</c> with the function's own signature; the runtime only calls comparators
/// (see <see cref="Rayzor.Runtime.Arrays.ArraySort"/>).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct HClosure
{
    /// <summary>The Closure descriptor (kind <see cref="TypeKind.Closure"/>).</summary>
    public TypeDesc* Td;
    /// <summary>The code: <c>fn(env, args...)</c>.</summary>
    public void* Fn;
    /// <summary>Captured state, the bound <c>this</c>, or null for a static function.</summary>
    public void* Env;
}
