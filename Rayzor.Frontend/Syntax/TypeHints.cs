using Rayzor.Frontend.Text;

namespace Rayzor.Frontend.Syntax;

/// A type as written in source (Haxe's ComplexType).
public abstract record TypeHint(TextSpan Span);

/// `pack.Module.Name<Params>` or `pack.Module.Sub`; Pack holds the lower-case package parts.
public sealed record PathTypeHint(TextSpan Span, IReadOnlyList<string> Pack, string Name, string? Sub, IReadOnlyList<TypeHint> Params) : TypeHint(Span)
{
    /// `pack.Name.Sub` joined with dots, for messages.
    public string FullName => string.Join('.', Pack.Append(Name).Concat(Sub is null ? [] : [Sub]));
}

/// `A -> B -> C` (old style) or `(a:A, ?b:B) -> C` (new style); Args are the argument types.
public sealed record FunctionTypeHint(TextSpan Span, IReadOnlyList<FunctionTypeArg> Args, TypeHint Return) : TypeHint(Span);

/// One argument of a function type; Name is set in the new syntax.
public sealed record FunctionTypeArg(string? Name, bool Optional, TypeHint Type);

/// `{ a:Int, ?b:String }` or `{ var a:Int; function f():Void; }`.
public sealed record AnonTypeHint(TextSpan Span, IReadOnlyList<FieldDecl> Fields) : TypeHint(Span);

/// `{ > A, > B, c:Int }` — structure extension.
public sealed record ExtendTypeHint(TextSpan Span, IReadOnlyList<TypeHint> Bases, IReadOnlyList<FieldDecl> Fields) : TypeHint(Span);

/// `A & B` — intersection of structures.
public sealed record IntersectionTypeHint(TextSpan Span, IReadOnlyList<TypeHint> Types) : TypeHint(Span);

/// `(T)`.
public sealed record ParenTypeHint(TextSpan Span, TypeHint Inner) : TypeHint(Span);

/// `?T` in an optional function-type argument position.
public sealed record OptionalTypeHint(TextSpan Span, TypeHint Inner) : TypeHint(Span);

/// `name:T` inside a new-style function type.
public sealed record NamedTypeHint(TextSpan Span, string Name, TypeHint Inner) : TypeHint(Span);

/// A type parameter position filled with an expression (`Vector<3>`-style const params, rare).
public sealed record ExprTypeHint(TextSpan Span, Expr Expr) : TypeHint(Span);

/// A type that failed to parse (the error is already reported), so parsing and typing go on.
public sealed record ErrorTypeHint(TextSpan Span) : TypeHint(Span);
