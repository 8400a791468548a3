namespace FractureLab.Tests.Cli;

/// <summary>
/// Tests that run the CLI in-process swap Console.Error (or Console.Out) for the whole process, so they must not run in
/// parallel with each other: every test file that does so must put its class in the "console" collection. A file that
/// did not (SlabProfileTests) emptied another test's captured stderr in a fresh-clone CI run.
/// </summary>
public class ConsoleCollectionTests
{
    private static readonly string[] SwapsTheConsole = ["CliRunner.Run(", "Program.Main(", "Console.SetError(", "Console.SetOut("];

    [Fact]
    public void EveryTestFileThatRunsTheCli_IsInTheConsoleCollection()
    {
        string root = Path.GetFullPath(TestData.Repository("Tests"));
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(f => Path.GetFileName(f) is not ("CliRunner.cs" or "ConsoleCollectionTests.cs"))
            .ToList();
        Assert.True(files.Count > 50, $"found only {files.Count} test files under {root}");
        var users = files.Where(f => SwapsTheConsole.Any(File.ReadAllText(f).Contains)).ToList();
        Assert.True(users.Count > 10, "no test file runs the CLI: the scan is broken");
        var outside = users.Where(f => !File.ReadAllText(f).Contains("[Collection(\"console\")]")).Select(Path.GetFileName).ToList();
        Assert.True(outside.Count == 0, "run the CLI but are not in [Collection(\"console\")]: " + string.Join(", ", outside));
    }
}
