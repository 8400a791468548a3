using System.Text.Json.Nodes;
using FractureLab.Mechanics.IO;

namespace FractureLab.Fracture.Analysis;

/// <summary>The summary of a tensile analysis as JSON, with the keys the fracture issue names and the conventions used.</summary>
public static class TensileReport
{
    private static JsonObject Fit(ModulusFit f) => new()
    {
        ["strain_window"] = new JsonArray(0.0, f.UpToStrain),
        ["slope_GPa"] = f.SlopeGpa,
        ["intercept_GPa"] = f.InterceptGpa,
        ["r_squared"] = JsonOutput.Number(f.RSquared),
        ["points"] = f.Points,
    };

    /// <summary>
    /// The elastic constants of a short uncracked pull (E, M, ν and their fits): what such a pull measures. Strength,
    /// separation and fracture energy of a 2 % pull mean nothing and are left out.
    /// </summary>
    public static JsonObject ElasticJson(TensileResult r, TensileCurve c) => new()
    {
        ["youngs_modulus_GPa"] = JsonOutput.Number(r.YoungsModulusGpa),
        ["youngs_modulus_source"] = r.ModulusSource,
        ["longitudinal_modulus_GPa"] = JsonOutput.Number(r.LongitudinalModulusGpa),
        ["poisson_ratio"] = JsonOutput.Number(r.PoissonRatio),
        ["fit_0_1pct"] = Fit(r.Fit1),
        ["fit_0_2pct"] = Fit(r.Fit2),
        ["initial_length_A"] = c.InitialLengthA,
        ["max_strain"] = c.Count > 0 ? c.Strain[^1] : 0,
        ["points"] = c.Count,
    };

    public static JsonObject SummaryJson(TensileResult r, TensileCurve c, TensileAnalysisOptions o)
    {
        return new JsonObject
        {
            ["youngs_modulus_GPa"] = JsonOutput.Number(r.YoungsModulusGpa),
            ["youngs_modulus_source"] = r.ModulusSource,
            ["longitudinal_modulus_GPa"] = JsonOutput.Number(r.LongitudinalModulusGpa),
            ["poisson_ratio"] = JsonOutput.Number(r.PoissonRatio),
            ["strength_GPa"] = r.StrengthGpa,
            ["strain_at_peak"] = r.StrainAtPeak,
            ["separated"] = r.Separated,
            ["failure_strain"] = JsonOutput.Number(r.FailureStrain),
            ["fracture_energy_J_m2"] = JsonOutput.Number(r.FractureEnergyJPerM2),
            ["work_of_fracture_J_m2"] = JsonOutput.Number(r.FractureEnergyJPerM2),
            ["work_of_fracture_note"] = "L0 * integral of sigma d(epsilon) over the whole pull: all work done on the box, so it depends on the box length L0 and the protocol (SCIENCE.md 10); fracture_energy_J_m2 is the same number under its old name",
            ["surface_energy_J_m2"] = JsonOutput.Number(r.SurfaceEnergyJPerM2),
            ["KIc_energy_MPa_sqrt_m"] = JsonOutput.Number(r.KIcEnergyMPaSqrtM),
            ["KIc_energy_plane_strain_MPa_sqrt_m"] = JsonOutput.Number(r.KIcEnergyPlaneStrainMPaSqrtM),
            ["KIc_stress_MPa_sqrt_m"] = JsonOutput.Number(r.KIcStressMPaSqrtM),
            ["geometry_factor"] = JsonOutput.Number(r.GeometryFactor),
            ["fracture_energy_lower_bound_J_m2"] = r.Separated ? null : r.FractureEnergyLowerBoundJPerM2,
            ["KIc_energy_lower_bound_MPa_sqrt_m"] = JsonOutput.Number(r.KIcEnergyLowerBoundMPaSqrtM),
            ["KIc_energy_plane_strain_lower_bound_MPa_sqrt_m"] = JsonOutput.Number(r.KIcEnergyPlaneStrainLowerBoundMPaSqrtM),
            ["not_reached"] = r.Separated ? null : "the run ended without separation: failure strain, G_c and the energy-route K_Ic are lower bounds only",
            ["fit_0_1pct"] = Fit(r.Fit1),
            ["fit_0_2pct"] = Fit(r.Fit2),
            ["initial_length_A"] = c.InitialLengthA,
            ["crack_half_length_A"] = JsonOutput.Number(o.CrackHalfLengthA),
            ["period_A"] = JsonOutput.Number(o.PeriodA),
            ["points"] = c.Count,
            ["conventions"] = new JsonArray(r.Conventions.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
        };
    }
}
