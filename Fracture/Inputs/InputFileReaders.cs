using FractureLab.Experiments.LoadCurves;
using FractureLab.Experiments.Sepb;
using FractureLab.Fracture.Campaigns;
using FractureLab.Fracture.Runs;
using FractureLab.Fracture.Toughness;
using FractureLab.Mechanics.ForceFields;
using FractureLab.Mechanics.IO;

namespace FractureLab.Fracture.Inputs;

/// <summary>
/// Every reader of a user's input file, by file type, reading a file to the end: what the fuzz harness
/// (<c>Benchmarks/fuzz</c>) and its regression tests feed damaged files to. A reader refuses a bad file with the
/// program's input error (InputException or LabDataException); anything else is a bug.
/// </summary>
public static class InputFileReaders
{
    /// <summary>File type → (a file name the reader accepts, the read).</summary>
    public static IReadOnlyDictionary<string, (string FileName, Action<string> Read)> All { get; } = new Dictionary<string, (string, Action<string>)>
    {
        ["data"] = ("input.data", p => LammpsDataReader.Read(p)),
        ["dump"] = ("input.dump", p => { foreach (var f in LammpsDumpReader.Read(p)) _ = f.Column("x", p); }),
        ["xyz"] = ("input.xyz", p => { foreach (var f in ExtendedXyzReader.Read(p)) _ = f.Species.Length; }),
        // a composition with every element the shipped force fields name, boron included (du-teter's Deng-Du term)
        ["forcefield"] = ("input.toml", p => ForceFieldLoader.LoadFile(p, new Composition(new Dictionary<string, int> { ["Si"] = 1, ["O"] = 2, ["Li"] = 1, ["B"] = 1, ["P"] = 1 }), 0.5)),
        ["run"] = ("run.toml", p => RunConfig.Load(p)),
        ["study"] = ("study.toml", p => ToughnessStudy.Load(p)),
        ["campaign"] = ("campaign.toml", p => CampaignConfig.Load(p)),
        ["sepb"] = ("sheet.csv", p => SepbReducer.Reduce(SpecimenSheet.Read(p))),
        ["curve"] = ("curve.csv", p => LoadCurveReader.Read(p)),
        ["cif"] = ("input.cif", p => Mechanics.Crystals.CrystalBuilder.UnitCell(Mechanics.Crystals.CifFile.Read(p))),
    };
}
