using System.Text;

namespace Rayzor.Frontend.Text;

/// A source file held as UTF-8 bytes (Haxe positions are byte offsets) with a lazily built line map.
public sealed class SourceFile
{
    private int[]? _lineStarts;

    public SourceFile(int id, string path, byte[] utf8)
    {
        Id = id;
        Path = path;
        Bytes = utf8;
    }

    public int Id { get; }

    /// The path as given on the command line or resolved from a class path; printed in diagnostics.
    public string Path { get; }

    public byte[] Bytes { get; }

    public string Text => Encoding.UTF8.GetString(Bytes);

    /// 1-based line of a byte offset.
    public int LineOf(int offset)
    {
        var starts = LineStarts();
        var i = Array.BinarySearch(starts, offset);
        return (i >= 0 ? i : ~i - 1) + 1;
    }

    /// Byte offset where a 1-based line starts.
    public int LineStart(int line) => LineStarts()[line - 1];

    private int[] LineStarts()
    {
        if (_lineStarts != null) return _lineStarts;
        var list = new List<int> { 0 };
        for (var i = 0; i < Bytes.Length; i++)
            if (Bytes[i] == (byte)'\n') list.Add(i + 1);
        return _lineStarts = list.ToArray();
    }
}

/// Owns every source file of a compilation and hands out their ids.
public sealed class SourceManager
{
    private readonly List<SourceFile> _files = new();

    public IReadOnlyList<SourceFile> Files => _files;

    public SourceFile this[int id] => _files[id];

    public SourceFile Add(string path, byte[] utf8)
    {
        var f = new SourceFile(_files.Count, path, utf8);
        _files.Add(f);
        return f;
    }

    public SourceFile AddText(string path, string text) => Add(path, Encoding.UTF8.GetBytes(text));
}
