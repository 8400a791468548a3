using FractureLab.BondSwitch.Structure;

namespace FractureLab.Tests.BondSwitch;

/// <summary>g(r), coordination and bond angles of rock salt, whose shells are known exactly.</summary>
public class StructureTests
{
    private const double A = 5.64; // Å, NaCl

    [Fact]
    public void RockSaltNaClShellHasSixNeighboursAndTheExactPeakHeight()
    {
        var s = Configurations.RockSalt(A, 4);
        var g = RadialDistribution.Partial(s, "Na", "Cl", rMaxAngstrom: 6.0, binAngstrom: 0.05);
        // Nearest Na-Cl distance a/2 = 2.82 Å lies in the bin [2.80, 2.85): 6 Cl per Na, density 4/a³.
        int bin = (int)(2.82 / 0.05);
        double shell = 4.0 / 3.0 * Math.PI * (Math.Pow(2.85, 3) - Math.Pow(2.80, 3));
        Assert.Equal(6.0 / (4.0 / Math.Pow(A, 3) * shell), g.G[bin], 9);
        Assert.Equal(0.0, g.G.Take(bin).Sum());
        // Running coordination: 6 between the first (2.82) and second (4.88 Å) Na-Cl shells.
        Assert.Equal(6.0, g.RunningCn[(int)(4.0 / 0.05)], 12);
        double rc = RadialDistribution.FirstMinimum(g);
        Assert.InRange(rc, 2.9, 4.85);
    }

    [Fact]
    public void SameSpeciesShellCountsTwelveNeighboursWithTheNMinusOneDensity()
    {
        var s = Configurations.RockSalt(A, 3);
        var g = RadialDistribution.Partial(s, "Na", "Na", rMaxAngstrom: 5.0, binAngstrom: 0.05);
        // Na-Na nearest distance a/√2 = 3.988 Å, 12 neighbours; density (N−1)/V as LAMMPS compute rdf.
        int bin = (int)(A / Math.Sqrt(2) / 0.05);
        double r1 = bin * 0.05, r2 = r1 + 0.05;
        double rho = (4 * 27 - 1) / Math.Pow(3 * A, 3);
        Assert.Equal(12.0 / (rho * 4.0 / 3.0 * Math.PI * (r2 * r2 * r2 - r1 * r1 * r1)), g.G[bin], 9);
        Assert.Equal(12.0, g.RunningCn[^1], 12);
    }

    [Fact]
    public void CoordinationDistributionAndOctahedralAngles()
    {
        var s = Configurations.RockSalt(A, 3);
        var c = Coordination.Compute(s, "Na", "Cl", 3.5);
        Assert.Equal(new Dictionary<int, double> { [6] = 1.0 }, c.Distribution);
        Assert.Equal(6.0, c.Mean);
        // An octahedron: of the 15 Cl-Na-Cl angles, 12 are 90° and 3 are 180°.
        Assert.Equal(15 * 108, c.AnglesDeg.Count);
        Assert.Equal(12 * 108, c.AnglesDeg.Count(t => Math.Abs(t - 90) < 1e-6));
        Assert.Equal(3 * 108, c.AnglesDeg.Count(t => Math.Abs(t - 180) < 1e-6));
        var (deg, density) = c.AngleHistogram(1.0);
        Assert.Equal(1.0, density.Sum() * 1.0, 12);
        Assert.Equal(0.8, density[Array.FindIndex(deg, d => d > 90 && d < 91)], 12);
    }

    [Fact]
    public void MissingSpeciesIsAnErrorNamingIt()
    {
        var s = Configurations.RockSalt(A, 2);
        var e = Assert.Throws<FractureLab.Mechanics.InputException>(() => RadialDistribution.Partial(s, "B", "O"));
        Assert.Contains("no B atoms", e.Message);
    }
}
