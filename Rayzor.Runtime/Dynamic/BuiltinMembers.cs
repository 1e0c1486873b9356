using System.Runtime.InteropServices;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Std;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Dynamic;

/// <summary>
/// Descriptors of built-in objects the runtime allocates. A StringBuf is a class named
/// <c>StringBuf</c> that prints its contents; its members by name are the program's table
/// (RzBuiltins, docs/abi.md "Members by name").
/// </summary>
public static unsafe class BuiltinMembers
{
    // runtime-owned descriptor: NativeMemory, never collected (docs/abi.md)
    private static TypeDesc* s_stringBufTd;

    /// <summary>The descriptor of StringBuf instances.</summary>
    public static TypeDesc* StringBufTd
    {
        get
        {
            if (s_stringBufTd != null) return s_stringBufTd;
            var td = RuntimeTypes.Make(TypeKind.Class, sizeof(HStringBuf), "StringBuf"u8);
            td->ToStringFn = &BufToString;
            td->Fields = Rt.Builtins->StringBufMembers;
            return s_stringBufTd = td;
        }
    }

    [UnmanagedCallersOnly]
    private static void* BufToString(void* b) => StringBuilderOps.ToHString((HStringBuf*)b);
}
