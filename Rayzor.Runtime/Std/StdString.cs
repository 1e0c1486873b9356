using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Maps;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Std;

/// <summary><c>Std.string(Dynamic)</c>.</summary>
public static unsafe class StdString
{
    // Not on the GC heap (HString.Permanent); created on first use.
    private static HString* s_function;

    /// <summary>How a function value prints.</summary>
    public static HString* FunctionString => s_function != null ? s_function : s_function = HString.Permanent("<function>");

    /// <summary>null, a String, a boxed Int/Float/Bool, an array (<c>[a,b]</c>), a function
    /// (<c>&lt;function&gt;</c>); any other object prints its type name.</summary>
    public static HString* ToString(void* value)
    {
        if (value == null)
            return StringOps.NullString;
        if (Dynamic.Reflection.IsTypeValue(value))
            return StringOps.FromCString(((TypeDesc*)value)->Name);
        TypeDesc* td = *(TypeDesc**)value;
        switch (td->Kind)
        {
            case TypeKind.String:
                return (HString*)value;
            case TypeKind.Int:
                return StringOps.FromInt(((BoxInt*)value)->Value);
            case TypeKind.Float:
                return StringOps.FromFloat(((BoxFloat*)value)->Value);
            case TypeKind.Bool:
                return StringOps.FromBool(((BoxBool*)value)->Value != 0);
            case TypeKind.Array:
                return ArrayOps.ToString((HArray*)value);
            case TypeKind.Closure:
                return FunctionString;
            case TypeKind.Anon:
                return Dynamic.Anon.ToString((Dynamic.AnonObject*)value);
            case TypeKind.Map:
                return MapOps.ToString((HMap*)value);
            case TypeKind.Class or TypeKind.Enum when td->ToStringFn != null:
                return (HString*)td->ToStringFn(value);
            default:
                return StringOps.FromCString(td->Name);
        }
    }
}
