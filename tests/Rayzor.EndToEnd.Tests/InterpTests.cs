namespace Rayzor.EndToEnd.Tests;

/// `rayzor run --interp`: the MIR interpreter must print what native executables print — every
/// conformance program listed in tests/conformance/interp-passing.txt (its expected.txt) and every
/// e2e program listed in tests/e2e/interp-passing.txt (its verified stdout and exit code).
public class InterpTests
{
    public static TheoryData<string> ConformancePrograms() => RunChecks.Listed("conformance/interp-passing.txt");

    [Theory]
    [MemberData(nameof(ConformancePrograms))]
    public Task ConformanceProgram(string name) => RunChecks.Conformance(name, ["--interp"]);

    /// The e2e programs listed in tests/e2e/interp-passing.txt.
    public static TheoryData<string> E2EPrograms() => RunChecks.Listed("e2e/interp-passing.txt");

    [Theory]
    [MemberData(nameof(E2EPrograms))]
    public Task E2EProgram(string name) => RunChecks.E2E(name, ["--interp"]);

    /// <summary>
    /// tests/e2e/programs/InterpDeadPointers.hx in a 40 MB heap: `main` makes three trees of 17 MB
    /// one after another, dropping each. Its frame's slot kept each tree until `main` returned (the
    /// run needed more than 48 MB); cleared where the tree dies, it runs in 32 MB as its executable
    /// runs in 24 MB (Decoder.Clears.cs).
    /// </summary>
    [Fact]
    public Task DeadPointersOfLongLivedFramesAreCleared() =>
        RunChecks.E2E("InterpDeadPointers", ["--interp"], ("GC_MAXIMUM_HEAP_SIZE", "40M"));
}
