using Rayzor.Mir.Ir;
using Rayzor.Mir.Lowering;
using Rayzor.Mir.Text;

namespace Rayzor.Mir.Tests;

public class SsaAndVerifierTests
{
    /// `var s = 0; var i = 0; while (i < n) { s += i; i++; } return s;` built by hand through the SSA builder.
    private static MirFunction SumLoop()
    {
        var f = new MirFunction("sum", [MirType.I32], MirType.I32);
        var b = new MirBuilder(f);
        var ssa = new SsaBuilder(f, _ => throw new InvalidOperationException("undefined read"));
        var entry = f.NewBlock();
        var n = f.AddParam(entry, MirType.I32);
        ssa.Seal(entry);
        b.Current = entry;
        const int S = 0, I = 1;
        ssa.Write(S, entry, b.IConst(0));
        ssa.Write(I, entry, b.IConst(0));
        var header = f.NewBlock();
        var body = f.NewBlock();
        var exit = f.NewBlock();
        b.Br(header); ssa.AddEdge(entry, header);
        b.Current = header;
        var i = ssa.Read(I, MirType.I32, header);
        b.BrIf(b.Cmp(Opcode.ICmp, Cond.Lt, i, n), body, exit);
        ssa.AddEdge(header, body); ssa.AddEdge(header, exit);
        ssa.Seal(body); ssa.Seal(exit);
        b.Current = body;
        var s = ssa.Read(S, MirType.I32, body);
        ssa.Write(S, body, b.Op(Opcode.IAdd, MirType.I32, s, ssa.Read(I, MirType.I32, body)));
        ssa.Write(I, body, b.Op(Opcode.IAdd, MirType.I32, ssa.Read(I, MirType.I32, body), b.IConst(1)));
        b.Br(header); ssa.AddEdge(body, header);
        ssa.Seal(header);
        b.Current = exit;
        b.Ret(ssa.Read(S, MirType.I32, exit));
        ssa.Finish();
        return f;
    }

    [Fact]
    public void LoopGetsOneParameterPerLoopCarriedVariable()
    {
        var f = SumLoop();
        Assert.Empty(Verifier.Verify(f));
        Assert.Equal(2, f.Blocks[1].Params.Count); // s and i at the loop header
        Assert.Empty(f.Blocks[2].Params);
        Assert.Empty(f.Blocks[3].Params);
    }

    [Fact]
    public void PrintsTheTextForm()
    {
        var text = MirPrinter.Print(SumLoop());
        Assert.Equal("""
            func @sum(i32) -> i32 {
            bb0(%0: i32):
              %1 = iconst.i32 0
              %2 = iconst.i32 0
              br bb1(%2, %1)
            bb1(%3: i32, %5: i32):
              %4 = icmp.bool lt, %3, %0
              brif %4, bb2, bb3
            bb2:
              %6 = iadd.i32 %5, %3
              %7 = iconst.i32 1
              %8 = iadd.i32 %3, %7
              br bb1(%8, %6)
            bb3:
              ret %5
            }

            """.Replace("\r", ""), text);
    }

    [Fact]
    public void TrivialParametersAreRemoved()
    {
        // x is assigned before a diamond and only read after it: no parameter survives at the join
        var f = new MirFunction("diamond", [MirType.Bool], MirType.I32);
        var b = new MirBuilder(f);
        var ssa = new SsaBuilder(f, _ => throw new InvalidOperationException());
        var entry = f.NewBlock();
        var c = f.AddParam(entry, MirType.Bool);
        ssa.Seal(entry);
        b.Current = entry;
        ssa.Write(0, entry, b.IConst(7));
        var t = f.NewBlock(); var e = f.NewBlock(); var j = f.NewBlock();
        b.BrIf(c, t, e); ssa.AddEdge(entry, t); ssa.AddEdge(entry, e);
        ssa.Seal(t); ssa.Seal(e);
        b.Current = t; b.Br(j); ssa.AddEdge(t, j);
        b.Current = e; b.Br(j); ssa.AddEdge(e, j);
        b.Current = j;
        var x = ssa.Read(0, MirType.I32, j);
        ssa.Seal(j);
        b.Ret(x);
        ssa.Finish();
        Assert.Empty(f.Blocks[3].Params);
        Assert.Empty(Verifier.Verify(f));
        Assert.Equal(Opcode.IConst, f.Blocks[0].Insts[0].Op);
        Assert.Equal(f.Blocks[0].Insts[0].Result, f.Blocks[3].Insts[0].Args[0]);
    }

    [Fact]
    public void VerifierRejectsMismatchedJumpsAndMissingTerminators()
    {
        var f = new MirFunction("bad", [], MirType.Void);
        var b = new MirBuilder(f);
        var entry = f.NewBlock();
        var next = f.NewBlock();
        f.AddParam(next, MirType.I32);
        b.Current = entry;
        b.Br(next); // passes no value for next's parameter
        var errors = Verifier.Verify(f);
        Assert.Contains(errors, e => e.Contains("passes 0 values for 1 parameters"));
        Assert.Contains(errors, e => e.Contains("bb1: does not end in a terminator"));
    }

    [Fact]
    public void VerifierRejectsUseBeforeDefinition()
    {
        var f = new MirFunction("dom", [MirType.Bool], MirType.I32);
        var b = new MirBuilder(f);
        var entry = f.NewBlock();
        var c = f.AddParam(entry, MirType.Bool);
        var t = f.NewBlock(); var e = f.NewBlock();
        b.Current = entry; b.BrIf(c, t, e);
        b.Current = t; var v = b.IConst(1); b.Ret(v);
        b.Current = e; b.Ret(v); // v is defined only on the other branch
        Assert.Contains(Verifier.Verify(f), m => m.Contains("does not dominate"));
    }

    [Fact]
    public void VerifierRejectsUncheckedAccessWithoutALengthRead()
    {
        static List<string> Check(string body) => Verifier.Verify(MirParser.ParseModule($$"""
            func @f(ptr, i32) -> i32 {
            bb0(%0: ptr, %1: i32):
            {{body}}
            }

            """));
        Assert.Empty(Check("  %2 = alen.i32 %0\n  %3 = agetu.i32 %0, %1\n  ret %3"));
        Assert.Contains(Check("  %2 = agetu.i32 %0, %1\n  ret %2"), m => m.Contains("without a dominating alen"));
        Assert.Contains(Check("  %2 = agetu.i32 %0, %1\n  %3 = alen.i32 %0\n  ret %2"), m => m.Contains("without a dominating alen"));
        Assert.Contains(Check("  %2 = alen.i32 %0\n  asetu %0, %1, %1\n  asetu %1, %1, %1\n  ret %2"), m => m.Contains("takes an Array"));
    }

    [Fact]
    public void VerifierRejectsStackObjectsLeavingTheFrame()
    {
        static List<string> Check(string body) => Verifier.Verify(MirParser.ParseModule($$"""
            class @P size 24 {
              field $0 16 ptr
            }
            string $0 = "o"
            native @g(ptr) -> void
            global @G : ptr

            func @f(ptr, bool) -> ptr {
            bb0(%0: ptr, %1: bool):
              %2 = salloc.ptr @P
              %3 = new.ptr @P
              brif %1, bb1(%2), bb1(%3)
            bb1(%4: ptr):
            {{body}}
            }

            """));
        Assert.Empty(Check("  %5 = getfield.ptr 16, %4\n  setfield 16, %4, %0\n  %6 = pcmp.bool eq, %4, %0\n  ret %5"));
        foreach (var leak in new[] { "  ret %4", "  setfield 16, %0, %4\n  ret %0", "  callnative.void @g, %4\n  ret %0", "  gstore @G, %4\n  ret %0",
                     "  throw %4", "  %5 = closure.ptr @f, %4\n  ret %5", "  setfield 16, %4, %4\n  ret %0" })
            Assert.Contains(Check(leak), m => m.Contains("lets a stack object (salloc) out of its frame"));
        Assert.Contains(Verifier.Verify(MirParser.ParseModule("func @h() -> void {\nbb0:\n  %0 = salloc.ptr @Q\n  ret\n}\n")), m => m.Contains("not a class"));
    }

    [Fact]
    public void OpcodeTableHasADocLinePerOpcode()
    {
        foreach (var op in Enum.GetValues<Opcode>())
        {
            var info = op.Info();
            Assert.Equal(op, info.Op);
            Assert.False(string.IsNullOrWhiteSpace(info.Doc));
            Assert.Same(info, OpcodeTable.Find(info.Name));
        }
    }
}
