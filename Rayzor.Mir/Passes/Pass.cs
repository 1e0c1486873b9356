using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Passes;

/// A MIR transformation: runs over a whole module and says whether it changed anything.
public interface IPass
{
    /// The name `--after`, `--times` and the pass tests use (lower case, no spaces).
    string Name { get; }

    bool Run(MirModule module);
}

/// A pass that looks at one function at a time (most of them).
public abstract class FunctionPass : IPass
{
    public abstract string Name { get; }

    /// Transforms one function; <paramref name="module"/> is there for passes that look up callees.
    public abstract bool Run(MirFunction function, MirModule module);

    public bool Run(MirModule module)
    {
        var changed = false;
        foreach (var f in module.Functions) changed |= Run(f, module);
        return changed;
    }
}
