using System.Runtime.ExceptionServices;
using Rayzor.Interp.Execution;
using Rayzor.Mir.Ir;

namespace Rayzor.Interp.Thunks;

/// <summary>
/// A native entry point into one interpreted function, so the runtime can call it like compiled
/// code (a comparator, an enum's `$params`, a class's `toString`). A closed delegate of the
/// function's shape (Shapes.g.cs) made callable from native code; its address is the function's
/// code pointer in descriptors and closures.
/// </summary>
internal sealed unsafe partial class Thunk
{
    // thunks live as long as the program: their delegates must never be collected
    private static readonly List<Thunk> s_all = [];

    private readonly Func _func;
    private readonly MirType[] _params;
    private Delegate? _keep;

    private Thunk(Func func)
    {
        _func = func;
        _params = [.. func.Mir.ParamTypes];
    }

    /// <summary>Whether a signature has a shape (native code can call a thunk of it).</summary>
    public static bool Fits(IReadOnlyList<MirType> ps)
    {
        var floats = ps.Count(t => t == MirType.F64);
        return ps.Count - floats <= MaxInts && floats <= MaxFloats;
    }

    /// <summary>The entry point of <paramref name="f"/>, or 0 when its signature has no shape (too many arguments).</summary>
    public static nint TryCreate(Func f)
    {
        var ints = f.Mir.ParamTypes.Count(t => t != MirType.F64);
        var floats = f.Mir.ParamTypes.Count - ints;
        if (ints > MaxInts || floats > MaxFloats) return 0;
        var t = new Thunk(f);
        var p = t.Create(ints, floats, f.Mir.ReturnType == MirType.F64, out t._keep);
        s_all.Add(t);
        return p;
    }

    /// <summary>
    /// Called from native code: arguments back in declaration order, then the function runs. A
    /// Haxe exception cannot unwind through the native frames between here and the interpreter's
    /// frame that called the runtime: it is kept pending (further entries return at once) and
    /// raised again when that native call returns.
    /// </summary>
    private long Enter(long* ints, double* floats)
    {
        var interp = Interpreter.Current!;
        if (interp.Pending != null || interp.TierPending) return 0;
        // (two slots before the arguments: the link to the code that called, Interpreter.Trace.cs)
        long* args = stackalloc long[Math.Max(1, _params.Length) + 2];
        args += 2;
        int ii = 0, fi = 0;
        for (var k = 0; k < _params.Length; k++)
            args[k] = _params[k] switch
            {
                MirType.F64 => BitConverter.DoubleToInt64Bits(floats[fi++]),
                MirType.I32 => (int)ints[ii++],
                MirType.Bool => (byte)ints[ii++] != 0 ? 1 : 0,
                _ => ints[ii++],
            };
        // called by compiled code (tiering) or by the runtime on its behalf: the interpreter runs
        // the callee, and a Haxe exception goes back to that code as its pending exception
        var compiled = interp.InCompiled;
        interp.InCompiled = false;
        try
        {
            return interp.Execute(_func, args);
        }
        catch (HaxeThrow) when (compiled)
        {
            interp.SetTierPending();
            return 0;
        }
        catch (Exception e)
        {
            interp.Pending = ExceptionDispatchInfo.Capture(e);
            return 0;
        }
        finally
        {
            interp.InCompiled = compiled;
        }
    }
}
