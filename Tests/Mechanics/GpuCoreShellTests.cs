using FractureLab.Mechanics;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Gpu;
using FractureLab.Mechanics.Integrators;
using FractureLab.Mechanics.Minimizers;
using FractureLab.Mechanics.Simulation;

namespace FractureLab.Tests.Mechanics;

/// <summary>
/// Core-shell ions on the Gpu back end (ILGPU's CPU accelerator, the CUDA kernels): the device pair loop with the host's
/// springs and exclusions matches LAMMPS's born/coul/dsf/cs case as the other back ends do, MD steps on the host integrator
/// (not resident) and follows the Simd back end's trajectory, and mixed precision is refused with shells.
/// </summary>
[Collection("CpuAccelerator")]
public class GpuCoreShellTests
{
    [Fact]
    public void EnergyPressureAndForces_MatchLammpsCoreShell()
    {
        var (s, ff) = TestData.Bind("cs320.data", TestData.Parity("cs_test.toml"));
        var fc = new ForceComputer(ff, new GpuBackend(CpuAccelerator.Device));
        LammpsParityTests.CompareWithLammps("cs_dsf", s, fc, 1e-7, 1e-6);
        Assert.Equal(128 * 0.5 * 74.92 * 0.05 * 0.05, fc.Last.CoreShellSpringEnergy, 9); // LAMMPS's ebond, as CoreShellTests
    }

    [Fact]
    public void Md_WithShells_StepsOnTheHost_AndFollowsTheSimdBackEnd()
    {
        var (def, start) = CoreShellTests.BksWithShells(shiftEnergy: true);
        var relax = new ForceComputer(new CompiledForceField(def, start), new SimdBackend(2));
        Fire.Minimize(start, relax, forceTolerance: 1e-2, maxIterations: 4000);
        Kinetics.AssignMaxwellBoltzmann(start, 300, 3, relax.ForceField.CoreShell);
        var (a, b) = (start.Clone(), start.Clone());
        var onGpu = new ForceComputer(new CompiledForceField(def, a), new GpuBackend(CpuAccelerator.Device));
        Assert.False(ResidentIntegrator.Supports(onGpu.ForceField));
        var onSimd = new ForceComputer(new CompiledForceField(def, b), new SimdBackend(2));
        foreach (var (s, f) in new[] { (a, onGpu), (b, onSimd) })
        {
            var run = new MdRun(s, f, new VelocityVerlet(), 0.0002);
            run.Initialize();
            run.Run(100, 100); // 20 fs, about six periods of the shells
        }
        // the same trajectory to rounding (the pair sums run in another order): far below the 0.02-0.3 A core-shell distances
        double worst = Enumerable.Range(0, a.Count).Max(i => Math.Abs(a.X[i] - b.X[i]) + Math.Abs(a.Y[i] - b.Y[i]) + Math.Abs(a.Z[i] - b.Z[i]));
        Assert.True(worst < 1e-8, $"Gpu and Simd positions differ by {worst:G3} A after 100 steps");
        Assert.True(Enumerable.Range(0, a.Count).Any(i => Math.Abs(a.X[i] - start.X[i]) > 1e-3), "the atoms did not move");
    }

    [Fact]
    public void MixedPrecision_WithShells_IsRefused()
    {
        var (s, ff) = TestData.Bind("cs320.data", TestData.Parity("cs_test.toml"));
        var e = Assert.Throws<InputException>(() => new ForceComputer(ff, new GpuBackend(CpuAccelerator.Device, precision: PairPrecision.Mixed)));
        Assert.Contains("--precision double", e.Message);
    }
}
