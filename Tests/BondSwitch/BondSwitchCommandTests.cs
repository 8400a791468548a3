using System.Text.Json;
using FractureLab.BondSwitch.Snapshots;
using FractureLab.Mechanics.IO;
using FractureLab.Tests.Cli;
using static FractureLab.Tests.BondSwitch.Configurations;

namespace FractureLab.Tests.BondSwitch;

/// <summary>The bondswitch, structure and softness commands on files written from hand-built configurations.</summary>
[Collection("console")]
public class BondSwitchCommandTests
{
    private static readonly double[] Box = [60, 12, 12];

    /// <summary>
    /// Twenty B centres along x with four O at 1.45 Å in the y-z plane; the even ones have a fifth O stretched to 1.80 Å
    /// (inside r_c = 2.0 Å), which moves to 3 Å in the current snapshot: the even centres are "decreased", the odd unchanged.
    /// </summary>
    private static (List<Atom> Reference, List<Atom> Current) Chain()
    {
        var reference = new List<Atom>();
        var current = new List<Atom>();
        for (int k = 0; k < 20; k++)
        {
            int c = 10 * (k + 1);
            double x = 1.5 + 3 * k;
            var own = new List<Atom>
            {
                new(c, "B", x, 6, 6), new(c + 1, "O", x, 7.45, 6), new(c + 2, "O", x, 4.55, 6), new(c + 3, "O", x, 6, 7.45), new(c + 4, "O", x, 6, 4.55),
            };
            reference.AddRange(own);
            current.AddRange(own);
            if (k % 2 == 0)
            {
                reference.Add(new Atom(c + 5, "O", x, 6 + 1.27, 6 + 1.27)); // 1.80 Å, between two bonded O
                current.Add(new Atom(c + 5, "O", x, 6 + 2.12, 6 + 2.12));   // 3.0 Å
            }
        }
        return (reference, current);
    }

    private static string WriteData(string dir, string name, IEnumerable<Atom> atoms)
    {
        string path = Path.Combine(dir, name);
        LammpsDataWriter.Write(path, Make(name, Box, atoms).System, "hand-built");
        return path;
    }

    /// <summary>A LAMMPS-style dump with only "id type x y z" (no element names), atoms in reverse order.</summary>
    private static string WriteTypeOnlyDump(string dir, IEnumerable<Atom> atoms, string[] elements)
    {
        string path = Path.Combine(dir, "current.dump");
        var lines = new List<string> { "ITEM: TIMESTEP", "5000", "ITEM: NUMBER OF ATOMS", atoms.Count().ToString(), "ITEM: BOX BOUNDS pp pp pp",
            $"0 {Box[0]}", $"0 {Box[1]}", $"0 {Box[2]}", "ITEM: ATOMS id type x y z" };
        lines.AddRange(atoms.Reverse().Select(a => FormattableString.Invariant($"{a.Id} {Array.IndexOf(elements, a.Element) + 1} {a.X} {a.Y} {a.Z}")));
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void BondSwitchWritesTheTableFigureAndPerAtomDump()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        var (reference, current) = Chain();
        string refFile = WriteData(dir, "ref.data", reference);
        string dump = WriteTypeOnlyDump(dir, current, ["B", "O"]);
        string csv = Path.Combine(dir, "out", "switch.csv");
        var (code, err) = CliRunner.Run("bondswitch", "--reference", refFile, "--current", dump, "--center", "B", "--neighbor", "O",
            "--cutoff", "2.0", "--elements", "B,O", "--out", csv, "--dump", Path.Combine(dir, "classes.dump"));
        Assert.True(code == 0, err);
        var rows = File.ReadAllLines(csv);
        Assert.StartsWith("snapshot,strain,center,neighbor,centers,unchanged,decreased,increased,swapped", rows[0]);
        Assert.StartsWith("current.dump,0,B,O,20,10,10,0,0,0.5,0.5,0,0,0.5", rows[1]);
        Assert.True(new FileInfo(Path.ChangeExtension(csv, ".png")).Length > 1000);
        var frame = LammpsDumpReader.Read(Path.Combine(dir, "classes.dump")).Single();
        var ids = frame.Column("id", "test");
        var cls = frame.Column("bond_switch", "test");
        double ClassOf(int id) => cls[Array.IndexOf(ids, (double)id)];
        Assert.Equal(1, ClassOf(10));  // even centre: decreased
        Assert.Equal(0, ClassOf(20));  // odd centre: unchanged
        Assert.Equal(-1, ClassOf(11)); // an O
        Assert.Contains("d2min", frame.Columns.Keys);

        // A second run overlaid on the first: the table written above is read back.
        string second = Path.Combine(dir, "out", "second.csv");
        (code, err) = CliRunner.Run("bondswitch", "--reference", refFile, "--current", refFile, "--center", "B", "--neighbor", "O",
            "--cutoff", "2.0", "--out", second, "--overlay", csv);
        Assert.True(code == 0, err);
        Assert.StartsWith("ref.data,0,B,O,20,20,0,0,0,1,", File.ReadAllLines(second)[1]);
        Assert.True(File.Exists(Path.ChangeExtension(second, ".png")));
        File.WriteAllText(Path.Combine(dir, "bad.csv"), "snapshot,strain\nx,0.1\n");
        (code, err) = CliRunner.Run("bondswitch", "--reference", refFile, "--current", refFile, "--center", "B", "--neighbor", "O",
            "--cutoff", "2.0", "--out", second, "--overlay", Path.Combine(dir, "bad.csv"));
        Assert.NotEqual(0, code);
        Assert.Contains("no column 'decreased_fraction'", err);
    }

    [Fact]
    public void DumpWithoutElementsNeedsTheElementsOption()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        var (reference, current) = Chain();
        string refFile = WriteData(dir, "ref.data", reference);
        string dump = WriteTypeOnlyDump(dir, current, ["B", "O"]);
        var (code, err) = CliRunner.Run("bondswitch", "--reference", refFile, "--current", dump, "--center", "B", "--neighbor", "O",
            "--cutoff", "2.0", "--out", Path.Combine(dir, "x.csv"));
        Assert.NotEqual(0, code);
        Assert.Contains("current.dump", err);
        Assert.Contains("--elements", err);
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public void SoftnessLearnsWhichCentresSwitchFromTheirStretchedBond()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        var (reference, current) = Chain();
        string refFile = WriteData(dir, "ref.data", reference);
        string curFile = WriteData(dir, "cur.data", current);
        string outDir = Path.Combine(dir, "soft");
        var (code, err) = CliRunner.Run("softness", "--reference", refFile, "--current", curFile, "--center", "B", "--neighbor", "O",
            "--cutoff", "2.0", "--features", "O", "--mu-min", "1.2", "--mu-max", "2.4", "--folds", "5", "--out", outDir);
        Assert.True(code == 0, err);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var root = summary.RootElement;
        Assert.Equal(20, root.GetProperty("centers").GetInt32());
        Assert.Equal(10, root.GetProperty("switching").GetInt32());
        Assert.Equal(1.0, root.GetProperty("cv_accuracy").GetDouble(), 12);
        Assert.True(root.GetProperty("mean_softness_switching").GetDouble() > 0);
        Assert.True(root.GetProperty("mean_softness_unchanged").GetDouble() < 0);
    }

    [Fact]
    public void StructureFindsTheRockSaltShellAndSixFoldCoordination()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        string data = Path.Combine(dir, "nacl.data");
        LammpsDataWriter.Write(data, RockSalt(5.64, 3).System, "rock salt");
        string outDir = Path.Combine(dir, "st");
        var (code, err) = CliRunner.Run("structure", data, "--pairs", "Na-Cl", "--rmax", "6", "--bin", "0.05", "--out", outDir);
        Assert.True(code == 0, err);
        var coordination = File.ReadAllLines(Path.Combine(outDir, "coordination.csv"));
        Assert.Contains(coordination, l => l.StartsWith("Na,Cl,") && l.EndsWith(",6,108,1"));
        Assert.True(File.Exists(Path.Combine(outDir, "rdf.png")));
        Assert.True(File.Exists(Path.Combine(outDir, "angles.csv")));
    }
}
