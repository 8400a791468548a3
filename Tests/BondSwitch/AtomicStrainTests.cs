using FractureLab.BondSwitch.Snapshots;
using FractureLab.BondSwitch.Strain;

namespace FractureLab.Tests.BondSwitch;

/// <summary>Atomic strain against closed forms: an affine stretch (D²min = 0, η from E = ½(FᵀF − I)) and one displaced lattice atom.</summary>
public class AtomicStrainTests
{
    [Fact]
    public void AffineDeformationHasZeroD2MinAndTheGreenLagrangeVonMisesStrain()
    {
        var reference = Configurations.RandomDense(240, 14.0, 1.6, seed: 3);
        var now = Configurations.Scaled(reference, 0.02, -0.01, 0.0);
        var r = AtomicStrain.Compute(reference, now, 4.0);
        double exx = 0.5 * (1.02 * 1.02 - 1), eyy = 0.5 * (0.99 * 0.99 - 1), ezz = 0;
        double eta = Math.Sqrt((Math.Pow(exx - eyy, 2) + Math.Pow(exx - ezz, 2) + Math.Pow(eyy - ezz, 2)) / 6);
        Assert.Equal(0, r.Invalid);
        foreach (double v in r.VonMisesShear) Assert.Equal(eta, v, 10);
        foreach (double v in r.VolumetricStrain) Assert.Equal((exx + eyy + ezz) / 3, v, 10);
        foreach (double v in r.D2Min) Assert.True(v < 1e-18, $"D2min {v}");
    }

    [Fact]
    public void DisplacedLatticeAtomHasD2MinOfItsSixBonds()
    {
        // Simple cubic, a = 2 Å, cut-off 2.5 Å: six neighbours whose separations sum to zero, so moving the centre
        // by δ leaves F = I and D²min = 6|δ|².
        var reference = Configurations.SimpleCubic(2.0, 5);
        var moved = reference.System.Clone();
        int i = Array.IndexOf(moved.Id, 63);
        moved.X[i] += 0.1;
        var r = AtomicStrain.Compute(reference, new Snapshot("moved", null, moved), 2.5);
        Assert.Equal(6 * 0.01, r.D2Min[i], 12);
        Assert.Equal(0, r.VonMisesShear[i], 12);
        int far = Array.IndexOf(moved.Id, 1);
        Assert.Equal(0, r.D2Min[far], 12);
    }
}
