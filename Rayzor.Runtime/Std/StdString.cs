using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Std;

/// <summary><c>Std.string(Dynamic)</c>.</summary>
public static unsafe class StdString
{
    /// <summary>null, a String, a boxed Int/Float/Bool; any other object prints its type name.</summary>
    public static HString* ToString(void* value)
    {
        if (value == null)
            return StringOps.NullString;
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
            default:
                return StringOps.FromCString(td->Name);
        }
    }
}
