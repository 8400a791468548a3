using FractureLab.Fracture.Runs;
using FractureLab.Mechanics.IO;
using static FractureLab.Mechanics.IO.InputSchema;

namespace FractureLab.Fracture.Toughness;

/// <summary>
/// The toughness study file (<c>fracturelab toughness STUDY.toml</c>), described once: the run file's sections
/// (<see cref="RunFileSchema"/>) plus [study] and [kfield]; <see cref="ToughnessStudy.Load"/> reads exactly these keys,
/// and the defaults shown are the embedded study's.
/// </summary>
public static class StudyFileSchema
{
    public static IReadOnlyList<SchemaKey> Keys { get; } = Build();

    public static InputSchema Schema => new("study", "Toughness study file (TOML; every key optional; the run sections as in `fracturelab schema run`).", Keys);

    private static IReadOnlyList<SchemaKey> Build()
    {
        var j = new JOptions();
        var kf = ToughnessStudy.Default().KField;
        var k = kf.Settings;
        string List(IEnumerable<double> v) => $"[{string.Join(", ", v.Select(Value))}]";
        return
        [
            .. RunFileSchema.Keys,
            new("study.crack_length_fractions", "numbers", false, "[0.2, 0.3333, 0.5]", "centre-crack lengths 2a/W, one pull each per replica"),
            new("study.replicas", "integer", false, "1", "replicas (seeds 1..n) of every pull"),
            new("study.seeds", "integers", false, "(1..replicas)", "the replicas' seeds, instead of replicas"),
            new("study.methods", "strings", false, "all but k-field", string.Join(", ", ToughnessStudy.MethodNames) + " (SCIENCE.md §10)"),
            new("study.sizes", "lists of 3 integers", false, "[[1, 1, 1]]", "replications of the glass: a size study and its K vs 1/W fit"),
            new("study.strain_rates_per_s", "numbers", false, "(tension.strain_rate_per_s)", "strain rates, 1/s: a rate study and its K vs log rate fit"),
            new("study.j_kernel_A", "number", false, Value(j.KernelWidthA), "J integral: width of the Hardy kernel, Å"),
            new("study.j_spacing_A", "number", false, Value(j.SpacingA), "J integral: grid spacing of the Hardy fields, Å"),
            new("study.j_domains", "numbers", false, List(j.Fractions), "J integral: outer domain sizes, fractions of the distance to the nearest image"),
            new("study.tip_advance_A", "number", false, Value(j.AdvanceA), "lasting tip advance that marks the onset of growth, Å"),
            new("study.j_window_frames", "integer", false, j.WindowFrames.ToString(), "J integral: dump frames averaged per value"),
            new("study.label", "string", false, "(the data file's or shipped glass's name)", "label of the study in its reports"),
            new("study.x", "number", false, "(none)", "composition variable written with the results (for compare)"),
            new("kfield.k_start", "number", false, Value(k.KStartMPa), "first applied K_I, MPa·m^0.5"),
            new("kfield.k_step", "number", false, Value(k.KStepMPa), "K_I increment, MPa·m^0.5"),
            new("kfield.k_max", "number", false, Value(k.KMaxMPa), "last applied K_I, MPa·m^0.5"),
            new("kfield.boundary_A", "number", false, Value(k.BoundaryA), "thickness of the held outer layer, Å (at least the force cut-off)"),
            new("kfield.opening_A", "number", false, Value(k.OpeningA), "opening of the slit, Å"),
            new("kfield.advance_A", "number", false, Value(k.AdvanceA), "lasting tip advance that marks K_Ic, Å"),
            new("kfield.replicate", "3 integers", false, kf.Replicate is { } rep ? $"[{string.Join(", ", rep)}]" : "[1, 1, 1]", "replication of the glass for the K-field slab"),
            new("kfield.force_tolerance", "number", false, Value(k.ForceToleranceEvPerA), "FIRE force tolerance per K step, eV/Å"),
            new("kfield.max_iterations", "integer", false, k.MaxIterations.ToString(), "FIRE iterations per K step at most"),
            new("kfield.plane", "string", false, "\"strain\"", "strain or stress: the plane state of the applied field"),
            new("kfield.temperature_K", "number", false, Value(k.TemperatureK), "0: FIRE at 0 K after each K step (field from the 0 K moduli); > 0: an MD hold at this temperature (field from the uncracked pull's E and ν)"),
            new("kfield.hold_ps", "number", false, Value(k.HoldPs), "MD: NVT hold per K step, ps (tip and J from its second half, averaged)"),
            new("kfield.timestep_fs", "number", false, Value(k.TimestepFs), "MD: timestep, fs"),
            new("kfield.sample_every_steps", "integer", false, k.SampleEverySteps.ToString(), "MD: steps between the samples averaged over the second half of each hold"),
        ];
    }
}
