using System.Text.Json.Nodes;
using FractureLab.Fracture.Campaigns;
using FractureLab.Fracture.Runs;
using FractureLab.Mechanics;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Crystals;
using FractureLab.Mechanics.Engines;
using FractureLab.Mechanics.IO;
using FractureLab.Mechanics.Simulation;

namespace FractureLab.Tests.Fracture;

/// <summary>Issue 23.2: <c>[structure] build = "glass-ceramic"</c> in run files: read, written back, built once per recipe and seed, its groups used by the run.</summary>
public class GlassCeramicRunTests
{
    private static readonly string Quartz = TestData.Data(Path.Combine("crystals", "alpha-quartz.cif")).Replace("\\", "/");
    private static readonly string Glass = TestData.Parity("silica192.data").Replace("\\", "/");

    private static string Toml(string body)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "run.toml");
        File.WriteAllText(path, body);
        return path;
    }

    /// <summary>The 192-atom BKS glass twice along x with one quartz grain per glass box (so two), minimization only.</summary>
    private static string GlassCeramicFile(string extra = "", string replicate = "2, 1, 1", double relaxPs = 0, double fraction = 0.15) => Toml($"""
        [structure]
        data = "{Glass}"
        elements = "Si,O"
        replicate = [{replicate}]
        build = "glass-ceramic"
        cif = "{Quartz}"
        crystal_size = [3, 3, 3]
        grains = 1
        fraction = {fraction}
        orientations = "aligned"
        relax_ps = {relaxPs}
        {extra}
        [forcefield]
        name = "bks-wall"
        """);

    [Fact]
    public void RunFile_GlassCeramic_IsReadAndWrittenBack()
    {
        var c = RunConfig.Load(GlassCeramicFile("shape = \"voronoi\"\nmin_distance_A = 1.7"));
        var g = c.GlassCeramic!;
        Assert.Equal(Quartz, g.Cif.Replace("\\", "/"));
        Assert.Equal([3, 3, 3], g.CrystalSize);
        Assert.Equal(0.15, g.Fraction);
        Assert.Equal(GrainShape.Voronoi, g.Shape);
        Assert.False(g.RandomOrientations);
        Assert.Equal(1.7, g.MinDistanceA);
        Assert.Equal(0, g.RelaxPs);
        Assert.Equal(2, g.Grains(c.Replicate)); // one per glass box, the glass replicated twice
        Assert.Null(c.Crystal);
        var again = RunConfig.Load(Toml(c.ToToml()));
        Assert.Equal(g with { CrystalSize = [] }, again.GlassCeramic! with { CrystalSize = [] });
        Assert.Equal(g.CrystalSize, again.GlassCeramic!.CrystalSize);
        Assert.Equal(c.DataFile, again.DataFile);
        Assert.Equal(c.Replicate, again.Replicate);
    }

    [Theory]
    [InlineData("[structure]\nbuild = \"ceramic\"\n", "key 'structure.build' is 'ceramic', expected glass")]
    [InlineData("[structure]\nbuild = \"glass-ceramic\"\nfraction = 0.1\n", "needs 'structure.cif'")]
    [InlineData("[structure]\nbuild = \"glass-ceramic\"\ncif = \"q.cif\"\n", "needs 'structure.fraction'")]
    [InlineData("[structure]\nbuild = \"glass-ceramic\"\ncif = \"q.cif\"\nfraction = 1.2\n", "key 'structure.fraction' is 1.2")]
    [InlineData("[structure]\nbuild = \"glass-ceramic\"\ncif = \"q.cif\"\nfraction = 0.1\nshape = \"cube\"\n", "key 'structure.shape' is 'cube', expected sphere or voronoi")]
    [InlineData("[structure]\nbuild = \"glass-ceramic\"\ncif = \"q.cif\"\nfraction = 0.1\norientations = \"all\"\n", "key 'structure.orientations' is 'all'")]
    [InlineData("[structure]\nbuild = \"glass-ceramic\"\ncif = \"q.cif\"\nfraction = 0.1\ngrains = 0\n", "key 'structure.grains' is 0")]
    [InlineData("[structure]\nbuild = \"glass-ceramic\"\ncif = \"q.cif\"\nfraction = 0.1\nrelax_ps = -1\n", "key 'structure.relax_ps' is -1")]
    [InlineData("[structure]\nbuild = \"glass-ceramic\"\ncif = \"q.cif\"\nfraction = 0.1\norient = [0, 0, 1]\n", "key 'structure.orient' is for a crystal box")]
    [InlineData("[structure]\nshipped = \"silica1800\"\nfraction = 0.1\n", "key 'structure.fraction' needs build = \"glass-ceramic\"")]
    [InlineData("[structure]\nbuild = \"glass-ceramic\"\ncif = \"q.cif\"\nfraction = 0.1\nfractoin = 0.2\n", "fractoin")]
    public void RunFile_BadGlassCeramicKeys_AreNamedWithTheFile(string body, string message)
    {
        string path = Toml(body);
        var e = Assert.Throws<InputException>(() => RunConfig.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void GlassCeramic_IsBuiltOnce_PerSeed_AndListsEveryAtomsGroup()
    {
        var c = RunConfig.Load(GlassCeramicFile());
        string root = Directory.CreateTempSubdirectory().FullName;
        c = c with { StructureCache = root };
        var first = c.LoadStructure();
        var s = first.Glass;
        Assert.Equal(0, s.Charge.Sum(), 9);
        int si = s.Type.Count(t => s.TypeElements[t] == "Si"), o = s.Type.Count(t => s.TypeElements[t] == "O");
        Assert.Equal(2 * si, o); // SiO2 restored exactly
        Assert.Contains("with 2 sphere grains", first.Source);
        // the structure line of plan.json names the folder, not its path, so a resume from elsewhere is the same plan
        Assert.Contains(Path.GetFileName(Path.GetDirectoryName(first.GroupsFile)!), first.Source);
        Assert.DoesNotContain(root, first.Source);
        // grains.csv: every atom id once, with its grain (two grains) and region
        var rows = File.ReadAllLines(first.GroupsFile!).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(s.Id.Order(), rows.Select(r => int.Parse(r[0])).Order());
        Assert.Equal([0, 1, 2], rows.Select(r => int.Parse(r[2])).Distinct().Order());
        Assert.Equal(["glass", "grain", "interface"], rows.Select(r => r[3]).Distinct().Order());
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(first.GroupsFile)!, "glass-ceramic.json")))!;
        Assert.Equal(2, json["grains"]!.GetValue<int>());
        Assert.Equal(384, s.Count + json["glass_atoms_cut"]!.GetValue<int>() - rows.Count(r => r[2] != "0")
            + json["glass_atoms_removed_to_restore"]!.AsObject().Sum(kv => kv.Value!.GetValue<int>()));
        // read back, not built again: the same atoms, the data file untouched
        string data = Path.Combine(Path.GetDirectoryName(first.GroupsFile)!, GlassCeramicCache.DataFile);
        var written = File.GetLastWriteTimeUtc(data);
        var second = c.LoadStructure();
        Assert.Equal(s.X, second.Glass.X);
        Assert.Equal(first.Source, second.Source);
        Assert.Equal(written, File.GetLastWriteTimeUtc(data));
        // another replica's seed gets its own grains
        var other = (c with { Settings = c.Settings with { Seed = 2 } }).LoadStructure();
        Assert.NotEqual(first.GroupsFile, other.GroupsFile);
        Assert.Equal(2, Directory.GetDirectories(root).Length);
    }

    [Fact]
    public void Run_OfAGlassCeramic_SplitsItsBondSwitchingByRegion()
    {
        var c = RunConfig.Load(GlassCeramicFile(replicate: "1, 1, 2"));
        c = c with
        {
            Settings = c.Settings with
            {
                RelaxPs = 0.05,
                Crack = c.Settings.Crack with { Kind = FractureLab.Fracture.Geometry.CrackKind.None },
                Tension = c.Settings.Tension with { MaxStrain = 0.02, StrainRatePerS = 1e11, RecordEveryStrain = 0.005 },
            },
        };
        string outDir = Directory.CreateTempSubdirectory().FullName;
        RunDirectory.Run(c, new BackendChoice(BackendKind.Simd, 2), outDir, resume: false, Progress.Silent);
        // built in the run's own folder, and every region's Si counted once in the split table
        Assert.Single(Directory.GetDirectories(Path.Combine(outDir, "structure")));
        var groups = File.ReadAllLines(Path.Combine(outDir, "bondswitch_Si-O_groups.csv"));
        var header = groups[0].Split(',');
        int group = Array.IndexOf(header, "group"), centres = Array.IndexOf(header, "centers");
        var last = groups.Skip(1).Select(l => l.Split(',')).GroupBy(r => r[0]).Last().ToList();
        Assert.Equal(["glass", "grain", "interface"], last.Select(r => r[group]).Order());
        var all = File.ReadAllLines(Path.Combine(outDir, "bondswitch_Si-O.csv"));
        int allCentres = int.Parse(all[^1].Split(',')[Array.IndexOf(all[0].Split(','), "centers")]);
        Assert.Equal(allCentres, last.Sum(r => int.Parse(r[centres])));
        Assert.Contains("glass-ceramic", JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "plan.json")))!["structure"]!.GetValue<string>());
    }

    [Fact]
    public void GlassCeramic_WithShells_PutsEachShellInItsCoresGrain_AndRuns()
    {
        // the BKS shell test model (a shell on every O): the build adds the shells, grains.csv lists them with their cores'
        // grain and region, and a pre-cracked run (cut by whole ions) of the shelled glass-ceramic runs to the end
        string file = GlassCeramicFile(replicate: "1, 1, 2");
        string ff = FractureLab.Tests.Mechanics.CoreShellTests.BksWithShellsFile();
        File.WriteAllText(file, File.ReadAllText(file).Replace("name = \"bks-wall\"", $"name = \"{ff.Replace("\\", "/")}\""));
        var c = RunConfig.Load(file);
        c = c with
        {
            Settings = c.Settings with
            {
                RelaxPs = 0.05,
                Crack = c.Settings.Crack with { LengthFraction = 0.3, OpeningA = 3.0 },
                Tension = c.Settings.Tension with { MaxStrain = 0.02, StrainRatePerS = 1e11, RecordEveryStrain = 0.005, TimestepFs = 0.2 },
            },
        };
        string outDir = Directory.CreateTempSubdirectory().FullName;
        RunDirectory.Run(c, new BackendChoice(BackendKind.Simd, 2), outDir, resume: false, Progress.Silent);

        string built = Directory.GetDirectories(Path.Combine(outDir, "structure")).Single();
        var s = LammpsDataReader.Read(Path.Combine(built, GlassCeramicCache.DataFile));
        var rows = File.ReadAllLines(Path.Combine(built, GlassCeramicCache.GroupsFile)).Skip(1).Select(l => l.Split(',')).ToDictionary(r => int.Parse(r[0]));
        Assert.Equal(s.Count, rows.Count);
        int o = Array.IndexOf(s.TypeElements, "O"), os = Array.IndexOf(s.TypeElements, "O_s");
        var cores = Enumerable.Range(0, s.Count).Where(i => s.Type[i] == o).ToArray();
        var shells = Enumerable.Range(0, s.Count).Where(i => s.Type[i] == os).ToArray();
        Assert.Equal(cores.Length, shells.Length);
        foreach (int h in shells)
        {
            int core = cores.MinBy(k => TestData.Distance(s, k, h));
            Assert.True(TestData.Distance(s, core, h) < 0.3, $"shell {s.Id[h]} is {TestData.Distance(s, core, h):F3} A from the nearest O core");
            Assert.Equal(rows[s.Id[core]][2..4], rows[s.Id[h]][2..4]); // grain and region
            Assert.Equal("O_s", rows[s.Id[h]][1]);
        }
        Assert.Contains(rows.Values, r => r[3] == "grain" && r[1] == "O_s");
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")))!;
        Assert.True(summary["completed"]!.GetValue<bool>());
        Assert.Contains("shells removed with their cores", summary["crack"]!.GetValue<string>());
        Assert.True(File.Exists(Path.Combine(outDir, "bondswitch_Si-O_groups.csv")));
    }

    [Fact]
    public void Campaign_CrystalFraction_SetsEachCompositionsGrains_AndNeedsAGlassCeramicBase()
    {
        string baseFile = GlassCeramicFile();
        string dir = Path.GetDirectoryName(baseFile)!;
        string campaign = Path.Combine(dir, "campaign.toml");
        File.WriteAllText(campaign, $"""
            [campaign]
            replicas = 1
            base = "run.toml"
            [[composition]]
            label = "glass"
            data = "{Glass}"
            elements = "Si,O"
            crystal_fraction = 0
            forcefield = "bks-wall"
            [[composition]]
            label = "GC25"
            data = "{Glass}"
            elements = "Si,O"
            crystal_fraction = 0.25
            forcefield = "bks-wall"
            [[composition]]
            label = "GC15"
            data = "{Glass}"
            elements = "Si,O"
            forcefield = "bks-wall"
            """);
        var c = CampaignConfig.Load(campaign);
        var runs = CampaignRuns.Plan(c, Path.Combine(dir, "out"));
        var fractions = runs.Select(r => CampaignRuns.RunConfigOf(c, r, null).GlassCeramic!.Fraction).ToList();
        Assert.Equal([0, 0.25, 0.15], fractions); // 0: the glass alone, relaxed as the others; unset: the base's 0.15
        // one structures folder per composition, shared by its protocols and rates
        Assert.Equal(Path.Combine(dir, "out", "GC25", "structures"), CampaignRuns.RunConfigOf(c, runs[1], null).StructureCache);

        File.WriteAllText(baseFile, "[structure]\nshipped = \"silica1800\"\n");
        var e = Assert.Throws<InputException>(() => CampaignConfig.Load(campaign));
        Assert.Contains("key 'composition[0].crystal_fraction' needs a campaign.base file with [structure] build = \"glass-ceramic\"", e.Message);
    }

    [Fact]
    public void Examples_SilicaGlassCeramics_AndQuartz_HaveTheStudysFractionsAndOrientations()
    {
        var c = CampaignConfig.Load(TestData.Repository("examples", "silica-glass-ceramics.toml"));
        var runs = CampaignRuns.Plan(c, "out");
        Assert.Equal([0, 0.03, 0.15, 0.25], runs.Select(r => CampaignRuns.RunConfigOf(c, r, null).GlassCeramic!.Fraction));
        Assert.All(runs, r => Assert.Equal(2, CampaignRuns.RunConfigOf(c, r, null).GlassCeramic?.Grains([1, 2, 1]) ?? 2));
        Assert.True(File.Exists(CampaignRuns.RunConfigOf(c, runs[1], null).GlassCeramic!.Cif));
        Assert.Equal([0, 0, 1], RunConfig.Load(TestData.Repository("examples", "quartz-tension-c.toml")).Crystal!.Orient!);
        Assert.Equal([1, 0, 0], RunConfig.Load(TestData.Repository("examples", "quartz-tension-a.toml")).Crystal!.Orient!);
    }

    [Fact]
    public void InterfaceRelaxation_IsAtZeroPressure_SoTheCutGlassCloses()
    {
        // the cut around the grains and the atoms removed to restore SiO2 leave the glass's box too large for its atoms:
        // NPT at 0 GPa shrinks it, where NVT kept the box (and a density below the glass's, with voids)
        var c = RunConfig.Load(GlassCeramicFile(relaxPs: 2));
        var built = (c with { StructureCache = Directory.CreateTempSubdirectory().FullName }).LoadStructure();
        var glass = LammpsDataReader.Read(Glass, ["Si", "O"]);
        double placedVolume = 2 * glass.Box.Volume; // the glass twice along x, the box the grains were placed in
        Assert.True(built.Glass.Box.Volume < 0.99 * placedVolume, $"volume {built.Glass.Box.Volume:F0} A3 against {placedVolume:F0} A3 as placed");
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(built.GroupsFile)!, "glass-ceramic.json")))!;
        Assert.StartsWith("npt at 0 GPa", json["relax_ensemble"]!.GetValue<string>());
    }

    [Fact]
    public void FractionZero_IsTheGlassAlone_RelaxedAsTheGlassCeramicsAre()
    {
        var c = RunConfig.Load(GlassCeramicFile(relaxPs: 0.5, fraction: 0));
        var built = (c with { StructureCache = Directory.CreateTempSubdirectory().FullName }).LoadStructure();
        var glass = Replication.Replicate(LammpsDataReader.Read(Glass, ["Si", "O"]), 2, 1, 1);
        Assert.Equal(glass.Count, built.Glass.Count); // nothing cut, nothing removed
        var rows = File.ReadAllLines(built.GroupsFile!).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.All(rows, r => { Assert.Equal("0", r[2]); Assert.Equal("glass", r[3]); });
        Assert.NotEqual(glass.Box.Volume, built.Glass.Box.Volume); // relaxed at zero pressure as the glass-ceramics are
    }
}
