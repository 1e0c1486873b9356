namespace Rayzor.Runtime.Std;

/// <summary>Errors raised by the runtime's library functions.</summary>
internal static class Fail
{
    /// <summary>A method called on null (<c>null.length</c>, <c>null.push(x)</c>, ...): throws the
    /// Haxe exception <c>"Null access"</c> (uncaught: reported, exit status 1).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public static void NullAccess() => Rayzor.Runtime.Exceptions.Traps.ThrowNullAccess();
}
