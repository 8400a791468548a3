using System.Globalization;
using CsvHelper;

namespace FractureLab.Experiments.Tables;

/// <summary>One data row of a <see cref="CsvTable"/>, with the 1-based line of the file it came from.</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Cells);

/// <summary>
/// A CSV file with a header row, read with CsvHelper: lines starting with '#' are comments, blank lines
/// are skipped, cells are trimmed. Cells are kept as text; typed access reports the file, line and
/// column of a value that does not parse.
/// </summary>
public sealed class CsvTable
{
    public string Source { get; }
    public IReadOnlyList<string> Header { get; }
    public IReadOnlyList<CsvRow> Rows { get; }
    private readonly Dictionary<string, int> _index;

    private CsvTable(string source, IReadOnlyList<string> header, IReadOnlyList<CsvRow> rows)
    {
        Source = source;
        Header = header;
        Rows = rows;
        _index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < header.Count; i++)
            if (!_index.TryAdd(header[i], i))
                throw new LabDataException($"{source}: column '{header[i]}' appears twice in the header");
    }

    public static CsvTable Read(string path) => Parse(ReadText(path, "file"), path);

    /// <summary>The whole text of a lab file; a missing or unreadable file is an error naming it as <paramref name="what"/>.</summary>
    public static string ReadText(string path, string what)
    {
        if (!File.Exists(path)) throw new LabDataException($"{path}: {what} does not exist");
        try { return File.ReadAllText(path); }
        catch (IOException e) { throw new LabDataException($"{path}: cannot read ({e.Message})"); }
        catch (UnauthorizedAccessException e) { throw new LabDataException($"{path}: cannot read ({e.Message})"); }
    }

    public static CsvTable Parse(string text, string source)
    {
        var rows = ReadRecords(text, source, ',', comments: true);
        if (rows.Count == 0) throw new LabDataException($"{source}: no header row");
        return new CsvTable(source, rows[0].Cells, rows.Skip(1).ToList());
    }

    /// <summary>
    /// Every non-empty record of <paramref name="text"/> with its line, read by CsvHelper's reader (RFC 4180
    /// quoting, whitespace trimmed, ragged rows allowed); with <paramref name="comments"/>, lines starting with '#' are skipped.
    /// </summary>
    public static List<CsvRow> ReadRecords(string text, string source, char separator, bool comments)
    {
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            Separator = separator,
            CommentPrefix = comments ? '#' : null,
            SkipEmptyLines = true,
            TrimWhitespace = true,
            TrackLineNumbers = true,
        };
        var rows = new List<CsvRow>();
        using var reader = CsvReader.FromText(text, options);
        try
        {
            while (reader.Read())
            {
                var cells = new string[reader.FieldCount];
                for (int i = 0; i < cells.Length; i++) cells[i] = reader.GetString(i);
                if (cells.Any(c => c.Length > 0)) rows.Add(new CsvRow((int)reader.LineNumber, cells));
            }
        }
        catch (CsvFormatException e)
        {
            throw new LabDataException($"{source}: line {(rows.Count > 0 ? rows[^1].Line + 1 : 1)}: not valid CSV ({e.Message})");
        }
        return rows;
    }

    public bool Has(string column) => _index.ContainsKey(column);

    public int ColumnIndex(string column) => _index.TryGetValue(column, out int i) ? i : -1;

    /// <summary>The cell of <paramref name="column"/>, or "" when the row is short or the column absent.</summary>
    public string Cell(CsvRow row, string column)
    {
        int i = ColumnIndex(column);
        return i >= 0 && i < row.Cells.Count ? row.Cells[i] : "";
    }

    /// <summary>The number in <paramref name="column"/>; null when the cell is empty; an error naming line and column when it is not a number.</summary>
    public double? Number(CsvRow row, string column)
    {
        string text = Cell(row, column);
        if (text.Length == 0) return null;
        if (TryParseNumber(text, out double v)) return v;
        throw new LabDataException($"{Source}: line {row.Line}, column '{column}': '{text}' is not a number");
    }

    /// <summary>Parses a number written with '.' as the decimal mark (thousands separators allowed); NaN and infinities are refused.</summary>
    public static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);
}
