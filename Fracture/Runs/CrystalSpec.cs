namespace FractureLab.Fracture.Runs;

/// <summary>A crystal as the run's structure: its CIF, the lattice direction along the loading axis, the strain allowed to make the cell orthogonal, a substitution.</summary>
public sealed record CrystalSpec(string Cif, int[]? Orient, double StrainTolerance, string? Substitute, string? Compensate)
{
    public string ToToml(Func<double, string> number) =>
        $"cif = \"{Cif.Replace("\\", "/")}\"\n" + (Orient is null ? "" : $"orient = [{string.Join(", ", Orient)}]\n") + $"strain_tolerance = {number(StrainTolerance)}\n"
        + (Substitute is null ? "" : $"substitute = \"{Substitute}\"\n") + (Compensate is null ? "" : $"compensate = \"{Compensate}\"\n");
}
