using FractureLab.Mechanics;
using FractureLab.Mechanics.Crystals;

namespace FractureLab.Tests.Mechanics;

/// <summary>Issue 23.1 (first part): the CIF reader and the crystal builder against numbers worked out by hand.</summary>
public class CrystalTests
{
    private static string Cif(string name) => TestData.Data(Path.Combine("crystals", name));

    [Fact]
    public void Rutile_HasSixAtomsPerCell_ItsDensity_AndItsTwoTiOBondLengths()
    {
        var cif = CifFile.Read(Cif("rutile.cif"));
        Assert.Equal(16, cif.Operations.Count);
        var cell = CrystalBuilder.UnitCell(cif);
        // Ti on 2a (multiplicity 2), O on 4f (multiplicity 4): Z = 2 formula units
        Assert.Equal(2, cell.Count(p => p.Element == "Ti"));
        Assert.Equal(4, cell.Count(p => p.Element == "O"));
        var b = CrystalBuilder.Supercell(cif, 2, 2, 3, new Dictionary<string, double> { ["Ti"] = 4, ["O"] = -2 });
        Assert.Equal(2 * 2 * 3 * 6, b.System.Count);
        Assert.Equal(0, b.NetChargeE, 12);
        // rho = Z M / (N_A a^2 c): 2 x (47.867 + 2 x 15.999) g/mol over 4.5937^2 x 2.9587 A^3 = 4.2479 g/cm3 (measured 4.25)
        double hand = 2 * (47.867 + 2 * 15.999) / 6.02214076e23 / (4.5937 * 4.5937 * 2.9587e-24);
        Assert.Equal(hand, b.System.DensityGPerCm3(), 3);
        // Ti-O: apical x a sqrt(2) = 1.9800 A (2 per Ti), equatorial sqrt(2 (a (1/2 - x))^2 + (c/2)^2) = 1.9486 A (4 per Ti)
        var ti = cell.First(p => p.Element == "Ti");
        var d = cell.Where(p => p.Element == "O").SelectMany(o => new[] { CrystalBuilder.Distance(cif, ti.Fraction, o.Fraction) }).Order().ToArray();
        double apical = 0.30478 * 4.5937 * Math.Sqrt(2), equatorial = Math.Sqrt(2 * Math.Pow(4.5937 * (0.5 - 0.30478), 2) + Math.Pow(2.9587 / 2, 2));
        Assert.Equal(equatorial, d[0], 4);
        Assert.Equal(equatorial, d[1], 4);
        Assert.Equal(apical, d[2], 4);
        Assert.Equal(apical, d[3], 4);
    }

    [Fact]
    public void PartialOccupancies_AreDrawnExactly_WithoutOverlap_AndReproducibly()
    {
        var cif = CifFile.Read(Cif("mixed-site.cif"));
        var q = new Dictionary<string, double> { ["Ti"] = 4, ["Al"] = 3, ["Li"] = 1, ["O"] = -2 };
        var a = CrystalBuilder.Supercell(cif, 2, 2, 2, q, seed: 5);
        var s = a.System;
        int Count(string e) => s.Type.Count(t => s.TypeElements[t] == e);
        Assert.Equal(6, Count("Ti"));
        Assert.Equal(2, Count("Al"));
        Assert.Equal(2, Count("Li"));
        Assert.Equal(16, Count("O"));
        Assert.Equal(0, a.NetChargeE, 12);
        Assert.Equal((6, 8), a.Draws["Ti1"]);
        // no two atoms on one position (the mixed Ti/Al site is shared, never doubled)
        for (int i = 0; i < s.Count; i++)
            for (int j = i + 1; j < s.Count; j++)
                Assert.True(Math.Abs(s.X[i] - s.X[j]) + Math.Abs(s.Y[i] - s.Y[j]) + Math.Abs(s.Z[i] - s.Z[j]) > 0.1, $"atoms {i} and {j} overlap");
        var again = CrystalBuilder.Supercell(cif, 2, 2, 2, q, seed: 5).System;
        Assert.Equal(s.X, again.X);
        Assert.Equal(s.Type, again.Type);
        var e = Assert.Throws<InputException>(() => CrystalBuilder.Supercell(cif, 1, 1, 3, q));
        Assert.Contains("site Ti1 (occupancy 0.75) over 3 positions asks for 2.25 atoms", e.Message);
    }

    [Fact]
    public void Hexagonal_Wurtzite_IsBuiltInItsOrthohexagonalCell_KeepingDensityAndBonds()
    {
        var cif = CifFile.Read(Cif("wurtzite.cif"));
        Assert.Equal(2, CrystalBuilder.UnitCell(cif).Count(p => p.Element == "Zn")); // Zn on 2b
        var b = CrystalBuilder.Supercell(cif, 3, 2, 2, CrystalCharges.Formal(cif));
        var s = b.System;
        // two hexagonal cells per orthohexagonal cell (A = a, B = a sqrt 3): 8 atoms each
        Assert.Equal(3 * 2 * 2 * 8, s.Count);
        Assert.Equal(3 * 3.25, s.Box.Length(0), 9);
        Assert.Equal(2 * 3.25 * Math.Sqrt(3), s.Box.Length(1), 9);
        Assert.Equal(0, b.NetChargeE, 9);
        // rho = 2 M(ZnO) / (N_A (sqrt 3 / 2) a^2 c), by hand
        double hand = 2 * (65.38 + 15.999) / 6.02214076e23 / (Math.Sqrt(3) / 2 * 3.25 * 3.25 * 5.207e-24);
        Assert.Equal(hand, s.DensityGPerCm3(), 2);
        // every Zn has four O: three at sqrt(a^2/3 + (c(1/2 - u))^2) = 1.9744 A and one at u c = 1.9891 A
        double basal = Math.Sqrt(3.25 * 3.25 / 3 + Math.Pow(5.207 * (0.5 - 0.382), 2)), axial = 0.382 * 5.207;
        for (int i = 0; i < s.Count; i++)
        {
            if (s.TypeElements[s.Type[i]] != "Zn") continue;
            var d = Enumerable.Range(0, s.Count).Where(j => s.TypeElements[s.Type[j]] == "O").Select(j =>
            {
                double dx = s.X[j] - s.X[i], dy = s.Y[j] - s.Y[i], dz = s.Z[j] - s.Z[i];
                dx -= Math.Round(dx / s.Box.Length(0)) * s.Box.Length(0); dy -= Math.Round(dy / s.Box.Length(1)) * s.Box.Length(1); dz -= Math.Round(dz / s.Box.Length(2)) * s.Box.Length(2);
                return Math.Sqrt(dx * dx + dy * dy + dz * dz);
            }).Order().Take(5).ToArray();
            Assert.Equal(basal, d[0], 3);
            Assert.Equal(basal, d[2], 3);
            Assert.Equal(axial, d[3], 3);
            Assert.True(d[4] > 3.0, "no fifth O near a Zn");
        }
    }

    [Theory]
    [InlineData("data_x\n_cell_length_a 4\n_cell_length_b 4\n_cell_angle_alpha 90\n", "missing '_cell_length_c'")]
    [InlineData("data_x\n_cell_length_a 4\n_cell_length_b 4\n_cell_length_c 4\n_cell_angle_alpha 90\n_cell_angle_beta 90\n_cell_angle_gamma 90\nloop_\n_symmetry_equiv_pos_as_xyz\n'x,y,2z'\n", ":10: symmetry operation 'x,y,2z': coefficients other than ±1")]
    [InlineData("data_x\n_cell_length_a abc\n", ":2: 'abc' (_cell_length_a) is not a number")]
    [InlineData("_cell_length_a 4\n", ":1: '_cell_length_a' before the first data_ block")]
    [InlineData("data_x\n_cell_length_a 4\n_cell_length_b 4\n_cell_length_c 4\n_cell_angle_alpha 90\n_cell_angle_beta 90\n_cell_angle_gamma 90\n_symmetry_equiv_pos_as_xyz 'x,y,z'\nloop_\n_atom_site_label\n_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\nXx1 0 0\n", "has 3 values, not a multiple of its 4 tags")]
    public void MalformedCif_GivesOneErrorNamingLineAndKey(string text, string expected)
    {
        var e = Assert.Throws<InputException>(() => CifFile.Parse(text, "bad.cif"));
        Assert.Contains(expected, e.Message);
    }
}

/// <summary>Issue 23.1: <c>fracturelab build-crystal</c> end to end, with the charges the CIF's type symbols give.</summary>
[Collection("console")]
public class BuildCrystalCommandTests
{
    [Fact]
    public void BuildCrystal_WritesANeutralDataFile_WithTheCifsOxidationStates()
    {
        string dir = Directory.CreateTempSubdirectory("crystal").FullName;
        var (code, err) = FractureLab.Tests.Cli.CliRunner.Run("build-crystal", "--cif", TestData.Data(Path.Combine("crystals", "rutile.cif")), "--size", "2,2,3", "--out", dir);
        Assert.True(code == 0, err);
        var s = FractureLab.Mechanics.IO.LammpsDataReader.Read(Path.Combine(dir, "crystal.data"));
        Assert.Equal(72, s.Count);
        Assert.Equal(0, s.Charge.Sum(), 9);
        Assert.Equal(4.0, s.Charge[Array.FindIndex(s.Type, t => s.TypeElements[t] == "Ti")]);
        Assert.Equal(2 * 4.5937, s.Box.Length(0), 9);
        Assert.Contains("\"Ti\": 24", File.ReadAllText(Path.Combine(dir, "crystal.json")));
        (code, err) = FractureLab.Tests.Cli.CliRunner.Run("build-crystal", "--cif", TestData.Data(Path.Combine("crystals", "mixed-site.cif")), "--size", "1,1,3", "--out", dir);
        Assert.Equal(1, code);
        Assert.Contains("asks for 2.25 atoms", err);
    }
}
