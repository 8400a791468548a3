using FractureLab.Experiments;
using FractureLab.Experiments.LoadCurves;
using FractureLab.Experiments.Sepb;
using FractureLab.Fracture.Campaigns;
using FractureLab.Fracture.Runs;
using FractureLab.Fracture.Toughness;
using FractureLab.Mechanics;
using FractureLab.Mechanics.ForceFields;
using FractureLab.Mechanics.IO;

namespace FractureLab.Tests.Reliability;

/// <summary>
/// Issue 20.5: every input the afl-fuzz campaign (<c>Benchmarks/fuzz/fuzz.sh</c>) found crashing a reader is kept under
/// <c>Tests/Data/fuzz/TARGET/</c> and read here with that target's reader: it must now be read or refused with the
/// program's input error. (The first campaign's 15 data-file crashes: a Masses line without a mass, IndexOutOfRange.)
/// </summary>
public class FuzzRegressionTests
{
    private static readonly Dictionary<string, (string Extension, Action<string> Read)> Readers = new()
    {
        ["data"] = (".data", p => LammpsDataReader.Read(p)),
        ["dump"] = (".dump", p => { foreach (var f in LammpsDumpReader.Read(p)) _ = f.Atoms; }),
        ["xyz"] = (".xyz", p => { foreach (var f in ExtendedXyzReader.Read(p)) _ = f.Species.Length; }),
        ["forcefield"] = (".toml", p => ForceFieldLoader.LoadFile(p, new Composition(new Dictionary<string, int> { ["Si"] = 1, ["O"] = 2, ["Li"] = 1, ["B"] = 1, ["P"] = 1 }), 0.5)),
        ["run"] = (".toml", p => RunConfig.Load(p)),
        ["study"] = (".toml", p => ToughnessStudy.Load(p)),
        ["campaign"] = (".toml", p => CampaignConfig.Load(p)),
        ["sepb"] = (".csv", p => SepbReducer.Reduce(SpecimenSheet.Read(p))),
        ["curve"] = (".csv", p => LoadCurveReader.Read(p)),
    };

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
        Assert.True(Readers.TryGetValue(target, out var reader), $"no reader for fuzz target '{target}'");
        // readers that look at the extension get the target's own
        string path = Path.Combine(Directory.CreateTempSubdirectory("fuzz-regression").FullName, "input" + reader.Extension);
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
