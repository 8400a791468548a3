namespace FractureLab.Mechanics.Coulomb;

/// <summary>
/// Coulomb method and its numbers: damping α (Å⁻¹; for Ewald 0 = choose from the accuracy), cut-off
/// (Å), erfc flavor, and for Ewald and mesh Ewald the relative force accuracy (as LAMMPS kspace_style ewald/pppm);
/// for mesh Ewald also the B-spline order (0 = the cheapest of 5, 6, 7 that reaches the accuracy) and the grid
/// (null = chosen for the accuracy).
/// </summary>
public sealed record CoulombSettings(
    CoulombMethod Method,
    double Alpha,
    double Cutoff,
    ErfcFlavor Erfc,
    double EwaldAccuracy = 1e-6,
    int MeshOrder = 0,
    int[]? MeshGrid = null)
{
    /// <summary>Ewald or mesh Ewald: an Ewald split with a reciprocal part.</summary>
    public bool IsEwaldSplit => Method is CoulombMethod.Ewald or CoulombMethod.Pppm;

    public static CoulombSettings None { get; } = new(CoulombMethod.None, 0, 0, ErfcFlavor.Exact);

    /// <summary>The erfc LAMMPS 20220106 uses for each method (SCIENCE.md §8): A&amp;S for DSF, exact for Wolf and Ewald.</summary>
    public static ErfcFlavor LammpsErfc(CoulombMethod method) =>
        method == CoulombMethod.Dsf ? ErfcFlavor.AbramowitzStegun : ErfcFlavor.Exact;

    public string Describe() => Method switch
    {
        CoulombMethod.None => "none",
        CoulombMethod.Ewald => $"ewald (accuracy {EwaldAccuracy:G3}, real-space cut-off {Cutoff} Å, alpha {(Alpha > 0 ? Alpha.ToString("G6") : "auto")})",
        CoulombMethod.Pppm => $"pppm: smooth particle-mesh Ewald (accuracy {EwaldAccuracy:G3}, real-space cut-off {Cutoff} Å, alpha {(Alpha > 0 ? Alpha.ToString("G6") : "auto")}, order {(MeshOrder == 0 ? "auto" : MeshOrder.ToString())}, grid {(MeshGrid is null ? "auto" : string.Join('x', MeshGrid))})",
        _ => $"{Method.ToString().ToLowerInvariant()} (alpha {Alpha} 1/Å, cut-off {Cutoff} Å, erfc {Erfc})",
    };
}
