namespace Rayzor.Frontend.Lexing;

public sealed partial class Lexer
{
    // Haxe's forms: 0x1F, 0b101, 1_000, 1.5, .5, 1., 1e10, 1.5e-3, suffixes i32/i64/u32 and f64 (an optional `_` before).
    // `1...5` is Int, `...`, Int; `1.foo` is Int, `.`, Identifier (field access on an int), as in Haxe.
    private Token LexNumber(int start)
    {
        var isFloat = false;
        if (_src[_pos] == '0' && (Peek(1) == 'x' || Peek(1) == 'X') && IsHexAt(_pos + 2))
        {
            _pos += 2;
            while (_pos < _end && (IsHex(_src[_pos]) || IsDigitSeparator(_pos, hex: true))) _pos++;
        }
        else if (_src[_pos] == '0' && (Peek(1) == 'b' || Peek(1) == 'B') && (Peek(2) == '0' || Peek(2) == '1'))
        {
            _pos += 2;
            while (_pos < _end && (_src[_pos] == '0' || _src[_pos] == '1' || IsDigitSeparator(_pos, hex: false))) _pos++;
        }
        else
        {
            SkipDigits();
            if (_pos < _end && _src[_pos] == '.')
            {
                var n = Peek(1);
                if (n >= '0' && n <= '9')
                {
                    isFloat = true;
                    _pos++;
                    SkipDigits();
                }
                else if (n != '.' && !IsIdentStart(n) && n != '$')
                {
                    isFloat = true; // `1.`
                    _pos++;
                }
            }
            if (_pos < _end && (_src[_pos] == 'e' || _src[_pos] == 'E'))
            {
                var p = _pos + 1;
                if (p < _end && (_src[p] == '+' || _src[p] == '-')) p++;
                if (p < _end && _src[p] >= '0' && _src[p] <= '9')
                {
                    isFloat = true;
                    _pos = p;
                    SkipDigits();
                }
            }
        }
        LexSuffix(start, ref isFloat);
        var text = Ascii(start, _pos);
        return new Token(isFloat ? TokenKind.Float : TokenKind.Int, start, _pos, text);
    }

    private void SkipDigits()
    {
        while (_pos < _end && ((_src[_pos] >= '0' && _src[_pos] <= '9') || IsDigitSeparator(_pos, hex: false))) _pos++;
    }

    // `_` counts as part of a number only between two digits.
    private bool IsDigitSeparator(int p, bool hex)
    {
        if (_src[p] != '_' || p + 1 >= _end) return false;
        var n = _src[p + 1];
        return hex ? IsHex(n) : n >= '0' && n <= '9';
    }

    private bool IsHexAt(int p) => p < _end && IsHex(_src[p]);

    private void LexSuffix(int start, ref bool isFloat)
    {
        var p = _pos;
        if (p < _end && _src[p] == '_') p++;
        if (p >= _end || _src[p] is not ((byte)'i' or (byte)'u' or (byte)'f')) return;
        var q = p + 1;
        while (q < _end && _src[q] >= '0' && _src[q] <= '9') q++;
        if (q == p + 1) return; // `1if`, `0u` ... not a suffix
        if (q < _end && IsIdentPart(_src[q])) return;
        var suffix = Ascii(p, q);
        _pos = q;
        if (suffix[0] == 'f')
        {
            if (suffix != "f64") Error(SyntaxCodes.InvalidNumber, start, q, $"{suffix} is not a valid float suffix");
            isFloat = true;
        }
        else if (isFloat)
            Error(SyntaxCodes.InvalidNumber, start, q, $"{suffix} is not a valid float suffix");
        else if (suffix is not ("i32" or "i64" or "u32"))
            Error(SyntaxCodes.InvalidNumber, start, q, $"{suffix} is not a valid integer suffix");
    }
}
