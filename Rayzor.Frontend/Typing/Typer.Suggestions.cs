namespace Rayzor.Frontend.Typing;

public sealed partial class Typer
{
    /// `... has no field x` with Haxe's hint: the known names within a third of the shorter
    /// name's length in edit distance, nearest first (`(Suggestion: length)`).
    private static string WithSuggestions(string message, string name, IEnumerable<string> known)
    {
        var near = known.Distinct().Select(k => (k, d: EditDistance(name, k)))
            .Where(x => x.d <= Math.Min(name.Length, x.k.Length) / 3)
            .OrderBy(x => x.d).ThenBy(x => x.k, StringComparer.Ordinal).Select(x => x.k).ToList();
        return near.Count switch
        {
            0 => message,
            1 => $"{message} (Suggestion: {near[0]})",
            _ => $"{message} (Suggestions: {string.Join(", ", near)})",
        };
    }

    /// The instance fields a value of class `c` has (its own and inherited).
    private static IEnumerable<string> InstanceFieldNames(ClassSymbol c)
    {
        for (var k = c; k != null; k = k.Super?.Class)
            foreach (var n in k.Fields.Keys) yield return n;
    }

    private static int EditDistance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
