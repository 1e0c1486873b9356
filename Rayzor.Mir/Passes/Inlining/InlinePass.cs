using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Passes.Inlining;

/// The inliner as a pass of the pipeline: `inline-always` (-O0: Haxe `inline` functions only),
/// `inline` (-O1/-O2 budget) or `inline-more` (-O3).
public sealed class InlinePass(string name, InlineOptions options) : IPass
{
    /// -O1/-O2: besides Haxe `inline` functions, callees of a few instructions (accessors, small
    /// arithmetic helpers), which is what lets the MIR passes after it see through them.
    public static readonly InlineOptions Default = new(16, 4000);

    /// -O3: larger callees and callers.
    public static readonly InlineOptions More = new(40, 8000);

    public string Name => name;

    public bool Run(MirModule module) => Inliner.Run(module, options) > 0;
}
