using System.Text.RegularExpressions;
using FractureLab.Experiments.Tables;

namespace FractureLab.Experiments.Sepb;

/// <summary>
/// The specimen sheet, the interface of an SEPB reduction: CSV with columns
/// <c>id,loading,B_mm,W_mm,S_mm,Si_mm,a1_mm,a2_mm,a3_mm,Pmax_N,curve</c> (<c>Si_mm</c>, <c>Pmax_N</c> and
/// <c>curve</c> may be left out when no row needs them; more readings <c>a4_mm</c>… are averaged too).
/// Other columns pass through. A value that is not a number, an unknown loading or a missing
/// required column is an error naming the line and column; an empty value is left to the validity checks.
/// </summary>
public sealed partial class SpecimenSheet
{
    public static readonly string[] RequiredColumns = ["id", "loading", "B_mm", "W_mm", "S_mm", "a1_mm", "a2_mm", "a3_mm"];
    public static readonly string[] OptionalColumns = ["Si_mm", "Pmax_N", "curve"];

    public string Source { get; }
    /// <summary>The folder curve paths are relative to.</summary>
    public string Folder { get; }
    public IReadOnlyList<SepbSpecimen> Specimens { get; }
    public IReadOnlyList<string> ExtraColumns { get; }

    private SpecimenSheet(string source, IReadOnlyList<SepbSpecimen> specimens, IReadOnlyList<string> extra)
    {
        Source = source;
        Folder = Path.GetDirectoryName(Path.GetFullPath(source)) ?? ".";
        Specimens = specimens;
        ExtraColumns = extra;
    }

    [GeneratedRegex("^a[0-9]+_mm$", RegexOptions.IgnoreCase)]
    private static partial Regex ReadingColumn();

    public static SpecimenSheet Read(string path) => FromTable(CsvTable.Read(path));

    public static SpecimenSheet FromTable(CsvTable table)
    {
        string src = table.Source;
        foreach (var c in RequiredColumns)
            if (!table.Has(c)) throw new LabDataException($"{src}: missing column '{c}' (the sheet needs {string.Join(",", RequiredColumns)} and Pmax_N or curve)");
        if (!table.Has("Pmax_N") && !table.Has("curve"))
            throw new LabDataException($"{src}: the sheet needs a 'Pmax_N' or a 'curve' column");
        var readings = table.Header.Where(h => ReadingColumn().IsMatch(h))
            .OrderBy(h => int.Parse(h[1..^3], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var known = new HashSet<string>(RequiredColumns.Concat(OptionalColumns).Concat(readings), StringComparer.OrdinalIgnoreCase);
        var extra = table.Header.Where(h => !known.Contains(h)).ToList();
        if (table.Rows.Count == 0) throw new LabDataException($"{src}: no specimens under the header");

        var specimens = new List<SepbSpecimen>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            string id = table.Cell(row, "id");
            if (id.Length == 0) throw new LabDataException($"{src}: line {row.Line}, column 'id': empty specimen id");
            if (!ids.Add(id)) throw new LabDataException($"{src}: line {row.Line}, column 'id': specimen '{id}' appears twice");
            string loadingText = table.Cell(row, "loading");
            if (!LoadingNames.TryParse(loadingText, out var loading))
                throw new LabDataException($"{src}: line {row.Line}, column 'loading': '{loadingText}' is neither 3pt nor 4pt");
            string curve = table.Cell(row, "curve");
            specimens.Add(new SepbSpecimen(
                row.Line, id, loading,
                table.Number(row, "B_mm"), table.Number(row, "W_mm"), table.Number(row, "S_mm"), table.Number(row, "Si_mm"),
                readings.Select(r => table.Number(row, r)).ToList(),
                table.Number(row, "Pmax_N"),
                curve.Length > 0 ? curve : null,
                extra.Select(c => new KeyValuePair<string, string>(c, table.Cell(row, c))).ToList()));
        }
        return new SpecimenSheet(src, specimens, extra);
    }
}
