namespace Rayzor.Frontend.Lexing;

/// The tokens of one file as the parser reads them: a growable array indexed directly (no copy per access).
public sealed class TokenBuffer(int capacity = 256)
{
    private Token[] _items = new Token[Math.Max(capacity, 4)];

    public int Count { get; private set; }

    public int Capacity => _items.Length;

    /// The token at `index` (0 to Count - 1); writable so the parser can split `>>` in `Array<Array<Int>>`.
    public ref Token this[int index] => ref _items[index];

    public void Add(in Token token)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = token;
    }

    /// Empties the buffer (dropping its references) for the next file.
    public void Clear()
    {
        Array.Clear(_items, 0, Count);
        Count = 0;
    }

    public List<Token> ToList() => new(_items.AsSpan(0, Count).ToArray());
}
