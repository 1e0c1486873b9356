using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace Rayzor.LlvmBackend.Interop;

/// <summary>
/// Finds and loads libLLVM 19 for the <see cref="LLVM"/> bindings. Call <see cref="EnsureLoaded"/> (or
/// <see cref="TryEnsureLoaded"/>) once before the first LLVM call; it is cheap and thread-safe to call
/// again. Candidates, in order: the path in <c>RAYZOR_LIBLLVM</c>, <c>libLLVM.so.19.1</c> (the
/// SONAME), <c>libLLVM-19.so</c>, <c>/usr/lib/llvm-19/lib/libLLVM.so</c>. A library that loads but
/// is not LLVM 19 is rejected. When nothing loads, <see cref="LlvmNotFoundException"/> says what
/// was tried and how to install LLVM (Debian: <c>libllvm19</c>).
/// </summary>
/// <remarks>
/// The resolver is registered with <see cref="NativeLibrary.SetDllImportResolver"/> for this
/// assembly (Rayzor.LlvmBackend). .NET allows one resolver per assembly: any other native import
/// of this assembly must go through <see cref="Resolve"/> (it returns 0 for other names, which
/// falls back to the default probing).
/// </remarks>
public static class Llvm
{
    /// <summary>The library name used by every <c>[LibraryImport]</c> of <see cref="LLVM"/>.</summary>
    public const string LibraryName = "LLVM-19";

    /// <summary>Environment variable naming the libLLVM file to load first.</summary>
    public const string OverrideVariable = "RAYZOR_LIBLLVM";

    /// <summary>The LLVM major version the bindings are written for.</summary>
    public const int RequiredMajorVersion = 19;

    /// <summary>The Debian package that ships libLLVM 19.</summary>
    public const string DebianPackage = "libllvm19";

    /// <summary>The fixed candidates tried after <see cref="OverrideVariable"/>.</summary>
    public static readonly IReadOnlyList<string> DefaultCandidates =
        ["libLLVM.so.19.1", "libLLVM-19.so", "/usr/lib/llvm-19/lib/libLLVM.so"];

    private static readonly Lock s_lock = new();
    private static nint s_handle;
    private static string? s_loadedFrom;
    private static LlvmNotFoundException? s_failure;
    private static bool s_resolverRegistered;

    /// <summary>True once libLLVM is loaded and the resolver registered.</summary>
    public static bool IsLoaded => Volatile.Read(ref s_handle) != 0;

    /// <summary>What the loaded library was found as (a candidate string), or null.</summary>
    public static string? LoadedFrom => s_loadedFrom;

    /// <summary>
    /// Set when <see cref="OverrideVariable"/> names a library that could not be used and a
    /// default candidate was loaded instead: the reason, for a driver to print as a warning.
    /// </summary>
    public static string? LoadWarning { get; private set; }

    /// <summary>The OS handle of the loaded library (0 before loading).</summary>
    public static nint Handle => Volatile.Read(ref s_handle);

    /// <summary>The candidates in the order they are tried, the override first when it is set.</summary>
    public static IReadOnlyList<string> Candidates()
    {
        var list = new List<string>();
        var env = Environment.GetEnvironmentVariable(OverrideVariable);
        if (!string.IsNullOrWhiteSpace(env))
            list.Add(env.Trim());
        list.AddRange(DefaultCandidates);
        return list;
    }

    /// <summary>Loads libLLVM 19 once; throws <see cref="LlvmNotFoundException"/> when it can't.</summary>
    public static void EnsureLoaded()
    {
        if (Volatile.Read(ref s_handle) != 0)
            return;
        lock (s_lock)
        {
            if (s_handle != 0)
                return;
            if (s_failure is not null)
                throw s_failure;
            var candidates = Candidates();
            if (!TryLoadFirst(candidates, out var handle, out var from, out var failure, out var tried))
            {
                s_failure = failure;
                throw failure;
            }
            var env = Environment.GetEnvironmentVariable(OverrideVariable);
            if (!string.IsNullOrWhiteSpace(env) && from != env.Trim() && tried.Count > 0)
                LoadWarning = $"{OverrideVariable} was ignored ({tried[0]}); loaded {from} instead";
            if (!s_resolverRegistered)
            {
                NativeLibrary.SetDllImportResolver(typeof(Llvm).Assembly, Resolve);
                s_resolverRegistered = true;
            }
            s_loadedFrom = from;
            Volatile.Write(ref s_handle, handle);
        }
    }

    /// <summary>Like <see cref="EnsureLoaded"/> but returns false with the message instead of throwing.</summary>
    public static bool TryEnsureLoaded(out string? error)
    {
        try
        {
            EnsureLoaded();
            error = null;
            return true;
        }
        catch (LlvmNotFoundException e)
        {
            error = e.Message;
            return false;
        }
    }

    /// <summary>
    /// Tries <paramref name="candidates"/> in order and keeps the first that loads and reports
    /// LLVM 19. Does not register anything: <see cref="EnsureLoaded"/> uses it, tests can too.
    /// </summary>
    public static bool TryLoadFirst(IReadOnlyList<string> candidates, out nint handle, out string? loadedFrom,
        [NotNullWhen(false)] out LlvmNotFoundException? failure) =>
        TryLoadFirst(candidates, out handle, out loadedFrom, out failure, out _);

    private static unsafe bool TryLoadFirst(IReadOnlyList<string> candidates, out nint handle, out string? loadedFrom,
        [NotNullWhen(false)] out LlvmNotFoundException? failure, out List<string> tried)
    {
        tried = [];
        var env = Environment.GetEnvironmentVariable(OverrideVariable);
        foreach (var candidate in candidates)
        {
            var label = !string.IsNullOrWhiteSpace(env) && candidate == env.Trim()
                ? $"{candidate} (from {OverrideVariable})"
                : candidate;
            nint h;
            try
            {
                h = NativeLibrary.Load(candidate);
            }
            catch (Exception e) when (e is DllNotFoundException or BadImageFormatException or ArgumentException)
            {
                tried.Add($"{label}: {LoadFailureReason(candidate, e.Message)}");
                continue;
            }
            if (!NativeLibrary.TryGetExport(h, "LLVMGetVersion", out var getVersion))
            {
                var isLlvm = NativeLibrary.TryGetExport(h, "LLVMContextCreate", out _);
                NativeLibrary.Free(h);
                tried.Add(isLlvm
                    ? $"{label}: loaded, but it is an LLVM older than 16 (no LLVMGetVersion), not {RequiredMajorVersion}"
                    : $"{label}: loaded, but it is not libLLVM (no LLVMGetVersion)");
                continue;
            }
            uint major, minor, patch;
            ((delegate* unmanaged<uint*, uint*, uint*, void>)getVersion)(&major, &minor, &patch);
            if (major != RequiredMajorVersion)
            {
                NativeLibrary.Free(h);
                tried.Add($"{label}: loaded, but it is LLVM {major}.{minor}.{patch}, not {RequiredMajorVersion}");
                continue;
            }
            handle = h;
            loadedFrom = candidate;
            failure = null;
            return true;
        }
        if (string.IsNullOrWhiteSpace(env))
            tried.Insert(0, $"{OverrideVariable}: not set");
        handle = 0;
        loadedFrom = null;
        failure = new LlvmNotFoundException(tried);
        return false;
    }

    /// <summary>The resolver registered for this assembly: our handle for <see cref="LibraryName"/>.</summary>
    public static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == LibraryName ? Volatile.Read(ref s_handle) : 0;

    // .NET's message is a generic first line followed by the dlerror() text of each probe
    // ("path: cannot open shared object file: No such file or directory"): keep the latter.
    private static string LoadFailureReason(string candidate, string message)
    {
        var lines = message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length <= 1)
            return lines.Length == 0 ? "could not be loaded" : lines[0];
        var reasons = lines.Skip(1)
            .Select(l => l.StartsWith(candidate + ": ", StringComparison.Ordinal) ? l[(candidate.Length + 2)..] : l)
            .Distinct();
        return string.Join("; ", reasons);
    }
}

/// <summary>
/// libLLVM 19 could not be loaded. The message is meant for users as is (no stack trace needed):
/// it lists every candidate tried with the reason it failed and how to install LLVM 19.
/// </summary>
public sealed class LlvmNotFoundException : Exception
{
    /// <summary>Each candidate tried, with the reason it was rejected.</summary>
    public IReadOnlyList<string> Tried { get; }

    /// <summary>Creates the exception from the list of tried candidates.</summary>
    public LlvmNotFoundException(IReadOnlyList<string> tried) : base(Format(tried)) => Tried = tried;

    private static string Format(IReadOnlyList<string> tried)
    {
        var sb = new StringBuilder();
        sb.Append("LLVM ").Append(Llvm.RequiredMajorVersion)
          .Append(" (libLLVM) was not found; native code generation needs it. Tried:");
        foreach (var t in tried)
            sb.Append("\n  ").Append(t);
        sb.Append("\nInstall the Debian package ").Append(Llvm.DebianPackage)
          .Append(" (`apt-get install ").Append(Llvm.DebianPackage).Append("`), or set ")
          .Append(Llvm.OverrideVariable).Append(" to the path of a libLLVM ")
          .Append(Llvm.RequiredMajorVersion).Append(" shared library.");
        return sb.ToString();
    }
}
