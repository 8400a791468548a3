using System.Text.Json.Nodes;
using FractureLab.BondSwitch.Snapshots;
using FractureLab.BondSwitch.Structure;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Geometry;
using FractureLab.Mechanics.IO;
using FractureLab.Tests.Cli;

namespace FractureLab.Tests.BondSwitch;

/// <summary>Anion units and Qⁿ (issue 24.2) on boxes built with known numbers of PS4, P2S7 and P2S6 units and a known silicate chain.</summary>
[Collection("console")]
public class SpeciationTests
{
    private const double PS = 2.05, PP = 2.2; // Å: P-S and the P-P bond of P2S6

    private sealed class Builder(string[] elements, double[] masses)
    {
        public readonly List<(int Type, double X, double Y, double Z)> Atoms = [];
        public void Add(int type, double x, double y, double z) => Atoms.Add((type, x, y, z));
        public AtomSystem Build(double lx, double ly, double lz)
        {
            var s = new AtomSystem(Atoms.Count, elements, masses, new Box([0, 0, 0], [lx, ly, lz]));
            for (int i = 0; i < Atoms.Count; i++) { s.Type[i] = Atoms[i].Type; s.X[i] = Atoms[i].X; s.Y[i] = Atoms[i].Y; s.Z[i] = Atoms[i].Z; s.Id[i] = i + 1; }
            return s;
        }
    }

    /// <summary>Unit vectors of a tetrahedron, and of its three legs other than the one along −x (for corner and bond sharing along x).</summary>
    private static readonly double[][] Tetra = [[1, 1, 1], [1, -1, -1], [-1, 1, -1], [-1, -1, 1]];

    private static void Leg(Builder b, int type, double cx, double cy, double cz, double[] u, double r)
    {
        double n = Math.Sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
        b.Add(type, cx + r * u[0] / n, cy + r * u[1] / n, cz + r * u[2] / n);
    }

    /// <summary>Three terminal ligands pointing away from +x (the other leg is the bridge or the bond along +x), or away from −x when <paramref name="mirror"/>.</summary>
    private static void Cap(Builder b, int type, double cx, double cy, double cz, double r, bool mirror)
    {
        double s = mirror ? 1 : -1;
        foreach (var (y, z) in new[] { (1.0, 0.0), (-0.5, 0.866), (-0.5, -0.866) }) Leg(b, type, cx, cy, cz, [s * 0.34, 0.94 * y, 0.94 * z], r);
    }

    /// <summary>3 PS4, 2 P2S7 (corner-sharing, P-S-P along x) and 1 P2S6 (P-P bond), 10 Å apart, with 12 Li between them.</summary>
    private static AtomSystem Thiophosphate()
    {
        var b = new Builder(["Li", "P", "S"], [6.94, 30.97, 32.06]);
        const int li = 0, p = 1, s = 2;
        for (int k = 0; k < 3; k++)
        {
            double cx = 5 + 10 * k, cy = 5, cz = 5;
            b.Add(p, cx, cy, cz);
            foreach (var u in Tetra) Leg(b, s, cx, cy, cz, u, PS);
        }
        for (int k = 0; k < 2; k++)
        {
            double cx = 5 + 12 * k, cy = 15, cz = 5;
            b.Add(p, cx, cy, cz); Cap(b, s, cx, cy, cz, PS, mirror: false);
            b.Add(s, cx + PS, cy, cz); // the bridging S
            b.Add(p, cx + 2 * PS, cy, cz); Cap(b, s, cx + 2 * PS, cy, cz, PS, mirror: true);
        }
        {
            double cx = 10, cy = 25, cz = 5;
            b.Add(p, cx, cy, cz); Cap(b, s, cx, cy, cz, PS, mirror: false);
            b.Add(p, cx + PP, cy, cz); Cap(b, s, cx + PP, cy, cz, PS, mirror: true);
        }
        for (int k = 0; k < 12; k++) b.Add(li, 2.5 + 5 * (k % 6), 2.5 + 10 * (k / 6), 9.5);
        return b.Build(30, 30, 12);
    }

    [Fact]
    public void Thiophosphate_UnitsAndQ_AreTheBuiltOnes()
    {
        var snap = new Snapshot("built", 0, Thiophosphate());
        var sp = AnionSpeciationAnalysis.Compute(snap, "P", "S", formerLigandCutoffA: 2.5);
        Assert.Equal(new Dictionary<string, int> { ["PS4"] = 3, ["P2S6"] = 1, ["P2S7"] = 2 }, sp.Counts.ToDictionary());
        Assert.Equal(["PS4", "P2S6", "P2S7"], sp.Counts.Keys); // ordered by formers, then name
        // Q: PS4 and the P of P2S6 have no bridging S (the P-P bond is not one); the four P of P2S7 have one each
        Assert.Equal(5.0 / 9, sp.QFractions[0], 12);
        Assert.Equal(4.0 / 9, sp.QFractions[1], 12);
        Assert.Equal(1, sp.Units.Single(u => u.Name == "P2S6").FormerFormerBonds);
        Assert.All(sp.Units.Where(u => u.Name == "P2S7"), u => Assert.Equal(1, u.BridgingLigands));
        // every P and S is in a unit; no Li is
        for (int i = 0; i < snap.System.Count; i++) Assert.Equal(snap.Element(i) != "Li", sp.UnitOfAtom[i] >= 0);
    }

    [Fact]
    public void Silicate_ChainAndTetrahedron_GiveQ0Q1Q2()
    {
        // O3Si-O-SiO2-O-SiO3 along x (Q1, Q2, Q1) and an isolated SiO4 (Q0); Si-O 1.6 Å, terminal O at right angles
        var b = new Builder(["Si", "O"], [28.09, 16.0]);
        const double so = 1.6;
        for (int k = 0; k < 3; k++)
        {
            double x = 4 + 2 * so * k;
            b.Add(0, x, 5, 5);
            b.Add(1, x, 5 + so, 5);
            b.Add(1, x, 5 - so, 5);
            if (k < 2) b.Add(1, x + so, 5, 5);
        }
        b.Add(1, 4 - so, 5, 5);
        b.Add(1, 4 + 4 * so + so, 5, 5);
        b.Add(0, 8, 14, 5);
        foreach (var u in Tetra) Leg(b, 1, 8, 14, 5, u, so);
        var sp = AnionSpeciationAnalysis.Compute(new Snapshot("chain", 0, b.Build(20, 20, 10)), "Si", "O", 2.0);
        Assert.Equal(new Dictionary<string, int> { ["SiO4"] = 1, ["Si3O10"] = 1 }, sp.Counts.ToDictionary());
        Assert.Equal(0.25, sp.QFractions[0], 12);
        Assert.Equal(0.50, sp.QFractions[1], 12);
        Assert.Equal(0.25, sp.QFractions[2], 12);
    }

    [Fact]
    public void StructureCommand_WritesUnitsJson_Labels_AndUnitResolvedRdf()
    {
        string dir = Directory.CreateTempSubdirectory("units").FullName;
        string data = Path.Combine(dir, "lps.data");
        LammpsDataWriter.Write(data, Thiophosphate(), "built units");
        var (code, err) = CliRunner.Run("structure", data, "--elements", "Li,P,S", "--pairs", "P-S", "--cutoffs", "P-S=2.5", "--units", "P-S", "--rmax", "6", "--out", Path.Combine(dir, "o"));
        Assert.True(code == 0, err);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "o", "units.json")))!;
        Assert.Equal(3.0, (double)json["units"]!["PS4"]!);
        Assert.Equal(2.0, (double)json["units"]!["P2S7"]!);
        Assert.Equal(1.0, (double)json["units"]!["P2S6"]!);
        Assert.Equal(5.0 / 9, (double)json["Q"]!["0"]!, 12);
        Assert.Equal("given", (string)json["cutoff_source"]!);
        var frame = LammpsDumpReader.Read(Path.Combine(dir, "o", "units.dump")).Single();
        Assert.Equal(4, frame.Column("q_n", "units.dump").Count(q => q == 1)); // the P of P2S7
        var header = File.ReadAllLines(Path.Combine(dir, "o", "units_rdf.csv"))[0];
        Assert.Equal("r_A,g_S(PS4)-Li,g_S(P2S6)-Li,g_S(P2S7)-Li", header);
    }
}
