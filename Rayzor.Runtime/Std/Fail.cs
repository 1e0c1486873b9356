namespace Rayzor.Runtime.Std;

/// <summary>Fatal errors raised by the runtime's library functions (no exceptions yet).</summary>
internal static class Fail
{
    /// <summary>A method called on null (<c>null.length</c>, <c>null.push(x)</c>, ...).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public static void NullAccess() => Rt.Fatal("null access"u8);
}
