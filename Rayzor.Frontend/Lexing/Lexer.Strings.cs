using System.Text;

namespace Rayzor.Frontend.Lexing;

public sealed partial class Lexer
{
    private Token LexDoubleQuoted(int start)
    {
        _pos = start + 1;
        // most strings have no escape: one search and one decode
        var plain = _src.AsSpan(_pos, _end - _pos).IndexOfAny((byte)'"', (byte)'\\');
        if (plain >= 0 && _src[_pos + plain] == '"')
        {
            var text = Encoding.UTF8.GetString(_src, _pos, plain);
            _pos += plain + 1;
            return new Token(TokenKind.String, start, _pos, text, null);
        }
        var sb = new StringBuilder();
        var runStart = _pos;
        while (true)
        {
            if (_pos >= _end)
            {
                AppendUtf8(sb, runStart, _pos);
                Error(SyntaxCodes.UnterminatedString, start, "Unterminated string");
                return new Token(TokenKind.String, start, _pos, sb.ToString(), null);
            }
            var b = _src[_pos];
            if (b == '"') break;
            if (b == '\\')
            {
                AppendUtf8(sb, runStart, _pos);
                Unescape(sb);
                runStart = _pos;
                continue;
            }
            _pos++;
        }
        AppendUtf8(sb, runStart, _pos);
        _pos++;
        return new Token(TokenKind.String, start, _pos, sb.ToString(), null);
    }

    // Single quotes: `$name` and `${expr}` interpolate, `$$` is a `$`. The parts are kept with their byte
    // ranges so the parser lexes and parses each `${...}` in place (positions stay exact).
    private Token LexSingleQuoted(int start)
    {
        _pos = start + 1;
        var plain = _src.AsSpan(_pos, _end - _pos).IndexOfAny((byte)'\'', (byte)'\\', (byte)'$');
        if (plain >= 0 && _src[_pos + plain] == '\'')
        {
            var text = Encoding.UTF8.GetString(_src, _pos, plain);
            _pos += plain + 1;
            return new Token(TokenKind.String, start, _pos, text, SingleQuotedMarker);
        }
        var sb = new StringBuilder();       // the whole value, for plain strings and for display
        var lit = new StringBuilder();      // the current literal part
        List<StringPart>? parts = null;
        var litStart = _pos;
        var runStart = _pos;
        void FlushLiteral(int end)
        {
            if (lit.Length > 0) (parts ??= new()).Add(new StringPart(StringPartKind.Literal, lit.ToString(), litStart, end));
            lit.Clear();
        }
        void Flush()
        {
            if (_pos > runStart)
            {
                var s = Encoding.UTF8.GetString(_src, runStart, _pos - runStart);
                sb.Append(s);
                lit.Append(s);
            }
        }
        while (true)
        {
            if (_pos >= _end)
            {
                Flush();
                Error(SyntaxCodes.UnterminatedString, start, "Unterminated string");
                break;
            }
            var b = _src[_pos];
            if (b == '\'')
            {
                Flush();
                break;
            }
            if (b == '\\')
            {
                Flush();
                var before = sb.Length;
                Unescape(sb);
                lit.Append(sb, before, sb.Length - before);
                runStart = _pos;
                continue;
            }
            if (b != '$') { _pos++; continue; }
            var n = Peek(1);
            if (n == '$')
            {
                Flush();
                sb.Append('$');
                lit.Append('$');
                _pos += 2;
                runStart = _pos;
                continue;
            }
            if (n == '{')
            {
                Flush();
                var dollar = _pos;
                FlushLiteral(dollar);
                var close = ScanCode(dollar, out var failedAt, out var inCode, out var nesting);
                if (close < 0)
                {
                    // as in Haxe: the innermost string or `${` left open is what is reported
                    if (inCode) Error(SyntaxCodes.UnclosedCode, failedAt, "Unclosed code string");
                    else Error(SyntaxCodes.UnterminatedString, failedAt, "Unterminated string");
                    _pos = _end;
                    break;
                }
                if (nesting > MaxInterpolationNesting)
                    Error(SyntaxCodes.TooDeep, dollar, "Expression nested too deeply");
                else
                    (parts ??= new()).Add(new StringPart(StringPartKind.Code, "", dollar + 2, close));
                sb.Append(Encoding.UTF8.GetString(_src, dollar, close + 1 - dollar));
                _pos = close + 1;
                runStart = litStart = _pos;
                continue;
            }
            if (IsIdentStart(n))
            {
                Flush();
                var dollar = _pos;
                FlushLiteral(dollar);
                _pos++;
                while (_pos < _end && IsIdentPart(_src[_pos])) _pos++;
                var name = Ascii(dollar + 1, _pos);
                (parts ??= new()).Add(new StringPart(StringPartKind.Ident, name, dollar + 1, _pos));
                sb.Append('$').Append(name);
                runStart = litStart = _pos;
                continue;
            }
            _pos++; // a lone `$` stays literal
        }
        var end = Math.Min(_pos, _end);
        if (parts != null) FlushLiteral(end);
        if (_pos < _end) _pos++; // closing quote
        return new Token(TokenKind.String, start, _pos, sb.ToString(), parts?.ToArray() ?? (object)SingleQuotedMarker);
    }

    /// Value of a single-quoted string token without interpolation (so the parser knows the quote kind).
    public static readonly object SingleQuotedMarker = new();

    /// Deepest nesting of strings inside `${...}` inside strings. Each level is lexed again when the parser
    /// reads the level above it, so the cost grows with depth times length; beyond this it is an error.
    public const int MaxInterpolationNesting = 100;

    private enum ScanFrame : byte { Code, DoubleQuoted, SingleQuoted }

    // Finds the `}` closing the interpolation `${` at `dollar`, skipping nested braces, comments and strings
    // with their own interpolations — with an explicit stack, so any nesting depth is safe. On failure returns
    // -1 with `failedAt` where the innermost string or `${` left open starts (`inCode` for a `${`).
    // `nesting` is the deepest level of strings seen inside.
    private int ScanCode(int dollar, out int failedAt, out bool inCode, out int nesting)
    {
        var frames = new List<(ScanFrame Kind, int Depth, int Start)> { (ScanFrame.Code, 0, dollar) };
        var stringDepth = 0;
        nesting = 0;
        inCode = false;
        var p = dollar + 2;
        while (p < _end)
        {
            var (kind, depth, frameStart) = frames[^1];
            var b = _src[p];
            if (kind == ScanFrame.Code)
            {
                switch (b)
                {
                    case (byte)'{':
                        frames[^1] = (kind, depth + 1, frameStart);
                        p++;
                        continue;
                    case (byte)'}' when depth > 0:
                        frames[^1] = (kind, depth - 1, frameStart);
                        p++;
                        continue;
                    case (byte)'}':
                        frames.RemoveAt(frames.Count - 1);
                        if (frames.Count == 0)
                        {
                            failedAt = -1;
                            return p;
                        }
                        p++;
                        continue;
                    case (byte)'"' or (byte)'\'':
                        frames.Add((b == '"' ? ScanFrame.DoubleQuoted : ScanFrame.SingleQuoted, 0, p));
                        nesting = Math.Max(nesting, ++stringDepth);
                        p++;
                        continue;
                    case (byte)'/' when p + 1 < _end && _src[p + 1] == '*':
                        p = IndexOfCommentEnd(p + 2);
                        if (p < 0) p = _end;
                        else p += 2;
                        continue;
                    case (byte)'/' when p + 1 < _end && _src[p + 1] == '/':
                        while (p < _end && _src[p] != '\n' && _src[p] != '\r') p++;
                        continue;
                    default:
                        p++;
                        continue;
                }
            }
            if (b == '\\')
            {
                p += 2;
                continue;
            }
            if (b == (kind == ScanFrame.DoubleQuoted ? '"' : '\''))
            {
                frames.RemoveAt(frames.Count - 1);
                stringDepth--;
                p++;
                continue;
            }
            if (kind == ScanFrame.SingleQuoted && b == '$' && p + 1 < _end && _src[p + 1] == '{')
            {
                frames.Add((ScanFrame.Code, 0, p));
                p += 2;
                continue;
            }
            p++;
        }
        inCode = frames[^1].Kind == ScanFrame.Code;
        failedAt = frames[^1].Start;
        return -1;
    }

    // Processes one escape at _pos (a backslash) into sb, with Haxe's rules and messages.
    private void Unescape(StringBuilder sb)
    {
        var bs = _pos;
        if (_pos + 1 >= _end) { _pos++; return; }
        var c = _src[_pos + 1];
        _pos += 2;
        switch (c)
        {
            case (byte)'n': sb.Append('\n'); return;
            case (byte)'r': sb.Append('\r'); return;
            case (byte)'t': sb.Append('\t'); return;
            case (byte)'"' or (byte)'\'' or (byte)'\\': sb.Append((char)c); return;
            case (byte)'$': sb.Append('$'); return; // Rayzor accepts `\$` as a literal dollar
            case >= (byte)'0' and <= (byte)'3':
            {
                if (_pos + 1 < _end && IsOctal(_src[_pos]) && IsOctal(_src[_pos + 1]))
                {
                    var v = (c - '0') * 64 + (_src[_pos] - '0') * 8 + (_src[_pos + 1] - '0');
                    _pos += 2;
                    if (v > 127)
                        EscapeError(bs, (char)c, $"Values greater than \\177 are not allowed. Use \\u00{v:x2} instead.");
                    sb.Append((char)v);
                    return;
                }
                EscapeError(bs, (char)c, null);
                return;
            }
            case (byte)'x':
            {
                if (IsHexRun(_pos, 2))
                {
                    var v = HexValue(_src[_pos]) * 16 + HexValue(_src[_pos + 1]);
                    var hex = Ascii(_pos, _pos + 2);
                    _pos += 2;
                    if (v > 127) EscapeError(bs, 'x', $"Values greater than \\x7f are not allowed. Use \\u00{hex} instead.");
                    sb.Append((char)v);
                    return;
                }
                EscapeError(bs, 'x', "Must be followed by a hexadecimal sequence.");
                return;
            }
            case (byte)'u':
            {
                int v;
                if (IsHexRun(_pos, 4))
                {
                    v = 0;
                    for (var i = 0; i < 4; i++) v = v * 16 + HexValue(_src[_pos + i]);
                    _pos += 4;
                }
                else if (_pos < _end && _src[_pos] == '{')
                {
                    var p = _pos + 1;
                    v = 0;
                    while (p < _end && IsHex(_src[p]) && v <= 0x10FFFF) v = v * 16 + HexValue(_src[p++]);
                    if (p == _pos + 1 || p >= _end || _src[p] != '}')
                    {
                        EscapeError(bs, 'u', "Must be followed by a hexadecimal sequence enclosed in curly brackets.");
                        return;
                    }
                    _pos = p + 1;
                    if (v > 0x10FFFF)
                    {
                        EscapeError(bs, 'u', "Maximum allowed value for unicode escape sequence is \\u{10FFFF}");
                        return;
                    }
                }
                else
                {
                    EscapeError(bs, 'u', "Must be followed by a hexadecimal sequence enclosed in curly brackets.");
                    return;
                }
                if (v >= 0xD800 && v < 0xE000)
                {
                    EscapeError(bs, 'u', "UTF-16 surrogates are not allowed in strings.");
                    return;
                }
                sb.Append(char.ConvertFromUtf32(v));
                return;
            }
            default:
            {
                // keep the character, report the escape
                var len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
                len = Math.Min(len, _end - (_pos - 1));
                var s = Encoding.UTF8.GetString(_src, _pos - 1, len);
                _pos += len - 1;
                EscapeError(bs, s, null);
                sb.Append(s);
                return;
            }
        }
    }

    private static bool IsOctal(byte b) => b >= '0' && b <= '7';

    private void EscapeError(int backslash, char c, string? detail) => EscapeError(backslash, c.ToString(), detail);

    private void EscapeError(int backslash, string c, string? detail) =>
        Error(SyntaxCodes.InvalidEscape, backslash,
            detail is null ? $"Invalid escape sequence \\{c}" : $"Invalid escape sequence \\{c}. {detail}");
}
