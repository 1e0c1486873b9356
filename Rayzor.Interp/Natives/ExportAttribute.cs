// Compiled into the interpreter together with Rayzor.Runtime/Exports/*.cs (see the csproj): inside
// namespace Rayzor.Runtime.Exports this type is found before System.Runtime.InteropServices'
// attribute of the same name, so the exports compile as ordinary managed methods here that the
// interpreter can call, while the runtime's own build keeps them as C entry points.
namespace Rayzor.Runtime.Exports;

/// Stands in for [UnmanagedCallersOnly] on the runtime's export methods compiled into the interpreter.
[AttributeUsage(AttributeTargets.Method)]
internal sealed class UnmanagedCallersOnlyAttribute : Attribute
{
    /// The C symbol of the export (`rz_...`), the key of the interpreter's native table.
    public string? EntryPoint { get; set; }
}
