namespace FractureLab.Experiments.Indentation;

/// <summary>
/// The sigmoids used for the probability of radial-crack initiation vs Vickers load (Wada; Kato et al.,
/// J. Non-Cryst. Solids 356, 1768 (2010); SCIENCE.md §5). Each is written with the 50 % load P50 as a
/// parameter, so its uncertainty comes straight from the fit.
/// </summary>
public enum CrackInitiationModel
{
    /// <summary>p = 1/(1 + exp(−(P − P50)/s)).</summary>
    LogisticInLoad,
    /// <summary>p = 1/(1 + exp(−(ln P − ln P50)/s)) (log-logistic).</summary>
    LogisticInLogLoad,
    /// <summary>p = 1 − exp(−ln 2·(P/P50)^m) (Weibull CDF, p(P50) = 1/2).</summary>
    Weibull,
}

public static class CrackInitiationModels
{
    public static string Name(this CrackInitiationModel m) => m switch
    {
        CrackInitiationModel.LogisticInLoad => "logistic in P",
        CrackInitiationModel.LogisticInLogLoad => "logistic in ln P",
        _ => "Weibull",
    };

    public static string Key(this CrackInitiationModel m) => m switch
    {
        CrackInitiationModel.LogisticInLoad => "logistic_P",
        CrackInitiationModel.LogisticInLogLoad => "logistic_lnP",
        _ => "weibull",
    };

    /// <summary>
    /// Probability of a cracked corner at load <paramref name="loadN"/>. <paramref name="location"/> is P50 (N) for
    /// <see cref="CrackInitiationModel.LogisticInLoad"/> and ln(P50/N) otherwise; <paramref name="shape"/> is s (N),
    /// s (in ln P) or the Weibull modulus m.
    /// </summary>
    public static double Probability(this CrackInitiationModel m, double loadN, double location, double shape) => m switch
    {
        CrackInitiationModel.LogisticInLoad => 1.0 / (1.0 + Math.Exp(-(loadN - location) / shape)),
        CrackInitiationModel.LogisticInLogLoad => 1.0 / (1.0 + Math.Exp(-(Math.Log(loadN) - location) / shape)),
        _ => 1.0 - Math.Exp(-Math.Log(2.0) * Math.Pow(loadN / Math.Exp(location), shape)),
    };

    /// <summary>P50 (N) from the location parameter.</summary>
    public static double P50(this CrackInitiationModel m, double location) =>
        m == CrackInitiationModel.LogisticInLoad ? location : Math.Exp(location);
}
