using System.Runtime.InteropServices;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Std;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Tests;

/// <summary>
/// The runtime hosted as a plain assembly: descriptors in native memory (as a program's static data
/// would be) and NativeMemory instead of Boehm, which cannot run on xunit's thread-pool threads.
/// </summary>
internal static unsafe class TestRuntime
{
    private static readonly object Gate = new();
    private static RzBuiltins* s_builtins;

    public static RzBuiltins* Builtins
    {
        get
        {
            lock (Gate)
            {
                if (s_builtins == null)
                {
                    Heap.UseUncollectedNativeMemory();
                    var b = (RzBuiltins*)NativeMemory.AllocZeroed((nuint)sizeof(RzBuiltins));
                    b->String = Descriptor(TypeKind.String, 0, "String");
                    b->BoxInt = Descriptor(TypeKind.Int, 16, "Int");
                    b->BoxFloat = Descriptor(TypeKind.Float, 16, "Float");
                    b->BoxBool = Descriptor(TypeKind.Bool, 16, "Bool");
                    b->Array = Descriptor(TypeKind.Array, 32, "Array");
                    b->Closure = Descriptor(TypeKind.Closure, 24, "Closure");
                    Rt.Initialize(b, 0, null);
                    s_builtins = b;
                }
                return s_builtins;
            }
        }
    }

    public static TypeDesc* Descriptor(int kind, int size, string name)
    {
        var td = (TypeDesc*)NativeMemory.AllocZeroed((nuint)sizeof(TypeDesc));
        td->Kind = kind;
        td->Size = size;
        td->Name = (byte*)Marshal.StringToCoTaskMemUTF8(name);
        return td;
    }

    /// <summary>A runtime string holding <paramref name="text"/>.</summary>
    public static HString* Str(string text)
    {
        _ = Builtins;
        return HString.FromChars(text);
    }

    /// <summary>The text of a runtime string.</summary>
    public static string Text(HString* s) => s == null ? "<null pointer>" : new string(HString.Chars(s));
}
