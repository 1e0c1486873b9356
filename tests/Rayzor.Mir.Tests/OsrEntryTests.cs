using Rayzor.EndToEnd.Tests;
using Rayzor.Mir.Ir;
using Rayzor.Mir.Text;

namespace Rayzor.Mir.Tests;

/// The on-stack-replacement entries of loop nests (`osr/CASE.mir`): every function's entries at each
/// loop header (the rest of the function; the loop nest only), with their inputs and exits, printed and compared with `osr/verified/CASE.mir`
/// (RAYZOR_TEST_BLESS=1 rewrites it).
public class OsrEntryTests
{
    private static string Folder => Path.Combine(TextRoundTripTests.Root, "tests", "Rayzor.Mir.Tests", "osr");

    [Theory]
    [InlineData("nested.mir")]
    public void EntriesMatchVerified(string name)
    {
        var text = string.Join('\n', File.ReadAllLines(Path.Combine(Folder, name)).Select(l => l.TrimStart().StartsWith(';') ? "" : l)) + "\n";
        var m = MirParser.ParseModule(text);
        Assert.Empty(Verifier.Verify(m));
        var printed = new List<string>();
        foreach (var f in m.Functions)
        {
            var outer = OsrEntries.OuterHeaders(f);
            printed.Add($"; {f.Name}: outermost loop headers by block {string.Join(" ", outer)}; after each loop, next: {string.Join("; ", OsrEntries.Headers(f).Select(h => $"bb{h} -> {string.Join(", ", OsrEntries.NextLoops(f, h).Select(n => "bb" + n))}"))}");
            foreach (var h in OsrEntries.Headers(f))
            {
                var e = OsrEntries.At(f, h);
                Assert.NotNull(e);
                printed.Add($"; {f.Name} at bb{h}: inputs {Values(e.Inputs)}\n{MirPrinter.Print(e.Function)}");
                var loop = OsrEntries.Loop(f, h);
                Assert.NotNull(loop);
                var exits = string.Join("; ", loop.Exits!.Select((x, k) => $"{k}: bb{x.Block} ({Values(x.Values)})"));
                printed.Add($"; {f.Name}, its loop at bb{h}: inputs {Values(loop.Inputs)}; exits {exits}\n{MirPrinter.Print(loop.Function)}");
            }
        }
        Snapshot.Match(Path.Combine(Folder, "verified", name), string.Join("\n", printed));
    }

    private static string Values(IEnumerable<ValueId> vs) => string.Join(", ", vs.Select(v => "%" + v.Index));

    /// An inner loop's entry starts in a copy of the loops around it (not at the original header,
    /// which would give the enclosing loops two entries).
    [Fact]
    public void InnerLoopEntriesStartInACopy()
    {
        var text = string.Join('\n', File.ReadAllLines(Path.Combine(Folder, "nested.mir")).Select(l => l.TrimStart().StartsWith(';') ? "" : l)) + "\n";
        var m = MirParser.ParseModule(text);
        var two = m.Functions.Single(f => f.Name == "two");
        var entry = OsrEntries.At(two, 3)!.Function;
        var start = entry.Entry.Terminator!.Targets[0].Block.Index;
        // the copy's blocks come after the original's
        Assert.True(start > two.Blocks.Count - 1, $"the entry jumps to bb{start}");
    }
}
