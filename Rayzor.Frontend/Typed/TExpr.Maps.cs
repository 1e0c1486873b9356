using Rayzor.Frontend.Text;

namespace Rayzor.Frontend.Typed;

/// `map[key]` on a Map (read: `get`, giving `Null<V>` for a basic V; assignment target: `set`).
public sealed record TMapIndex(TextSpan Span, HType Type, TExpr Map, TExpr Key, HType ValueType) : TExpr(Span, Type);
