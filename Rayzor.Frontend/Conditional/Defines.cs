namespace Rayzor.Frontend.Conditional;

/// The compilation defines (`-D name=value`) that `#if` conditions test; a define without a value is "1".
public sealed class Defines
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Values => _values;

    /// Sets a define; Haxe spells `-D no-traces` and `no_traces` the same, so `-` becomes `_`.
    public Defines Define(string name, string value = "1")
    {
        _values[Normalize(name)] = value;
        return this;
    }

    /// Parses the argument of `-D`: `name` or `name=value`.
    public Defines DefineArgument(string argument)
    {
        var eq = argument.IndexOf('=');
        return eq < 0 ? Define(argument) : Define(argument[..eq], argument[(eq + 1)..]);
    }

    public bool Undefine(string name) => _values.Remove(Normalize(name));

    public bool IsDefined(string name) => _values.ContainsKey(Normalize(name));

    public bool TryGetValue(string name, out string value) => _values.TryGetValue(Normalize(name), out value!);

    public Defines Clone()
    {
        var d = new Defines();
        foreach (var (k, v) in _values) d._values[k] = v;
        return d;
    }

    /// The defines every Rayzor compilation starts with, so the std's `#if` blocks pick a static, sys, UTF-16 target.
    public static Defines CreateDefault() => new Defines()
        .Define("sys")
        .Define("rayzor")
        .Define("target.name", "rayzor")
        .Define("target.sys")
        .Define("target.static")
        .Define("target.utf16")
        .Define("target.unicode")
        .Define("haxe_ver", "4.205")
        .Define("haxe4")
        .Define("haxe", "4.2.5")
        .Define("true");

    private static string Normalize(string name) => name.Contains('-') ? name.Replace('-', '_') : name;
}
