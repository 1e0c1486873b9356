using Rayzor.Frontend.Conditional;

namespace Rayzor.Cli;

/// `rayzor --help-defines`: every define Rayzor sets, with what it means. The defines every build
/// starts with come from <see cref="Defines.CreateDefault"/>; a test checks each one is described here.
public static class DefineHelp
{
    /// The defines every build starts with (plus `dce`, set by the driver), and their meaning.
    public static readonly (string Name, string Meaning)[] Always =
    [
        ("sys", "the target has the sys APIs (Sys, sys.io.File, sys.FileSystem): `#if sys` code is compiled"),
        ("rayzor", "the program is compiled by Rayzor"),
        ("target.name", "the target's name, `rayzor` (Haxe's own targets set js, hl, cpp...; none of those is set)"),
        ("target.sys", "same as `sys`, in Haxe 4's target.* form"),
        ("target.static", "a statically typed target: basic types (Int, Float, Bool) cannot be null unless Null<T>"),
        ("target.utf16", "String indices and lengths count UTF-16 code units, as on the JVM, C# and JS targets"),
        ("target.unicode", "Strings hold Unicode text (as on HashLink, JS, the JVM): the std reads `\\u` escapes and hashes text as such"),
        ("haxe_ver", "the Haxe language version Rayzor implements, as a number (4.205 for 4.2.5)"),
        ("haxe4", "a Haxe 4 compiler"),
        ("haxe", "the Haxe language version Rayzor implements, as a version (4.2.5)"),
        ("true", "always defined (Haxe defines it so `#if true` holds)"),
        ("dce", "the --dce mode: std (default), full or no (see README: Rayzor compiles only what main reaches in every mode)"),
    ];

    /// The defines that flags set.
    public static readonly (string Name, string Meaning)[] ByFlag =
    [
        ("debug", "--debug: a debug build (-O0 unless an -O flag is given)"),
        ("no_traces", "--no-traces"),
        ("no_inline", "--no-inline"),
        ("no_opt", "--no-opt"),
        ("<library>=<version>", "each -L library (and each library it depends on), with its haxelib.json version"),
        ("<name>[=<value>]", "-D name[=value]; a define without a value is 1, and `-` in a name is read as `_`"),
    ];

    public static string Text()
    {
        var defaults = Defines.CreateDefault().Values;
        var sw = new StringWriter();
        sw.WriteLine("Defines set by every Rayzor build:");
        foreach (var (name, meaning) in Always)
        {
            var shown = name == "dce" ? "dce=std" : defaults.TryGetValue(name, out var v) && v != "1" ? $"{name}={v}" : name;
            sw.WriteLine($"  {shown,-24} {meaning}");
        }
        sw.WriteLine();
        sw.WriteLine("Defines set by flags:");
        foreach (var (name, meaning) in ByFlag) sw.WriteLine($"  {name,-24} {meaning}");
        sw.WriteLine();
        sw.WriteLine("Haxe's target defines (cpp, hl, js, neko, interp...) are never set: Rayzor is its own target.");
        return sw.ToString();
    }
}
