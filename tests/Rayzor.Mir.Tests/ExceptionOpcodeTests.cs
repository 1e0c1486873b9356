using Rayzor.Mir.Ir;
using Rayzor.Mir.Text;

namespace Rayzor.Mir.Tests;

public class ExceptionOpcodeTests
{
    [Fact]
    public void TryEnterIsATerminatorWithBodyAndHandler()
    {
        // try { ret 1 } catch (_) { throw value }
        var f = new MirFunction("t", [MirType.Ptr], MirType.I32);
        var b = new MirBuilder(f);
        var entry = f.NewBlock();
        var v = f.AddParam(entry, MirType.Ptr);
        var body = f.NewBlock();
        var handler = f.NewBlock();
        b.Current = entry;
        b.TryEnter(body, handler);
        b.Current = body;
        b.Ret(b.IConst(1));
        b.Current = handler;
        b.Throw(v);
        Assert.Empty(Verifier.Verify(f));
        Assert.Equal([body.Id, handler.Id], entry.Terminator!.Targets.Select(t => t.Block));
        var text = MirPrinter.Print(f);
        Assert.Contains("tryenter bb1, bb2", text);
        Assert.Contains("throw %0", text);
    }
}
