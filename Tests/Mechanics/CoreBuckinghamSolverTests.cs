using FractureLab.Mechanics;
using FractureLab.Mechanics.Potentials;

namespace FractureLab.Tests.Mechanics;

public class CoreBuckinghamSolverTests
{
    [Fact]
    public void Solve_DuTeterOO_ReproducesPublishedCore()
    {
        // Deng & Du (2019): B 46.462, n 3.430, D −0.32605 at r0 1.906 (published to 3-5 digits)
        var p = CoreBuckinghamSolver.Solve(2029.2204, 0.343640, 192.580, 1.906);
        Assert.InRange(p.B, 46.462 * 0.998, 46.462 * 1.002);
        Assert.InRange(p.N, 3.430 * 0.998, 3.430 * 1.002);
        Assert.InRange(p.D, -0.32605 * 1.002, -0.32605 * 0.998);
    }

    [Theory]
    [InlineData(14075.0, 0.171271, 28.5, 1.17)]
    [InlineData(2029.2204, 0.343640, 192.580, 1.906)]
    public void Solve_GivesContinuousEnergyForceAndCurvatureAtR0(double a, double rho, double c, double r0)
    {
        var p = CoreBuckinghamSolver.Solve(a, rho, c, r0);
        double U(double r) => CoreBuckingham.Evaluate(r * r, p).Energy;
        double h = 1e-4;
        Assert.Equal(U(r0 - 1e-9), U(r0 + 1e-9), 5);
        double dIn = (U(r0 - h) - U(r0 - 2 * h)) / h, dOut = (U(r0 + 2 * h) - U(r0 + h)) / h;
        Assert.True(Math.Abs(dIn - dOut) < 1e-2 * Math.Abs(dOut) + 1e-3, $"U' jumps: {dIn} vs {dOut}");
        double cIn = (U(r0 - h) - 2 * U(r0 - 2 * h) + U(r0 - 3 * h)) / (h * h);
        double cOut = (U(r0 + 3 * h) - 2 * U(r0 + 2 * h) + U(r0 + h)) / (h * h);
        Assert.True(Math.Abs(cIn - cOut) < 2e-2 * Math.Abs(cOut) + 1e-2, $"U'' jumps: {cIn} vs {cOut}");
    }

    [Fact]
    public void Solve_RejectsR0WithoutRepulsiveCore()
    {
        var e = Assert.Throws<InputException>(() => CoreBuckinghamSolver.Solve(11900, 0.171271, 28.5, 0.9));
        Assert.Contains("r0", e.Message);
    }
}
