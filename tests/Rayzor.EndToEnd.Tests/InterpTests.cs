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
}
