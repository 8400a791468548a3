using FractureLab.Mechanics;

namespace FractureLab.BondSwitch.Softness;

/// <summary>Accuracy of the classifier on held-out folds: mean and sd over folds of the plain and balanced accuracy.</summary>
public sealed record CrossValidationResult(int Folds, double Accuracy, double AccuracySd, double BalancedAccuracy, double BalancedAccuracySd);

/// <summary>
/// Stratified k-fold cross-validation: switching and non-switching atoms are each shuffled (seeded) and dealt round
/// the folds, so every fold holds both classes in the data's proportion; the model is trained on k−1 folds and
/// scored on the last. Balanced accuracy = mean of the true-positive and true-negative rates (the honest score when
/// few atoms switch).
/// </summary>
public static class CrossValidation
{
    public static CrossValidationResult Run(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, int folds = 5, double l2 = 1e-2, int seed = 1)
    {
        int pos = y.Count(v => v), neg = y.Count - pos;
        if (folds < 2) throw new InputException($"softness: cross-validation needs at least 2 folds, not {folds}");
        if (Math.Min(pos, neg) < folds) throw new InputException($"softness: {pos} switching and {neg} other atoms; each class needs at least {folds} (the number of folds)");
        var rng = new Random(seed);
        var fold = new int[y.Count];
        foreach (bool cls in new[] { true, false })
        {
            var members = Enumerable.Range(0, y.Count).Where(i => y[i] == cls).OrderBy(_ => rng.Next()).ToList();
            for (int k = 0; k < members.Count; k++) fold[members[k]] = k % folds;
        }
        var acc = new double[folds];
        var bal = new double[folds];
        for (int f = 0; f < folds; f++)
        {
            var train = Enumerable.Range(0, y.Count).Where(i => fold[i] != f).ToList();
            var test = Enumerable.Range(0, y.Count).Where(i => fold[i] == f).ToList();
            var model = LogisticModel.Train(train.Select(i => x[i]).ToList(), train.Select(i => y[i]).ToList(), l2);
            int tp = 0, tn = 0, p = 0, q = 0;
            foreach (int i in test)
            {
                bool predicted = model.Predict(x[i]);
                if (y[i]) { p++; if (predicted) tp++; }
                else { q++; if (!predicted) tn++; }
            }
            acc[f] = (double)(tp + tn) / test.Count;
            bal[f] = 0.5 * ((double)tp / p + (double)tn / q);
        }
        return new CrossValidationResult(folds, acc.Average(), Sd(acc), bal.Average(), Sd(bal));
    }

    private static double Sd(double[] v) => MathNet.Numerics.Statistics.Statistics.StandardDeviation(v);
}
