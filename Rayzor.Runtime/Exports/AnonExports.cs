using System.Runtime.InteropServices;
using Rayzor.Runtime.Dynamic;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Exports;

/// Anonymous structures and field access by name (docs/abi.md).
public static unsafe class AnonExports
{
    [UnmanagedCallersOnly(EntryPoint = "rz_anon_new")]
    public static void* New(int capacity) => Anon.New(capacity);

    [UnmanagedCallersOnly(EntryPoint = "rz_dyn_get")]
    public static void* Get(void* obj, HString* name) => Anon.Get(obj, name);

    [UnmanagedCallersOnly(EntryPoint = "rz_dyn_set")]
    public static void Set(void* obj, HString* name, void* value) => Anon.Set(obj, name, value);

    [UnmanagedCallersOnly(EntryPoint = "rz_dyn_has")]
    public static int Has(void* obj, HString* name) => Anon.Has(obj, name) ? 1 : 0;
}
