using Rayzor.Interp.Execution;

namespace Rayzor.Interp.Natives;

/// <summary>
/// The runtime's exports for compiled code of a tiered run (TierExports.g.cs, generated from
/// Rayzor.Runtime/Exports). A native program's runtime raises a Haxe exception by a longjmp out of
/// the export to the innermost trap; in this process that longjmp would leave the export's managed
/// frames behind with the thread's transition frame pointing into them, and the .NET collector,
/// which the compiler thread runs, would walk a dead stack. Here the export's code raises a managed
/// exception instead, the wrapper ends it and leaves it pending, and the compiled caller, which
/// tests the pending flag after every runtime call, throws it on by its own longjmp.
/// </summary>
internal static unsafe partial class TierExports
{
    private static Dictionary<string, nint>? s_table;

    /// <summary>The wrapper of the export <paramref name="name"/>, or 0.</summary>
    public static nint Find(string name)
    {
        var table = Volatile.Read(ref s_table);
        if (table == null)
        {
            table = new Dictionary<string, nint>(StringComparer.Ordinal);
            foreach (var (n, address) in Exports()) table[n] = address;
            foreach (var (n, address) in Rayzor.Runtime.Std.HostExports.All()) table[n] = address;
            Volatile.Write(ref s_table, table);
        }
        return table.GetValueOrDefault(name);
    }

    /// <summary>The export raised a Haxe exception (its value is in the interpreter's exception slot).</summary>
    private static void Raised() => Interpreter.Current!.SetTierPending();
}
