namespace Rayzor.EndToEnd.Tests;

/// Compares text with a checked-in snapshot; RAYZOR_TEST_BLESS=1 rewrites the snapshot instead.
public static class Snapshot
{
    public static bool Blessing => Environment.GetEnvironmentVariable("RAYZOR_TEST_BLESS") == "1";

    public static void Match(string expectedFile, string actual)
    {
        if (Blessing)
        {
            File.WriteAllText(expectedFile, actual);
            return;
        }
        Assert.True(File.Exists(expectedFile), $"missing snapshot {expectedFile} (run with RAYZOR_TEST_BLESS=1 to create it)");
        Assert.Equal(File.ReadAllText(expectedFile), actual);
    }
}
