namespace Rayzor.Frontend.Lexing;

/// Stable diagnostic codes of the lexer, preprocessor and parser (RZ0001-RZ0099; the typer starts at RZ0100).
public static class SyntaxCodes
{
    /// `Invalid character 'X'`.
    public const string InvalidCharacter = "RZ0001";
    /// `Unterminated string`.
    public const string UnterminatedString = "RZ0002";
    /// `Unclosed comment`.
    public const string UnclosedComment = "RZ0003";
    /// `Unterminated regular expression`.
    public const string UnterminatedRegex = "RZ0004";
    /// `Invalid escape sequence \X`.
    public const string InvalidEscape = "RZ0005";
    /// `Invalid regular expression option`.
    public const string InvalidRegexOption = "RZ0006";
    /// `Malformed file. Source files must be encoded with UTF-8.`
    public const string MalformedUtf8 = "RZ0007";
    /// `Unclosed code string` (an interpolation `${` without its `}` at the end of the file).
    public const string UnclosedCode = "RZ0009";
    /// `X is not a valid integer suffix`, malformed numbers.
    public const string InvalidNumber = "RZ0008";

    /// `Unexpected X`.
    public const string Unexpected = "RZ0010";
    /// `Expected X` (`Expected expression`, `Expected , or )`, ...).
    public const string Expected = "RZ0011";
    /// `Missing ;`.
    public const string MissingSemicolon = "RZ0012";
    /// `Expression nested too deeply`.
    public const string TooDeep = "RZ0013";
    /// Other syntax errors with Haxe's wording (`Duplicate default`, `Type name should start with an uppercase letter`, ...).
    public const string Syntax = "RZ0014";

    /// `Unclosed conditional compilation block`.
    public const string UnclosedConditional = "RZ0020";
    /// `Invalid #end`, `Invalid #else`, `Invalid #elseif`.
    public const string InvalidDirective = "RZ0021";
    /// `#error "message"` in active code.
    public const string UserError = "RZ0022";
    /// `Unknown token` for an unknown `#directive`.
    public const string UnknownDirective = "RZ0023";
    /// `Invalid condition expression` and evaluation errors of `#if` conditions.
    public const string InvalidCondition = "RZ0024";
}
