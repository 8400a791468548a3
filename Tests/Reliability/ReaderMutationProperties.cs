using CsCheck;
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
/// Issue 20.5: every reader, fed a valid file damaged by random mutations (<see cref="TextMutation"/>), either reads it
/// or stops with the program's input error (<see cref="InputException"/>, <see cref="LabDataException"/>, which the
/// command line prints as one line with exit 1); anything else (IndexOutOfRange, Overflow, OutOfMemory, NullReference,
/// a TOML library exception, ...) fails the property, and CsCheck shrinks it to the smallest damaging mutation.
/// A longer campaign: <c>CsCheck_Iter=100000 dotnet test Tests --filter ReaderMutationProperties</c> (or <c>CsCheck_Time=600</c>).
/// </summary>
public class ReaderMutationProperties
{
    private const int Iterations = 400;
    private static readonly Gen<int[]> Mutations = Gen.Int.Array[1, 4];

    private static void Holds(string valid, Action<string> read, long iter = Iterations) =>
        Mutations.Sample(seeds =>
        {
            string text = TextMutation.Apply(valid, seeds);
            try { read(text); }
            catch (Exception e) when (e is InputException or LabDataException) { }
        }, iter: Environment.GetEnvironmentVariable("CsCheck_Iter") is null ? iter : -1, threads: 1);

    /// <summary>Reads through a file (for readers that take paths), a fresh one per call.</summary>
    private static Action<string> ViaFile(string name, Action<string> readPath) => text =>
    {
        string dir = Directory.CreateTempSubdirectory("mutation").FullName;
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        try { readPath(path); }
        finally { Directory.Delete(dir, true); }
    };

    [Fact]
    public void LammpsData() => Holds(File.ReadAllText(TestData.Parity("silica192.data")),
        text => LammpsDataReader.Parse(text.Split('\n'), "mutated.data"));

    [Fact]
    public void LammpsDump()
    {
        var s = TestData.Silica192();
        var w = new StringWriter();
        using (var d = new LammpsDumpWriter(w)) { d.WriteFrame(s, 0); d.WriteFrame(s, 10); }
        Holds(w.ToString(), ViaFile("mutated.dump", p => { foreach (var f in LammpsDumpReader.Read(p)) _ = f.Column("x", p); }));
    }

    [Theory]
    [InlineData("bks")]
    [InlineData("pedone2006")]
    [InlineData("du-teter")]
    public void ForceField(string name)
    {
        // du-teter's B-O term needs the composition (Deng & Du's A from the B2O3 fraction): 38 Li2O-31 B2O3-31 P2O5 in atoms
        var composition = new Composition(new Dictionary<string, int> { ["Li"] = 76, ["B"] = 62, ["P"] = 62, ["O"] = 287 });
        Holds(ForceFieldCatalog.Text(name), text => ForceFieldLoader.Parse(text, "mutated.toml", composition, boronN4: 0.5), iter: 250);
    }

    [Fact]
    public void RunFile() => Holds($"""
        [structure]
        data = "{TestData.Data("silica192-glass.data").Replace("\\", "/")}"
        elements = "Si,O"
        [crack]
        kind = "centre"
        length_fraction = 0.3
        [tension]
        protocol = "A"
        strain_rate_per_s = 1e10
        max_strain = 0.1
        [run]
        relax_ps = 0.1
        seed = 3
        """, ViaFile("run.toml", p => RunConfig.Load(p)));

    [Fact]
    public void CampaignFile() => Holds("""
        [campaign]
        replicas = 2
        strain_rates_per_s = [1e10, 1e9]
        protocols = ["A"]
        [[composition]]
        label = "silica"
        shipped = "silica1800"
        forcefield = "bks"
        [diffusion]
        temperatures_K = [600, 900]
        ps = 40
        """, ViaFile("campaign.toml", p => CampaignConfig.Load(p)));

    [Fact]
    public void StudyFile() => Holds("""
        [study]
        crack_length_fractions = [0.2, 0.4]
        replicas = 2
        methods = ["crack-length", "compliance"]
        [tension]
        max_strain = 0.2
        """, ViaFile("study.toml", p => ToughnessStudy.Load(p)));

    [Fact]
    public void SepbSheet() => Holds(File.ReadAllText(TestData.Example("sepb/sheet.csv")), ViaFile("sheet.csv", p => SpecimenSheet.Read(p)));

    [Fact]
    public void CifFile() => Holds(File.ReadAllText(TestData.Data("crystals/rutile.cif")),
        text => FractureLab.Mechanics.Crystals.CrystalBuilder.UnitCell(FractureLab.Mechanics.Crystals.CifFile.Parse(text, "mutated.cif")));

    [Theory]
    [InlineData("sepb/curves/S2_mts.csv")]
    [InlineData("sepb/curves/Specimen_RawData_1.csv")]
    public void LoadCurve(string file) => Holds(File.ReadAllText(TestData.Example(file)), text => LoadCurveReader.Parse(text, "mutated.csv"), iter: 250);
}
