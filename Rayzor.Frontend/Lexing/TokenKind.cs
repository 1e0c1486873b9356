namespace Rayzor.Frontend.Lexing;

/// Every kind of token the Haxe lexer produces.
public enum TokenKind : byte
{
    /// End of the input (or of the lexed sub-range).
    EndOfFile,
    /// `name` — Text is the name (`super`, `is`, `from`, `to` are identifiers too).
    Identifier,
    /// `123`, `0xFF`, `0b101`, `1_000i64` — Text is the source form.
    Int,
    /// `1.5`, `.5`, `1.`, `1e10`, `2f64` — Text is the source form.
    Float,
    /// `"..."` or `'...'` — Text is the unescaped value; Value holds StringPart[] when single-quoted with `$`.
    String,
    /// `~/pattern/flags` — Text is the pattern, Value the flags string.
    Regex,
    /// `$name` or a bare `$` (reification) — Text is the name without `$`.
    Dollar,
    /// `@name` or `@:name` (dotted names allowed) — Text is the name, keeping the colon.
    Meta,
    /// A bare `@` not followed by a name.
    At,
    /// `#if`, `#else`, ... — Text is the directive name; consumed by the preprocessor.
    Sharp,

    // keywords
    KwAbstract, KwBreak, KwCase, KwCast, KwCatch, KwClass, KwContinue, KwDefault, KwDo, KwDynamic,
    KwElse, KwEnum, KwExtends, KwExtern, KwFalse, KwFinal, KwFor, KwFunction, KwIf, KwImplements,
    KwImport, KwIn, KwInline, KwInterface, KwMacro, KwNew, KwNull, KwOperator, KwOverload, KwOverride,
    KwPackage, KwPrivate, KwPublic, KwReturn, KwStatic, KwSwitch, KwThis, KwThrow, KwTrue, KwTry,
    KwTypedef, KwUntyped, KwUsing, KwVar, KwWhile,

    // punctuation
    LParen, RParen, LBrace, RBrace, LBracket, RBracket,
    Semicolon, Comma, Dot, Colon, Question, QuestionDot, Arrow, FatArrow, Ellipsis,

    // operators
    Plus, Minus, Star, Slash, Percent, Amp, Pipe, Caret, Tilde, Bang,
    Lt, Gt, LtEq, GtEq, EqEq, BangEq, AmpAmp, PipePipe, Shl, Shr, UShr, QuestionQuestion,
    PlusPlus, MinusMinus,
    Eq, PlusEq, MinusEq, StarEq, SlashEq, PercentEq, AmpEq, PipeEq, CaretEq, ShlEq, ShrEq, UShrEq,
    QuestionQuestionEq, AmpAmpEq, PipePipeEq,
}

/// What a piece of a single-quoted string is.
public enum StringPartKind : byte { Literal, Ident, Code }

/// One piece of a single-quoted string: literal text (Text unescaped), `$name` (Text the name),
/// or `${code}` (Start..End is the code between the braces). Start/End are byte offsets in the file.
public readonly record struct StringPart(StringPartKind Kind, string Text, int Start, int End);
