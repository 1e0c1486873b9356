using Rayzor.Runtime.Memory;

namespace Rayzor.Runtime.Std;

/// Unboxing of Dynamic / Null<T> values back to Int, Float and Bool. A null or a box of another
/// kind reads as the type's default (0, 0.0, false), as on HashLink for a null basic value; an
/// Int box read as Float converts.
public static unsafe class Unboxing
{
    public static int UnboxInt(void* v)
    {
        if (v == null) return 0;
        var td = *(TypeDesc**)v;
        return td->Kind switch
        {
            TypeKind.Int => ((BoxInt*)v)->Value,
            TypeKind.Float => (int)((BoxFloat*)v)->Value,
            TypeKind.Bool => ((BoxBool*)v)->Value,
            _ => 0,
        };
    }

    public static double UnboxFloat(void* v)
    {
        if (v == null) return 0;
        var td = *(TypeDesc**)v;
        return td->Kind switch
        {
            TypeKind.Float => ((BoxFloat*)v)->Value,
            TypeKind.Int => ((BoxInt*)v)->Value,
            _ => 0,
        };
    }

    public static bool UnboxBool(void* v)
    {
        if (v == null) return false;
        var td = *(TypeDesc**)v;
        return td->Kind == TypeKind.Bool && ((BoxBool*)v)->Value != 0;
    }
}
