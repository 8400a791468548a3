using FractureLab.Mechanics;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Crystals;
using FractureLab.Mechanics.Geometry;
using FractureLab.Mechanics.IO;

namespace FractureLab.Tests.Mechanics;

/// <summary>Issue 23.2: the glass-ceramic builder (grain shapes, composition and charge, the crystal's distances kept, crystal-like atoms counted).</summary>
public class GlassCeramicTests
{
    private static readonly string Glass = TestData.Repository("Mechanics", "Data", "silica1800.data");
    private static string Cif(string name) => TestData.Data(Path.Combine("crystals", name));

    private static AtomSystem Cristobalite() =>
        new CrystalRecipe(Cif("cristobalite.cif"), Size: [2, 2, 2], ForceField: "bks-wall").Build().System;

    [Fact]
    public void SphericalGrains_InSilicaGlass_KeepTheCrystalsBonds_NeutralityAndComposition()
    {
        var glass = LammpsDataReader.Read(Glass);
        var crystal = Cristobalite();
        var a = GlassCeramicBuilder.Assemble(glass, crystal, new GrainSettings(2, 0.15, GrainShape.Sphere, RandomOrientations: true, Seed: 4));
        var s = a.System;
        Assert.Equal(0, s.Charge.Sum(), 9);
        int si = s.Type.Count(t => s.TypeElements[t] == "Si"), o = s.Type.Count(t => s.TypeElements[t] == "O");
        Assert.Equal(2 * si, o); // SiO2 exactly, as the glass
        Assert.InRange(a.GrainAtomFraction, 0.12, 0.18); // 15 % by volume; cristobalite (2.17 g/cm3) is a little less dense than this glass
        // grain atoms keep the crystal's distances: each Si with four O of its own grain at a sqrt(3)/8 = 1.5504 A
        double bond = 7.16 * Math.Sqrt(3) / 8;
        int interior = 0;
        for (int i = 0; i < s.Count; i++)
        {
            if (a.Grain[i] == 0 || s.TypeElements[s.Type[i]] != "Si") continue;
            var near = Enumerable.Range(0, s.Count).Where(j => j != i && a.Grain[j] == a.Grain[i] && TestData.Distance(s, i, j) < 2.0).Select(j => TestData.Distance(s, i, j)).ToList();
            if (near.Count < 4) continue; // a Si at the grain's surface lost some O
            interior++;
            Assert.Equal(4, near.Count);
            Assert.All(near, d => Assert.Equal(bond, d, 6));
        }
        Assert.True(interior > 10, $"{interior} grain Si with a full tetrahedron");
        // no glass atom inside a grain, none closer than 1.8 A to a grain atom
        for (int i = 0; i < s.Count; i++)
        {
            if (a.Grain[i] != 0) continue;
            Assert.Equal(-1, a.Shapes.GrainOf([s.X[i], s.Y[i], s.Z[i]]));
            for (int j = 0; j < s.Count; j++)
                if (a.Grain[j] != 0) Assert.True(TestData.Distance(s, i, j) >= 1.8 - 1e-9, $"glass atom {i} is {TestData.Distance(s, i, j):F2} A from grain atom {j}");
        }
        // the crystal-order count: grain atoms whose whole 4 A shell (and 1.5 A more) is grain match the crystal in their
        // grain's orientation, glass atoms as far from any grain almost never do
        var like = new CrystalOrder(crystal).Matches(s, a.Shapes.Rotations);
        var grainGrid = new PointGrid(s.Box, 3.0);
        var glassGrid = new PointGrid(s.Box, 3.0);
        for (int i = 0; i < s.Count; i++) (a.Grain[i] > 0 ? grainGrid : glassGrid).Add(s.X[i], s.Y[i], s.Z[i]);
        var deepGrain = Enumerable.Range(0, s.Count).Where(i => a.Grain[i] > 0 && !glassGrid.AnyWithin(s.X[i], s.Y[i], s.Z[i], 5.5)).ToList();
        var deepGlass = Enumerable.Range(0, s.Count).Where(i => a.Grain[i] == 0 && !grainGrid.AnyWithin(s.X[i], s.Y[i], s.Z[i], 5.5)).ToList();
        Assert.True(deepGrain.Count > 10, $"{deepGrain.Count} deep grain atoms");
        Assert.All(deepGrain, i => Assert.True(like[i], $"grain atom {i} does not match the crystal"));
        Assert.True(deepGlass.Average(i => like[i] ? 1.0 : 0.0) < 0.03, $"glass {deepGlass.Average(i => like[i] ? 1.0 : 0.0):P1}");
        Assert.True(new CrystalOrder(crystal).Matches(glass, a.Shapes.Rotations).Average(x => x ? 1.0 : 0.0) < 0.01); // the glass alone
    }

    [Fact]
    public void CompositionIsRestored_FromTheGlassAtomsNearestTheGrains()
    {
        // the glass O removed to balance the grains' surface O are the ones nearest a grain atom, not a draw over the whole glass
        var glass = LammpsDataReader.Read(Glass);
        var settings = new GrainSettings(2, 0.15, GrainShape.Sphere, RandomOrientations: true, Seed: 4);
        var a = GlassCeramicBuilder.Assemble(glass, Cristobalite(), settings);
        var s = a.System;
        var grainAtoms = Enumerable.Range(0, s.Count).Where(i => a.Grain[i] > 0).ToList();
        double ToGrain(double x, double y, double z) => grainAtoms.Min(j => Math.Sqrt(s.Box.Distance2(x, y, z, s.X[j], s.Y[j], s.Z[j])));
        // the glass atoms the cut kept (outside the grains, at least the minimum distance from every grain atom), then which survived
        var survivors = new HashSet<(double, double, double)>(Enumerable.Range(0, s.Count).Where(i => a.Grain[i] == 0).Select(i => (s.X[i], s.Y[i], s.Z[i])));
        var keptO = Enumerable.Range(0, glass.Count).Where(i => glass.TypeElements[glass.Type[i]] == "O"
            && a.Shapes.GrainOf([glass.X[i], glass.Y[i], glass.Z[i]]) < 0 && ToGrain(glass.X[i], glass.Y[i], glass.Z[i]) >= settings.MinDistanceA).ToList();
        var removed = keptO.Where(i => !survivors.Contains((glass.X[i], glass.Y[i], glass.Z[i]))).Select(i => ToGrain(glass.X[i], glass.Y[i], glass.Z[i])).ToList();
        var stayed = keptO.Where(i => survivors.Contains((glass.X[i], glass.Y[i], glass.Z[i]))).Select(i => ToGrain(glass.X[i], glass.Y[i], glass.Z[i])).ToList();
        Assert.Equal(a.RemovedToRestore["O"], removed.Count);
        Assert.True(removed.Count > 5, $"{removed.Count} O removed");
        Assert.True(removed.Max() <= stayed.Min() + 1e-9, $"an O {removed.Max():F3} A from a grain was removed while one {stayed.Min():F3} A away stayed");
    }

    [Theory]
    [InlineData(GrainShape.Voronoi, 5, 0.4)]
    [InlineData(GrainShape.Sphere, 3, 0.1)]
    public void GrainShapes_FillTheirVolumeFraction(GrainShape shape, int grains, double fraction)
    {
        var box = new Box([0, 0, 0], [40, 30, 50]);
        var g = new GrainShapes(box, grains, fraction, shape, randomOrientations: false, seed: 2);
        var rng = new Random(9);
        int n = 40_000, inside = 0;
        for (int k = 0; k < n; k++) if (g.GrainOf([rng.NextDouble() * 40, rng.NextDouble() * 30, rng.NextDouble() * 50]) >= 0) inside++;
        // Monte Carlo: sd = sqrt(f(1 - f)/n) <= 0.0025, so 0.01 is four standard deviations
        Assert.Equal(fraction, inside / (double)n, 0.01);
    }

    [Fact]
    public void GrainRotation_RecoversAKnownTurn()
    {
        // a grain of 50 random points turned by 10 degrees about z and shifted: the tracked orientation is the turn times the placed one
        var rng = new Random(3);
        var box = new FractureLab.Mechanics.Geometry.Box([0, 0, 0], [40, 40, 40]);
        var placed = new FractureLab.Mechanics.Atoms.AtomSystem(50, ["Si"], [28.0855], box);
        var now = new FractureLab.Mechanics.Atoms.AtomSystem(50, ["Si"], [28.0855], box.Clone());
        double t = 10 * Math.PI / 180, c = Math.Cos(t), sn = Math.Sin(t);
        for (int i = 0; i < 50; i++)
        {
            double x = 4 * (rng.NextDouble() - 0.5), y = 4 * (rng.NextDouble() - 0.5), z = 4 * (rng.NextDouble() - 0.5);
            placed.X[i] = 20 + x; placed.Y[i] = 20 + y; placed.Z[i] = 20 + z;
            now.X[i] = 20.3 + c * x - sn * y; now.Y[i] = 19.9 + sn * x + c * y; now.Z[i] = 20.1 + z;
        }
        var start = GrainShapes.RandomRotation(rng);
        var turned = GrainRotation.Track(placed, now, Enumerable.Repeat(1, 50).ToArray(), [[20.0, 20.0, 20.0]], [start]);
        Assert.Equal(10, GrainRotation.AngleDeg(start, turned[0]), 6);
    }

    [Fact]
    public void RandomRotations_AreProperRotations()
    {
        var rng = new Random(1);
        for (int k = 0; k < 50; k++)
        {
            var r = GrainShapes.RandomRotation(rng);
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 3; j++)
                {
                    double dot = r[0, i] * r[0, j] + r[1, i] * r[1, j] + r[2, i] * r[2, j];
                    Assert.Equal(i == j ? 1 : 0, dot, 12);
                }
            double det = r[0, 0] * (r[1, 1] * r[2, 2] - r[1, 2] * r[2, 1]) - r[0, 1] * (r[1, 0] * r[2, 2] - r[1, 2] * r[2, 0]) + r[0, 2] * (r[1, 0] * r[2, 1] - r[1, 1] * r[2, 0]);
            Assert.Equal(1, det, 12);
        }
    }

    [Fact]
    public void GrainsTooLargeForTheBox_OrAForeignElement_AreClearErrors()
    {
        var box = new Box([0, 0, 0], [20, 20, 20]);
        Assert.Contains("too large for the box", Assert.Throws<InputException>(() => new GrainShapes(box, 1, 0.6, GrainShape.Sphere, true, 1)).Message);
        var glass = LammpsDataReader.Read(Glass);
        var rutile = new CrystalRecipe(Cif("rutile.cif"), Size: [2, 2, 3]).Build().System;
        Assert.Contains("which the glass does not", Assert.Throws<InputException>(() => GlassCeramicBuilder.Assemble(glass, rutile, new GrainSettings(1, 0.05))).Message);
    }
}

/// <summary>Issue 23.2: <c>fracturelab build-glass-ceramic</c> end to end (minimization only), its files checked against each other.</summary>
[Collection("console")]
public class BuildGlassCeramicCommandTests
{
    [Fact]
    public void BuildGlassCeramic_WritesANeutralDataFile_GrainIds_AndFractionsThatAgree()
    {
        string dir = Directory.CreateTempSubdirectory("gc").FullName;
        string glass = TestData.Repository("Mechanics", "Data", "silica1800.data");
        var (code, err) = FractureLab.Tests.Cli.CliRunner.Run("build-glass-ceramic", "--glass", glass, "--cif", TestData.Data(Path.Combine("crystals", "cristobalite.cif")),
            "--forcefield", "bks-wall", "--grains", "2", "--fraction", "0.15", "--relax-ps", "0", "--threads", "2", "--out", dir);
        Assert.True(code == 0, err);
        var s = LammpsDataReader.Read(Path.Combine(dir, "glass-ceramic.data"));
        Assert.Equal(0, s.Charge.Sum(), 6);
        var rows = File.ReadAllLines(Path.Combine(dir, "grains.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(s.Count, rows.Count);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "glass-ceramic.json")))!;
        Assert.Equal(rows.Count(r => r[2] != "0") / (double)rows.Count, json["crystal_fraction_grain_atoms"]!.GetValue<double>(), 9);
        Assert.Equal(rows.Count(r => r[4] == "1") / (double)rows.Count, json["crystal_fraction_measured"]!.GetValue<double>(), 9);
        Assert.Equal(s.Count, json["atoms"]!.GetValue<int>());
        Assert.All(rows, r => Assert.Contains(r[3], new[] { "glass", "grain", "interface" }));
        var (bad, msg) = FractureLab.Tests.Cli.CliRunner.Run("build-glass-ceramic", "--glass", glass, "--cif", TestData.Data(Path.Combine("crystals", "cristobalite.cif")),
            "--forcefield", "bks-wall", "--fraction", "0.15", "--shape", "cube", "--out", dir);
        Assert.NotEqual(0, bad);
        Assert.Contains("--shape 'cube'", msg);
    }
}
