using System.Collections.Frozen;
using System.Text;

namespace Rayzor.Frontend.Lexing;

/// Keyword table and the printed form of tokens (for `Unexpected X` messages).
public static class TokenFacts
{
    private static readonly FrozenDictionary<string, TokenKind> Keywords = new Dictionary<string, TokenKind>
    {
        ["abstract"] = TokenKind.KwAbstract, ["break"] = TokenKind.KwBreak, ["case"] = TokenKind.KwCase,
        ["cast"] = TokenKind.KwCast, ["catch"] = TokenKind.KwCatch, ["class"] = TokenKind.KwClass,
        ["continue"] = TokenKind.KwContinue, ["default"] = TokenKind.KwDefault, ["do"] = TokenKind.KwDo,
        ["dynamic"] = TokenKind.KwDynamic, ["else"] = TokenKind.KwElse, ["enum"] = TokenKind.KwEnum,
        ["extends"] = TokenKind.KwExtends, ["extern"] = TokenKind.KwExtern, ["false"] = TokenKind.KwFalse,
        ["final"] = TokenKind.KwFinal, ["for"] = TokenKind.KwFor, ["function"] = TokenKind.KwFunction,
        ["if"] = TokenKind.KwIf, ["implements"] = TokenKind.KwImplements, ["import"] = TokenKind.KwImport,
        ["in"] = TokenKind.KwIn, ["inline"] = TokenKind.KwInline, ["interface"] = TokenKind.KwInterface,
        ["macro"] = TokenKind.KwMacro, ["new"] = TokenKind.KwNew, ["null"] = TokenKind.KwNull,
        ["operator"] = TokenKind.KwOperator, ["overload"] = TokenKind.KwOverload, ["override"] = TokenKind.KwOverride,
        ["package"] = TokenKind.KwPackage, ["private"] = TokenKind.KwPrivate, ["public"] = TokenKind.KwPublic,
        ["return"] = TokenKind.KwReturn, ["static"] = TokenKind.KwStatic, ["switch"] = TokenKind.KwSwitch,
        ["this"] = TokenKind.KwThis, ["throw"] = TokenKind.KwThrow, ["true"] = TokenKind.KwTrue,
        ["try"] = TokenKind.KwTry, ["typedef"] = TokenKind.KwTypedef, ["untyped"] = TokenKind.KwUntyped,
        ["using"] = TokenKind.KwUsing, ["var"] = TokenKind.KwVar, ["while"] = TokenKind.KwWhile,
    }.ToFrozenDictionary();

    private static readonly string[] KeywordText = BuildKeywordText();

    public static bool TryGetKeyword(string name, out TokenKind kind) => Keywords.TryGetValue(name, out kind);

    public static bool IsKeyword(TokenKind kind) => kind >= TokenKind.KwAbstract && kind <= TokenKind.KwWhile;

    /// The source text of a keyword kind (`KwClass` -> `class`).
    public static string KeywordName(TokenKind kind) => KeywordText[(int)kind];

    /// The fixed text of a punctuation/operator kind, or null.
    public static string? FixedText(TokenKind kind) => kind switch
    {
        TokenKind.LParen => "(", TokenKind.RParen => ")", TokenKind.LBrace => "{", TokenKind.RBrace => "}",
        TokenKind.LBracket => "[", TokenKind.RBracket => "]", TokenKind.Semicolon => ";", TokenKind.Comma => ",",
        TokenKind.Dot => ".", TokenKind.Colon => ":", TokenKind.Question => "?", TokenKind.QuestionDot => "?.",
        TokenKind.Arrow => "->", TokenKind.FatArrow => "=>", TokenKind.Ellipsis => "...",
        TokenKind.Plus => "+", TokenKind.Minus => "-", TokenKind.Star => "*", TokenKind.Slash => "/",
        TokenKind.Percent => "%", TokenKind.Amp => "&", TokenKind.Pipe => "|", TokenKind.Caret => "^",
        TokenKind.Tilde => "~", TokenKind.Bang => "!", TokenKind.Lt => "<", TokenKind.Gt => ">",
        TokenKind.LtEq => "<=", TokenKind.GtEq => ">=", TokenKind.EqEq => "==", TokenKind.BangEq => "!=",
        TokenKind.AmpAmp => "&&", TokenKind.PipePipe => "||", TokenKind.Shl => "<<", TokenKind.Shr => ">>",
        TokenKind.UShr => ">>>", TokenKind.QuestionQuestion => "??", TokenKind.PlusPlus => "++",
        TokenKind.MinusMinus => "--", TokenKind.Eq => "=", TokenKind.PlusEq => "+=", TokenKind.MinusEq => "-=",
        TokenKind.StarEq => "*=", TokenKind.SlashEq => "/=", TokenKind.PercentEq => "%=", TokenKind.AmpEq => "&=",
        TokenKind.PipeEq => "|=", TokenKind.CaretEq => "^=", TokenKind.ShlEq => "<<=", TokenKind.ShrEq => ">>=",
        TokenKind.UShrEq => ">>>=", TokenKind.QuestionQuestionEq => "??=", TokenKind.AmpAmpEq => "&&=",
        TokenKind.PipePipeEq => "||=", TokenKind.At => "@",
        _ => null,
    };

    /// How Haxe prints a token in `Unexpected X`.
    public static string Display(in Token t)
    {
        if (IsKeyword(t.Kind)) return KeywordName(t.Kind);
        return t.Kind switch
        {
            TokenKind.EndOfFile => "<end of file>",
            TokenKind.Identifier or TokenKind.Int or TokenKind.Float => t.Text ?? "",
            TokenKind.String => "\"" + Escape(t.Text ?? "") + "\"",
            TokenKind.Regex => "~/" + t.Text + "/",
            TokenKind.Dollar => "$" + t.Text,
            TokenKind.Meta => "@" + t.Text,
            TokenKind.Sharp => "#" + t.Text,
            _ => FixedText(t.Kind) ?? t.Kind.ToString(),
        };
    }

    private static string Escape(string s)
    {
        var b = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': b.Append("\\\""); break;
                case '\\': b.Append("\\\\"); break;
                case '\n': b.Append("\\n"); break;
                case '\r': b.Append("\\r"); break;
                case '\t': b.Append("\\t"); break;
                default: b.Append(c); break;
            }
        }
        return b.ToString();
    }

    private static string[] BuildKeywordText()
    {
        var arr = new string[256];
        foreach (var (k, v) in Keywords) arr[(int)v] = k;
        return arr;
    }
}
