using FractureLab.Fracture.Toughness;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.ForceFields;
using FractureLab.Mechanics.Geometry;

namespace FractureLab.Tests.Fracture.Toughness;

/// <summary>
/// K-controlled loading on a crystal whose in-plane elasticity is known exactly: a simple hexagonal Lennard-Jones lattice
/// (triangular layers stacked along the front y, nearest neighbours only at the LJ minimum r_m = 2^(1/6) σ). In-plane it is
/// an isotropic triangular spring network: λ = μ = √3·k/(4c) with k = U''(r_m) = 57.146 ε/σ² and c the layer spacing, i.e.
/// the plane-strain constants of E = 2.5 μ, ν = 1/4 (κ = 2). The boundary layer is held at u(K); J from the atoms must be K²/E′.
/// </summary>
public class KFieldLoadingTests
{
    private const double Epsilon = 0.1, Sigma = 2.5;
    private static readonly double Rm = Math.Pow(2, 1.0 / 6) * Sigma;

    private static readonly string Lj = $"""
        schema = "fracturelab.forcefield/1"
        name = "lj-test"
        citation = "Lennard-Jones 12-6, nearest neighbours only (test lattice)"
        unlisted_pairs = "error"
        [charges]
        Ar = 0.0
        [short_range]
        cutoff = 3.4
        [coulomb]
        method = "none"
        [[pairs]]
        elements = ["Ar", "Ar"]
        style = "lennard-jones"
        epsilon = {Epsilon}
        sigma = {Sigma}
        """;

    /// <summary>Shear modulus of the lattice in GPa: √3 U''(r_m)/(4 r_m), U''(r_m) = 72 ε/(2^(1/3) σ²).</summary>
    private static double MuGpa => Math.Sqrt(3) * (72 * Epsilon / (Math.Pow(2, 1.0 / 3) * Sigma * Sigma)) / (4 * Rm) * 160.21765;

    private static AtomSystem Lattice(int nx, int nz, int layers)
    {
        double a = Rm, h = Math.Sqrt(3) / 2 * a;
        var box = new Box([0, 0, 0], [nx * a, layers * a, 2 * nz * h]);
        var s = new AtomSystem(nx * 2 * nz * layers, ["Ar"], [39.948], box);
        int n = 0;
        for (int k = 0; k < 2 * nz; k++) for (int i = 0; i < nx; i++) for (int l = 0; l < layers; l++, n++)
        {
            s.X[n] = (i + (k % 2 == 0 ? 0.25 : 0.75)) * a;
            s.Y[n] = (l + 0.5) * a;
            s.Z[n] = (k + 0.5) * h;
            s.Id[n] = n + 1;
        }
        return s;
    }

    [Fact]
    public void BoundaryLayer_SitsAtTheKFieldDisplacement_AndJFromTheAtoms_IsKSquaredOverEPrime()
    {
        var ff = ForceFieldLoader.Parse(Lj, "lj-test");
        var glass = Lattice(36, 21, 2);   // 101 x 102 A in-plane, 3024 atoms
        ForceComputer Bind(AtomSystem s) => new(new CompiledForceField(ff, s), new SimdBackend(2));
        Bind(glass);
        double mu = MuGpa, e = 2.5 * mu, nu = 0.25;
        var k = new KFieldSettings(KStartMPa: 0.02, KStepMPa: 0.02, KMaxMPa: 0.02, BoundaryA: 6.0, OpeningA: 2.5, VacuumA: 8.0,
            ForceToleranceEvPerA: 1e-4, MaxIterations: 20000, J: new JOptions(KernelWidthA: 2.0, SpacingA: 0.4, DomainFractions: [0.5, 0.7, 0.9]));
        var slab = KFieldLoading.Build(glass, k, Bind);
        var forces = Bind(slab.System);
        var result = KFieldLoading.Run(slab, forces, e, nu, k);

        // The held layer: reference + u(K) by the formula, at a hand point of the layer.
        var s = slab.System;
        int b = Enumerable.Range(0, s.Count).First(i => slab.Boundary[i] && s.X[i] > slab.TipX + 10);
        double dx = slab.Reference[3 * b] - slab.TipX, dz = slab.Reference[3 * b + 2] - slab.TipZ, r = Math.Sqrt(dx * dx + dz * dz), th = Math.Atan2(dz, dx);
        double f = 2.0 / (2 * (e / 2.5)) * Math.Sqrt(r / (2 * Math.PI)) * (2 - Math.Cos(th)); // K = 0.02 MPa m^0.5 = 2 GPa A^0.5, kappa = 2
        Assert.Equal(slab.Reference[3 * b] + f * Math.Cos(th / 2), s.X[b], 9);
        Assert.Equal(slab.Reference[3 * b + 2] + f * Math.Sin(th / 2), s.Z[b], 9);

        var step = Assert.Single(result.Steps);
        Assert.True(step.Converged, $"FIRE did not converge in {step.Iterations} iterations");
        // G = K^2 (kappa + 1)/(8 mu) = 3 K^2/(8 mu) for the lattice; the same as K^2/E' with E' = E/(1 - nu^2). Measured when this
        // test was written: J/(K^2/E') = 0.934 (0.978 with the exact field imposed and no relaxation); at K = 0.06 the LJ bonds near the
        // tip soften (0.88), and a 67 A slab gives 0.88 at K = 0.02: the 10 % bound holds in the linear regime of a large enough slab.
        double expected = 3 * 2.0 * 2.0 / (8 * mu) * 0.1;
        Assert.Equal(expected, step.ExpectedJJPerM2, 9);
        Assert.True(Math.Abs(step.JJPerM2 / expected - 1) < 0.10, $"J from the atoms {step.JJPerM2:0.0000} J/m2, K^2/E' = {expected:0.0000} J/m2 (spread {step.JSpread:P0})");
        Assert.True(Math.Abs(step.AdvanceA) < 1e-9, "the first step is the tip's reference");
        Assert.Null(result.KIcMPa);
    }

    /// <summary>
    /// The same lattice with core-shell ions: every Ar a core with an uncharged shell on a spring, the Lennard-Jones terms
    /// on the shells only, so at 0 K each shell sits on its core and the ions are the rigid lattice. The slit and the held
    /// layer take whole ions, and J and the tip, taken on the ions (core position, core + shell stress), are the rigid
    /// lattice's: within 1e-3 and 0.05 Å with FIRE to 1e-6 eV/Å (21 s). At the other tests' 1e-4 eV/Å they differed by 1.0 %
    /// (0.006260 against 0.006197 J/m²) and 0.009 Å when this test was written: the two minimizations stop at different
    /// points within the tolerance.
    /// </summary>
    [Fact]
    public void WithShells_TheIonsGiveTheRigidLatticesJ_AndTheHeldLayerHoldsWholeIons()
    {
        double mu = MuGpa, e = 2.5 * mu, nu = 0.25;
        var k = new KFieldSettings(KStartMPa: 0.02, KStepMPa: 0.02, KMaxMPa: 0.02, BoundaryA: 6.0, OpeningA: 2.5, VacuumA: 8.0,
            ForceToleranceEvPerA: 1e-6, MaxIterations: 60000, J: new JOptions(KernelWidthA: 2.0, SpacingA: 0.4, DomainFractions: [0.5, 0.7, 0.9]));
        var rigidFf = ForceFieldLoader.Parse(Lj, "lj-test");
        ForceComputer BindRigid(AtomSystem s) => new(new CompiledForceField(rigidFf, s), new SimdBackend(2));
        var rigidSlab = KFieldLoading.Build(Lattice(36, 21, 2), k, BindRigid);
        var rigid = Assert.Single(KFieldLoading.Run(rigidSlab, BindRigid(rigidSlab.System), e, nu, k).Steps);

        string shellToml = Lj.Replace("name = \"lj-test\"", "name = \"lj-shells-test\"").Replace("Ar = 0.0", "Ar = 0.0\nAr_s = 0.0")
            .Replace("elements = [\"Ar\", \"Ar\"]", "elements = [\"Ar_s\", \"Ar_s\"]")
            + $"\n[[pairs]]\nelements = [\"Ar\", \"Ar\"]\nstyle = \"lennard-jones\"\nepsilon = 0.0\nsigma = {Sigma}\n"
            + $"\n[[pairs]]\nelements = [\"Ar\", \"Ar_s\"]\nstyle = \"lennard-jones\"\nepsilon = 0.0\nsigma = {Sigma}\n"
            + "\n[[shells]]\ncore = \"Ar\"\nshell = \"Ar_s\"\nk = 5.0\nenergy = \"half_k_r2\"\nshell_mass_amu = 2.0\n";
        var shellFf = ForceFieldLoader.Parse(shellToml, "lj-shells-test.toml");
        var glass = FractureLab.Mechanics.Builders.ShellBuilder.AddShells(Lattice(36, 21, 2), shellFf, 0.02, 3);
        ForceComputer BindShells(AtomSystem s) => new(new CompiledForceField(shellFf, s), new SimdBackend(2));
        var shellOf = BindShells(glass).ForceField.CoreShell!.ShellOfEachCore();
        var slab = KFieldLoading.Build(glass, k, BindShells, shellOf);
        var step = Assert.Single(KFieldLoading.Run(slab, BindShells(slab.System), e, nu, k).Steps);

        var s = slab.System;
        int cores = Enumerable.Range(0, s.Count).Count(i => s.TypeElements[s.Type[i]] == "Ar");
        Assert.Equal(rigidSlab.System.Count, cores);                                       // the same ions cut
        Assert.Equal(cores, Enumerable.Range(0, s.Count).Count(i => s.TypeElements[s.Type[i]] == "Ar_s"));
        for (int i = 0; i < s.Count; i++)
            if (slab.ShellOf![i] is var h and >= 0)
            {
                Assert.Equal(slab.Boundary[i], slab.Boundary[h]);                             // held with its core, or free with it
                Assert.True(TestData.Distance(s, i, h) < 0.01, $"shell {h} is {TestData.Distance(s, i, h)} A off its core");
            }
        Assert.True(step.Converged, $"FIRE did not converge in {step.Iterations} iterations");
        Assert.True(Math.Abs(rigid.TipXA - step.TipXA) < 0.05, $"tip {step.TipXA} A on the ions, {rigid.TipXA} A rigid");
        Assert.True(Math.Abs(step.JJPerM2 / rigid.JJPerM2 - 1) < 1e-3, $"J on the ions {step.JJPerM2:R} J/m2, rigid lattice {rigid.JJPerM2:R} J/m2");
    }

    /// <summary>
    /// The same loading relaxed by MD holds at 0.05 K instead of FIRE: the held layer stays exactly at u(K) through the hold,
    /// the moving atoms are at the thermostat's temperature (counted over their own degrees of freedom), and J from the
    /// time-averaged fields is still K²/E′. The temperature is kept tiny because this lattice has a mechanism: its triangular
    /// layers are joined along y by single central bonds at the LJ minimum, so a layer slides sideways at no first-order cost;
    /// at 5 K the layers slide within picoseconds into denser stackings (the potential energy fell by 75 eV in 12 ps and J
    /// grew sixteenfold when this test was written), which is the lattice's physics, not the loading's.
    /// </summary>
    [Fact]
    public void ByMd_TheHeldLayerStays_TheInsideIsAtT_AndJIsStillKSquaredOverEPrime()
    {
        var ff = ForceFieldLoader.Parse(Lj, "lj-test");
        var glass = Lattice(36, 21, 2);
        ForceComputer Bind(AtomSystem s) => new(new CompiledForceField(ff, s), new SimdBackend(2));
        Bind(glass);
        double mu = MuGpa, e = 2.5 * mu, nu = 0.25;
        var k = new KFieldSettings(KStartMPa: 0.02, KStepMPa: 0.02, KMaxMPa: 0.02, BoundaryA: 6.0, OpeningA: 2.5, VacuumA: 8.0,
            ForceToleranceEvPerA: 1e-4, MaxIterations: 20000, J: new JOptions(KernelWidthA: 2.0, SpacingA: 0.4, DomainFractions: [0.5, 0.7, 0.9]),
            TemperatureK: 0.05, HoldPs: 4, TimestepFs: 2, SampleEverySteps: 10);
        var slab = KFieldLoading.Build(glass, k, Bind);
        var forces = Bind(slab.System);
        var result = KFieldLoading.Run(slab, forces, e, nu, k);

        var s = slab.System;
        for (int i = 0; i < s.Count; i++)
        {
            if (!slab.Boundary[i]) continue;
            var (ux, uz) = KFieldLoading.Displacement(0.02, e, nu, k.State, slab.TipX, slab.TipZ, slab.Reference[3 * i], slab.Reference[3 * i + 2]);
            Assert.Equal(slab.Reference[3 * i] + ux, s.X[i], 12);
            Assert.Equal(slab.Reference[3 * i + 2] + uz, s.Z[i], 12);
            Assert.Equal(0.0, s.Vx[i]);
        }
        var step = Assert.Single(result.Steps);
        // the moving atoms' temperature by hand: their kinetic energy over 3 N_free - 3 degrees of freedom
        int free = slab.Boundary.Count(b => !b);
        Assert.InRange(step.TemperatureK, 0.035, 0.065);
        double ke = 0;
        for (int i = 0; i < s.Count; i++) if (!slab.Boundary[i]) ke += 0.5 * 39.948 * (s.Vx[i] * s.Vx[i] + s.Vy[i] * s.Vy[i] + s.Vz[i] * s.Vz[i]);
        double tNow = 2 * ke * FractureLab.Mechanics.Units.MetalUnits.MvvToEv / ((3 * free - 3) * FractureLab.Mechanics.Units.MetalUnits.Boltzmann);
        Assert.InRange(tNow, 0.025, 0.075);
        double expected = 3 * 2.0 * 2.0 / (8 * mu) * 0.1;
        Assert.True(Math.Abs(step.JJPerM2 / expected - 1) < 0.10, $"J from the time-averaged atoms {step.JJPerM2:0.0000} J/m2, K^2/E' = {expected:0.0000} J/m2 (spread {step.JSpread:P0})");
        Assert.Equal((int)k.HoldSteps, step.Iterations);
    }

    [Fact]
    public void StaticModuli_OfTheLattice_AreItsAnalyticStiffnesses()
    {
        // Uniaxial strain along z of the periodic lattice: C_zzzz = lambda + 2 mu = 3 mu, C_xxzz = lambda = mu (the triangular
        // network), C_yyzz = 0 (the layers along y are bonded only along y).
        var ff = ForceFieldLoader.Parse(Lj, "lj-test");
        var lattice = Lattice(8, 5, 2);
        var m = StaticModuli.Measure(lattice, s => new ForceComputer(new CompiledForceField(ff, s), new ReferenceBackend()), 2, out _, forceTolerance: 1e-6);
        Assert.Equal(3 * MuGpa, m.LongitudinalGpa, 0.01 * MuGpa);
        Assert.Equal(MuGpa, m.LateralGpa![0], 0.01 * MuGpa);
        Assert.Equal(0, m.LateralGpa[1], 0.01 * MuGpa);
        // lambda and mu of an isotropic solid with those two means: by hand from M = 3 mu0 and lambda = mu0/2.
        Assert.Equal(0.5 * MuGpa, m.LambdaGpa, 0.02 * MuGpa);
        Assert.Equal(0.5 * (3 * MuGpa - 0.5 * MuGpa), m.MuGpa, 0.02 * MuGpa);
    }

    [Fact]
    public void Onset_IsTheFirstKAfterWhichTheTipStaysAdvanced()
    {
        var k = new KFieldSettings(AdvanceA: 3.0);
        KFieldStep S(double kk, double adv) => new(kk, 10 + adv, adv, double.NaN, double.NaN, double.NaN, 1, true, 0);
        // A transient jump at 0.3 that heals, then growth from 0.5 on: K_Ic = 0.5.
        var r = KFieldLoading.Onset([S(0.1, 0), S(0.2, 0.5), S(0.3, 3.5), S(0.4, 1.0), S(0.5, 3.2), S(0.6, 8), S(0.7, double.NaN)], k);
        Assert.Equal(0.5, r.KIcMPa);
        Assert.Null(KFieldLoading.Onset([S(0.1, 0), S(0.2, 1)], k).KIcMPa);
    }
}
