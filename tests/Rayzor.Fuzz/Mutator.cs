using System.Text;
using Rayzor.Frontend.Diagnostics;
using Rayzor.Frontend.Lexing;
using Rayzor.Frontend.Text;

namespace Rayzor.Fuzz;

/// Makes a broken variant of a real file: truncation, token deletion, duplication, moves and swaps, byte
/// flips, invalid UTF-8, inserted syntax fragments, line deletion and splices of two files. Deterministic
/// for a given Random.
public sealed class Mutator(IReadOnlyList<FuzzInput> corpus)
{
    // Fragments that open or close something, or start a construct, so inserting one stresses recovery.
    private static readonly string[] Fragments =
    [
        "(", ")", "{", "}", "[", "]", ";", ",", ".", ":", "?", "<", ">", "=", "->", "=>", "...", "?.", "??",
        "\"", "'", "/*", "*/", "//", "~/", "\\", "@", "@:", "$", "${", "'${", "#if", "#if (", "#if !", "#end",
        "#else", "#elseif", "#error", "#line", "#foo", "0x", "1e", "1.", "0b2", "1i16", "`",
        "class", "interface", "enum", "typedef", "abstract", "function", "var", "final", "static", "public",
        "private", "inline", "override", "macro", "extern", "dynamic", "if", "else", "while", "do", "for",
        "switch", "case", "default", "try", "catch", "new", "cast", "untyped", "return", "throw", "in", "is",
        "package", "import", "using", "extends", "implements", "from", "to", "null", "this",
    ];

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xFE], [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xE2, 0x82], [0xED, 0xA0, 0x80],
        [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2], [0xF0, 0x9F, 0x98],
    ];

    /// 1 to 3 mutations of a corpus file; the name records the file and what was done.
    public FuzzInput Next(Random rng)
    {
        var seed = corpus[rng.Next(corpus.Count)];
        var bytes = seed.Bytes;
        var name = new StringBuilder(seed.Name);
        var rounds = 1 + rng.Next(3);
        for (var i = 0; i < rounds; i++)
        {
            bytes = MutateOnce(bytes, rng, out var what);
            name.Append(" | ").Append(what);
        }
        return new FuzzInput(name.ToString(), bytes);
    }

    private byte[] MutateOnce(byte[] b, Random rng, out string what)
    {
        if (b.Length == 0)
        {
            what = "insert into empty";
            return Encoding.UTF8.GetBytes(Fragments[rng.Next(Fragments.Length)]);
        }
        var tokens = TokenBounds(b);
        switch (rng.Next(11))
        {
            case 0:
            {
                var at = rng.Next(b.Length);
                what = $"truncate at {at}";
                return b[..at];
            }
            case 1:
            {
                var n = 1 + rng.Next(3);
                var i = rng.Next(tokens.Count);
                var (s, _) = tokens[i];
                var e = tokens[Math.Min(i + n - 1, tokens.Count - 1)].End;
                what = $"delete {n} tokens at {s}";
                return Splice(b, s, e, []);
            }
            case 2:
            {
                var (s, e) = tokens[rng.Next(tokens.Count)];
                what = $"duplicate token at {s}";
                return Splice(b, e, e, [(byte)' ', .. b[s..e]]);
            }
            case 3:
            {
                var (s, e) = tokens[rng.Next(tokens.Count)];
                var (to, _) = tokens[rng.Next(tokens.Count)];
                what = $"copy token at {s} to {to}";
                return Splice(b, to, to, [.. b[s..e], (byte)' ']);
            }
            case 4:
            {
                if (tokens.Count < 2) goto case 0;
                var i = rng.Next(tokens.Count - 1);
                var (s1, e1) = tokens[i];
                var (s2, e2) = tokens[i + 1];
                what = $"swap tokens at {s1}";
                return [.. b[..s1], .. b[s2..e2], .. b[e1..s2], .. b[s1..e1], .. b[e2..]];
            }
            case 5:
            {
                var copy = (byte[])b.Clone();
                var n = 1 + rng.Next(8);
                for (var k = 0; k < n; k++) copy[rng.Next(copy.Length)] = (byte)rng.Next(256);
                what = $"flip {n} bytes";
                return copy;
            }
            case 6:
            {
                var at = rng.Next(b.Length + 1);
                var seq = InvalidUtf8[rng.Next(InvalidUtf8.Length)];
                what = $"invalid UTF-8 {Convert.ToHexString(seq)} at {at}";
                return Splice(b, at, at, seq);
            }
            case 7:
            case 8:
            {
                var (at, _) = tokens[rng.Next(tokens.Count)];
                var f = Fragments[rng.Next(Fragments.Length)];
                what = $"insert `{f}` at {at}";
                return Splice(b, at, at, Encoding.UTF8.GetBytes(f + " "));
            }
            case 9:
            {
                var s = LineStart(b, rng.Next(b.Length));
                var e = s;
                for (var n = 1 + rng.Next(5); n > 0 && e < b.Length; n--) e = Array.IndexOf(b, (byte)'\n', e) is var nl && nl >= 0 ? nl + 1 : b.Length;
                what = $"delete lines at {s}";
                return Splice(b, s, e, []);
            }
            default:
            {
                var other = corpus[rng.Next(corpus.Count)].Bytes;
                var cut = rng.Next(b.Length + 1);
                var from = other.Length == 0 ? 0 : rng.Next(other.Length);
                what = $"splice at {cut} with another file from {from}";
                return [.. b[..cut], .. other[from..]];
            }
        }
    }

    private static List<(int Start, int End)> TokenBounds(byte[] b)
    {
        var sources = new SourceManager();
        var list = new List<(int, int)>();
        var lexer = new Lexer(sources.Add("m.hx", b), new DiagnosticBag());
        for (var t = lexer.Next(); t.Kind != TokenKind.EndOfFile; t = lexer.Next()) list.Add((t.Start, t.End));
        if (list.Count == 0) list.Add((0, 0));
        return list;
    }

    private static int LineStart(byte[] b, int at)
    {
        while (at > 0 && b[at - 1] != '\n') at--;
        return at;
    }

    private static byte[] Splice(byte[] b, int start, int end, byte[] insert) => [.. b[..start], .. insert, .. b[end..]];
}
