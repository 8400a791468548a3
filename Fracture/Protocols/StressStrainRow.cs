using System.Globalization;

namespace FractureLab.Fracture.Protocols;

/// <summary>
/// One record of a tensile run: engineering strain along the loading axis, tensile stresses σ_aa = −P_aa in
/// GPa (virial with kinetic part, averaged over the record window), temperature (K), potential energy (eV)
/// and box lengths (Å).
/// </summary>
public sealed record StressStrainRow(double Strain, double SxxGpa, double SyyGpa, double SzzGpa, double TemperatureK, double PotentialEv,
    double LxA, double LyA, double LzA)
{
    public const string CsvHeader = "strain,stress_GPa,sxx_GPa,syy_GPa,szz_GPa,T_K,pe_eV,lx_A,ly_A,lz_A";

    public double Stress(int axis) => axis switch { 0 => SxxGpa, 1 => SyyGpa, _ => SzzGpa };
    public double Length(int axis) => axis switch { 0 => LxA, 1 => LyA, _ => LzA };

    /// <summary>Reads rows written by <see cref="ToCsv"/> (header first).</summary>
    public static List<StressStrainRow> ReadCsv(string path) =>
        File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var v = l.Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            return new StressStrainRow(v[0], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
        }).ToList();

    /// <summary>Writes the header and the rows (stress_GPa taken along <paramref name="axis"/>), the format <see cref="ReadCsv"/> reads.</summary>
    public static void WriteCsv(TextWriter w, IEnumerable<StressStrainRow> rows, int axis)
    {
        w.WriteLine(CsvHeader);
        foreach (var r in rows) w.WriteLine(r.ToCsv(axis));
    }

    public string ToCsv(int axis) => string.Join(',', new[] { Strain, Stress(axis), SxxGpa, SyyGpa, SzzGpa, TemperatureK, PotentialEv, LxA, LyA, LzA }
        .Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
}
