using System.Text.Json.Nodes;

namespace FractureLab.Fracture.Analysis;

/// <summary>The summary of a tensile analysis as JSON, with the keys the fracture issue names and the conventions used.</summary>
public static class TensileReport
{
    public static JsonObject SummaryJson(TensileResult r, TensileCurve c, TensileAnalysisOptions o)
    {
        static JsonNode? N(double? v) => v is { } x && double.IsFinite(x) ? JsonValue.Create(x) : null;
        static JsonObject Fit(ModulusFit f) => new()
        {
            ["strain_window"] = new JsonArray(0.0, f.UpToStrain),
            ["slope_GPa"] = f.SlopeGpa,
            ["intercept_GPa"] = f.InterceptGpa,
            ["r_squared"] = N(f.RSquared),
            ["points"] = f.Points,
        };
        return new JsonObject
        {
            ["youngs_modulus_GPa"] = N(r.YoungsModulusGpa),
            ["youngs_modulus_source"] = r.ModulusSource,
            ["longitudinal_modulus_GPa"] = N(r.LongitudinalModulusGpa),
            ["poisson_ratio"] = N(r.PoissonRatio),
            ["strength_GPa"] = r.StrengthGpa,
            ["strain_at_peak"] = r.StrainAtPeak,
            ["separated"] = r.Separated,
            ["failure_strain"] = N(r.FailureStrain),
            ["fracture_energy_J_m2"] = N(r.FractureEnergyJPerM2),
            ["work_of_fracture_J_m2"] = N(r.FractureEnergyJPerM2),
            ["work_of_fracture_note"] = "L0 * integral of sigma d(epsilon) over the whole pull: all work done on the box, so it depends on the box length L0 and the protocol (SCIENCE.md 10); fracture_energy_J_m2 is the same number under its old name",
            ["surface_energy_J_m2"] = N(r.SurfaceEnergyJPerM2),
            ["KIc_energy_MPa_sqrt_m"] = N(r.KIcEnergyMPaSqrtM),
            ["KIc_energy_plane_strain_MPa_sqrt_m"] = N(r.KIcEnergyPlaneStrainMPaSqrtM),
            ["KIc_stress_MPa_sqrt_m"] = N(r.KIcStressMPaSqrtM),
            ["geometry_factor"] = N(r.GeometryFactor),
            ["fracture_energy_lower_bound_J_m2"] = r.Separated ? null : r.FractureEnergyLowerBoundJPerM2,
            ["KIc_energy_lower_bound_MPa_sqrt_m"] = N(r.KIcEnergyLowerBoundMPaSqrtM),
            ["not_reached"] = r.Separated ? null : "the run ended without separation: failure strain, G_c and the energy-route K_Ic are lower bounds only",
            ["fit_0_1pct"] = Fit(r.Fit1),
            ["fit_0_2pct"] = Fit(r.Fit2),
            ["initial_length_A"] = c.InitialLengthA,
            ["crack_half_length_A"] = N(o.CrackHalfLengthA),
            ["period_A"] = N(o.PeriodA),
            ["points"] = c.Count,
            ["conventions"] = new JsonArray(r.Conventions.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
        };
    }
}
