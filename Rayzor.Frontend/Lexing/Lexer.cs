using System.Runtime.CompilerServices;
using System.Text;
using Rayzor.Frontend.Diagnostics;
using Rayzor.Frontend.Text;

namespace Rayzor.Frontend.Lexing;

/// Turns the UTF-8 bytes of a source file (or a byte range of it) into tokens; positions are byte offsets.
/// Comments are skipped (a `/** */` comment is kept as the Doc of the next token); `#if` directives come
/// out as Sharp tokens for the preprocessor. Errors go to the bag and lexing goes on.
public sealed partial class Lexer
{
    private readonly byte[] _src;
    private readonly int _fileId;
    private readonly int _end;
    private readonly DiagnosticBag _diags;
    private int _pos;
    private string? _doc;
    private readonly NameTable _names = NameTable.Current;

    public Lexer(SourceFile file, DiagnosticBag diagnostics)
        : this(file, diagnostics, 0, file.Bytes.Length)
    {
        if (!System.Text.Unicode.Utf8.IsValid(_src)) ReportMalformedUtf8();
        SkipHeader();
    }

    /// Lexes only [start, end) of the file — used for the code inside `${...}` interpolations.
    public Lexer(SourceFile file, DiagnosticBag diagnostics, int start, int end)
    {
        _src = file.Bytes;
        _fileId = file.Id;
        _pos = start;
        _end = Math.Min(end, file.Bytes.Length);
        _diags = diagnostics;
    }

    public int FileId => _fileId;

    /// Lexes all tokens of a file, directives included, up to and including EndOfFile.
    public static List<Token> Tokenize(SourceFile file, DiagnosticBag diagnostics)
    {
        var lexer = new Lexer(file, diagnostics);
        var list = new List<Token>();
        while (true)
        {
            var t = lexer.Next();
            list.Add(t);
            if (t.Kind == TokenKind.EndOfFile) return list;
        }
    }

    /// The next token.
    public Token Next() => Lex(inCondition: false);

    /// The next token of a `#if` condition: dotted names (`target.sys`) and keywords are one identifier.
    public Token NextInCondition() => Lex(inCondition: true);

    /// Goes back to just before `token` (the last one lexed), to lex it again in the other mode.
    public void Rewind(in Token token)
    {
        _pos = token.Start;
        _doc = token.Doc;
    }

    private Token Lex(bool inCondition)
    {
        while (true)
        {
            SkipTrivia();
            var doc = _doc;
            _doc = null;
            if (_pos >= _end) return new Token(TokenKind.EndOfFile, _end, _end, doc: doc);
            if (TryLexToken(inCondition, out var t)) return doc is null ? t : t.WithDoc(doc);
            _doc ??= doc; // an invalid character: keep the doc for the next real token
        }
    }

    // Haxe rejects a file that is not UTF-8 as a whole; Rayzor says where, once per malformed run of bytes,
    // and goes on (the lexer skips such bytes in code; strings and comments keep U+FFFD).
    private void ReportMalformedUtf8()
    {
        var p = 0;
        while (p < _end)
        {
            if (Rune.DecodeFromUtf8(_src.AsSpan(p, _end - p), out _, out var read) == System.Buffers.OperationStatus.Done)
            {
                p += read;
                continue;
            }
            Error(SyntaxCodes.MalformedUtf8, p, "Malformed file. Source files must be encoded with UTF-8.");
            while (p < _end && Rune.DecodeFromUtf8(_src.AsSpan(p, _end - p), out _, out read) != System.Buffers.OperationStatus.Done)
                p += Math.Max(read, 1);
        }
    }

    private void SkipHeader()
    {
        if (_end - _pos >= 3 && _src[_pos] == 0xEF && _src[_pos + 1] == 0xBB && _src[_pos + 2] == 0xBF) _pos += 3;
        if (_end - _pos >= 2 && _src[_pos] == '#' && _src[_pos + 1] == '!')
            while (_pos < _end && _src[_pos] != '\n' && _src[_pos] != '\r') _pos++;
    }

    private void SkipTrivia()
    {
        while (_pos < _end)
        {
            var b = _src[_pos];
            if (b == ' ' || b == '\t' || b == '\n' || b == '\r') { _pos++; continue; }
            if (b != '/' || _pos + 1 >= _end) return;
            var n = _src[_pos + 1];
            if (n == '/')
            {
                _pos += 2;
                var eol = _src.AsSpan(_pos, _end - _pos).IndexOfAny((byte)'\n', (byte)'\r');
                _pos = eol < 0 ? _end : _pos + eol;
            }
            else if (n == '*')
            {
                var start = _pos;
                _pos += 2;
                var close = IndexOfCommentEnd(_pos);
                if (close < 0)
                {
                    Error(SyntaxCodes.UnclosedComment, start, "Unclosed comment");
                    _pos = _end;
                    return;
                }
                // Haxe: a comment whose text starts with `*` is documentation; strip that `*` and a trailing one.
                var len = close - _pos;
                if (len > 0 && _src[_pos] == '*')
                {
                    var docLen = len - (len > 1 && _src[close - 1] == '*' ? 2 : 1);
                    _doc = Encoding.UTF8.GetString(_src, _pos + 1, Math.Max(docLen, 0));
                }
                _pos = close + 2;
            }
            else return;
        }
    }

    private int IndexOfCommentEnd(int from)
    {
        var i = _src.AsSpan(from, _end - from).IndexOf("*/"u8);
        return i < 0 ? -1 : from + i;
    }

    // The token at _pos (not trivia); false after reporting an invalid character, which is skipped.
    private bool TryLexToken(bool inCondition, out Token token)
    {
        var start = _pos;
        var c = _src[_pos];
        if (IsIdentStart(c))
        {
            token = LexIdentifier(start, inCondition);
            return true;
        }
        token = c >= '0' && c <= '9' ? LexNumber(start) : LexOther(start, c);
        if (token.Kind != TokenKind.EndOfFile) return true;
        InvalidCharacter(start);
        return false;
    }

    // Punctuation, operators, strings and the rest; EndOfFile (as "none") for an invalid character.
    private Token LexOther(int start, byte c)
    {
        switch (c)
        {
            case (byte)'.':
                if (Peek(1) >= '0' && Peek(1) <= '9') return LexNumber(start);
                if (Peek(1) == '.' && Peek(2) == '.') return Op(TokenKind.Ellipsis, 3);
                return Op(TokenKind.Dot, 1);
            case (byte)'"': return LexDoubleQuoted(start);
            case (byte)'\'': return LexSingleQuoted(start);
            case (byte)'$':
            {
                _pos++;
                while (_pos < _end && IsIdentPart(_src[_pos])) _pos++;
                return new Token(TokenKind.Dollar, start, _pos, Ascii(start + 1, _pos));
            }
            case (byte)'@': return LexMeta(start);
            case (byte)'#':
                if (_pos + 1 < _end && IsIdentStart(_src[_pos + 1]))
                {
                    _pos++;
                    while (_pos < _end && IsIdentPart(_src[_pos])) _pos++;
                    return new Token(TokenKind.Sharp, start, _pos, Ascii(start + 1, _pos));
                }
                break;
            case (byte)'~':
                if (Peek(1) == '/') return LexRegex(start);
                return Op(TokenKind.Tilde, 1);
            case (byte)'(': return Op(TokenKind.LParen, 1);
            case (byte)')': return Op(TokenKind.RParen, 1);
            case (byte)'{': return Op(TokenKind.LBrace, 1);
            case (byte)'}': return Op(TokenKind.RBrace, 1);
            case (byte)'[': return Op(TokenKind.LBracket, 1);
            case (byte)']': return Op(TokenKind.RBracket, 1);
            case (byte)';': return Op(TokenKind.Semicolon, 1);
            case (byte)',': return Op(TokenKind.Comma, 1);
            case (byte)':': return Op(TokenKind.Colon, 1);
            case (byte)'+':
                return Peek(1) == '+' ? Op(TokenKind.PlusPlus, 2) : Peek(1) == '=' ? Op(TokenKind.PlusEq, 2) : Op(TokenKind.Plus, 1);
            case (byte)'-':
                return Peek(1) switch
                {
                    (byte)'-' => Op(TokenKind.MinusMinus, 2),
                    (byte)'=' => Op(TokenKind.MinusEq, 2),
                    (byte)'>' => Op(TokenKind.Arrow, 2),
                    _ => Op(TokenKind.Minus, 1),
                };
            case (byte)'*': return Peek(1) == '=' ? Op(TokenKind.StarEq, 2) : Op(TokenKind.Star, 1);
            case (byte)'/': return Peek(1) == '=' ? Op(TokenKind.SlashEq, 2) : Op(TokenKind.Slash, 1);
            case (byte)'%': return Peek(1) == '=' ? Op(TokenKind.PercentEq, 2) : Op(TokenKind.Percent, 1);
            case (byte)'^': return Peek(1) == '=' ? Op(TokenKind.CaretEq, 2) : Op(TokenKind.Caret, 1);
            case (byte)'&':
                if (Peek(1) == '&') return Peek(2) == '=' ? Op(TokenKind.AmpAmpEq, 3) : Op(TokenKind.AmpAmp, 2);
                return Peek(1) == '=' ? Op(TokenKind.AmpEq, 2) : Op(TokenKind.Amp, 1);
            case (byte)'|':
                if (Peek(1) == '|') return Peek(2) == '=' ? Op(TokenKind.PipePipeEq, 3) : Op(TokenKind.PipePipe, 2);
                return Peek(1) == '=' ? Op(TokenKind.PipeEq, 2) : Op(TokenKind.Pipe, 1);
            case (byte)'!': return Peek(1) == '=' ? Op(TokenKind.BangEq, 2) : Op(TokenKind.Bang, 1);
            case (byte)'=':
                return Peek(1) == '=' ? Op(TokenKind.EqEq, 2) : Peek(1) == '>' ? Op(TokenKind.FatArrow, 2) : Op(TokenKind.Eq, 1);
            case (byte)'<':
                if (Peek(1) == '<') return Peek(2) == '=' ? Op(TokenKind.ShlEq, 3) : Op(TokenKind.Shl, 2);
                return Peek(1) == '=' ? Op(TokenKind.LtEq, 2) : Op(TokenKind.Lt, 1);
            case (byte)'>':
                if (Peek(1) == '>')
                {
                    if (Peek(2) == '>') return Peek(3) == '=' ? Op(TokenKind.UShrEq, 4) : Op(TokenKind.UShr, 3);
                    return Peek(2) == '=' ? Op(TokenKind.ShrEq, 3) : Op(TokenKind.Shr, 2);
                }
                return Peek(1) == '=' ? Op(TokenKind.GtEq, 2) : Op(TokenKind.Gt, 1);
            case (byte)'?':
                if (Peek(1) == '?') return Peek(2) == '=' ? Op(TokenKind.QuestionQuestionEq, 3) : Op(TokenKind.QuestionQuestion, 2);
                // `c ?.5 : x` is a ternary with a float, not a safe navigation.
                if (Peek(1) == '.' && !(Peek(2) >= '0' && Peek(2) <= '9')) return Op(TokenKind.QuestionDot, 2);
                return Op(TokenKind.Question, 1);
        }
        return default;
    }

    // Reports the character at `start` and skips it with the invalid characters right after it: a run of
    // junk (binary data, a pasted symbol) is one error, named by its first character as Haxe does.
    private void InvalidCharacter(int start)
    {
        var code = CharAt(start, out var len, out var malformed);
        var msg = code > 32 && code < 128 ? $"Invalid character '{(char)code}'" : $"Invalid character 0x{code:X2}";
        if (!malformed) Error(SyntaxCodes.InvalidCharacter, start, msg); // malformed UTF-8 is reported once per file run
        _pos = start + len;
        while (_pos < _end && IsNeverValid(_src[_pos]))
        {
            CharAt(_pos, out len, out _);
            _pos += len;
        }
    }

    // The code point at p (a malformed UTF-8 sequence gives its first byte) and its length in bytes.
    private int CharAt(int p, out int len, out bool malformed)
    {
        var c = _src[p];
        len = 1;
        malformed = false;
        if (c < 0x80) return c;
        if (Rune.DecodeFromUtf8(_src.AsSpan(p, _end - p), out var rune, out var read) != System.Buffers.OperationStatus.Done)
        {
            malformed = true;
            len = Math.Max(read, 1);
            return c;
        }
        len = read;
        return rune.Value;
    }

    // Bytes that can never start a token: non-ASCII, control characters other than whitespace, `` ` `` and `\`.
    private static bool IsNeverValid(byte b) => b >= 0x7F || (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r')) || b is (byte)'`' or (byte)'\\';

    private Token LexIdentifier(int start, bool inCondition)
    {
        // the name table's hash is computed on the way
        var src = _src;
        var end = _end;
        var p = start;
        var hash = NameTable.HashStart;
        do
        {
            hash = NameTable.HashStep(hash, src[p]);
            p++;
        } while (p < end && IsIdentPart(src[p]));
        _pos = p;
        if (inCondition)
        {
            while (_pos + 1 < _end && _src[_pos] == '.' && IsIdentStart(_src[_pos + 1]))
            {
                _pos += 2;
                while (_pos < _end && IsIdentPart(_src[_pos])) _pos++;
            }
            return new Token(TokenKind.Identifier, start, _pos, Ascii(start, _pos));
        }
        var name = _names.Get(_src, start, _pos, hash, out var kind);
        return new Token(kind, start, _pos, name);
    }

    private Token LexMeta(int start)
    {
        var p = start + 1;
        if (p < _end && _src[p] == ':') p++;
        if (p >= _end || !IsIdentStart(_src[p])) return Op(TokenKind.At, 1);
        _pos = p;
        while (true)
        {
            while (_pos < _end && IsIdentPart(_src[_pos])) _pos++;
            if (_pos + 1 < _end && _src[_pos] == '.' && IsIdentStart(_src[_pos + 1])) { _pos++; continue; }
            break;
        }
        return new Token(TokenKind.Meta, start, _pos, Ascii(start + 1, _pos));
    }

    private Token LexRegex(int start)
    {
        _pos = start + 2;
        var sb = new StringBuilder();
        var runStart = _pos;
        while (true)
        {
            if (_pos >= _end || _src[_pos] == '\n' || _src[_pos] == '\r')
            {
                AppendUtf8(sb, runStart, _pos);
                Error(SyntaxCodes.UnterminatedRegex, start, "Unterminated regular expression");
                return new Token(TokenKind.Regex, start, _pos, sb.ToString(), "");
            }
            var b = _src[_pos];
            if (b == '/') break;
            if (b != '\\') { _pos++; continue; }
            AppendUtf8(sb, runStart, _pos);
            var n = Peek(1);
            switch (n)
            {
                case (byte)'/': sb.Append('/'); _pos += 2; break;
                case (byte)'r': sb.Append('\r'); _pos += 2; break;
                case (byte)'n': sb.Append('\n'); _pos += 2; break;
                case (byte)'t': sb.Append('\t'); _pos += 2; break;
                case (byte)'\\' or (byte)'$' or (byte)'.' or (byte)'*' or (byte)'+' or (byte)'^' or (byte)'|' or (byte)'{'
                    or (byte)'}' or (byte)'[' or (byte)']' or (byte)'(' or (byte)')' or (byte)'?' or (byte)'-'
                    or (>= (byte)'0' and <= (byte)'9')
                    or (byte)'w' or (byte)'W' or (byte)'b' or (byte)'B' or (byte)'s' or (byte)'S' or (byte)'d' or (byte)'D' or (byte)'x':
                    sb.Append('\\').Append((char)n);
                    _pos += 2;
                    break;
                case (byte)'u' or (byte)'U' when IsHexRun(_pos + 2, 4):
                    sb.Append(Encoding.ASCII.GetString(_src, _pos, 6));
                    _pos += 6;
                    break;
                default:
                    if (_pos + 1 >= _end || n == '\n' || n == '\r') { _pos++; break; }
                    Error(SyntaxCodes.InvalidCharacter, _pos + 1, "Invalid character '\\'");
                    sb.Append('\\');
                    _pos++;
                    break;
            }
            runStart = _pos;
        }
        AppendUtf8(sb, runStart, _pos);
        _pos++; // closing '/'
        var flagsStart = _pos;
        while (_pos < _end && _src[_pos] >= 'a' && _src[_pos] <= 'z')
        {
            var f = _src[_pos];
            if (f is not ((byte)'g' or (byte)'i' or (byte)'m' or (byte)'s' or (byte)'u'))
                Error(SyntaxCodes.InvalidRegexOption, _pos, "Invalid regular expression option");
            _pos++;
        }
        return new Token(TokenKind.Regex, start, _pos, sb.ToString(), Ascii(flagsStart, _pos));
    }

    private Token Op(TokenKind kind, int length)
    {
        var start = _pos;
        _pos += length;
        return new Token(kind, start, _pos);
    }

    private byte Peek(int offset) => _pos + offset < _end ? _src[_pos + offset] : (byte)0;

    private bool IsHexRun(int from, int count)
    {
        if (from + count > _end) return false;
        for (var i = from; i < from + count; i++)
            if (!IsHex(_src[i])) return false;
        return true;
    }

    private const byte IdentStartBit = 1, IdentPartBit = 2, HexBit = 4;

    // One table lookup per byte for the hot character tests.
    private static ReadOnlySpan<byte> CharClasses => new byte[]
    {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 0, 0, 0, 0, 0, 0, // 0-9
        0, 7, 7, 7, 7, 7, 7, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 3, // A-Z _
        0, 7, 7, 7, 7, 7, 7, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0, // a-z
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsIdentStart(byte b) => (CharClasses[b] & IdentStartBit) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsIdentPart(byte b) => (CharClasses[b] & IdentPartBit) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsHex(byte b) => (CharClasses[b] & HexBit) != 0;

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;

    private string Ascii(int start, int end) => Encoding.ASCII.GetString(_src, start, end - start);

    private void AppendUtf8(StringBuilder sb, int start, int end)
    {
        if (end > start) sb.Append(Encoding.UTF8.GetString(_src, start, end - start));
    }

    private void Error(string code, int start, int end, string message) =>
        _diags.Error(code, new TextSpan(_fileId, start, end), message);

    // Haxe reports lexer errors at a point (`character 7`), not over a range.
    private void Error(string code, int at, string message) => Error(code, at, at, message);
}
