namespace Rayzor.Frontend.Text;

/// A byte range [Start, End) in one source file; lines and columns are computed only to print.
public readonly record struct TextSpan(int FileId, int Start, int End)
{
    /// The span of nothing, for synthesized nodes.
    public static readonly TextSpan None = new(-1, 0, 0);

    public int Length => End - Start;

    /// The smallest span covering both.
    public TextSpan To(TextSpan other) =>
        FileId != other.FileId ? this : new(FileId, Math.Min(Start, other.Start), Math.Max(End, other.End));
}
