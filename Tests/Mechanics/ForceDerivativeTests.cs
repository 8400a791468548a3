using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Coulomb;
using FractureLab.Mechanics.Integrators;
using FractureLab.Mechanics.Potentials;

namespace FractureLab.Tests.Mechanics;

/// <summary>Forces are −dE/dr and the virial is −dE/dε, by central differences (no autodiff checks us).</summary>
public class ForceDerivativeTests
{
    /// <summary>Every registered style's example term (a new style is tested by registering it), and plain Buckingham without the wall.</summary>
    public static TheoryData<string> Styles => new([.. PairStyles.Names, "buckingham-no-wall"]);

    private static ShortRangePair Pair(string style) => style == "buckingham-no-wall"
        ? new ShortRangePair { Style = PairStyle.Buckingham, Buckingham = new(18003.7572, 0.205205, 133.5381) }
        : PairStyles.Find(style)!.Example;

    [Theory]
    [MemberData(nameof(Styles))]
    public void PairForce_IsMinusEnergyDerivative_NearAndFar(string style)
    {
        var p = Pair(style);
        foreach (double r in new[] { 1.0, 1.4, 1.9, 2.5, 3.7, 6.0 })
        {
            double h = 1e-5 * r;
            double dUdr = (p.EvaluateUnshifted((r + h) * (r + h)).Energy - p.EvaluateUnshifted((r - h) * (r - h)).Energy) / (2 * h);
            double force = p.EvaluateUnshifted(r * r).ForceOverR * r;
            Assert.True(Math.Abs(force + dUdr) <= 1e-6 * Math.Max(1, Math.Abs(force)), $"{style} r={r}: F={force}, -dU/dr={-dUdr}");
        }
    }

    public static TheoryData<string, double> CoulombCases => new() { { "dsf", 0.2 }, { "ewald", 0.0 }, { "pppm", 0.0 } };

    private static (FractureLab.Mechanics.Atoms.AtomSystem, ForceComputer) Setup(string method)
    {
        var coulomb = method switch
        {
            "dsf" => new CoulombSettings(CoulombMethod.Dsf, 0.2, 10.0, ErfcFlavor.Exact),
            "ewald" => new CoulombSettings(CoulombMethod.Ewald, 0.0, 8.0, ErfcFlavor.Exact, 1e-10),
            // a fixed grid: the strained copies must use the same mesh for −dE/dε to be the derivative of one function
            _ => new CoulombSettings(CoulombMethod.Pppm, 0.0, 8.0, ErfcFlavor.Exact, 1e-6, 5, [18, 18, 18]),
        };
        var (s, ff) = TestData.Bind("silica192.data", "bks-wall", coulomb, cutoff: 8.0);
        return (s, new ForceComputer(ff, new ReferenceBackend()));
    }

    [Theory]
    [MemberData(nameof(CoulombCases))]
    public void SystemForces_AreMinusEnergyGradient(string method, double _)
    {
        var (s, fc) = Setup(method);
        fc.Compute(s);
        var f = (double[])s.Fx.Clone();
        foreach (int i in new[] { 0, 17, 100, 191 })
        {
            double h = 1e-5, x0 = s.X[i];
            s.X[i] = x0 + h; double ep = fc.Compute(s).PotentialEnergy;
            s.X[i] = x0 - h; double em = fc.Compute(s).PotentialEnergy;
            s.X[i] = x0;
            double fd = -(ep - em) / (2 * h);
            Assert.True(Math.Abs(fd - f[i]) < 1e-5 * Math.Max(1, Math.Abs(f[i])), $"{method} atom {i}: F={f[i]}, -dE/dx={fd}");
        }
    }

    [Theory]
    [MemberData(nameof(CoulombCases))]
    public void Virial_IsMinusEnergyDerivativeWithRespectToStrain(string method, double _)
    {
        var (s, fc) = Setup(method);
        var w = (double[])fc.Compute(s).Virial.Clone();
        for (int a = 0; a < 3; a++)
        {
            double eps = 1e-6;
            var plus = s.Clone(); BoxScaling.ScaleAxis(plus, a, 1 + eps);
            var minus = s.Clone(); BoxScaling.ScaleAxis(minus, a, 1 - eps);
            var (_, fcp) = Setup(method); var (_, fcm) = Setup(method);
            double dEdEps = (fcp.Compute(plus).PotentialEnergy - fcm.Compute(minus).PotentialEnergy) / (2 * eps);
            Assert.True(Math.Abs(w[a] + dEdEps) < 1e-5 * Math.Max(1, Math.Abs(w[a])), $"{method} axis {a}: W={w[a]}, -dE/deps={-dEdEps}");
        }
    }

    [Fact]
    public void WolfForces_EqualDsfForces_AsInLammps()
    {
        var wolf = new CoulombSettings(CoulombMethod.Wolf, 0.25, 10.0, ErfcFlavor.Exact);
        var dsf = new CoulombSettings(CoulombMethod.Dsf, 0.25, 10.0, ErfcFlavor.Exact);
        var (s1, ff1) = TestData.Bind("silica192.data", "bks", wolf);
        var (s2, ff2) = TestData.Bind("silica192.data", "bks", dsf);
        var e1 = new ForceComputer(ff1, new ReferenceBackend()).Compute(s1).PotentialEnergy;
        var e2 = new ForceComputer(ff2, new ReferenceBackend()).Compute(s2).PotentialEnergy;
        for (int i = 0; i < s1.Count; i++) Assert.Equal(s2.Fx[i], s1.Fx[i], 10);
        Assert.NotEqual(e1, e2, 3); // energies differ: Wolf is only energy-shifted
    }
}
