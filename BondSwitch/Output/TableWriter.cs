using System.Globalization;
using CsvHelper;

namespace FractureLab.BondSwitch.Output;

/// <summary>Writes a header and rows of cells through CsvHelper (quoting as needed), numbers in invariant culture.</summary>
public static class TableWriter
{
    public static void Write(TextWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var csv = CsvWriter.Create(writer, null, leaveOpen: true);
        csv.WriteHeader(header.ToArray());
        foreach (var row in rows) csv.WriteRecord(row.Select(Cell).ToArray());
    }

    public static string Cell(object? v) => v switch
    {
        null => "",
        double d when double.IsNaN(d) => "",
        double d => d.ToString("G10", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };
}
