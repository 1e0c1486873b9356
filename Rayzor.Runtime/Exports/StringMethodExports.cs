using System.Runtime.InteropServices;
using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Std;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Exports;

/// <summary>C entry points for the String methods, Std.parseInt/parseFloat and string hashing (docs/abi.md).</summary>
public static unsafe class StringMethodExports
{
    [UnmanagedCallersOnly(EntryPoint = "rz_string_char_code_at")]
    public static int CharCodeAt(HString* s, int i) => StringMethods.CharCodeAt(s, i);

    [UnmanagedCallersOnly(EntryPoint = "rz_string_char_at")]
    public static HString* CharAt(HString* s, int i) => StringMethods.CharAt(s, i);

    [UnmanagedCallersOnly(EntryPoint = "rz_string_substr")]
    public static HString* Substr(HString* s, int pos, int len) => StringMethods.Substr(s, pos, len);

    [UnmanagedCallersOnly(EntryPoint = "rz_string_substring")]
    public static HString* Substring(HString* s, int start, int end) => StringMethods.Substring(s, start, end);

    [UnmanagedCallersOnly(EntryPoint = "rz_string_index_of")]
    public static int IndexOf(HString* s, HString* needle, int from) => StringMethods.IndexOf(s, needle, from);

    [UnmanagedCallersOnly(EntryPoint = "rz_string_last_index_of")]
    public static int LastIndexOf(HString* s, HString* needle, int from) => StringMethods.LastIndexOf(s, needle, from);

    [UnmanagedCallersOnly(EntryPoint = "rz_string_split")]
    public static HArray* Split(HString* s, HString* sep) => StringMethods.Split(s, sep);

    [UnmanagedCallersOnly(EntryPoint = "rz_string_split_piece")]
    public static HString* SplitPiece(HString* s, HString* sep, int pos) => StringMethods.SplitPiece(s, sep, pos);

    [UnmanagedCallersOnly(EntryPoint = "rz_string_to_upper")]
    public static HString* ToUpper(HString* s) => StringMethods.ToUpper(s);

    [UnmanagedCallersOnly(EntryPoint = "rz_string_to_lower")]
    public static HString* ToLower(HString* s) => StringMethods.ToLower(s);

    [UnmanagedCallersOnly(EntryPoint = "rz_string_from_char_code")]
    public static HString* FromCharCode(int code) => StringMethods.FromCharCode(code);

    [UnmanagedCallersOnly(EntryPoint = "rz_std_parse_int")]
    public static void* ParseInt(HString* s) => Parse.ParseInt(s);

    [UnmanagedCallersOnly(EntryPoint = "rz_std_parse_int_raw")]
    public static int ParseIntRaw(HString* s) => Parse.ParseIntRaw(s);

    [UnmanagedCallersOnly(EntryPoint = "rz_std_parse_float")]
    public static double ParseFloat(HString* s) => Parse.ParseFloat(s);

    [UnmanagedCallersOnly(EntryPoint = "rz_string_hash")]
    public static int Hash(HString* s) => StringMethods.Hash(s);
}
