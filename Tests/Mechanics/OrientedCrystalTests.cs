using FractureLab.Mechanics;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Crystals;

namespace FractureLab.Tests.Mechanics;

/// <summary>Issue 23.1: oriented orthogonal cells of any lattice, and aliovalent substitution with charge compensation, against numbers by hand.</summary>
public class OrientedCrystalTests
{
    private static string Cif(string name) => TestData.Data(Path.Combine("crystals", name));

    private static int Count(AtomSystem s, string e) => s.Type.Count(t => s.TypeElements[t] == e);

    [Fact]
    public void Rutile_110_AlongZ_IsTwoCellsOfEdges_c_aSqrt2_aSqrt2_WithTheSameDensityAndBonds()
    {
        var cif = CifFile.Read(Cif("rutile.cif"));
        var o = OrientedCell.Find(cif, [1, 1, 0], axis: 2);
        Assert.Equal(2, o.Cells);
        Assert.Equal(0, o.MaxShearStrain, 12);
        Assert.Equal([1, 1, 0], o.Matrix[2]);
        var b = CrystalBuilder.Supercell(cif, 2, 2, 3, CrystalCharges.Formal(cif), orientation: o);
        var s = b.System;
        Assert.Equal(2 * 2 * 3 * 12, s.Count);
        Assert.Equal(3 * 4.5937 * Math.Sqrt(2), s.Box.Length(2), 9);
        Assert.Equal(2 * 2.9587, s.Box.Length(0), 9);
        double hand = 2 * (47.867 + 2 * 15.999) / 6.02214076e23 / (4.5937 * 4.5937 * 2.9587e-24);
        Assert.Equal(hand, s.DensityGPerCm3(), 3);
        // every Ti keeps its octahedron: 4 O at 1.9486 A, 2 at 1.9800 A (Baur & Khan's x = 0.30478), the next O beyond 3.4 A
        double apical = 0.30478 * 4.5937 * Math.Sqrt(2), equatorial = Math.Sqrt(2 * Math.Pow(4.5937 * (0.5 - 0.30478), 2) + Math.Pow(2.9587 / 2, 2));
        for (int i = 0; i < s.Count; i++)
        {
            if (s.TypeElements[s.Type[i]] != "Ti") continue;
            var d = Enumerable.Range(0, s.Count).Where(j => s.TypeElements[s.Type[j]] == "O").Select(j => TestData.Distance(s, i, j)).Order().Take(7).ToArray();
            Assert.Equal(equatorial, d[0], 4);
            Assert.Equal(equatorial, d[3], 4);
            Assert.Equal(apical, d[4], 4);
            Assert.Equal(apical, d[5], 4);
            Assert.True(d[6] > 3.4);
        }
    }

    [Fact]
    public void Monoclinic_Cell_GetsTheOrthogonalCell_a_b_aPlus2c_AndKeepsEveryDistance()
    {
        var cif = CifFile.Read(Cif("monoclinic.cif"));
        var o = OrientedCell.Default(cif);
        Assert.Equal(2, o.Cells);
        Assert.Equal([1, 0, 0], o.Matrix[2]); // c has no short normal lattice vector; a has b and a + 2c
        Assert.True(o.MaxShearStrain < 1e-6, $"strain {o.MaxShearStrain}");
        var b = CrystalBuilder.Supercell(cif, 4, 1, 3, CrystalCharges.Formal(cif)); // edges 12, 13.1, 15 A: minimum images hold to 6 A
        var s = b.System;
        Assert.Equal(4 * 1 * 3 * 2 * 3, s.Count);
        // a along z, b and a + 2c across: |a + 2c| = sqrt(a^2 + 4 a c cos(beta) + 4 c^2) with a c cos(beta) = -12.5, = sqrt(171)
        Assert.Equal(3 * 5.0, s.Box.Length(2), 9);
        Assert.Equal(4 * 3.0, s.Box.Length(0), 9);
        Assert.Equal(Math.Sqrt(171), s.Box.Length(1), 5);
        Assert.Equal(0, b.NetChargeE, 9);
        // volume per cell a b c sin(beta): density by hand
        double v = 5 * 3 * 7 * Math.Sin(Math.Acos(-5.0 / 14)) * 1e-24;
        Assert.Equal((47.867 + 2 * 15.999) / 6.02214076e23 / v, s.DensityGPerCm3(), 4);
        // the Ti-O distances of the oblique cell, by brute force over images in Cartesian lattice vectors
        var lat = OrientedCell.LatticeVectors(cif);
        double[] Cart(double[] f) => [.. Enumerable.Range(0, 3).Select(k => f[0] * lat[0][k] + f[1] * lat[1][k] + f[2] * lat[2][k])];
        var oxygens = new[] { new[] { 0.31, 0.5, 0.22 }, new[] { -0.31, 0.5, -0.22 } };
        var expected = new List<double>();
        foreach (var f in oxygens)
            for (int i = -2; i <= 2; i++) for (int j = -2; j <= 2; j++) for (int k = -2; k <= 2; k++)
                    {
                        var r = Cart([f[0] + i, f[1] + j, f[2] + k]);
                        expected.Add(Math.Sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]));
                    }
        var want = expected.Order().Take(6).ToArray();
        for (int i = 0; i < s.Count; i++)
        {
            if (s.TypeElements[s.Type[i]] != "Ti") continue;
            var d = Enumerable.Range(0, s.Count).Where(j => s.TypeElements[s.Type[j]] == "O").Select(j => TestData.Distance(s, i, j)).Order().Take(6).ToArray();
            for (int k = 0; k < 6; k++) Assert.Equal(want[k], d[k], 4);
        }
    }

    [Fact]
    public void NoOrthogonalCellWithinTheTolerance_IsAClearError()
    {
        var cif = CifFile.Read(Cif("monoclinic.cif"));
        var e = Assert.Throws<InputException>(() => OrientedCell.Find(cif, [1, 0, 1], 2, strainTolerance: 1e-6, range: 2));
        Assert.Contains("no orthogonal cell with [1,0,1] along z", e.Message);
        Assert.Throws<InputException>(() => OrientedCell.ParseDirection("1,0"));
    }

    [Fact]
    public void AtomsTarget_GivesTheNearestCountInANearCubicBox()
    {
        var cif = CifFile.Read(Cif("rutile.cif"));
        var size = CrystalRecipe.SizeFor(cif, OrientedCell.Default(cif), 2000);
        Assert.Equal([6, 6, 9], size); // 6 x 6 x 9 cells x 6 atoms = 1944... within one cell layer of 2000, edges 27.6, 27.6, 26.6 A
        Assert.InRange(size[0] * size[1] * size[2] * 6, 1800, 2200);
    }

    [Fact]
    public void Substitution_AlOnTi_WithLiOnInterstitials_IsExact_Neutral_AndSeeded()
    {
        var cif = CifFile.Read(Cif("rutile.cif"));
        var q = new Dictionary<string, double> { ["Ti"] = 4, ["O"] = -2, ["Al"] = 3, ["Li"] = 1 };
        var crystal = CrystalBuilder.Supercell(cif, 2, 2, 4, q).System; // 32 Ti
        var (s, r) = AliovalentSubstitution.Apply(crystal, Substitution.Parse("Ti:Al=0.25"), "Li", q, seed: 3);
        Assert.Equal(24, Count(s, "Ti"));
        Assert.Equal(8, Count(s, "Al"));
        Assert.Equal(8, Count(s, "Li"));
        Assert.Equal(64, Count(s, "O"));
        Assert.Equal(0, s.Charge.Sum(), 9);
        Assert.Equal((8, 32, 8), (r.Replaced, r.HostAtoms, r.CompensatorChange));
        // the added Li sit in voids: at least 1.6 A from every other atom, 2.2 A from each other
        var li = Enumerable.Range(0, s.Count).Where(i => s.TypeElements[s.Type[i]] == "Li").ToList();
        foreach (int i in li)
            for (int j = 0; j < s.Count; j++)
                if (j != i) Assert.True(TestData.Distance(s, i, j) >= (li.Contains(j) ? 2.2 : 1.6) - 1e-9, $"Li {i} is {TestData.Distance(s, i, j):F3} A from atom {j}");
        // rutile's largest voids lie in its channels along c at (1/2, 0, 1/4) and (1/2, 0, 3/4), 1.82 A from the nearest atom
        // (worked out on a 1/40 grid of the cell from Baur & Khan's positions)
        var voids = AliovalentSubstitution.Voids(crystal.Box, AtomListBuilder.Atoms(crystal), 1.6);
        Assert.Contains(voids, v => Math.Abs(v[0] - 0.5 * 4.5937) < 0.2 && Math.Abs(v[1]) < 0.2 && Math.Abs(v[2] - 0.25 * 2.9587) < 0.2);
        Assert.Contains(voids, v => Math.Abs(v[0] - 0.5 * 4.5937) < 0.2 && Math.Abs(v[1]) < 0.2 && Math.Abs(v[2] - 0.75 * 2.9587) < 0.2);
        var (again, _) = AliovalentSubstitution.Apply(crystal, Substitution.Parse("Ti:Al=0.25"), "Li", q, seed: 3);
        Assert.Equal(s.X, again.X);
        Assert.Equal(s.Type, again.Type);
    }

    [Fact]
    public void Substitution_RaisingTheCharge_RemovesCompensatingAtoms_AndImpossibleRequestsAreClearErrors()
    {
        var cif = CifFile.Read(Cif("rutile.cif"));
        var q = new Dictionary<string, double> { ["Ti"] = 4, ["O"] = -2, ["Nb"] = 5, ["Al"] = 3 };
        var crystal = CrystalBuilder.Supercell(cif, 2, 2, 4, q).System;
        // 8 Al3+ for Ti4+ lower the charge by 8 e: 4 O2- leave (oxygen vacancies, the usual acceptor compensation)
        var (s, r) = AliovalentSubstitution.Apply(crystal, Substitution.Parse("Ti:Al=0.25"), "O", q, seed: 1);
        Assert.Equal(60, Count(s, "O"));
        Assert.Equal(8, Count(s, "Al"));
        Assert.Equal(-4, r.CompensatorChange);
        Assert.Equal(0, s.Charge.Sum(), 9);
        Assert.Contains("asks for 3.2", Assert.Throws<InputException>(() => AliovalentSubstitution.Apply(crystal, Substitution.Parse("Ti:Al=0.1"), "Li", q, 1)).Message);
        // one Nb5+ raises the charge by 1 e, which O2- cannot balance in whole atoms
        Assert.Contains("cannot balance", Assert.Throws<InputException>(() => AliovalentSubstitution.Apply(crystal, Substitution.Parse("Ti:Nb=0.03125"), "O", q, 1)).Message);
        Assert.Throws<InputException>(() => Substitution.Parse("Ti=Al:0.2"));
    }

    [Fact]
    public void AlphaQuartz_HasItsPublishedBondsAndDensity()
    {
        // Levien, Prewitt & Weidner 1980 (a = 4.9134, c = 5.4052 A): Si-O 1.6039 A x 2 and 1.6132 A x 2 (from the published
        // positions, worked out on the oblique cell), density 3 M(SiO2) / (N_A (sqrt 3 / 2) a^2 c) = 2.6487 g/cm3
        var cif = CifFile.Read(Cif("alpha-quartz.cif"));
        var s = CrystalBuilder.Supercell(cif, 3, 2, 3, CrystalCharges.Formal(cif)).System;
        Assert.Equal(3 * 2 * 3 * 18, s.Count);
        Assert.Equal(3 * 60.0843 / 6.02214076e23 / (Math.Sqrt(3) / 2 * 4.9134 * 4.9134 * 5.4052e-24), s.DensityGPerCm3(), 3);
        for (int i = 0; i < s.Count; i++)
        {
            if (s.TypeElements[s.Type[i]] != "Si") continue;
            var d = Enumerable.Range(0, s.Count).Where(j => s.TypeElements[s.Type[j]] == "O").Select(j => TestData.Distance(s, i, j)).Order().Take(5).ToArray();
            Assert.Equal(1.6039, d[0], 3); Assert.Equal(1.6039, d[1], 3);
            Assert.Equal(1.6132, d[2], 3); Assert.Equal(1.6132, d[3], 3);
            Assert.True(d[4] > 3.0);
        }
    }
}
