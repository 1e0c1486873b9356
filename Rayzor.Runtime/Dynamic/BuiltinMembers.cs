using System.Runtime.InteropServices;
using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Closures;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Std;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Dynamic;

/// <summary>
/// Members of the built-in types (String, Array, StringBuf) read by name from a Dynamic value:
/// <c>length</c> is a boxed Int; a method is a closure over the receiver whose descriptor belongs
/// to the runtime and whose dynamic-call adapter dispatches on the method (the closure's code
/// field holds the method's number, so such a closure can only be called dynamically).
/// </summary>
public static unsafe class BuiltinMembers
{
    private enum Method
    {
        None,
        ArrayPush, ArrayPop, ArrayShift, ArrayUnshift, ArrayInsert, ArrayRemove, ArrayIndexOf, ArrayLastIndexOf,
        ArrayContains, ArrayCopy, ArraySlice, ArraySplice, ArrayConcat, ArrayReverse, ArrayJoin, ArrayToString, ArrayResize,
        StringCharAt, StringCharCodeAt, StringIndexOf, StringLastIndexOf, StringSplit, StringSubstr, StringSubstring,
        StringToUpperCase, StringToLowerCase, StringToString,
        BufAdd, BufAddChar, BufAddSub, BufToString,
    }

    // runtime-owned descriptors: NativeMemory, never collected (docs/abi.md)
    private static TypeDesc* s_methodTd, s_stringBufTd;

    private static TypeDesc* MethodTd
    {
        get
        {
            if (s_methodTd != null) return s_methodTd;
            var td = RuntimeTypes.Make(TypeKind.Closure, sizeof(HClosure), "Closure"u8);
            td->Fields = (FieldTable*)(delegate* unmanaged<HClosure*, HArray*, void*>)&Invoke;
            return s_methodTd = td;
        }
    }

    /// <summary>The descriptor of StringBuf instances (a class named <c>StringBuf</c> that prints its contents).</summary>
    public static TypeDesc* StringBufTd
    {
        get
        {
            if (s_stringBufTd != null) return s_stringBufTd;
            var td = RuntimeTypes.Make(TypeKind.Class, sizeof(HStringBuf), "StringBuf"u8);
            td->ToStringFn = &BufToString;
            return s_stringBufTd = td;
        }
    }

    [UnmanagedCallersOnly]
    private static void* BufToString(void* b) => StringBuilderOps.ToHString((HStringBuf*)b);

    /// <summary>The member <paramref name="name"/> of a built-in value, or null when it has none.</summary>
    public static void* Get(void* obj, HString* name)
    {
        var td = *(TypeDesc**)obj;
        ReadOnlySpan<char> n = HString.Chars(name);
        Method m;
        switch (td->Kind)
        {
            case TypeKind.String:
                if (n.SequenceEqual("length")) return Boxing.BoxInt(((HString*)obj)->Length);
                m = n switch
                {
                    "charAt" => Method.StringCharAt, "charCodeAt" => Method.StringCharCodeAt, "indexOf" => Method.StringIndexOf,
                    "lastIndexOf" => Method.StringLastIndexOf, "split" => Method.StringSplit, "substr" => Method.StringSubstr,
                    "substring" => Method.StringSubstring, "toUpperCase" => Method.StringToUpperCase,
                    "toLowerCase" => Method.StringToLowerCase, "toString" => Method.StringToString, _ => Method.None,
                };
                break;
            case TypeKind.Array:
                if (n.SequenceEqual("length")) return Boxing.BoxInt(((HArray*)obj)->Length);
                m = n switch
                {
                    "push" => Method.ArrayPush, "pop" => Method.ArrayPop, "shift" => Method.ArrayShift, "unshift" => Method.ArrayUnshift,
                    "insert" => Method.ArrayInsert, "remove" => Method.ArrayRemove, "indexOf" => Method.ArrayIndexOf,
                    "lastIndexOf" => Method.ArrayLastIndexOf, "contains" => Method.ArrayContains, "copy" => Method.ArrayCopy,
                    "slice" => Method.ArraySlice, "splice" => Method.ArraySplice, "concat" => Method.ArrayConcat,
                    "reverse" => Method.ArrayReverse, "join" => Method.ArrayJoin, "toString" => Method.ArrayToString,
                    "resize" => Method.ArrayResize, _ => Method.None,
                };
                break;
            default:
                if (td != s_stringBufTd || s_stringBufTd == null) return null;
                if (n.SequenceEqual("length")) return Boxing.BoxInt(((HStringBuf*)obj)->Length);
                m = n switch
                {
                    "add" => Method.BufAdd, "addChar" => Method.BufAddChar, "addSub" => Method.BufAddSub,
                    "toString" => Method.BufToString, _ => Method.None,
                };
                break;
        }
        if (m == Method.None) return null;
        var c = (HClosure*)Heap.Alloc((nuint)sizeof(HClosure));
        c->Td = MethodTd;
        c->Fn = (void*)(nint)m;
        c->Env = obj;
        return c;
    }

    private static int IntArg(HArray* args, int i, int absent)
    {
        var v = DynCall.Arg(args, i);
        return v == null ? absent : Unboxing.UnboxInt(v);
    }

    private static void* Box(int v) => Boxing.BoxInt(v);

    private static void* Box(bool v) => Boxing.BoxBool(v);

    [UnmanagedCallersOnly]
    private static void* Invoke(HClosure* c, HArray* args)
    {
        var self = c->Env;
        var a = (HArray*)self;
        var s = (HString*)self;
        var b = (HStringBuf*)self;
        void* P(int i) => DynCall.Arg(args, i);
        HString* S(int i) => (HString*)DynCall.Arg(args, i);
        switch ((Method)(nint)c->Fn)
        {
            case Method.ArrayPush: return Box(ArrayOps.PushPtr(a, P(0)));
            case Method.ArrayPop: return ArrayOps.Pop(a);
            case Method.ArrayShift: return ArrayOps.Shift(a);
            case Method.ArrayUnshift: ArrayOps.UnshiftPtr(a, P(0)); return null;
            case Method.ArrayInsert: ArrayOps.InsertPtr(a, IntArg(args, 0, 0), P(1)); return null;
            case Method.ArrayRemove: return Box(ArrayOps.RemovePtr(a, P(0)));
            case Method.ArrayIndexOf: return Box(ArrayOps.IndexOfPtr(a, P(0), IntArg(args, 1, 0)));
            case Method.ArrayLastIndexOf: return Box(ArrayOps.LastIndexOfPtr(a, P(0), IntArg(args, 1, int.MaxValue)));
            case Method.ArrayContains: return Box(ArrayOps.IndexOfPtr(a, P(0), 0) >= 0);
            case Method.ArrayCopy: return ArrayOps.Copy(a);
            case Method.ArraySlice: return ArrayOps.Slice(a, IntArg(args, 0, 0), IntArg(args, 1, int.MaxValue));
            case Method.ArraySplice: return ArrayOps.Splice(a, IntArg(args, 0, 0), IntArg(args, 1, 0));
            case Method.ArrayConcat: return ArrayOps.Concat(a, (HArray*)P(0));
            case Method.ArrayReverse: ArrayOps.Reverse(a); return null;
            case Method.ArrayJoin: return ArrayOps.Join(a, S(0));
            case Method.ArrayToString: return ArrayOps.ToString(a);
            case Method.ArrayResize: ArrayOps.Resize(a, IntArg(args, 0, 0)); return null;
            case Method.StringCharAt: return StringMethods.CharAt(s, IntArg(args, 0, 0));
            case Method.StringCharCodeAt:
            {
                var code = StringMethods.CharCodeAt(s, IntArg(args, 0, 0));
                return code < 0 ? null : Box(code);
            }
            case Method.StringIndexOf: return Box(StringMethods.IndexOf(s, S(0), IntArg(args, 1, int.MinValue)));
            case Method.StringLastIndexOf: return Box(StringMethods.LastIndexOf(s, S(0), IntArg(args, 1, int.MinValue)));
            case Method.StringSplit: return StringMethods.Split(s, S(0));
            case Method.StringSubstr: return StringMethods.Substr(s, IntArg(args, 0, 0), IntArg(args, 1, int.MaxValue));
            case Method.StringSubstring: return StringMethods.Substring(s, IntArg(args, 0, 0), IntArg(args, 1, int.MaxValue));
            case Method.StringToUpperCase: return StringMethods.ToUpper(s);
            case Method.StringToLowerCase: return StringMethods.ToLower(s);
            case Method.StringToString: return s;
            case Method.BufAdd: StringBuilderOps.Add(b, StdString.ToString(P(0))); return null;
            case Method.BufAddChar: StringBuilderOps.AddChar(b, IntArg(args, 0, 0)); return null;
            case Method.BufAddSub: StringBuilderOps.AddSub(b, S(0), IntArg(args, 1, 0), IntArg(args, 2, int.MaxValue)); return null;
            case Method.BufToString: return StringBuilderOps.ToHString(b);
            default: return null;
        }
    }
}
