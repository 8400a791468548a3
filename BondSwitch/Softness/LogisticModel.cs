using FractureLab.Mechanics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace FractureLab.BondSwitch.Softness;

/// <summary>
/// Linear classifier for softness (Cubuk et al. 2015): logistic regression on standardized features (z = (x − mean)/sd)
/// with class weights N/(2 N_class) so the rare switching atoms count as much as the rest, and an L2 penalty
/// λ/2 ‖w‖² on the weights (not the intercept). Fitted by MathNet's BFGS on the weighted mean log-loss.
/// Softness S = (w·z + b)/‖w‖, the signed distance to the separating hyperplane in standardized units.
/// </summary>
public sealed class LogisticModel
{
    private readonly double[] _mean, _scale, _w;
    private readonly double _b;

    private LogisticModel(double[] mean, double[] scale, double[] w, double b) { _mean = mean; _scale = scale; _w = w; _b = b; }

    public IReadOnlyList<double> Weights => _w;
    public double Intercept => _b;

    public static LogisticModel Train(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, double l2 = 1e-2)
    {
        int n = x.Count;
        if (n == 0 || y.Count != n) throw new InputException("softness: no training data");
        int pos = y.Count(v => v), neg = n - pos;
        if (pos == 0 || neg == 0) throw new InputException($"softness: all {n} training atoms are in one class ({(pos == 0 ? "none" : "all")} switch); a classifier needs both");
        int d = x[0].Length;
        var mean = new double[d];
        var scale = new double[d];
        for (int k = 0; k < d; k++)
        {
            double m = 0, v = 0;
            for (int i = 0; i < n; i++) m += x[i][k];
            m /= n;
            for (int i = 0; i < n; i++) v += (x[i][k] - m) * (x[i][k] - m);
            mean[k] = m;
            scale[k] = v > 0 ? Math.Sqrt(v / n) : 1.0; // a constant feature stays 0 after centring
        }
        var z = x.Select(r => Standardize(r, mean, scale)).ToArray();
        var weight = y.Select(v => v ? n / (2.0 * pos) : n / (2.0 * neg)).ToArray();
        var sign = y.Select(v => v ? 1.0 : -1.0).ToArray();

        (double, Vector<double>) LossAndGradient(Vector<double> p)
        {
            double loss = 0;
            var grad = Vector<double>.Build.Dense(d + 1);
            for (int i = 0; i < n; i++)
            {
                double s = p[d];
                for (int k = 0; k < d; k++) s += p[k] * z[i][k];
                double m = sign[i] * s;
                // log(1 + e^(−m)) and its derivative −σ(−m), written to stay finite for large |m|.
                loss += weight[i] * (m > 0 ? double.LogP1(Math.Exp(-m)) : -m + double.LogP1(Math.Exp(m)));
                double dm = -weight[i] * sign[i] / (1 + Math.Exp(m));
                for (int k = 0; k < d; k++) grad[k] += dm * z[i][k];
                grad[d] += dm;
            }
            loss /= n;
            grad /= n;
            for (int k = 0; k < d; k++) { loss += 0.5 * l2 * p[k] * p[k]; grad[k] += l2 * p[k]; }
            return (loss, grad);
        }

        var objective = ObjectiveFunction.Gradient(p => LossAndGradient(p).Item1, p => LossAndGradient(p).Item2);
        var result = new BfgsMinimizer(1e-8, 1e-10, 1e-12, 2000).FindMinimum(objective, Vector<double>.Build.Dense(d + 1));
        var best = result.MinimizingPoint;
        return new LogisticModel(mean, scale, best.SubVector(0, d).ToArray(), best[d]);
    }

    /// <summary>w·z + b: positive means "switches".</summary>
    public double Decision(double[] x)
    {
        var z = Standardize(x, _mean, _scale);
        double s = _b;
        for (int k = 0; k < z.Length; k++) s += _w[k] * z[k];
        return s;
    }

    /// <summary>Softness: signed distance to the hyperplane (standardized feature units).</summary>
    public double Softness(double[] x)
    {
        double norm = Math.Sqrt(_w.Sum(v => v * v));
        return norm > 0 ? Decision(x) / norm : 0;
    }

    public bool Predict(double[] x) => Decision(x) > 0;

    private static double[] Standardize(double[] x, double[] mean, double[] scale)
    {
        var z = new double[x.Length];
        for (int k = 0; k < x.Length; k++) z[k] = (x[k] - mean[k]) / scale[k];
        return z;
    }
}
