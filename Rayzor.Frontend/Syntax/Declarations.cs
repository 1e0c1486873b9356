using Rayzor.Frontend.Text;

namespace Rayzor.Frontend.Syntax;

/// One parsed .hx file (a Haxe module).
public sealed record ModuleSyntax(TextSpan Span, IReadOnlyList<string> Package, IReadOnlyList<ImportDecl> Imports, IReadOnlyList<UsingDecl> Usings, IReadOnlyList<TypeDecl> Types, IReadOnlyList<FieldDecl> ModuleFields);

/// `import a.b.C;`, `import a.b.C.field;`, `import a.b.*;`, `import a.b.C as D;` (also `in D`).
public sealed record ImportDecl(TextSpan Span, IReadOnlyList<string> Path, bool Wildcard, string? Alias);

/// `using a.b.C;`.
public sealed record UsingDecl(TextSpan Span, IReadOnlyList<string> Path);

/// `<T:Constraint, U = Default>` on a type or function.
public sealed record TypeParamDecl(TextSpan Span, string Name, IReadOnlyList<TypeHint> Constraints, TypeHint? Default, IReadOnlyList<TypeParamDecl> Params, IReadOnlyList<MetaEntry> Meta);

/// A module-level type declaration.
public abstract record TypeDecl(TextSpan Span, string Name, TextSpan NameSpan, IReadOnlyList<TypeParamDecl> Params, Modifiers Modifiers, IReadOnlyList<MetaEntry> Meta, string? Doc);

/// `class` or `interface`: Extends holds the superclass (class) or the extended interfaces (interface).
public sealed record ClassDecl(TextSpan Span, string Name, TextSpan NameSpan, IReadOnlyList<TypeParamDecl> Params, Modifiers Modifiers, IReadOnlyList<MetaEntry> Meta, string? Doc,
    bool IsInterface, IReadOnlyList<TypeHint> Extends, IReadOnlyList<TypeHint> Implements, IReadOnlyList<FieldDecl> Fields)
    : TypeDecl(Span, Name, NameSpan, Params, Modifiers, Meta, Doc);

/// `enum E<T> { A; B(x:Int); }`.
public sealed record EnumDecl(TextSpan Span, string Name, TextSpan NameSpan, IReadOnlyList<TypeParamDecl> Params, Modifiers Modifiers, IReadOnlyList<MetaEntry> Meta, string? Doc,
    IReadOnlyList<EnumCtorDecl> Constructors)
    : TypeDecl(Span, Name, NameSpan, Params, Modifiers, Meta, Doc);

/// One enum constructor; Args is null for a constructor without parentheses.
public sealed record EnumCtorDecl(TextSpan Span, string Name, IReadOnlyList<TypeParamDecl> Params, IReadOnlyList<ParamDecl>? Args, TypeHint? Type, IReadOnlyList<MetaEntry> Meta, string? Doc);

/// `typedef T<A> = Hint;`.
public sealed record TypedefDecl(TextSpan Span, string Name, TextSpan NameSpan, IReadOnlyList<TypeParamDecl> Params, Modifiers Modifiers, IReadOnlyList<MetaEntry> Meta, string? Doc,
    TypeHint Type)
    : TypeDecl(Span, Name, NameSpan, Params, Modifiers, Meta, Doc);

/// `abstract A(Underlying) from X to Y { ... }`; `enum abstract` sets IsEnum. Underlying is null for core-type abstracts like `abstract Int`.
public sealed record AbstractDecl(TextSpan Span, string Name, TextSpan NameSpan, IReadOnlyList<TypeParamDecl> Params, Modifiers Modifiers, IReadOnlyList<MetaEntry> Meta, string? Doc,
    bool IsEnum, TypeHint? Underlying, IReadOnlyList<TypeHint> From, IReadOnlyList<TypeHint> To, IReadOnlyList<FieldDecl> Fields)
    : TypeDecl(Span, Name, NameSpan, Params, Modifiers, Meta, Doc);

/// A field of a class, interface, abstract, anonymous structure type or module.
public sealed record FieldDecl(TextSpan Span, string Name, TextSpan NameSpan, Modifiers Modifiers, IReadOnlyList<MetaEntry> Meta, string? Doc, FieldKind Kind);

/// What a field is.
public abstract record FieldKind;

/// `var x:T = e;` or `final x:T = e;`.
public sealed record VarField(TypeHint? Type, Expr? Init, bool IsFinal, bool Optional = false) : FieldKind;

/// `var x(get, set):T = e;` — Get and Set are the accessor identifiers (`get`, `set`, `default`, `null`, `never`, `dynamic`, or a method name).
public sealed record PropertyField(string Get, string Set, TypeHint? Type, Expr? Init) : FieldKind;

/// `function f<T>(a:Int, ?b:String = "x"):Ret { body }`.
public sealed record MethodField(FunctionSyntax Function) : FieldKind;

/// A function signature with an optional body (none for extern and interface methods).
public sealed record FunctionSyntax(TextSpan Span, IReadOnlyList<TypeParamDecl> Params, IReadOnlyList<ParamDecl> Args, TypeHint? Return, Expr? Body);

/// A function argument: `?name:Type = default`; IsRest for `...rest:T`.
public sealed record ParamDecl(TextSpan Span, string Name, bool Optional, TypeHint? Type, Expr? Default, IReadOnlyList<MetaEntry> Meta, bool IsRest = false);
