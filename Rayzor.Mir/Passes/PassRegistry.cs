using Rayzor.Mir.Ir;
using Rayzor.Mir.Passes.Bce;
using Rayzor.Mir.Passes.Devirt;
using Rayzor.Mir.Passes.Escape;
using Rayzor.Mir.Passes.InlineCaches;
using Rayzor.Mir.Passes.Inlining;

namespace Rayzor.Mir.Passes;

/// Every pass by name, and the pipeline of each optimization level. Registering a pass is one
/// line in <see cref="Factories"/>; using it is its name in a pipeline.
public static class PassRegistry
{
    private static readonly Dictionary<string, Func<IPass>> Factories = new()
    {
        ["inline-always"] = () => new InlinePass("inline-always", InlineOptions.InlineOnly),
        ["inline"] = () => new InlinePass("inline", InlinePass.Default),
        ["inline-more"] = () => new InlinePass("inline-more", InlinePass.More),
        ["devirt"] = () => new DispatchCache("devirt", Opcode.VCall),
        ["icall-ic"] = () => new DispatchCache("icall-ic", Opcode.ICall),
        ["dynfield-ic"] = () => new DynamicFieldCache(),
        ["simplifycfg"] = () => new SimplifyCfg(),
        ["constprop"] = () => new ConstProp(),
        ["copyprop"] = () => new CopyProp(),
        ["dce"] = () => new Dce(),
        ["escape"] = () => new ScalarReplacement(),
        ["bce"] = () => new BoundsCheckElimination(),
    };

    /// The scalar clean-up: CFG first (fewer blocks for the rest), constants (which turn branches
    /// constant), then what they leave behind.
    private static readonly string[] Scalar = ["simplifycfg", "constprop", "copyprop", "dce", "simplifycfg"];

    /// Direct calls for dispatches with few possible implementations, before inlining, which then
    /// sees them (a devirtualized method is inlined like any small function).
    private static readonly string[] Dispatch = ["devirt", "icall-ic"];

    public static IReadOnlyCollection<string> Names => Factories.Keys;

    /// A new instance of the pass called <paramref name="name"/>, or null.
    public static IPass? Create(string name) => Factories.TryGetValue(name, out var f) ? f() : null;

    /// The pass names of an optimization level: -O0 only the inlining of Haxe `inline` functions
    /// (part of what the program means to Haxe; calls dispatch through the tables), -O1/-O2
    /// devirtualization and interface inline caches, inlining, scalar replacement of the
    /// allocations inlining left local (escape; after copyprop, which removes the block parameters
    /// the inliner passes arguments through), the scalar clean-up once, then bounds-check
    /// elimination on the cleaned-up loops; -O3 more inlining and the clean-up twice, escape between
    /// the two rounds (the second sees what the first made constant or dead).
    public static IReadOnlyList<string> Pipeline(int level) => level switch
    {
        <= 0 => ["inline-always"],
        1 or 2 => [.. Dispatch, "inline", "dynfield-ic", "simplifycfg", "copyprop", "escape", .. Scalar, "bce"],
        _ => [.. Dispatch, "inline-more", "dynfield-ic", .. Scalar, "escape", .. Scalar, "bce"],
    };

    /// The passes of a list of names; throws ArgumentException naming an unknown one.
    public static List<IPass> CreateAll(IEnumerable<string> names) =>
        [.. names.Select(n => Create(n) ?? throw new ArgumentException($"unknown MIR pass {n} (known: {string.Join(", ", Names)})"))];
}
