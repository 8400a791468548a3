using System.Text.Json.Nodes;
using FractureLab.Mechanics.IO;
using MathNet.Numerics.Distributions;

namespace FractureLab.Fracture.Toughness;

/// <summary>
/// A route's K_Ic (MPa·m^0.5) with its standard error, a 95 % confidence interval (Student t with <see cref="Dof"/>
/// degrees of freedom) and the number of points it rests on; G_c (J/m²) beside it where the route has one.
/// </summary>
public sealed record RouteEstimate(double Value, double StdErr, int N, int Dof, double? GcJPerM2 = null)
{
    public (double Lo, double Hi) Ci95
    {
        get
        {
            if (Dof < 1 || !double.IsFinite(StdErr)) return (double.NaN, double.NaN);
            double t = StudentT.InvCDF(0, 1, Dof, 0.975);
            return (Value - t * StdErr, Value + t * StdErr);
        }
    }

    /// <summary>The mean of independent values with its standard error sd/√n (n − 1 degrees of freedom).</summary>
    public static RouteEstimate MeanOf(IReadOnlyList<double> values, double? gc = null)
    {
        if (values.Count == 0) return new RouteEstimate(double.NaN, double.NaN, 0, 0, gc);
        var (mean, sd, n) = Campaigns.CampaignAggregate.Describe(values);
        return new RouteEstimate(mean, n > 1 ? sd / Math.Sqrt(n) : double.NaN, n, n - 1, gc);
    }

    public JsonObject Json()
    {
        var (lo, hi) = Ci95;
        return new JsonObject { ["value"] = JsonOutput.Number(Value), ["stderr"] = JsonOutput.Number(StdErr), ["ci95"] = new JsonArray(JsonOutput.Number(lo), JsonOutput.Number(hi)), ["n"] = this.N };
    }
}
