using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Rayzor.Frontend.Lexing;

/// Interns identifier names straight from UTF-8 bytes and knows the keywords, so lexing an identifier
/// is one hash probe and repeated names share one string (per thread, bounded). An entry keeps the
/// name's first 8 bytes and its length, so most lookups never touch the string itself.
internal sealed class NameTable
{
    [ThreadStatic] private static NameTable? _current;

    // 24 bytes: the name, its first 8 bytes, its hash (for growing without touching the string), and its
    // length with the token kind in the top byte
    private struct Entry
    {
        public string? Name;
        public ulong Prefix;
        public int Hash;
        public int LengthKind;

        public readonly TokenKind Kind => (TokenKind)(LengthKind >>> 24);
    }

    private const int MaxLength = (1 << 24) - 1;

    private Entry[] _entries = new Entry[8192];
    private int _count;

    public static NameTable Current => _current ??= new NameTable();

    private NameTable() => Reset();

    private void Reset()
    {
        _entries = new Entry[8192];
        _count = 0;
        foreach (var kind in Enum.GetValues<TokenKind>())
            if (TokenFacts.IsKeyword(kind)) Insert(TokenFacts.KeywordName(kind), kind, Hash(TokenFacts.KeywordName(kind)));
    }

    /// FNV-1a over the bytes of a name, fed by the lexer as it scans the identifier.
    public const uint HashStart = 2166136261u;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint HashStep(uint hash, byte b) => (hash ^ b) * 16777619u;

    /// The interned name of src[start..end) (ASCII identifier bytes, `hash` their HashStep chain) and its kind.
    public string Get(byte[] src, int start, int end, uint hash, out TokenKind kind)
    {
        var len = end - start;
        kind = TokenKind.Identifier;
        if (len > MaxLength) return System.Text.Encoding.ASCII.GetString(src, start, len);
        var prefix = Prefix(src, start, len);
        var h = (int)(hash & 0x7FFFFFFF);
        var mask = _entries.Length - 1;
        for (var i = h & mask; ; i = (i + 1) & mask)
        {
            ref var e = ref _entries[i];
            if (e.Name is null) break;
            if (e.Prefix == prefix && (e.LengthKind & MaxLength) == len && (len <= 8 || SameTail(e.Name, src, start)))
            {
                kind = e.Kind;
                return e.Name;
            }
        }
        var name = System.Text.Encoding.ASCII.GetString(src, start, len);
        if (_count > 1 << 20) Reset(); // keep a pathological input from growing the table forever
        Insert(name, TokenKind.Identifier, hash);
        return name;
    }

    private static ulong Prefix(byte[] src, int start, int len)
    {
        if (len >= 8) return BinaryPrimitives.ReadUInt64LittleEndian(src.AsSpan(start, 8));
        ulong p = 0;
        for (var i = len - 1; i >= 0; i--) p = (p << 8) | src[start + i];
        return p;
    }

    private static ulong Prefix(string name)
    {
        ulong p = 0;
        for (var i = Math.Min(name.Length, 8) - 1; i >= 0; i--) p = (p << 8) | (byte)name[i];
        return p;
    }

    private void Insert(string name, TokenKind kind, uint hash)
    {
        if ((_count + 1) * 2 > _entries.Length) Grow();
        var mask = _entries.Length - 1;
        var h = (int)(hash & 0x7FFFFFFF);
        var i = h & mask;
        while (_entries[i].Name != null) i = (i + 1) & mask;
        _entries[i] = new Entry { Name = name, Prefix = Prefix(name), Hash = h, LengthKind = name.Length | ((int)kind << 24) };
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

    // the bytes after the first 8 (the prefix matched)
    private static bool SameTail(string name, byte[] src, int start)
    {
        for (var i = 8; i < name.Length; i++)
            if (name[i] != src[start + i]) return false;
        return true;
    }

    private static uint Hash(string s)
    {
        var h = HashStart;
        foreach (var c in s) h = HashStep(h, (byte)c);
        return h;
    }
}
