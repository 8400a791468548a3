using System.Globalization;
using CsvHelper;
using FractureLab.Mechanics;

namespace FractureLab.Fracture.Analysis;

/// <summary>
/// Tensile curves from files: our <c>stress_strain.csv</c> or any CSV with named columns, and LAMMPS log
/// files (thermo blocks between a "Step ..." header and "Loop time"). Box-length columns (lx_A…, or
/// LAMMPS Lx…) give the lateral strains for ν; a missing column is an error naming file and column.
/// </summary>
public static class CurveSources
{
    private static readonly string[] AxisNames = ["x", "y", "z"];

    public static int ParseAxis(string axis) => Array.IndexOf(AxisNames, axis.Trim().ToLowerInvariant()) is var a and >= 0
        ? a : throw new InputException($"axis '{axis}' is not x, y or z");

    /// <summary>A CSV curve; <paramref name="lengthA"/> (L0, Å) may be null when box-length columns give it.</summary>
    public static TensileCurve FromCsv(string path, string strainColumn, string stressColumn, int axis, double? lengthA)
    {
        Mechanics.IO.InputFiles.Require(path, "curve file");
        var columns = new Dictionary<string, List<double>>(StringComparer.OrdinalIgnoreCase);
        string[] header;
        using (var reader = CsvReader.FromFile(path, new CsvReaderOptions { CommentPrefix = '#', TrimWhitespace = true, TrackLineNumbers = true }))
        {
            reader.ReadHeader();
            header = reader.Headers.ToArray();
            foreach (var h in header) columns[h] = [];
            while (reader.Read())
                for (int i = 0; i < header.Length; i++)
                {
                    string cell = i < reader.FieldCount ? reader.GetString(i) : "";
                    if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                    {
                        if (header[i].Equals(strainColumn, StringComparison.OrdinalIgnoreCase) || header[i].Equals(stressColumn, StringComparison.OrdinalIgnoreCase))
                            throw new InputException($"{path}: line {reader.LineNumber}, column '{header[i]}': '{cell}' is not a number");
                        v = double.NaN;
                    }
                    columns[header[i]].Add(v);
                }
        }
        double[] Column(string name) => columns.TryGetValue(name, out var l) ? l.ToArray()
            : throw new InputException($"{path}: no column '{name}' (columns: {string.Join(", ", header)})");
        var strain = Column(strainColumn);
        var stress = Column(stressColumn);
        var lengths = AxisNames.Select(a => columns.TryGetValue($"l{a}_A", out var l) ? l.ToArray() : null).ToArray();
        double l0 = lengthA ?? lengths[axis]?[0] ?? throw new InputException($"{path}: give --length-A (no column l{AxisNames[axis]}_A to take L0 from)");
        var (la, lb) = Lateral(lengths, axis);
        return new TensileCurve(strain, stress, la, lb, l0);
    }

    /// <summary>
    /// A LAMMPS log: thermo blocks are joined in order. Stress: −P_axis converted from <paramref name="units"/>
    /// (metal: bar, real: atm) unless <paramref name="stressColumn"/> names a tensile stress already in GPa.
    /// Strain: from L_axis relative to its first value unless <paramref name="strainColumn"/> names it.
    /// </summary>
    public static TensileCurve FromLammpsLog(string path, int axis, string units = "metal", string? strainColumn = null, string? stressColumn = null, double? lengthA = null)
    {
        Mechanics.IO.InputFiles.Require(path, "curve file");
        double pressureToGpa = units switch
        {
            "metal" => 1e-4,           // bar → GPa
            "real" => 1.01325e-4,      // atm → GPa
            _ => throw new InputException($"units '{units}' is not metal or real"),
        };
        var rows = new List<Dictionary<string, double>>();
        string[]? header = null;
        int lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0) continue;
            if (parts[0] == "Step") { header = parts; continue; }
            if (header is null) continue;
            if (line.StartsWith("Loop time", StringComparison.Ordinal)) { header = null; continue; }
            if (parts.Length != header.Length) continue;
            var values = new double[parts.Length];
            bool numeric = true;
            for (int i = 0; i < parts.Length && numeric; i++)
                numeric = double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]);
            if (!numeric) continue;
            var row = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < header.Length; i++) row[header[i]] = values[i];
            rows.Add(row);
        }
        if (rows.Count == 0) throw new InputException($"{path}: no thermo block (a line starting with 'Step' followed by numbers)");
        string ax = AxisNames[axis];
        // Only the thermo blocks that carry the needed columns (an equilibration run before the pull may print others).
        string stressKey = stressColumn ?? "P" + ax + ax, strainKey = strainColumn ?? "L" + ax;
        var usable = rows.Where(r => r.ContainsKey(stressKey) && r.ContainsKey(strainKey)).ToList();
        if (usable.Count == 0)
            throw new InputException($"{path}: no thermo block has both '{stressKey}' and '{strainKey}'; add them to thermo_style custom (e.g. pxx pyy pzz lx ly lz)");
        rows = usable;
        double Get(Dictionary<string, double> r, string name, int i) => r.TryGetValue(name, out double v) ? v
            : throw new InputException($"{path}: thermo row {i + 1} has no column '{name}' (add it to thermo_style custom)");
        var lengths = AxisNames.Select(a => rows.All(r => r.ContainsKey("L" + a)) ? rows.Select(r => r["L" + a]).ToArray() : null).ToArray();
        double l0 = lengthA ?? (lengths[axis] is { } la0 ? la0[0] : throw new InputException($"{path}: no column 'L{ax}' for the strain; add Lx Ly Lz to thermo_style or give --length-A and --strain-column"));
        var strain = strainColumn is not null ? rows.Select((r, i) => Get(r, strainColumn, i)).ToArray()
            : lengths[axis]!.Select(l => l / l0 - 1.0).ToArray();
        var stress = stressColumn is not null ? rows.Select((r, i) => Get(r, stressColumn, i)).ToArray()
            : rows.Select((r, i) => -Get(r, "P" + ax + ax, i) * pressureToGpa).ToArray();
        var (lat1, lat2) = Lateral(lengths, axis);
        return new TensileCurve(strain, stress, lat1, lat2, l0);
    }

    private static (double[]? A, double[]? B) Lateral(double[]?[] lengths, int axis)
    {
        var lat = Enumerable.Range(0, 3).Where(a => a != axis).Select(a => lengths[a]).ToArray();
        if (lat[0] is null || lat[1] is null) return (null, null);
        return (lat[0]!.Select(l => l / lat[0]![0] - 1.0).ToArray(), lat[1]!.Select(l => l / lat[1]![0] - 1.0).ToArray());
    }
}
