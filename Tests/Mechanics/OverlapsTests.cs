using FractureLab.Mechanics;
using FractureLab.Mechanics.Backends;

namespace FractureLab.Tests.Mechanics;

public class OverlapsTests
{
    [Fact]
    public void AtomsOnTopOfEachOther_AreNamedByTheirIds_AcrossThePeriodicBoundaryToo()
    {
        var (s, ff) = TestData.Bind("silica192.data", "bks-wall");
        Overlaps.Check(s, ff);
        // atom index 1 moved 0.05 Å from index 0 through the x boundary: the minimum image is what counts
        s.X[0] = s.Box.Lo[0] + 0.02;
        s.X[1] = s.Box.Hi[0] - 0.03;
        s.Y[1] = s.Y[0];
        s.Z[1] = s.Z[0];
        var e = Assert.Throws<InputException>(() => Overlaps.Check(s, ff));
        Assert.Contains($"atoms {s.Id[0]} and {s.Id[1]}", e.Message.Replace($"atoms {s.Id[1]} and {s.Id[0]}", $"atoms {s.Id[0]} and {s.Id[1]}"));
        Assert.Contains("0.05 Å apart", e.Message);
        s.X[1] = s.Box.Hi[0] - 0.2;  // 0.22 Å: close, but not on top
        Overlaps.Check(s, ff);
    }

    /// <summary>
    /// Two atoms 0.05 Å apart in a 2 000 Å box (a dilute box, or one with much vacuum): found, and the check's cell grid
    /// follows the atoms' spacing, not the box (cells of 0.5 Å would be 6.4e10 cells and 5e11 sort keys here).
    /// </summary>
    [Fact]
    public void AVastDiluteBox_IsCheckedWithoutACellPerHalfAngstrom()
    {
        var (glass, ff) = TestData.Bind("silica192.data", "bks-wall");
        var s = new FractureLab.Mechanics.Atoms.AtomSystem(2, glass.TypeElements, glass.TypeMasses, new FractureLab.Mechanics.Geometry.Box([0, 0, 0], [2000, 2000, 2000]));
        s.X[0] = 1000; s.Y[0] = 1000; s.Z[0] = 1000; s.Id[0] = 1;
        s.X[1] = 1000.05; s.Y[1] = 1000; s.Z[1] = 1000; s.Id[1] = 2;
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<InputException>(() => Overlaps.Check(s, ff));
        Assert.Contains("0.05 Å apart", e.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 100_000_000, "the check allocated more than 100 MB for two atoms");
    }

    [Fact]
    public void ACoreAndItsOwnShell_MaySitTogether_ButNotAnotherAtom()
    {
        var (def, s) = CoreShellTests.BksWithShells(shiftEnergy: false);
        var ff = new CompiledForceField(def, s);
        var cs = ff.CoreShell!;
        Assert.True(TestData.Distance(s, cs.Core[0], cs.Shell[0]) < Overlaps.MinimumDistanceA);
        Overlaps.Check(s, ff);
        // the shell of pair 1 put onto the core of pair 0
        int shell = cs.Shell[1], core = cs.Core[0];
        (s.X[shell], s.Y[shell], s.Z[shell]) = (s.X[core] + 0.01, s.Y[core], s.Z[core]);
        Assert.Throws<InputException>(() => Overlaps.Check(s, ff));
    }
}
