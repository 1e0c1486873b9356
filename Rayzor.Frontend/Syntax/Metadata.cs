using Rayzor.Frontend.Text;

namespace Rayzor.Frontend.Syntax;

/// `@name(args)` or `@:name(args)`; Name keeps the colon (`:native`).
public sealed record MetaEntry(TextSpan Span, string Name, IReadOnlyList<Expr> Args);

/// Declaration modifiers.
[Flags]
public enum Modifiers
{
    None = 0,
    Public = 1 << 0,
    Private = 1 << 1,
    Static = 1 << 2,
    Inline = 1 << 3,
    Override = 1 << 4,
    Final = 1 << 5,
    Extern = 1 << 6,
    Dynamic = 1 << 7,
    Macro = 1 << 8,
    Overload = 1 << 9,
    Abstract = 1 << 10,
}
