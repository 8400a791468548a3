using FractureLab.Fracture.Geometry;
using FractureLab.Mechanics;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Geometry;

namespace FractureLab.Tests.Fracture;

/// <summary>The slit removes exactly the atoms inside it, restores neutrality from the atoms nearest it, and the edge crack opens vacuum.</summary>
public class PreCrackTests
{
    /// <summary>A simple cubic lattice of spacing 1 Å, sites at half-integers, alternating charges ±1 (a rock-salt arrangement).</summary>
    private static AtomSystem Lattice(int n) => Lattice(n, n, n);

    private static AtomSystem Lattice(int nx, int ny, int nz, double q = 1.0)
    {
        var s = new AtomSystem(nx * ny * nz, ["Na", "Cl"], [22.99, 35.45], new Box([0, 0, 0], [nx, ny, nz]));
        int i = 0;
        for (int x = 0; x < nx; x++)
        for (int y = 0; y < ny; y++)
        for (int z = 0; z < nz; z++, i++)
        {
            s.X[i] = x + 0.5; s.Y[i] = y + 0.5; s.Z[i] = z + 0.5;
            s.Type[i] = (x + y + z) % 2;
            s.Charge[i] = s.Type[i] == 0 ? q : -q;
        }
        return s;
    }

    [Fact]
    public void CentreSlit_RemovesTheSitesInside_ThroughTheThickness()
    {
        // 12³ sites; slit 2a = 4 Å along x around x = 6 (sites 4.5, 5.5, 6.5, 7.5), opening 2 Å around z = 6 (sites 5.5, 6.5): 4·2·12 = 96.
        var r = PreCrack.Apply(Lattice(12), new PreCrackSpec(LengthFraction: 4.0 / 12.0, OpeningA: 2.0));
        Assert.Equal(96, r.RemovedBySlit);
        Assert.Equal(0, r.RemovedForNeutrality);          // the slab holds as many + as −
        Assert.Equal(1728 - 96, r.System.Count);
        Assert.Equal(2.0, r.HalfLengthA, 12);
        Assert.Equal(12.0, r.PeriodA, 12);
        Assert.Equal(0.0, r.NetChargeE, 12);
    }

    [Fact]
    public void UnbalancedSlit_IsNeutralisedByTheNearestAtoms()
    {
        // 11 x 11 x 12 sites (neutral). Slit 3 sites along x (4.5, 5.5, 6.5 around the centre 5.5), 1 site along z
        // (5.5, at 5.5/12 of the box), through the 11 sites of y: 33 sites of alternating lines, net charge ±1.
        var s = Lattice(11, 11, 12);
        Assert.Equal(0.0, s.Charge.Sum(), 12);
        var r = PreCrack.Apply(s, new PreCrackSpec(LengthFraction: 2.4 / 11.0, OpeningA: 1.2, PositionFraction: 5.5 / 12.0));
        Assert.Equal(33, r.RemovedBySlit);
        Assert.Equal(1, r.RemovedForNeutrality);
        Assert.Equal(0.0, r.System.Charge.Sum(), 12);
    }

    [Fact]
    public void EdgeCrack_OpensVacuum_AndStartsAtTheSurface()
    {
        var r = PreCrack.Apply(Lattice(12), new PreCrackSpec(Kind: CrackKind.Edge, LengthFraction: 0.25, OpeningA: 2.0, VacuumA: 20));
        Assert.Equal(32.0, r.System.Box.Length(0), 12);
        Assert.Equal(3 * 2 * 12, r.RemovedBySlit);          // x = 0.5, 1.5, 2.5; z = 5.5, 6.5
        Assert.Equal(3.0, r.HalfLengthA, 12);
    }

    [Fact]
    public void NoCrack_LeavesTheSystem()
    {
        var r = PreCrack.Apply(Lattice(6), new PreCrackSpec(Kind: CrackKind.None));
        Assert.Equal(216, r.System.Count);
        Assert.Equal(0, r.RemovedBySlit);
    }

    /// <summary>
    /// The lattice with a shell on every Cl (core +1.5 e, shell −2.5 e: the ion −1 e) 0.55 Å above it along z, so that the
    /// shells of the cores at z = 6.5 lie outside a 2 Å opening around z = 6 and those of the cores at z = 4.5 inside it.
    /// </summary>
    private static (AtomSystem System, int[] ShellOf) LatticeWithShells(int nx, int ny, int nz)
    {
        var rigid = Lattice(nx, ny, nz);
        var anions = Enumerable.Range(0, rigid.Count).Where(i => rigid.Type[i] == 1).ToArray();
        var s = new AtomSystem(rigid.Count + anions.Length, ["Na", "Cl", "Cl_s"], [22.99, 35.05, 0.4], rigid.Box.Clone());
        var shellOf = Enumerable.Repeat(-1, s.Count).ToArray();
        for (int i = 0; i < rigid.Count; i++)
        {
            (s.X[i], s.Y[i], s.Z[i], s.Type[i], s.Charge[i], s.Id[i]) = (rigid.X[i], rigid.Y[i], rigid.Z[i], rigid.Type[i], rigid.Type[i] == 0 ? 1.0 : 1.5, i + 1);
        }
        for (int k = 0; k < anions.Length; k++)
        {
            int c = anions[k], h = rigid.Count + k;
            (s.X[h], s.Y[h], s.Z[h], s.Type[h], s.Charge[h], s.Id[h]) = (s.X[c], s.Y[c], s.Z[c] + 0.55, 2, -2.5, h + 1);
            shellOf[c] = h;
        }
        return (s, shellOf);
    }

    /// <summary>Cores kept without their shell, plus shells kept without their core, in <paramref name="cut"/> (by id).</summary>
    private static int Orphans(AtomSystem whole, int[] shellOf, AtomSystem cut)
    {
        var ids = cut.Id.ToHashSet();
        return Enumerable.Range(0, whole.Count).Count(c => shellOf[c] >= 0 && ids.Contains(whole.Id[c]) != ids.Contains(whole.Id[shellOf[c]]));
    }

    [Fact]
    public void CoreShellIons_AreCutWhole_TheCoreDeciding()
    {
        // The slit of CentreSlit_RemovesTheSitesInside_ThroughTheThickness: 96 ions (48 Cl), whose 48 shells go with them
        // (half of them at z = 7.05, outside the opening); the shells at z = 5.05 of the cores at 4.5 stay, inside it.
        var (s, shellOf) = LatticeWithShells(12, 12, 12);
        var r = PreCrack.Apply(s, new PreCrackSpec(LengthFraction: 4.0 / 12.0, OpeningA: 2.0), shellOf);
        Assert.Equal(96, r.RemovedBySlit);
        Assert.Equal(0, r.RemovedForNeutrality);
        Assert.Equal(1728 + 864 - 96 - 48, r.System.Count);
        Assert.Equal(0.0, r.System.Charge.Sum(), 9);
        Assert.Contains("48 shells removed with their cores", r.Description);
        Assert.Equal(0, Orphans(s, shellOf, r.System));
        // without the pairs, the slit takes atoms by their own positions: 24 cores at z = 6.5 lose their shells, and 24 shells
        // at z = 5.05 lose their cores at 4.5
        var rigidCut = PreCrack.Apply(s, new PreCrackSpec(LengthFraction: 4.0 / 12.0, OpeningA: 2.0));
        Assert.Equal(48, Orphans(s, shellOf, rigidCut.System));
    }

    [Fact]
    public void CoreShellNeutrality_RemovesWholeIons()
    {
        // The unbalanced slit of UnbalancedSlit_IsNeutralisedByTheNearestAtoms (net ±1 e): one more ion, core and shell.
        var (s, shellOf) = LatticeWithShells(11, 11, 12);
        var r = PreCrack.Apply(s, new PreCrackSpec(LengthFraction: 2.4 / 11.0, OpeningA: 1.2, PositionFraction: 5.5 / 12.0), shellOf);
        Assert.Equal(33, r.RemovedBySlit);
        Assert.Equal(1, r.RemovedForNeutrality);
        Assert.Equal(0.0, r.System.Charge.Sum(), 9);
        Assert.Equal(0, Orphans(s, shellOf, r.System));
    }

    [Theory]
    [InlineData(2, 2, 0.3, 5.0, "two different axes")]
    [InlineData(2, 0, 1.2, 5.0, "length fraction")]
    [InlineData(2, 0, 0.3, -1.0, "opening")]
    public void BadSpec_IsNamed(int load, int crack, double fraction, double opening, string message)
    {
        var e = Assert.Throws<InputException>(() => PreCrack.Apply(Lattice(6), new PreCrackSpec(LoadingAxis: load, CrackAxis: crack, LengthFraction: fraction, OpeningA: opening)));
        Assert.Contains(message, e.Message);
    }
}

/// <summary>Neutrality with unequal charges (BKS silica: Si +2.4, O −1.2), where no single removal lowers the net charge.</summary>
public class PreCrackSilicaNeutralityTests
{
    [Fact]
    public void ExcessPositiveCharge_IsRemovedAsOneSiliconThenOneOxygen()
    {
        // Along x at y = z = 0.5 in a 20 Å box, crack along x of 2a = 2 Å around x = 10, opening 1 Å around z = 10:
        // only the O at (10, 0.5, 10) lies in the slit. Outside it, nearest first: Si, O, Si, O, O (net +1.2 e after the slit).
        var s = new AtomSystem(6, ["Si", "O"], [28.0855, 15.999], Box.Cube(20));
        (double x, double z, int type)[] atoms = [(10, 10, 1), (10, 11.5, 0), (10, 12.5, 1), (10, 13.5, 0), (10, 14.5, 1), (10, 15.5, 1)];
        for (int i = 0; i < atoms.Length; i++)
        {
            s.X[i] = atoms[i].x; s.Y[i] = 0.5; s.Z[i] = atoms[i].z;
            s.Type[i] = atoms[i].type;
            s.Charge[i] = atoms[i].type == 0 ? 2.4 : -1.2;
        }
        var r = PreCrack.Apply(s, new PreCrackSpec(LengthFraction: 0.1, OpeningA: 1.0));
        Assert.Equal(1, r.RemovedBySlit);
        Assert.Equal(2, r.RemovedForNeutrality);
        Assert.Equal(0.0, r.NetChargeE, 9);
        Assert.Equal([4, 5, 6], r.System.Id.ToArray());   // ids 2 (the nearest Si) and 3 (then the nearest O) removed
    }
}
