using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Std;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Arrays;

/// <summary><c>join</c>, <c>toString</c> and <c>Std.string</c> of arrays.</summary>
public static unsafe partial class ArrayOps
{
    /// <summary>
    /// Values nested deeper than this print as <c>&lt;...&gt;</c>, as the reference interpreter (and
    /// the JS target) print them: it also ends the printing of an array that contains itself.
    /// </summary>
    public const int MaxPrintDepth = 5;

    /// <summary><c>join(sep)</c>: the elements as <c>Std.string</c> prints them, separated by
    /// <paramref name="sep"/> (null reads as "null").</summary>
    public static HString* Join(HArray* a, HString* sep)
    {
        Check(a);
        var b = new TextBuilder(stackalloc char[256]);
        // re-read the length and data on every step: printing never runs Haxe code today, but an
        // element's toString() may one day change the array
        for (int i = 0; i < a->Length; i++)
        {
            if (i > 0)
                b.Append(sep);
            AppendElement(ref b, a, i, 0);
        }
        return b.ToHString();
    }

    /// <summary><c>toString()</c> and <c>Std.string</c> of an array: <c>[a,b,c]</c>.</summary>
    public static HString* ToString(HArray* a)
    {
        Check(a);
        var b = new TextBuilder(stackalloc char[256]);
        AppendArray(ref b, a, 0);
        return b.ToHString();
    }

    /// <summary>Appends <c>[a,b,c]</c>; <paramref name="depth"/> is the array's own nesting depth.</summary>
    private static void AppendArray(ref TextBuilder b, HArray* a, int depth)
    {
        b.Append('[');
        for (int i = 0; i < a->Length; i++)
        {
            if (i > 0)
                b.Append(',');
            AppendElement(ref b, a, i, depth + 1);
        }
        b.Append(']');
    }

    private static void AppendElement(ref TextBuilder b, HArray* a, int i, int depth)
    {
        if (depth > MaxPrintDepth)
        {
            b.Append("<...>");
            return;
        }
        switch (a->ElemKind)
        {
            case ElemKind.I32: b.AppendInt(((int*)a->Data)[i]); break;
            case ElemKind.F64: b.AppendFloat(((double*)a->Data)[i]); break;
            case ElemKind.Bool: b.AppendBool(((byte*)a->Data)[i] != 0); break;
            default: AppendValue(ref b, ((void**)a->Data)[i], depth); break;
        }
    }

    /// <summary>Appends <c>Std.string(v)</c> of a dynamic value at nesting depth <paramref name="depth"/>.</summary>
    internal static void AppendValue(ref TextBuilder b, void* v, int depth)
    {
        if (depth > MaxPrintDepth)
        {
            b.Append("<...>");
            return;
        }
        if (v == null)
        {
            b.Append("null");
            return;
        }
        TypeDesc* td = *(TypeDesc**)v;
        switch (td->Kind)
        {
            case TypeKind.String: b.Append((HString*)v); break;
            case TypeKind.Int: b.AppendInt(((BoxInt*)v)->Value); break;
            case TypeKind.Float: b.AppendFloat(((BoxFloat*)v)->Value); break;
            case TypeKind.Bool: b.AppendBool(((BoxBool*)v)->Value != 0); break;
            case TypeKind.Array: AppendArray(ref b, (HArray*)v, depth); break;
            default: b.Append(StdString.ToString(v)); break;
        }
    }
}
