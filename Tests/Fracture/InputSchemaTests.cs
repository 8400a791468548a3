using FractureLab.Fracture.Campaigns;
using FractureLab.Fracture.Runs;
using FractureLab.Fracture.Toughness;
using FractureLab.Mechanics;
using FractureLab.Mechanics.IO;

namespace FractureLab.Tests.Fracture;

/// <summary>
/// Issue 20.1: run, study and campaign files are read against one schema each (the one <c>fracturelab schema KIND</c>
/// prints): an unknown key in any section is refused with the schema's keys of that section and a did-you-mean.
/// </summary>
[Collection("console")]
public class InputSchemaTests
{
    private static string Write(string text)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("schema").FullName, "file.toml");
        File.WriteAllText(path, text);
        return path;
    }

    public static TheoryData<string, string> Sections()
    {
        var d = new TheoryData<string, string>();
        foreach (var s in RunFileSchema.Schema.Sections) d.Add("run", s);
        foreach (var s in StudyFileSchema.Schema.Sections) d.Add("study", s);
        foreach (var s in new[] { "campaign", "diffusion" }) d.Add("campaign", s);
        return d;
    }

    private static InputSchema SchemaOf(string kind) => kind switch { "run" => RunFileSchema.Schema, "study" => StudyFileSchema.Schema, _ => CampaignFileSchema.Schema };

    private static void Load(string kind, string path)
    {
        if (kind == "run") RunConfig.Load(path);
        else if (kind == "study") ToughnessStudy.Load(path);
        else CampaignConfig.Load(path);
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void UnknownKey_IsRefused_ListingTheSchemasKeysOfItsSection(string kind, string section)
    {
        var schema = SchemaOf(kind);
        string first = schema.KeysIn(section)[0];
        // a misspelling of the section's first key: one letter doubled
        string misspelt = first[..1] + first;
        string composition = kind == "campaign" ? "\n[[composition]]\nlabel = \"a\"\nshipped = \"silica576\"\nforcefield = \"bks\"\n" : "";
        string path = Write($"[{section}]\n{misspelt} = 1\n{composition}");
        var e = Assert.Throws<InputException>(() => Load(kind, path));
        Assert.Contains($"unknown key '{section}.{misspelt}' (did you mean '{first}'?)", e.Message);
        Assert.Contains("known: " + string.Join(", ", schema.KeysIn(section)), e.Message);
    }

    [Fact]
    public void CompositionKeys_AndSections_ComeFromTheSchema()
    {
        var e = Assert.Throws<InputException>(() => CampaignConfig.Load(Write("[[composition]]\nlabel = \"a\"\nshiped = \"silica576\"\nforcefield = \"bks\"\n")));
        Assert.Contains("unknown key 'composition[0].shiped' (did you mean 'shipped'?)", e.Message);
        e = Assert.Throws<InputException>(() => ToughnessStudy.Load(Write("[studdy]\nreplicas = 2\n")));
        Assert.Contains("unknown key 'studdy' (did you mean 'study'?)", e.Message);
        Assert.Equal(["structure", "forcefield", "crack", "tension", "run"], RunFileSchema.Schema.Sections);
        Assert.Equal(["structure", "forcefield", "crack", "tension", "run", "study", "kfield"], StudyFileSchema.Schema.Sections);
    }

    [Fact]
    public void SchemaDefaults_AreTheReadersDefaults()
    {
        // an empty run file reads as the embedded job; the schema's defaults are printed from the same objects
        var empty = RunConfig.Load(Write(""));
        var keys = RunFileSchema.Keys.ToDictionary(k => k.Path, k => k.Default);
        Assert.Equal(InputSchema.Value(empty.Settings.Tension.StrainRatePerS), keys["tension.strain_rate_per_s"]);
        Assert.Equal(InputSchema.Value(empty.Settings.Crack.OpeningA), keys["crack.opening_A"]);
        Assert.Equal($"\"{empty.Shipped}\"", keys["structure.shipped"]);
        var study = ToughnessStudy.Load(Write(""));
        var sk = StudyFileSchema.Keys.ToDictionary(k => k.Path, k => k.Default);
        Assert.Equal(InputSchema.Value(study.KField.Settings.KStartMPa), sk["kfield.k_start"]);
        Assert.Equal(study.J.WindowFrames.ToString(), sk["study.j_window_frames"]);
    }

    [Theory]
    [InlineData("forcefield", "`coulomb.method`")]
    [InlineData("run", "`crack.length_fraction`")]
    [InlineData("study", "`kfield.k_start`")]
    [InlineData("campaign", "`composition[].build`")]
    public void SchemaCommand_PrintsEachFileType(string kind, string row)
    {
        var old = Console.Out;
        var w = new StringWriter();
        Console.SetOut(w);
        try { Assert.Equal(0, FractureLab.Cli.Program.Main(["schema", kind])); }
        finally { Console.SetOut(old); }
        Assert.Contains(row, w.ToString());
    }
}
