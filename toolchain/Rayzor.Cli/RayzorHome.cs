namespace Rayzor.Cli;

/// Finds the Rayzor installation (the repository checkout): `RAYZOR_HOME`, else the first folder
/// above the executable that holds `Rayzor.Runtime/haxe/_std`.
public static class RayzorHome
{
    public static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("RAYZOR_HOME");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(Path.Combine(env, "Rayzor.Runtime", "haxe", "_std"))) return env;
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            if (Directory.Exists(Path.Combine(d.FullName, "Rayzor.Runtime", "haxe", "_std"))) return d.FullName;
        return null;
    }
}
