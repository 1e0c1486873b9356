using Rayzor.Fuzz.Diff;

namespace Rayzor.Fuzz;

/// A seeded run for the typer: input `i` is either a fresh generated program (well typed, so it is lowered
/// too) or a mutation of a program of the corpus — the e2e programs, the shared conformance programs and a
/// few generated ones — so it reaches the typer's error paths. Reproduced by
/// `toolchain/fuzz --typer --seed s --from i --count 1`.
public sealed class TyperCampaign
{
    private readonly int _seed;
    private readonly Mutator _mutator;

    public TyperCampaign(IReadOnlyList<FuzzInput> corpus, int seed)
    {
        _seed = seed;
        var all = new List<FuzzInput>(corpus);
        for (var k = 0; k < 20; k++) all.Add(new FuzzInput($"generated-{k}/Main.hx", System.Text.Encoding.UTF8.GetBytes(DiffCampaign.Program(seed, -1 - k))));
        _mutator = new Mutator(all);
    }

    /// The `index`-th input of this seed.
    public TyperInput Input(long index)
    {
        var rng = new Random(Campaign.Mix(_seed, index));
        if (rng.Next(4) == 0)
        {
            var source = ProgramGenerator.Generate(rng.Next());
            return new TyperInput(new FuzzInput($"seed {_seed} #{index}: generated", System.Text.Encoding.UTF8.GetBytes(source)), "Main");
        }
        var input = _mutator.Next(rng);
        // the mutated file keeps its name, and so its main class: `.../NAME.hx | what was done`
        var file = input.Name.Split(" | ")[0];
        return new TyperInput(input with { Name = $"seed {_seed} #{index}: {input.Name}" }, Path.GetFileNameWithoutExtension(file));
    }

    /// The default corpus: the repository's e2e programs and the shared conformance programs that exist.
    public static List<FuzzInput> DefaultCorpus()
    {
        var root = TyperCheck.RepoRoot();
        var list = Campaign.LoadCorpus([Path.Combine(root, "tests", "e2e", "programs")]);
        var conformance = Path.GetFullPath(Path.Combine(root, "..", "shared", "conformance"));
        if (Directory.Exists(conformance))
            foreach (var d in Directory.EnumerateDirectories(conformance).Order(StringComparer.Ordinal))
                if (File.Exists(Path.Combine(d, "Main.hx"))) list.Add(new FuzzInput(Path.Combine(d, "Main.hx"), File.ReadAllBytes(Path.Combine(d, "Main.hx"))));
        return list;
    }
}
