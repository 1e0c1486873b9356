namespace Rayzor.Frontend.Lexing;

/// A lexed token: kind, byte range [Start, End), and its text/value where it has one.
public readonly struct Token
{
    // Value, or a Documented pair when the token also carries a doc comment (rare): one reference field
    // instead of two keeps a token at 32 bytes, and the parser's token buffer smaller.
    private readonly object? _extra;

    public Token(TokenKind kind, int start, int end, string? text = null, object? value = null, string? doc = null)
    {
        Kind = kind;
        Start = start;
        End = end;
        Text = text;
        _extra = doc is null ? value : new Documented(doc, value);
    }

    public TokenKind Kind { get; }

    public int Start { get; }

    public int End { get; }

    /// Identifier name, literal source text, unescaped string value, meta/sharp/dollar name.
    public string? Text { get; }

    /// StringPart[] for interpolated strings, the flags of a regex.
    public object? Value => _extra is Documented d ? d.Value : _extra;

    /// The `/** ... */` comment right before this token, if any.
    public string? Doc => (_extra as Documented)?.Doc;

    public bool IsKeyword => Kind >= TokenKind.KwAbstract && Kind <= TokenKind.KwWhile;

    public Token WithDoc(string? doc) => new(Kind, Start, End, Text, Value, doc);

    public override string ToString() => $"{Kind}@{Start}-{End}{(Text is null ? "" : " " + Text)}";

    private sealed record Documented(string Doc, object? Value);
}
