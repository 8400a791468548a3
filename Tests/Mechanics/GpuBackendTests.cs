using FractureLab.Mechanics;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Coulomb;
using FractureLab.Mechanics.ForceFields;
using FractureLab.Mechanics.Gpu;
using FractureLab.Mechanics.Integrators;
using FractureLab.Mechanics.IO;
using FractureLab.Mechanics.Simulation;

namespace FractureLab.Tests.Mechanics;

/// <summary>One ILGPU CPU accelerator for all Gpu tests (kernels compile once per accelerator).</summary>
public static class CpuAccelerator
{
    private static readonly Lazy<GpuDevice> Shared = new(() => new GpuDevice(GpuDeviceKind.Cpu));
    public static GpuDevice Device => Shared.Value;
}

/// <summary>A test that needs a CUDA GPU: skipped, with the reason, on machines without one (CI).</summary>
public sealed class CudaFactAttribute : FactAttribute
{
    public CudaFactAttribute()
    {
        if (!GpuDevice.Available(GpuDeviceKind.Cuda)) Skip = "no CUDA device on this machine";
    }
}

/// <summary>Tests sharing the one CPU accelerator run one after another (launches on one accelerator are not thread-safe).</summary>
[CollectionDefinition("CpuAccelerator", DisableParallelization = true)]
public class CpuAcceleratorCollection;

/// <summary>The back-end parity suite on the Gpu back end, run on ILGPU's CPU accelerator (same kernels as CUDA).</summary>
[Collection("CpuAccelerator")]
public class GpuCpuAcceleratorParityTests : BackendParityTests
{
    protected override IPairBackend CreateBackend() => new GpuBackend(CpuAccelerator.Device);
}

/// <summary>The LAMMPS parity suite on the Gpu back end (CPU accelerator); k-space parts run on the host.</summary>
[Collection("CpuAccelerator")]
public class GpuCpuAcceleratorLammpsParityTests : LammpsParityTests
{
    protected override IPairBackend CreateBackend() => new GpuBackend(CpuAccelerator.Device);
}

[Collection("CpuAccelerator")]
public class GpuBackendTests
{
    /// <summary>silica192 repeated 3×3×3 (5184 atoms, 42 Å box): large enough for the device cell list (three list radii per axis).</summary>
    private static AtomSystem Replicated(int times) =>
        Replication.Replicate(LammpsDataReader.Read(TestData.Parity("silica192.data")), times, times, times);

    private static CompiledForceField Bind(AtomSystem s, CoulombSettings c) =>
        new(ForceFieldCatalog.Resolve("bks-wall", Composition.FromAtoms(s)), s, null, c);

    [Fact]
    public void CellListPath_MatchesReference_OnALargeBox_AndPerAtomVirialsToo()
    {
        var c = new CoulombSettings(CoulombMethod.Dsf, 0.2, 10.0, ErfcFlavor.AbramowitzStegun);
        var s1 = Replicated(3); var s2 = Replicated(3);
        var expected = new ForceComputer(Bind(s1, c), new ReferenceBackend()).Compute(s1, perAtomVirial: true);
        var gpu = new GpuBackend(CpuAccelerator.Device);
        var fc = new ForceComputer(Bind(s2, c), gpu);
        var actual = fc.Compute(s2, perAtomVirial: true);
        Assert.Equal(1.0, actual.PotentialEnergy / expected.PotentialEnergy, 12);
        // a perfect 3×3×3 replica: the energy per atom equals the 192-atom cell's (an independent check of the images)
        var (small, smallFf) = TestData.Bind("silica192.data", "bks-wall", c);
        double perAtom = new ForceComputer(smallFf, new ReferenceBackend()).Compute(small).PotentialEnergy / small.Count;
        Assert.Equal(perAtom, actual.PotentialEnergy / s2.Count, 9);
        double fmax = s1.Fx.Max(Math.Abs);
        for (int i = 0; i < s1.Count; i++) Assert.True(Math.Abs(s2.Fx[i] - s1.Fx[i]) < 1e-12 * fmax, $"fx {i}");
        double vmax = expected.PerAtomVirial!.Max(Math.Abs);
        for (int k = 0; k < expected.PerAtomVirial!.Length; k++)
            Assert.True(Math.Abs(actual.PerAtomVirial![k] - expected.PerAtomVirial[k]) < 1e-12 * vmax, $"per-atom virial {k}");
    }

    [Fact]
    public void DeviceList_Regrows_WhenAnAtomHasMoreNeighborsThanTheDensityPredicts_AndForcesStayExact()
    {
        // 44 Å box (three list radii of 12 Å per axis: the cell path) with 125 atoms on a coarse 8.8 Å grid and a dense clump of
        // 120 atoms within 4.5 Å of the centre: the stride estimated from the mean density (1.25 × 245/44³ × 4π/3 × 12³ + 32 = 58)
        // is far below the clump's ~135 neighbours, so the first build overflows and must regrow. Soft Buckingham, no charges.
        var box = new FractureLab.Mechanics.Geometry.Box([0, 0, 0], [44, 44, 44]);
        var rng = new Random(5);
        var pts = new List<(double, double, double)>();
        for (int i = 0; i < 5; i++) for (int j = 0; j < 5; j++) for (int k = 0; k < 5; k++) pts.Add((4.4 + 8.8 * i, 4.4 + 8.8 * j, 4.4 + 8.8 * k));
        while (pts.Count < 245)
        {
            double x = rng.NextDouble() * 9 - 4.5, y = rng.NextDouble() * 9 - 4.5, z = rng.NextDouble() * 9 - 4.5;
            if (x * x + y * y + z * z < 4.5 * 4.5) pts.Add((24.2 + x, 24.2 + y, 24.2 + z));
        }
        AtomSystem Make()
        {
            var s = new AtomSystem(pts.Count, ["Ar"], [39.948], box);
            for (int a = 0; a < pts.Count; a++) { (s.X[a], s.Y[a], s.Z[a]) = pts[a]; s.Id[a] = a + 1; }
            return s;
        }
        var ff = ForceFieldLoader.Parse("""
            schema = "fracturelab.forcefield/1"
            name = "soft-test"
            citation = "test"
            [charges]
            Ar = 0.0
            [short_range]
            cutoff = 10.0
            [[pairs]]
            elements = ["Ar", "Ar"]
            style = "buckingham"
            A = 10.0
            rho = 0.5
            C = 1.0
            """, "soft-test");
        var s1 = Make(); var s2 = Make();
        var expected = new ForceComputer(new CompiledForceField(ff, s1), new ReferenceBackend()).Compute(s1);
        var gpu = new GpuBackend(CpuAccelerator.Device);
        var actual = new ForceComputer(new CompiledForceField(ff, s2), gpu).Compute(s2);
        Assert.True(gpu.ListStride > 130, $"the list should have regrown past the clump's neighbours, stride {gpu.ListStride}");
        Assert.Equal(1, gpu.ListBuilds);
        Assert.Equal(1.0, actual.PotentialEnergy / expected.PotentialEnergy, 12);
        double fmax = s1.Fx.Max(Math.Abs);
        for (int i = 0; i < s1.Count; i++) Assert.True(Math.Abs(s2.Fx[i] - s1.Fx[i]) < 1e-12 * fmax, $"fx {i}");
    }

    /// <summary>silica192 under bks-wall (energies shifted at the cut-off), FIRE-minimized once, at 600 K.</summary>
    private static readonly Lazy<AtomSystem> MinimizedGlass = new(() =>
    {
        var (s, ff) = TestData.Bind("silica192.data", "bks-wall");
        var fc = new ForceComputer(new CompiledForceField(ff.Definition with { ShiftEnergy = true }, s), new SimdBackend(2));
        FractureLab.Mechanics.Minimizers.Fire.Minimize(s, fc, forceTolerance: 1e-2, maxIterations: 3000);
        Kinetics.AssignMaxwellBoltzmann(s, 600, 3);
        return s;
    });

    [CudaFact]
    public void OnCuda_ForcesMatchReference_PppmToo_AndResidentStepsFollowTheHost()
    {
        using var cuda = new GpuDevice(GpuDeviceKind.Cuda);
        var c = new CoulombSettings(CoulombMethod.Dsf, 0.2, 10.0, ErfcFlavor.Exact);
        var s1 = Replicated(3); var s2 = Replicated(3);
        var expected = new ForceComputer(Bind(s1, c), new ReferenceBackend()).Compute(s1);
        var actual = new ForceComputer(Bind(s2, c), new GpuBackend(cuda)).Compute(s2);
        Assert.Equal(1.0, actual.PotentialEnergy / expected.PotentialEnergy, 12);
        double fmax = s1.Fx.Max(Math.Abs);
        for (int i = 0; i < s1.Count; i++) Assert.True(Math.Abs(s2.Fx[i] - s1.Fx[i]) < 1e-11 * fmax, $"fx {i}");
        var (hs, hfc) = Thermalized(new ReferenceBackend());
        var (ds, dfc) = Thermalized(new GpuBackend(cuda));
        var hostRun = new MdRun(hs, hfc, new NoseHooverNvt(600, 0.1), 0.001);
        var deviceRun = new MdRun(ds, dfc, new ResidentIntegrator(new NoseHooverNvt(600, 0.1), (GpuBackend)dfc.Backend), 0.001);
        hostRun.Initialize(); deviceRun.Initialize();
        hostRun.Run(40, 20); deviceRun.Run(40, 20);
        Assert.Equal(hostRun.Thermo[^1].TotalEv, deviceRun.Thermo[^1].TotalEv, 7);
        GpuMeshEwaldTests.AssertPppmMatchesReference(cuda);
    }

    [Fact]
    public void MixedPrecision_IsWithinItsDocumentedTolerance()
    {
        var c = new CoulombSettings(CoulombMethod.Dsf, 0.2, 10.0, ErfcFlavor.AbramowitzStegun);
        var s1 = Replicated(3); var s2 = Replicated(3);
        var expected = new ForceComputer(Bind(s1, c), new ReferenceBackend()).Compute(s1);
        var actual = new ForceComputer(Bind(s2, c), new GpuBackend(CpuAccelerator.Device, precision: PairPrecision.Mixed)).Compute(s2);
        double forceRms = TestData.ForceRelativeRms(s1, s2), energy = Math.Abs(actual.PotentialEnergy / expected.PotentialEnergy - 1);
        // float32 positions: rounding of ~40 Å coordinates (2e-6 Å) shows (measured 8.5e-6 force RMS, 1.2e-7 energy), within the documented bounds
        Assert.InRange(forceRms, 1e-9, 3e-5);
        Assert.InRange(energy, 0, 1e-6);
        Assert.Contains("mixed precision", new GpuBackend(CpuAccelerator.Device, precision: PairPrecision.Mixed).Name);
        Console.WriteLine($"mixed precision: force rel. RMS {forceRms:G3}, energy rel. {energy:G3}");
    }

    private static (AtomSystem, ForceComputer) Thermalized(IPairBackend backend)
    {
        var s = MinimizedGlass.Value.Clone();
        var ff = ForceFieldCatalog.Resolve("bks-wall", Composition.FromAtoms(s));
        return (s, new ForceComputer(new CompiledForceField(ff with { ShiftEnergy = true }, s), backend));
    }

    private static IIntegrator Integrator(string ensemble) => ensemble switch
    {
        "nve" => new VelocityVerlet(),
        "nvt" => new NoseHooverNvt(1200, 0.05),
        "berendsen" => new BerendsenThermostat(1200, 0.05),
        "npt" => new NoseHooverNpt(1200, 0.0, [true, true, true], 0.05, 0.2),
        "berendsen-npt" => new BerendsenBarostat(1200, 0.0, [true, true, false], 0.05, 0.2),
        _ => new NoseHooverNpt(300, 0.0, [true, true, false], 0.05, 0.2), // "tension": protocol A, lateral barostat + deformation along z
    };

    [Theory]
    [InlineData("nve")]
    [InlineData("nvt")]
    [InlineData("berendsen")]
    [InlineData("npt")]
    [InlineData("berendsen-npt")]
    [InlineData("tension")]
    public void ResidentSteps_FollowTheHostIntegrator(string ensemble)
    {
        var (hs, hfc) = Thermalized(new ReferenceBackend());
        var (ds, dfc) = Thermalized(new GpuBackend(CpuAccelerator.Device));
        var deformation = ensemble == "tension" ? new BoxDeformation(2, 0.5, hs.Box.Length(2)) : null;
        var hostRun = new MdRun(hs, hfc, Integrator(ensemble), 0.001) { Deformation = deformation };
        var deviceRun = new MdRun(ds, dfc, new ResidentIntegrator(Integrator(ensemble), (GpuBackend)dfc.Backend), 0.001) { Deformation = deformation };
        hostRun.Initialize(); deviceRun.Initialize();
        hostRun.Run(60, 20); deviceRun.Run(60, 20);
        Assert.Equal(4, deviceRun.Thermo.Count);
        for (int r = 0; r < 4; r++)
        {
            Assert.Equal(hostRun.Thermo[r].Step, deviceRun.Thermo[r].Step);
            Assert.Equal(hostRun.Thermo[r].TotalEv, deviceRun.Thermo[r].TotalEv, 7);
            Assert.Equal(hostRun.Thermo[r].TemperatureK, deviceRun.Thermo[r].TemperatureK, 7);
            Assert.Equal(hostRun.Thermo[r].PressureGpa, deviceRun.Thermo[r].PressureGpa, 7);
            Assert.Equal(hostRun.Thermo[r].VolumeA3, deviceRun.Thermo[r].VolumeA3, 7);
        }
        if (ensemble is "npt" or "berendsen-npt" or "tension") Assert.NotEqual(hostRun.Thermo[0].VolumeA3, hostRun.Thermo[^1].VolumeA3);
        for (int i = 0; i < hs.Count; i++)
        {
            Assert.Equal(hs.X[i] + hs.ImageX[i] * hs.Box.Length(0), ds.X[i] + ds.ImageX[i] * ds.Box.Length(0), 9);
            Assert.Equal(hs.Vz[i], ds.Vz[i], 7);
        }
    }

    [Fact]
    public void ResidentRuns_AreBitReproducible()
    {
        double[] Run()
        {
            var (s, fc) = Thermalized(new GpuBackend(CpuAccelerator.Device));
            var run = new MdRun(s, fc, new ResidentIntegrator(new VelocityVerlet(), (GpuBackend)fc.Backend), 0.001);
            run.Initialize();
            run.Run(30, 10);
            return [.. s.X, .. s.Vx, run.Thermo[^1].TotalEv];
        }
        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void ResidentIntegrator_RefusesPlainEwald_WithAMessage()
    {
        var (s, ff) = TestData.Bind("silica192.data", "bks", new CoulombSettings(CoulombMethod.Ewald, 0, 10.0, ErfcFlavor.Exact, 1e-4));
        var gpu = new GpuBackend(CpuAccelerator.Device);
        var fc = new ForceComputer(ff, gpu);
        fc.Compute(s);
        Assert.False(ResidentIntegrator.Supports(ff));
        var e = Assert.Throws<InputException>(() => new ResidentIntegrator(new VelocityVerlet(), gpu).Step(s, fc, 0.001));
        Assert.Contains("plain Ewald", e.Message);
    }

    [Fact]
    public void ResidentSteps_WithPppmOnTheDevice_FollowTheHostIntegrator()
    {
        (AtomSystem, ForceComputer) Pppm(IPairBackend backend)
        {
            var s = MinimizedGlass.Value.Clone();
            var ff = ForceFieldCatalog.Resolve("bks-wall", Composition.FromAtoms(s));
            var c = new CoulombSettings(CoulombMethod.Pppm, 0, 10.0, ErfcFlavor.Exact, 1e-4);
            return (s, new ForceComputer(new CompiledForceField(ff with { ShiftEnergy = true }, s, null, c), backend));
        }
        var (hs, hfc) = Pppm(new ReferenceBackend());
        var (ds, dfc) = Pppm(new GpuBackend(CpuAccelerator.Device));
        Assert.True(ResidentIntegrator.Supports(dfc.ForceField));
        var hostRun = new MdRun(hs, hfc, new VelocityVerlet(), 0.001);
        var deviceRun = new MdRun(ds, dfc, new ResidentIntegrator(new VelocityVerlet(), (GpuBackend)dfc.Backend), 0.001);
        hostRun.Initialize(); deviceRun.Initialize();
        hostRun.Run(20, 10); deviceRun.Run(20, 10);
        Assert.True(dfc.Last.KSpaceIncluded);
        Assert.Equal(hfc.Last.KSpaceEnergy, dfc.Last.KSpaceEnergy, 8);
        for (int r = 0; r < hostRun.Thermo.Count; r++)
        {
            Assert.Equal(hostRun.Thermo[r].TotalEv, deviceRun.Thermo[r].TotalEv, 7);
            Assert.Equal(hostRun.Thermo[r].PressureGpa, deviceRun.Thermo[r].PressureGpa, 7);
        }
        for (int i = 0; i < hs.Count; i++) Assert.Equal(hs.Vz[i], ds.Vz[i], 8);
    }

    [Fact]
    public void DeviceKind_ParsesAndNamesBadValues()
    {
        Assert.Equal(GpuDeviceKind.Cuda, GpuDeviceKinds.Parse("CUDA"));
        var e = Assert.Throws<InputException>(() => GpuDeviceKinds.Parse("tpu"));
        Assert.Contains("--device 'tpu'", e.Message);
        Assert.StartsWith("CPU", CpuAccelerator.Device.Description);
    }
}

/// <summary>A fracture pull (protocol A: lateral Nosé-Hoover barostat and a z deformation) resident on the device follows the Simd run.</summary>
[Collection("CpuAccelerator")]
public class GpuFractureTests
{
    private static List<FractureLab.Fracture.Protocols.StressStrainRow> Pull(IPairBackend backend)
    {
        var glass = LammpsDataReader.Read(TestData.Data("silica192-glass.data"), ["Si", "O"]);
        var ff = new CompiledForceField(ForceFieldCatalog.Resolve("bks-wall", Composition.FromAtoms(glass)), glass);
        var settings = new FractureLab.Fracture.Protocols.TensileSettings(Protocol: FractureLab.Fracture.Protocols.TensileProtocol.A,
            StrainRatePerS: 5e10, MaxStrain: 0.02, RecordEveryStrain: 0.005);
        var test = new FractureLab.Fracture.Protocols.TensilePull(glass, new ForceComputer(ff, backend), settings);
        test.Run(seed: 4);
        return test.Rows;
    }

    [Fact]
    public void ProtocolA_OnTheDevice_FollowsTheSimdRun()
    {
        var simd = Pull(new SimdBackend(2));
        var gpu = Pull(new GpuBackend(CpuAccelerator.Device));
        Assert.Equal(5, simd.Count);
        Assert.Equal(simd.Count, gpu.Count);
        double worst = 0;
        for (int i = 0; i < simd.Count; i++)
        {
            Assert.Equal(simd[i].Strain, gpu[i].Strain, 12);
            Assert.Equal(simd[i].LxA, gpu[i].LxA, 9); // the lateral barostat moved the box the same way
            for (int a = 0; a < 3; a++) worst = Math.Max(worst, Math.Abs(simd[i].Stress(a) - gpu[i].Stress(a)));
        }
        Console.WriteLine($"protocol A on the device: largest stress difference {worst:G3} GPa over {simd.Count} records");
        Assert.True(worst < 1e-6, $"stress differs by {worst} GPa");
        Assert.NotEqual(simd[0].LxA, simd[^1].LxA);
    }
}
