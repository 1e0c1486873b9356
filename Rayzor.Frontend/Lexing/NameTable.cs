namespace Rayzor.Frontend.Lexing;

/// Interns identifier names straight from UTF-8 bytes and knows the keywords, so lexing an identifier
/// is one hash probe and repeated names share one string (per thread, bounded).
internal sealed class NameTable
{
    [ThreadStatic] private static NameTable? _current;

    private struct Entry
    {
        public string? Name;
        public int Hash;
        public TokenKind Kind;
    }

    private Entry[] _entries = new Entry[8192];
    private int _count;

    public static NameTable Current => _current ??= new NameTable();

    private NameTable() => Reset();

    private void Reset()
    {
        _entries = new Entry[8192];
        _count = 0;
        foreach (var kind in Enum.GetValues<TokenKind>())
            if (TokenFacts.IsKeyword(kind)) Insert(TokenFacts.KeywordName(kind), kind);
    }

    /// The interned name of src[start..end) (ASCII identifier bytes) and its token kind.
    public string Get(byte[] src, int start, int end, out TokenKind kind)
    {
        var hash = Hash(src, start, end);
        var mask = _entries.Length - 1;
        var len = end - start;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            ref var e = ref _entries[i];
            if (e.Name is null) break;
            if (e.Hash == hash && e.Name.Length == len && Same(e.Name, src, start))
            {
                kind = e.Kind;
                return e.Name;
            }
        }
        var name = System.Text.Encoding.ASCII.GetString(src, start, len);
        if (_count > 1 << 20) Reset(); // keep a pathological input from growing the table forever
        Insert(name, TokenKind.Identifier);
        kind = TokenKind.Identifier;
        return name;
    }

    private void Insert(string name, TokenKind kind)
    {
        if ((_count + 1) * 2 > _entries.Length) Grow();
        var hash = Hash(name);
        var mask = _entries.Length - 1;
        var i = hash & mask;
        while (_entries[i].Name != null) i = (i + 1) & mask;
        _entries[i] = new Entry { Name = name, Hash = hash, Kind = kind };
        _count++;
    }

    private void Grow()
    {
        var old = _entries;
        _entries = new Entry[old.Length * 2];
        var mask = _entries.Length - 1;
        foreach (var e in old)
        {
            if (e.Name is null) continue;
            var i = e.Hash & mask;
            while (_entries[i].Name != null) i = (i + 1) & mask;
            _entries[i] = e;
        }
    }

    private static bool Same(string name, byte[] src, int start)
    {
        for (var i = 0; i < name.Length; i++)
            if (name[i] != src[start + i]) return false;
        return true;
    }

    private static int Hash(byte[] src, int start, int end)
    {
        var h = 2166136261u;
        for (var i = start; i < end; i++) h = (h ^ src[i]) * 16777619u;
        return (int)(h & 0x7FFFFFFF);
    }

    private static int Hash(string s)
    {
        var h = 2166136261u;
        foreach (var c in s) h = (h ^ c) * 16777619u;
        return (int)(h & 0x7FFFFFFF);
    }
}
