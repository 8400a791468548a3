using FractureLab.BondSwitch.Snapshots;
using FractureLab.BondSwitch.Switching;
using static FractureLab.Tests.BondSwitch.Configurations;

namespace FractureLab.Tests.BondSwitch;

/// <summary>
/// Bond-switching classes on a hand-built box with five B centres (ids 100-500), each with four O at 1.45 Å in the
/// y-z plane (ids c+1..c+4), B3 and B4 with a fifth O at 3 Å along x (id c+5), B5 next to the x boundary with an O
/// across it (id 505). Cut-off 2.0 Å.
/// </summary>
public class BondSwitchTests
{
    private static readonly double[] BoxHi = [40, 12, 12];
    private const double Rc = 2.0, Bond = 1.45;

    private static List<Atom> Reference()
    {
        var atoms = new List<Atom>();
        double[] xs = [4, 12, 20, 28, 39.6];
        for (int k = 0; k < 5; k++)
        {
            int c = 100 * (k + 1);
            double x = xs[k];
            atoms.Add(new Atom(c, "B", x, 6, 6));
            atoms.Add(new Atom(c + 1, "O", x, 6 + Bond, 6));
            atoms.Add(new Atom(c + 2, "O", x, 6 - Bond, 6));
            atoms.Add(new Atom(c + 3, "O", x, 6, 6 + Bond));
            atoms.Add(new Atom(c + 4, "O", x, 6, 6 - Bond));
        }
        atoms.Add(new Atom(305, "O", 20 + 3.0, 6, 6));
        atoms.Add(new Atom(405, "O", 28 + 3.0, 6, 6));
        atoms.Add(new Atom(505, "O", 39.6 + Bond - 40, 6, 6)); // 1.45 Å from B5 through the x boundary
        atoms.Add(new Atom(900, "Li", 4, 9, 9));               // far from B1 in the reference
        return atoms;
    }

    private static Atom Move(Atom a, double x, double y, double z) => a with { X = x, Y = y, Z = z };

    private static List<Atom> Current()
    {
        var atoms = Reference().ToDictionary(a => a.Id);
        atoms[201] = Move(atoms[201], 12, 6 + 3.0, 6);      // B2 loses an O: decreased
        atoms[305] = Move(atoms[305], 20 + 1.5, 6, 6);      // B3 gains one: increased
        atoms[401] = Move(atoms[401], 28, 6 + 3.0, 6);      // B4 loses one and gains one: swapped
        atoms[405] = Move(atoms[405], 28 + 1.5, 6, 6);
        atoms[900] = Move(atoms[900], 4 + 1.5, 6, 6);       // a Li comes within r_c of B1: ignored
        foreach (int id in new[] { 500, 501, 502, 503, 504, 505 })   // B5 and its O cross the boundary together
        {
            var a = atoms[id];
            atoms[id] = Move(a, (a.X + 0.6 + 40) % 40, a.Y, a.Z);
        }
        return [.. atoms.Values];
    }

    private static BondSwitchAnalysis Analysis(SwitchCutoffs? cut = null) =>
        new(Make("ref", BoxHi, Reference()), "B", "O", cut ?? SwitchCutoffs.Single(Rc));

    private static Dictionary<int, SwitchClass> ClassesById(Snapshot s, BondSwitchTally t) =>
        Enumerable.Range(0, s.System.Count).Where(i => t.ClassPerAtom[i] >= 0).ToDictionary(i => s.System.Id[i], i => (SwitchClass)t.ClassPerAtom[i]);

    [Fact]
    public void EachCentreGetsItsClass()
    {
        var analysis = Analysis();
        Assert.Equal(5, analysis.ReferenceCount(500)); // the O across the boundary counts
        Assert.Equal(4, analysis.ReferenceCount(300)); // the O at 3 Å does not
        var now = Make("now", BoxHi, Current());
        var t = analysis.Classify(now);
        var c = ClassesById(now, t);
        Assert.Equal(SwitchClass.Unchanged, c[100]);
        Assert.Equal(SwitchClass.Decreased, c[200]);
        Assert.Equal(SwitchClass.Increased, c[300]);
        Assert.Equal(SwitchClass.Swapped, c[400]);
        Assert.Equal(SwitchClass.Unchanged, c[500]);
        Assert.Equal((5, 2, 1, 1, 1), (t.Centers, t.Unchanged, t.Decreased, t.Increased, t.Swapped));
        Assert.Equal(0.2, t.SwappedFraction, 12);
        Assert.Equal(-1, t.ClassPerAtom[Array.IndexOf(now.System.Id, 900)]);
    }

    [Fact]
    public void SplitByGroups_CountsEachGroupsCentres_AndTheirMeanCoordination()
    {
        // B1, B2 in "grain", B3-B5 in "glass" (ids as in a glass-ceramic's grains.csv); O and Li atoms listed too
        string csv = Path.Combine(Directory.CreateTempSubdirectory("groups").FullName, "grains.csv");
        File.WriteAllLines(csv, ["id,element,grain,region,crystal_like", .. Reference().Select(a => $"{a.Id},{a.Element},{(a.Id < 300 ? 1 : 0)},{(a.Id < 300 ? "grain" : "glass")},0")]);
        var groups = AtomGroups.Read(csv);
        Assert.Equal(["grain", "glass"], groups.Names);
        var now = Make("now", BoxHi, Current());
        var split = groups.Split(Analysis().Classify(now), now);
        var grain = split.Single(g => g.Group == "grain");
        var glass = split.Single(g => g.Group == "glass");
        // grain: B1 unchanged (4 O), B2 decreased (3 O); glass: B3 increased (5), B4 swapped (4), B5 unchanged (5)
        Assert.Equal((2, 1, 1, 0, 0), (grain.Centers, grain.Unchanged, grain.Decreased, grain.Increased, grain.Swapped));
        Assert.Equal(3.5, grain.MeanCoordination, 12);
        Assert.Equal((3, 1, 0, 1, 1), (glass.Centers, glass.Unchanged, glass.Decreased, glass.Increased, glass.Swapped));
        Assert.Equal(14 / 3.0, glass.MeanCoordination, 12);
        Assert.Equal(2 / 3.0, glass.SwitchedFraction, 12);
        // a per-atom quantity averaged per group, NaN left out: the atom ids themselves, B1's set to NaN
        var values = now.System.Id.Select(id => id == 100 ? double.NaN : (double)id).ToArray();
        var means = groups.MeanPerGroup(values, now);
        var grainIds = Reference().Where(a => a.Id < 300 && a.Id != 100).Select(a => (double)a.Id).ToList();
        Assert.Equal(grainIds.Average(), means["grain"], 12);
        Assert.Equal(Reference().Where(a => a.Id >= 300).Average(a => (double)a.Id), means["glass"], 12);
        // the grain column instead of the region, and files that do not fit
        Assert.Equal(["1", "0"], AtomGroups.Read(csv, "grain").Names);
        Assert.Contains("no column 'phase'", Assert.Throws<FractureLab.Mechanics.InputException>(() => AtomGroups.Read(csv, "phase")).Message);
        File.WriteAllLines(csv, ["id,region", "100,grain"]);
        Assert.Contains("centre atoms of now have ids the groups file does not list", Assert.Throws<FractureLab.Mechanics.InputException>(() => AtomGroups.Read(csv).Split(Analysis().Classify(now), now)).Message);
        File.WriteAllLines(csv, ["id,region", "x1,grain"]);
        Assert.Contains(":2: id 'x1' is not an integer", Assert.Throws<FractureLab.Mechanics.InputException>(() => AtomGroups.Read(csv)).Message);
    }

    [Fact]
    public void AtomOrderDoesNotMatter()
    {
        var shuffled = Current().OrderBy(a => (a.Id * 7919) % 101).ToList();
        var now = Make("shuffled", BoxHi, shuffled);
        Assert.NotEqual(Current().Select(a => a.Id), now.System.Id);
        var c = ClassesById(now, Analysis().Classify(now));
        Assert.Equal([SwitchClass.Unchanged, SwitchClass.Decreased, SwitchClass.Increased, SwitchClass.Swapped, SwitchClass.Unchanged],
            new[] { 100, 200, 300, 400, 500 }.Select(id => c[id]));
    }

    [Fact]
    public void AffineBoxStrainChangesNoBondAndGivesTheStrain()
    {
        var now = Scaled(Make("ref", BoxHi, Reference()), 0.08, -0.02, -0.02);
        var t = Analysis().Classify(now);
        Assert.Equal(5, t.Unchanged);
        Assert.Equal(0.08, t.Strain!.Value, 12);
    }

    [Fact]
    public void HysteresisIgnoresRattlingAcrossTheCutoff()
    {
        var reference = Reference().ToDictionary(a => a.Id);
        reference[305] = Move(reference[305], 20 + 2.05, 6, 6); // just outside r_c
        reference[101] = Move(reference[101], 4, 6 + 1.95, 6);  // just inside
        var now = reference.ToDictionary(p => p.Key, p => p.Value);
        now[305] = Move(now[305], 20 + 1.95, 6, 6);
        now[101] = Move(now[101], 4, 6 + 2.05, 6);
        var refSnap = Make("ref", BoxHi, reference.Values);
        var nowSnap = Make("now", BoxHi, now.Values);
        var single = ClassesById(nowSnap, new BondSwitchAnalysis(refSnap, "B", "O", SwitchCutoffs.Single(Rc)).Classify(nowSnap));
        Assert.Equal(SwitchClass.Decreased, single[100]);
        Assert.Equal(SwitchClass.Increased, single[300]);
        var hyst = ClassesById(nowSnap, new BondSwitchAnalysis(refSnap, "B", "O", SwitchCutoffs.Hysteresis(Rc, 0.1)).Classify(nowSnap));
        Assert.Equal(SwitchClass.Unchanged, hyst[100]);
        Assert.Equal(SwitchClass.Unchanged, hyst[300]);
    }

    [Fact]
    public void AMissingCentreIsAnErrorNamingItsId()
    {
        var now = Make("now", BoxHi, Current().Where(a => a.Id != 300));
        var e = Assert.Throws<FractureLab.Mechanics.InputException>(() => Analysis().Classify(now));
        Assert.Contains("id 300", e.Message);
        // A centre the reference does not have is named too (not an unhandled exception).
        var extra = Make("extra", BoxHi, Current().Append(new Atom(999, "B", 35, 3, 3)));
        var e2 = Assert.Throws<FractureLab.Mechanics.InputException>(() => Analysis().Classify(extra));
        Assert.Contains("id 999", e2.Message);
    }

    [Fact]
    public void TimeAverageUnwrapsAcrossTheBoundary()
    {
        var f1 = Make("f1", BoxHi, [new Atom(1, "B", 39.8, 6, 6), new Atom(2, "O", 10, 6, 6)]).System;
        var f2 = Make("f2", BoxHi, [new Atom(1, "B", 0.4, 6, 6), new Atom(2, "O", 10.4, 6, 6)]).System;
        var avg = TimeAverage.Of([f1, f2], "test");
        Assert.Equal(0.1, avg.X[0], 9);
        Assert.Equal(10.2, avg.X[1], 9);
    }
}
