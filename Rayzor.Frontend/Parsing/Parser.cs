using System.Runtime.CompilerServices;
using Rayzor.Frontend.Conditional;
using Rayzor.Frontend.Diagnostics;
using Rayzor.Frontend.Lexing;
using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;

namespace Rayzor.Frontend.Parsing;

/// Hand-written recursive-descent parser for the whole Haxe 4 syntax (with 4.3's `?.`, `??`, `??=`),
/// following the reference compiler's grammar (src/syntax/grammar.mly). It never throws: errors are
/// reported with Haxe's wording, the parser resynchronizes at `;` / `}` and leaves ErrorExpr nodes,
/// so every independent error of a file is reported.
public sealed partial class Parser
{
    /// Deepest nesting of expressions, types and blocks before `Expression nested too deeply`.
    public const int MaxDepth = 2000;

    private readonly SourceFile _file;
    private readonly Defines _defines;
    private readonly DiagnosticBag _diags;
    private readonly TokenBuffer _tokens;
    private readonly int _last; // index of the EndOfFile token
    private readonly int _fileId;
    private int _index;
    private int _prevStart;
    private int _prevEnd;
    private TokenKind _prevKind = TokenKind.EndOfFile;
    private int _depth;
    private bool _tooDeep;
    private bool _stackExhausted;
    private int _lastErrorStart = -1;
    // set when an error is reported and cleared when the parser resynchronizes, so one mistake gives one message
    private bool _needSync;
    // an unterminated string or comment, or an unclosed `#if`, swallowed the rest of the file: errors at its
    // end are only echoes of that one
    private readonly bool _cutShort;
    // where the lexer skipped invalid characters or cut a regex short: a parse error right after one is its echo
    private readonly int[] _junk;

    /// `lexerDiagnostics`: the index in `diagnostics` of the first diagnostic the lexing of `tokens` reported.
    private Parser(SourceFile file, Defines defines, DiagnosticBag diagnostics, TokenBuffer tokens, int lexerDiagnostics, Parser? parent = null)
    {
        _file = file;
        _defines = defines;
        _diags = diagnostics;
        _tokens = tokens;
        _last = tokens.Count - 1;
        _fileId = file.Id;
        _depth = parent?._depth ?? 0;
        _prevEnd = tokens.Count > 0 ? tokens[0].Start : 0;
        var items = diagnostics.Items;
        _cutShort = parent?._cutShort ?? items.Any(d => d.Code is SyntaxCodes.UnterminatedString or SyntaxCodes.UnclosedComment or SyntaxCodes.UnclosedCode or SyntaxCodes.UnclosedConditional);
        _junk = [];
        if (items.Count == lexerDiagnostics) return;
        var junk = new List<int>();
        for (var i = lexerDiagnostics; i < items.Count; i++)
            if (items[i].Code is SyntaxCodes.InvalidCharacter or SyntaxCodes.MalformedUtf8 or SyntaxCodes.UnterminatedRegex)
                junk.Add(items[i].Span.Start);
        junk.Sort();
        _junk = junk.ToArray();
    }

    /// Parses one .hx file into its module syntax; all errors go to `diagnostics`.
    public static ModuleSyntax ParseModule(SourceFile file, Defines defines, DiagnosticBag diagnostics) =>
        RunWithEnoughStack(file, defines, diagnostics, p => p.ParseModuleBody());

    /// Parses a standalone expression (tests, `--macro`-style strings); trailing tokens are an error.
    public static Expr ParseExpression(SourceFile file, Defines defines, DiagnosticBag diagnostics) =>
        RunWithEnoughStack(file, defines, diagnostics, p =>
        {
            var e = p.ParseExpr();
            if (p.Kind != TokenKind.EndOfFile) p.ErrorUnexpected();
            return e;
        });

    // Parses on the calling thread; if a very deep file exhausts that thread's stack before MaxDepth, parses
    // again on a thread with a large stack so the depth limit, not the thread, decides.
    private static T RunWithEnoughStack<T>(SourceFile file, Defines defines, DiagnosticBag diagnostics, Func<Parser, T> run)
    {
        var local = new DiagnosticBag();
        var parser = new Parser(file, defines, local, LexFile(file, defines, local), 0);
        var result = run(parser);
        ReturnTokenBuffer(parser._tokens);
        if (parser._stackExhausted)
        {
            local = new DiagnosticBag();
            parser = new Parser(file, defines, local, LexFile(file, defines, local), 0);
            var p = parser;
            var thread = new Thread(() => result = run(p), 256 * 1024 * 1024);
            thread.Start();
            thread.Join();
            ReturnTokenBuffer(parser._tokens);
        }
        // the lexer's errors come first in the bag; print them all in source order
        if (local.Items.Count > 0) diagnostics.AddRange(local.Items.OrderBy(d => d.Span.Start));
        return result;
    }

    // The token list of a whole file is the parser's largest allocation (32 bytes a token, on the large object
    // heap past 2,600 tokens); one buffer is reused from file to file (a parse running meanwhile, on another
    // thread or nested, allocates its own).
    private static TokenBuffer? _tokenBuffer;

    private const int MaxPooledTokens = 1 << 20;

    private static TokenBuffer LexFile(SourceFile file, Defines defines, DiagnosticBag diagnostics)
    {
        var buffer = Interlocked.Exchange(ref _tokenBuffer, null) ?? new TokenBuffer(4096);
        return Preprocessor.Run(new Lexer(file, diagnostics), defines, diagnostics, buffer);
    }

    private static void ReturnTokenBuffer(TokenBuffer tokens)
    {
        if (tokens.Capacity > MaxPooledTokens) return;
        tokens.Clear();
        Volatile.Write(ref _tokenBuffer, tokens);
    }

    // ---- tokens ----

    private ref readonly Token Cur => ref _tokens[_index];

    private TokenKind Kind => _tokens[_index].Kind;

    private ref readonly Token PeekAt(int n) => ref _tokens[Math.Min(_index + n, _last)];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Token Advance()
    {
        ref readonly var t = ref _tokens[_index];
        if (t.Kind != TokenKind.EndOfFile) _index++;
        _prevStart = t.Start;
        _prevEnd = t.End;
        _prevKind = t.Kind;
        return t;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Accept(TokenKind kind)
    {
        if (Kind != kind) return false;
        Advance();
        return true;
    }

    /// Consumes `kind` or reports `Expected what` at the current token.
    private bool Expect(TokenKind kind, string what)
    {
        if (Accept(kind)) return true;
        ErrorExpected(what);
        return false;
    }

    private TextSpan SpanOf(in Token t) => new(_fileId, t.Start, t.End);

    private TextSpan SpanFrom(int start) => new(_fileId, start, Math.Max(start, _prevEnd));

    private TextSpan SpanBetween(int start, int end) => new(_fileId, start, Math.Max(start, end));

    // ---- errors ----

    private void Error(string code, TextSpan span, string message)
    {
        _needSync = true;
        if (_tooDeep || span.Start == _lastErrorStart) return;
        if (_cutShort && span.Start >= _tokens[_last].Start) return;
        if (JunkBeforeCur()) return;
        _lastErrorStart = span.Start;
        _diags.Error(code, span, message);
    }

    // Whether the lexer reported junk from the previous token through the current one.
    private bool JunkBeforeCur()
    {
        if (_junk.Length == 0) return false;
        var i = Array.BinarySearch(_junk, _prevStart);
        if (i < 0) i = ~i;
        return i < _junk.Length && _junk[i] <= Cur.Start;
    }

    private void ErrorUnexpected() => Error(SyntaxCodes.Unexpected, SpanOf(Cur), "Unexpected " + TokenFacts.Display(Cur));

    private void ErrorExpected(string what) => Error(SyntaxCodes.Expected, SpanOf(Cur), "Expected " + what);

    /// A mistake the parse goes on from as if it were not there (a lower-case type name, a duplicate
    /// modifier ...): reported, but nothing needs skipping.
    private void Report(string code, TextSpan span, string message)
    {
        var needSync = _needSync;
        Error(code, span, message);
        _needSync = needSync;
    }

    private void ErrorAt(in Token t, string message) => Report(SyntaxCodes.Syntax, SpanOf(t), message);

    /// `;` after a statement or field; optional after a `}` as in Haxe.
    private void Semicolon()
    {
        if (Accept(TokenKind.Semicolon)) return;
        if (_prevKind == TokenKind.RBrace) return;
        // nothing to skip: the next statement or field starts right here
        var needSync = _needSync;
        Error(SyntaxCodes.MissingSemicolon, SpanOf(Cur), "Missing ;");
        _needSync = needSync;
    }

    /// Skips to the end of the current statement: past a `;` outside braces (an unclosed parenthesis does not
    /// hide it), up to a `}` closing the current level, or past a `}` ending a block when the next token starts
    /// a new line; or to the next line when nothing is open.
    private void SyncStatement()
    {
        _needSync = false;
        int braces = 0, parens = 0;
        while (true)
        {
            if (braces == 0 && parens == 0 && CanStartStatement(Kind) && NewlineBeforeCur()) return;
            switch (Kind)
            {
                case TokenKind.EndOfFile: return;
                case TokenKind.Semicolon when braces == 0: Advance(); return;
                case TokenKind.RBrace when braces == 0: return;
                case TokenKind.LBrace: braces++; break;
                case TokenKind.RBrace: braces--; break;
                case TokenKind.LParen or TokenKind.LBracket: parens++; break;
                case TokenKind.RParen or TokenKind.RBracket: if (parens > 0) parens--; break;
            }
            Advance();
        }
    }

    /// Whether a line break separates the previous token from the current one.
    private bool NewlineBeforeCur() => _file.Bytes.AsSpan(_prevEnd, Math.Max(0, Cur.Start - _prevEnd)).Contains((byte)'\n');

    // ---- nesting guard ----

    /// Enters one nesting level; false (after one report) when too deep: the parse unwinds quietly (every
    /// level returns error nodes) to the enclosing statement, field or declaration, which skips the rest of
    /// itself (RecoverFromTooDeep) and goes on.
    private bool Enter()
    {
        if (_tooDeep) return false;
        // the stack is checked every 8 levels: a level takes far less than the runtime's safety margin / 8
        if (_depth >= MaxDepth || ((_depth & 7) == 0 && !RuntimeHelpers.TryEnsureSufficientExecutionStack()))
        {
            Error(SyntaxCodes.TooDeep, SpanOf(Cur), "Expression nested too deeply");
            _tooDeep = true;
            if (_depth < MaxDepth)
            {
                // out of stack before the limit: this parse is dropped and redone on a large stack
                _stackExhausted = true;
                _index = _last;
            }
            return false;
        }
        _depth++;
        return true;
    }

    private void Leave() => _depth--;

    /// After a too-deep construct unwound to the statement, field or declaration that started at token
    /// `start`: skips that whole construct, brackets balanced, and parsing goes on after it.
    private void RecoverFromTooDeep(int start)
    {
        if (!_tooDeep || _stackExhausted) return;
        _tooDeep = false;
        _needSync = false;
        _index = start;
        if (start > 0)
        {
            _prevStart = _tokens[start - 1].Start;
            _prevEnd = _tokens[start - 1].End;
            _prevKind = _tokens[start - 1].Kind;
        }
        var depth = 0;
        while (Kind != TokenKind.EndOfFile)
        {
            switch (Kind)
            {
                case TokenKind.LParen or TokenKind.LBracket or TokenKind.LBrace: depth++; break;
                case TokenKind.RParen or TokenKind.RBracket: depth = Math.Max(0, depth - 1); break;
                case TokenKind.RBrace when depth == 0: return;
                case TokenKind.RBrace when depth == 1:
                    Advance();
                    Accept(TokenKind.Semicolon);
                    return;
                case TokenKind.RBrace: depth--; break;
                case TokenKind.Semicolon when depth == 0:
                    Advance();
                    return;
            }
            Advance();
        }
    }

    // ---- helpers ----

    private static bool IsLowerIdent(string name)
    {
        foreach (var c in name)
        {
            if (c >= 'a' && c <= 'z') return true;
            if (c != '_') return false;
        }
        return true;
    }

    /// An identifier or a `$name` reification identifier (Haxe's dollar_ident).
    private bool IsDollarIdent => Kind is TokenKind.Identifier or TokenKind.Dollar;

    private string DollarIdentName(in Token t) => t.Kind == TokenKind.Dollar ? "$" + t.Text : t.Text!;
}
