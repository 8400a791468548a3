using FractureLab.Experiments.Tables;

namespace FractureLab.Experiments.LoadCurves;

/// <summary>
/// Reads load-displacement exports (SCIENCE.md §5): Instron Bluehill raw CSV (optional "name : value"
/// lines, a header row, a units row such as "(s)","(mm)","(N)", then the data), MTS TestSuite CSV
/// (metadata rows, then named columns with a units row, force often in kN), and plain CSV with named
/// columns whose units sit in the name ("Load (kN)", "Force_N"). Comma, semicolon and tab separators are
/// recognised. A load column without a unit is an error: guessing N for a kN record is a factor 1000.
/// </summary>
public static class LoadCurveReader
{
    private static readonly string[] LoadNames = ["load", "force"];
    private static readonly string[] DisplacementNames = ["extension", "displacement", "deflection", "crosshead", "position", "stroke", "disp"];
    private static readonly char[] Delimiters = [',', ';', '\t'];

    public static LoadDisplacementCurve Read(string path) => Parse(CsvTable.ReadText(path, "curve file"), path);

    public static LoadDisplacementCurve Parse(string text, string source)
    {
        LabDataException? first = null;
        foreach (char d in OrderByFrequency(text))
        {
            try { return ParseWith(text, source, d); }
            catch (LabDataException e) { first ??= e; }
        }
        throw first!;
    }

    /// <summary>Tries the separator that occurs most often first.</summary>
    private static IEnumerable<char> OrderByFrequency(string text) =>
        Delimiters.OrderByDescending(d => text.Count(c => c == d));

    private static LoadDisplacementCurve ParseWith(string text, string source, char delimiter)
    {
        var rows = CsvTable.ReadRecords(text, source, delimiter, comments: false);
        int header = rows.FindIndex(r => FindColumn(r.Cells, LoadNames) >= 0 && r.Cells.Count >= 2);
        if (header < 0)
            throw new LabDataException($"{source}: no header row with a load or force column (looked for a column named like 'Load' or 'Force')");
        var names = rows[header].Cells;
        int load = FindColumn(names, LoadNames);
        int disp = FindColumn(names, DisplacementNames);
        if (disp < 0) throw new LabDataException($"{source}: line {rows[header].Line}: no displacement column (looked for Extension, Displacement, Deflection, Crosshead, Position or Stroke)");
        int time = FindColumn(names, ["time"]);

        IReadOnlyList<string>? units = null;
        int data = header + 1;
        if (data < rows.Count && !rows[data].Cells.Any(c => CsvTable.TryParseNumber(c, out _)))
        {
            units = rows[data].Cells;
            data++;
        }
        double toN = UnitFactor(source, rows[header].Line, names, units, load, MeasurementUnits.TryForce, "force (N, kN, mN, lbf)");
        double toMm = UnitFactor(source, rows[header].Line, names, units, disp, MeasurementUnits.TryLength, "length (mm, µm, in, m)");
        double toS = 1.0;
        bool hasTime = time >= 0 && TryUnit(names, units, time, MeasurementUnits.TryTime, out toS);

        var p = new List<double>();
        var x = new List<double>();
        var t = new List<double>();
        for (int i = data; i < rows.Count; i++)
        {
            var cells = rows[i].Cells;
            if (!TryCell(cells, load, out double pi) || !TryCell(cells, disp, out double xi)) continue;
            p.Add(pi * toN);
            x.Add(xi * toMm);
            t.Add(hasTime && TryCell(cells, time, out double ti) ? ti * toS : double.NaN);
        }
        if (p.Count < 3) throw new LabDataException($"{source}: fewer than 3 numeric rows under the header on line {rows[header].Line}");
        return new LoadDisplacementCurve(source, RecogniseFormat(rows, header, units), names[load], names[disp],
            p.ToArray(), x.ToArray(), hasTime ? t.ToArray() : null);
    }

    private static int FindColumn(IReadOnlyList<string> cells, string[] keys)
    {
        for (int i = 0; i < cells.Count; i++)
        {
            string c = cells[i].ToLowerInvariant();
            if (c.Length == 0 || c.Length > 60 || c.Contains("stress") || c.Contains(':')) continue;
            if (keys.Any(k => c.StartsWith(k, StringComparison.Ordinal) || c.Contains(" " + k) || c.Contains("_" + k))) return i;
        }
        return -1;
    }

    private delegate bool UnitParser(string unit, out double factor);

    private static bool TryUnit(IReadOnlyList<string> names, IReadOnlyList<string>? units, int col, UnitParser parse, out double factor)
    {
        factor = 1.0;
        if (units is not null && col < units.Count && units[col].Length > 0 && parse(units[col], out factor)) return true;
        string? fromName = MeasurementUnits.FromHeader(names[col]);
        return fromName is not null && parse(fromName, out factor);
    }

    private static double UnitFactor(string source, int line, IReadOnlyList<string> names, IReadOnlyList<string>? units, int col,
        UnitParser parse, string kind)
    {
        if (TryUnit(names, units, col, parse, out double f)) return f;
        string found = units is not null && col < units.Count && units[col].Length > 0 ? $"unit '{units[col]}' is not a known {kind}" : "no unit";
        throw new LabDataException($"{source}: line {line}, column '{names[col]}': {found}; give it in a units row or in the name, e.g. '{StripUnit(names[col])} ({(kind.StartsWith("force") ? "N" : "mm")})'");
    }

    private static string StripUnit(string name) => name.Split('(', '[')[0].Trim();

    private static bool TryCell(IReadOnlyList<string> cells, int col, out double v)
    {
        v = 0;
        return col < cells.Count && CsvTable.TryParseNumber(cells[col], out v);
    }

    private static string RecogniseFormat(List<CsvRow> rows, int header, IReadOnlyList<string>? units)
    {
        var meta = rows.Take(header).ToList();
        bool mts = meta.Any(r => r.Cells.Any(c => c.Contains("TestSuite", StringComparison.OrdinalIgnoreCase) || c.Contains("MTS", StringComparison.Ordinal)))
                   || meta.Any(r => r.Cells.Count >= 2 && r.Cells[0].EndsWith(':'));
        if (mts) return "MTS TestSuite CSV";
        bool bluehill = meta.Any(r => r.Cells.Count >= 1 && r.Cells[0].Contains(" : ", StringComparison.Ordinal))
                        || (units is not null && units.Where(u => u.Length > 0).All(u => u.StartsWith('(') && u.EndsWith(')')));
        if (bluehill) return "Instron Bluehill raw CSV";
        return units is not null ? "CSV with a units row" : "plain CSV";
    }
}
