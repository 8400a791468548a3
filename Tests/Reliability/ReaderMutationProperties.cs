using CsCheck;
using FractureLab.Experiments;
using FractureLab.Fracture.Inputs;
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

    /// <summary>The program's reader of <paramref name="target"/> (<see cref="InputFileReaders"/>, the fuzz harness's table) through a fresh file per call.</summary>
    private static Action<string> Reader(string target) => text =>
    {
        var (name, read) = InputFileReaders.All[target];
        string dir = Directory.CreateTempSubdirectory("mutation").FullName;
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        try { read(path); }
        finally { Directory.Delete(dir, true); }
    };

    [Fact]
    public void LammpsData() => Holds(File.ReadAllText(TestData.Parity("silica192.data")),
        Reader("data"));

    [Fact]
    public void LammpsDump()
    {
        var s = TestData.Silica192();
        var w = new StringWriter();
        using (var d = new LammpsDumpWriter(w)) { d.WriteFrame(s, 0); d.WriteFrame(s, 10); }
        Holds(w.ToString(), Reader("dump"));
    }

    [Theory]
    [InlineData("bks")]
    [InlineData("pedone2006")]
    [InlineData("du-teter")]
    public void ForceField(string name) => Holds(ForceFieldCatalog.Text(name), Reader("forcefield"), iter: 250);

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
        """, Reader("run"));

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
        """, Reader("campaign"));

    [Fact]
    public void StudyFile() => Holds("""
        [study]
        crack_length_fractions = [0.2, 0.4]
        replicas = 2
        methods = ["crack-length", "compliance"]
        [tension]
        max_strain = 0.2
        """, Reader("study"));

    [Fact]
    public void SepbSheet() => Holds(File.ReadAllText(TestData.Example("sepb/sheet.csv")), Reader("sepb"));

    [Fact]
    public void CifFile() => Holds(File.ReadAllText(TestData.Data("crystals/rutile.cif")),
        Reader("cif"));

    [Theory]
    [InlineData("sepb/curves/S2_mts.csv")]
    [InlineData("sepb/curves/Specimen_RawData_1.csv")]
    public void LoadCurve(string file) => Holds(File.ReadAllText(TestData.Example(file)), Reader("curve"), iter: 250);
}
