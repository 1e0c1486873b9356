using Rayzor.Frontend.Text;

namespace Rayzor.Frontend.Typed;

/// `map[key]` on a Map (read: `get`, giving `Null<V>` for a basic V; assignment target: `set`).
public sealed record TMapIndex(TextSpan Span, HType Type, TExpr Map, TExpr Key, HType ValueType) : TExpr(Span, Type);

/// `a[key]` on a user abstract as an assignment target: becomes a call of its `@:arrayAccess`
/// setter in the typer (never reaches lowering).
public sealed record TAbstractIndex(TextSpan Span, HType Type, TExpr Target, TExpr Key) : TExpr(Span, Type);
