namespace Rayzor.Fuzz.Diff;

/// A seeded run of generated programs: program `i` of seed `s` depends on nothing else, so a mismatch is
/// reproduced by `toolchain/fuzz --diff --seed s --from i --count 1`.
public static partial class DiffCampaign
{
    /// The source of the `index`-th program of a seed.
    public static string Program(int seed, long index) => ProgramGenerator.Generate(Campaign.Mix(seed, index));

    /// `haxe` when it is on the PATH (the oracle), else null.
    public static string? FindHaxe()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            if (File.Exists(Path.Combine(dir, "haxe"))) return Path.Combine(dir, "haxe");
        return null;
    }
}
