namespace FractureLab.Experiments.LoadCurves;

/// <summary>
/// A load-displacement record in SI-lab units: load in N, displacement in mm, time in s (when the file has it).
/// <see cref="Format"/> says which export layout was recognised; the column names say what was read.
/// </summary>
public sealed record LoadDisplacementCurve(
    string Source,
    string Format,
    string LoadColumn,
    string DisplacementColumn,
    double[] LoadN,
    double[] DisplacementMm,
    double[]? TimeS)
{
    public int Count => LoadN.Length;
}
