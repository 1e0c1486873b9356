using Rayzor.Frontend.Text;

namespace Rayzor.Frontend.Syntax;

/// An expression (statements are expressions in Haxe).
public abstract record Expr(TextSpan Span);

/// A syntax error placeholder, so parsing and typing go on after an error.
public sealed record ErrorExpr(TextSpan Span) : Expr(Span);

/// Integer literal; Text keeps the source form (`0xFF`, `1_000`, `10i64`).
public sealed record IntLiteral(TextSpan Span, long Value, string Text) : Expr(Span);

/// Float literal (`1.5`, `1e3`, `.5`, `1.`, `2f64`).
public sealed record FloatLiteral(TextSpan Span, double Value, string Text) : Expr(Span);

/// String literal without interpolation (double quotes, or single quotes with no `$`).
public sealed record StringLiteral(TextSpan Span, string Value, bool SingleQuoted) : Expr(Span);

/// Single-quoted string with `$x` / `${e}` parts: each part is a StringLiteral or an expression.
public sealed record InterpolatedString(TextSpan Span, IReadOnlyList<Expr> Parts) : Expr(Span);

/// `~/pattern/flags`.
public sealed record RegexLiteral(TextSpan Span, string Pattern, string Flags) : Expr(Span);

/// `true`, `false`, `null`, `this`, `super`, or an identifier.
public sealed record IdentExpr(TextSpan Span, string Name) : Expr(Span);

/// `e.name`, or `e?.name` when Safe.
public sealed record FieldExpr(TextSpan Span, Expr Target, string Name, TextSpan NameSpan, bool Safe = false) : Expr(Span);

/// `e(args)`.
public sealed record CallExpr(TextSpan Span, Expr Callee, IReadOnlyList<Expr> Args) : Expr(Span);

/// `new T<P>(args)`.
public sealed record NewExpr(TextSpan Span, PathTypeHint Type, IReadOnlyList<Expr> Args) : Expr(Span);

/// `a op b`; compound assignment is Op = AssignOp with the arithmetic in AssignOpExpr.
public sealed record BinaryExpr(TextSpan Span, BinaryOp Op, Expr Left, Expr Right) : Expr(Span);

/// `a op= b` (`+=`, `-=`, ..., `??=`).
public sealed record AssignOpExpr(TextSpan Span, BinaryOp Op, Expr Left, Expr Right) : Expr(Span);

/// `op e` or `e op` (Postfix).
public sealed record UnaryExpr(TextSpan Span, UnaryOp Op, bool Postfix, Expr Operand) : Expr(Span);

/// `c ? a : b`.
public sealed record TernaryExpr(TextSpan Span, Expr Cond, Expr Then, Expr Else) : Expr(Span);

/// `if (c) a else b`.
public sealed record IfExpr(TextSpan Span, Expr Cond, Expr Then, Expr? Else) : Expr(Span);

/// `while (c) body` or `do body while (c)` (DoWhile).
public sealed record WhileExpr(TextSpan Span, Expr Cond, Expr Body, bool DoWhile) : Expr(Span);

/// `for (v in iter) body`, or `for (k => v in iter) body` when KeyVar is set.
public sealed record ForExpr(TextSpan Span, string Var, TextSpan VarSpan, string? KeyVar, Expr Iterable, Expr Body) : Expr(Span);

/// `{ e1; e2; }`.
public sealed record BlockExpr(TextSpan Span, IReadOnlyList<Expr> Exprs) : Expr(Span);

/// `var a:T = e, b;` or `final a = e;`.
public sealed record VarExpr(TextSpan Span, IReadOnlyList<VarDeclarator> Vars, bool IsFinal) : Expr(Span);

/// One variable of a `var` expression.
public sealed record VarDeclarator(TextSpan Span, string Name, TypeHint? Type, Expr? Init, IReadOnlyList<MetaEntry> Meta);

/// A local or anonymous function: `function name(a) body` (Name null when anonymous).
public sealed record FunctionExpr(TextSpan Span, string? Name, FunctionSyntax Function, bool IsInline = false) : Expr(Span);

/// `(a, b) -> e`, `x -> e`, `() -> e`.
public sealed record ArrowFunctionExpr(TextSpan Span, IReadOnlyList<ParamDecl> Args, Expr Body) : Expr(Span);

/// `return` or `return e`.
public sealed record ReturnExpr(TextSpan Span, Expr? Value) : Expr(Span);

/// `break`.
public sealed record BreakExpr(TextSpan Span) : Expr(Span);

/// `continue`.
public sealed record ContinueExpr(TextSpan Span) : Expr(Span);

/// `throw e`.
public sealed record ThrowExpr(TextSpan Span, Expr Value) : Expr(Span);

/// `try body catch (e:T) handler ...`.
public sealed record TryExpr(TextSpan Span, Expr Body, IReadOnlyList<CatchClause> Catches) : Expr(Span);

/// `catch (name:Type) body`; Type is null for `catch (e)`.
public sealed record CatchClause(TextSpan Span, string Name, TypeHint? Type, Expr Body);

/// `switch (e) { case p1, p2 if guard: body; default: body }`.
public sealed record SwitchExpr(TextSpan Span, Expr Subject, IReadOnlyList<SwitchCase> Cases, Expr? Default, bool HasDefault) : Expr(Span);

/// One `case`: the patterns (or-ed) are expressions interpreted by the typer; Body is null when empty.
public sealed record SwitchCase(TextSpan Span, IReadOnlyList<Expr> Patterns, Expr? Guard, Expr? Body);

/// `[a, b, c]`, also `[k => v]` map literals (items are BinaryExpr Arrow) and comprehensions (one `for`/`while` item).
public sealed record ArrayLiteral(TextSpan Span, IReadOnlyList<Expr> Items) : Expr(Span);

/// `{ a: 1, "b": 2 }`.
public sealed record ObjectLiteral(TextSpan Span, IReadOnlyList<ObjectField> Fields) : Expr(Span);

/// One field of an object literal; Quoted for `"name": v`.
public sealed record ObjectField(TextSpan Span, string Name, Expr Value, bool Quoted);

/// `a[i]`.
public sealed record IndexExpr(TextSpan Span, Expr Target, Expr Index) : Expr(Span);

/// `cast e` (Type null) or `cast(e, T)`.
public sealed record CastExpr(TextSpan Span, Expr Value, TypeHint? Type) : Expr(Span);

/// `e is T`.
public sealed record IsExpr(TextSpan Span, Expr Value, TypeHint Type) : Expr(Span);

/// `(e : T)` type check.
public sealed record CheckTypeExpr(TextSpan Span, Expr Value, TypeHint Type) : Expr(Span);

/// `untyped e`.
public sealed record UntypedExpr(TextSpan Span, Expr Value) : Expr(Span);

/// `(e)`.
public sealed record ParenExpr(TextSpan Span, Expr Inner) : Expr(Span);

/// `@:meta e`.
public sealed record MetaExpr(TextSpan Span, MetaEntry Meta, Expr Value) : Expr(Span);

/// `macro e` / `macro : T` / `macro class C {}` (Decl) reification; Rayzor parses it but does not run macros.
public sealed record MacroExpr(TextSpan Span, Expr? Value, TypeHint? Type, TypeDecl? Decl = null) : Expr(Span);

/// `$name`, `$e{...}`, `$v{...}` etc. inside macro reification.
public sealed record DollarIdentExpr(TextSpan Span, string Name, Expr? Value) : Expr(Span);
