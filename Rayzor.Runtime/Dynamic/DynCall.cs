using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Exceptions;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Std;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Dynamic;

/// <summary>
/// Calls of Dynamic values (docs/abi.md "Dynamic calls"). A closure's descriptor is chosen by the
/// signature of its code; its slot at offset 48 holds that signature's adapter
/// <c>void *adapter(HClosure *self, HArray *args)</c>, which unboxes the arguments (missing ones
/// read as null), calls the code and boxes the result (null for Void).
/// </summary>
public static unsafe class DynCall
{
    /// <summary>The adapter of a function value; anything else throws <c>"Cannot call v"</c>
    /// (the reference interpreter's wording).</summary>
    public static void* Entry(void* f)
    {
        if (f != null && !Reflection.IsTypeValue(f))
        {
            var td = *(TypeDesc**)f;
            if (td->Kind == TypeKind.Closure && td->Fields != null)
                return td->Fields;
        }
        Traps.Throw(StringOps.Concat(StringOps.FromUtf8("Cannot call "u8), StdString.ToString(f)));
        return null;
    }

    /// <summary><c>f(args...)</c> from the runtime, with boxed arguments.</summary>
    public static void* Call(void* f, HArray* args) =>
        ((delegate* unmanaged<void*, HArray*, void*>)Entry(f))(f, args);

    /// <summary>Argument <paramref name="i"/> of a dynamic call, null when absent.</summary>
    public static void* Arg(HArray* args, int i) => args != null && i < args->Length ? ArrayOps.GetDyn(args, i) : null;

    /// <summary>Whether a value is a function (<c>Reflect.isFunction</c>).</summary>
    public static bool IsFunction(void* v) => v != null && !Reflection.IsTypeValue(v) && (*(TypeDesc**)v)->Kind == TypeKind.Closure;
}
