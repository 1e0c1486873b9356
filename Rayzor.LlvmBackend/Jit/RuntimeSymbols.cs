using System.Runtime.InteropServices;
using Rayzor.Runtime.Exceptions;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Std;

namespace Rayzor.LlvmBackend.Jit;

/// Addresses, in this process, of what generated code calls besides its own functions: the
/// runtime's exports (RuntimeSymbols.g.cs), the host's stand-ins for the C helpers of
/// Rayzor.Runtime/Native/faults.c, and Boehm's functions (libgc is loaded privately, so the
/// process-wide symbol search would not find them). libc and libm come from that search.
internal static unsafe partial class RuntimeSymbols
{
    private static readonly Lock s_lock = new();
    private static Dictionary<string, nint>? s_table;
    private static nint s_gc;

    /// The address of <paramref name="name"/>, or 0 when the process-wide search should find it.
    public static nint Find(string name)
    {
        lock (s_lock)
        {
            if (s_table == null)
            {
                s_table = new(StringComparer.Ordinal);
                foreach (var (n, address) in Exports()) s_table[n] = address;
                foreach (var (n, address) in HostExports.All()) s_table[n] = address;
                s_gc = HostLibraries.Load("gc");
            }
            if (s_table.TryGetValue(name, out var a)) return a;
            if (name.StartsWith("GC_", StringComparison.Ordinal) && s_gc != 0 && NativeLibrary.TryGetExport(s_gc, name, out a)) return a;
            return 0;
        }
    }
}
