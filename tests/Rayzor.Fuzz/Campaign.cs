namespace Rayzor.Fuzz;

/// A seeded run of mutations over a corpus. Input `i` of seed `s` depends on nothing else, so any
/// failure is reproduced by `toolchain/fuzz --seed s --from i --count 1`.
public sealed class Campaign(IReadOnlyList<FuzzInput> corpus, int seed)
{
    private readonly Mutator _mutator = new(corpus);

    /// The `index`-th input of this seed.
    public FuzzInput Input(long index)
    {
        var rng = new Random(Mix(seed, index));
        var input = _mutator.Next(rng);
        return input with { Name = $"seed {seed} #{index}: {input.Name}" };
    }

    /// Every `.hx` file under the roots that exist, in a stable order.
    public static List<FuzzInput> LoadCorpus(IEnumerable<string> roots)
    {
        var list = new List<FuzzInput>();
        foreach (var root in roots)
        {
            if (File.Exists(root)) list.Add(new FuzzInput(root, File.ReadAllBytes(root)));
            if (!Directory.Exists(root)) continue;
            foreach (var f in Directory.EnumerateFiles(root, "*.hx", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                list.Add(new FuzzInput(f, File.ReadAllBytes(f)));
        }
        return list;
    }

    /// splitmix64 of (seed, index): a stable seed for System.Random per input.
    public static int Mix(int seed, long index)
    {
        var z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)index + 0x632BE59BD9B4E019UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & 0x7FFFFFFF);
    }
}
