using FractureLab.Experiments;
using FractureLab.Fracture.Inputs;
using FractureLab.Mechanics;
namespace FractureLab.Tests.Reliability;

/// <summary>
/// Issue 20.5: every input the afl-fuzz campaign (<c>Benchmarks/fuzz/fuzz.sh</c>) found crashing a reader is kept under
/// <c>Tests/Data/fuzz/TARGET/</c> and read here with that target's reader: it must now be read or refused with the
/// program's input error. (The first campaign's 15 data-file crashes: a Masses line without a mass, IndexOutOfRange.)
/// </summary>
public class FuzzRegressionTests
{
    public static TheoryData<string, string> Inputs()
    {
        var d = new TheoryData<string, string>();
        string root = Path.Combine(AppContext.BaseDirectory, "Data", "fuzz");
        if (Directory.Exists(root))
            foreach (var dir in Directory.GetDirectories(root).Order())
                foreach (var f in Directory.GetFiles(dir).Order()) d.Add(Path.GetFileName(dir), Path.GetFileName(f));
        return d;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void FuzzFoundInput_IsReadOrRefusedCleanly(string target, string file)
    {
        Assert.True(InputFileReaders.All.TryGetValue(target, out var reader), $"no reader for fuzz target '{target}'");
        // under the file name the fuzz harness used (readers that look at the extension get the target's own)
        string path = Path.Combine(Directory.CreateTempSubdirectory("fuzz-regression").FullName, reader.FileName);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Data", "fuzz", target, file), path);
        try { reader.Read(path); }
        catch (Exception e) when (e is InputException or LabDataException) { }
        finally { Directory.Delete(Path.GetDirectoryName(path)!, true); }
    }

    [Fact]
    public void TheFirstCampaignsCrashes_AreKept()
    {
        Assert.True(Inputs().Count >= 15);
    }
}
