using MathNet.Numerics.Differentiation;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace FractureLab.Experiments.Indentation;

/// <summary>
/// A fitted crack-initiation curve. <see cref="P50N"/> is the crack resistance CR (N). The 95 % interval is a
/// Wald interval from the observed information (inverse Hessian of −ln L) on the location parameter; when the
/// data are perfectly separated (no load level with a fraction strictly between 0 and 1 across the step)
/// the maximum-likelihood fit does not exist and the interval is the bracket of tested loads instead.
/// </summary>
public sealed record CrackResistanceFit(
    CrackInitiationModel Model,
    double P50N,
    double Ci95LowN,
    double Ci95HighN,
    double Shape,
    double LogLikelihood,
    bool Separated,
    string Note)
{
    /// <summary>Akaike information criterion, 2k − 2 ln L with k = 2.</summary>
    public double Aic => 4.0 - 2.0 * LogLikelihood;
}

/// <summary>
/// Maximum-likelihood fits of P(crack) vs load to the cracked-corner counts, each corner a Bernoulli trial
/// (binomial likelihood; corners of one indent are assumed independent, which ignores any indent-to-indent
/// overdispersion). Minimised with MathNet's Nelder-Mead simplex on (location, ln shape); the Hessian is
/// MathNet's numerical Hessian.
/// </summary>
public static class CrackResistanceFitter
{
    private const double Z975 = 1.959963984540054;

    public static CrackResistanceFit Fit(IReadOnlyList<IndentationLevel> levels, CrackInitiationModel model)
    {
        if (levels.All(l => l.CrackedCorners == 0))
            throw new LabDataException($"no corner cracked at any load up to {levels.Max(l => l.LoadN)} N: the 50 % load lies above the tested range");
        if (levels.All(l => l.CrackedCorners == l.Corners))
            throw new LabDataException($"every corner cracked at every load down to {levels.Min(l => l.LoadN)} N: the 50 % load lies below the tested range");
        var sorted = levels.OrderBy(l => l.LoadN).ToList();
        if (IsSeparated(sorted)) return SeparatedFit(sorted, model);

        double negLogL(double[] x) => -LogLikelihood(sorted, model, x[0], Math.Exp(x[1]));
        var start = StartingPoint(sorted, model);
        var objective = ObjectiveFunction.Value(v => negLogL(v.ToArray()));
        Vector<double> best;
        try
        {
            best = NelderMeadSimplex.Minimum(objective, Vector<double>.Build.DenseOfArray(start), 1e-12, 20000).MinimizingPoint;
        }
        catch (MaximumIterationsException)
        {
            throw new LabDataException($"{model.Name()} fit did not converge on these counts");
        }
        double[] x = best.ToArray();
        var h = new NumericalHessian().Evaluate(negLogL, x);
        var cov = Matrix<double>.Build.DenseOfArray(h).Inverse();
        double se = Math.Sqrt(cov[0, 0]);
        double loc = x[0];
        double lo = model.P50(loc - Z975 * se), hi = model.P50(loc + Z975 * se);
        string note = double.IsFinite(se) && se > 0 ? "Wald 95 % interval from the observed information" : "interval undetermined (flat likelihood)";
        return new CrackResistanceFit(model, model.P50(loc), lo, hi, Math.Exp(x[1]), -negLogL(x), false, note);
    }

    /// <summary>ln L = Σ c ln p + (N − c) ln(1 − p), with p clamped away from 0 and 1.</summary>
    public static double LogLikelihood(IReadOnlyList<IndentationLevel> levels, CrackInitiationModel model, double location, double shape)
    {
        double ll = 0;
        foreach (var l in levels)
        {
            double p = Math.Clamp(model.Probability(l.LoadN, location, shape), 1e-300, 1 - 1e-16);
            ll += l.CrackedCorners * Math.Log(p) + (l.Corners - l.CrackedCorners) * Math.Log(1.0 - p);
        }
        return ll;
    }

    /// <summary>All fractions 0 below a load and 1 from it on: the likelihood grows without bound as the step sharpens.</summary>
    private static bool IsSeparated(List<IndentationLevel> sorted) =>
        sorted.All(l => l.CrackedCorners == 0 || l.CrackedCorners == l.Corners)
        && sorted.Zip(sorted.Skip(1)).All(p => p.First.Fraction <= p.Second.Fraction);

    private static CrackResistanceFit SeparatedFit(List<IndentationLevel> sorted, CrackInitiationModel model)
    {
        double below = sorted.Last(l => l.CrackedCorners == 0).LoadN;
        double above = sorted.First(l => l.CrackedCorners == l.Corners).LoadN;
        double p50 = Math.Sqrt(below * above);
        return new CrackResistanceFit(model, p50, below, above, double.PositiveInfinity, 0.0, true,
            $"perfectly separated: no cracks at {below} N, all corners at {above} N; P50 is the geometric mean and the interval the bracket");
    }

    /// <summary>P50 where the observed fraction crosses 1/2 (interpolated in ln P); shape from the spread of the tested loads.</summary>
    private static double[] StartingPoint(List<IndentationLevel> s, CrackInitiationModel model)
    {
        double lnP50 = Math.Log(Math.Sqrt(s[0].LoadN * s[^1].LoadN));
        for (int i = 0; i + 1 < s.Count; i++)
        {
            double f0 = s[i].Fraction, f1 = s[i + 1].Fraction;
            if ((f0 - 0.5) * (f1 - 0.5) <= 0 && f0 != f1)
            {
                double t = (0.5 - f0) / (f1 - f0);
                lnP50 = Math.Log(s[i].LoadN) + t * (Math.Log(s[i + 1].LoadN) - Math.Log(s[i].LoadN));
                break;
            }
        }
        double spreadLn = Math.Max(0.1, (Math.Log(s[^1].LoadN) - Math.Log(s[0].LoadN)) / 4);
        return model switch
        {
            CrackInitiationModel.LogisticInLoad => [Math.Exp(lnP50), Math.Log(Math.Exp(lnP50) * spreadLn)],
            CrackInitiationModel.LogisticInLogLoad => [lnP50, Math.Log(spreadLn)],
            _ => [lnP50, Math.Log(1.0 / spreadLn)],
        };
    }
}
