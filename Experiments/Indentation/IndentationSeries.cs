using FractureLab.Experiments.Tables;

namespace FractureLab.Experiments.Indentation;

/// <summary>One Vickers load level: <paramref name="Indents"/> indents at <paramref name="LoadN"/> newtons, of whose 4·indents corners <paramref name="CrackedCorners"/> showed a radial crack.</summary>
public sealed record IndentationLevel(double LoadN, int Indents, int CrackedCorners)
{
    public int Corners => 4 * Indents;
    public double Fraction => (double)CrackedCorners / Corners;
}

/// <summary>A crack-resistance series read from CSV with columns <c>load_N,indents,cracked_corners</c> (comments with '#').</summary>
public static class IndentationSeries
{
    public static IReadOnlyList<IndentationLevel> Read(string path) => FromTable(CsvTable.Read(path));

    public static IReadOnlyList<IndentationLevel> FromTable(CsvTable t)
    {
        foreach (var c in new[] { "load_N", "indents", "cracked_corners" })
            if (!t.Has(c)) throw new LabDataException($"{t.Source}: missing column '{c}' (needs load_N,indents,cracked_corners)");
        var levels = new List<IndentationLevel>();
        foreach (var row in t.Rows)
        {
            double load = Required(t, row, "load_N");
            double indents = Required(t, row, "indents");
            double cracked = Required(t, row, "cracked_corners");
            if (!(load > 0)) throw Bad(t, row, "load_N", "must be positive");
            if (indents < 1 || indents != Math.Floor(indents)) throw Bad(t, row, "indents", "must be a whole number of at least 1");
            if (cracked < 0 || cracked != Math.Floor(cracked) || cracked > 4 * indents)
                throw Bad(t, row, "cracked_corners", $"must be a whole number from 0 to 4 × indents = {4 * indents}");
            levels.Add(new IndentationLevel(load, (int)indents, (int)cracked));
        }
        if (levels.Count < 2) throw new LabDataException($"{t.Source}: a crack-resistance fit needs at least 2 load levels, found {levels.Count}");
        return levels.OrderBy(l => l.LoadN).ToList();
    }

    private static double Required(CsvTable t, CsvRow row, string column) =>
        t.Number(row, column) ?? throw Bad(t, row, column, "is empty");

    private static LabDataException Bad(CsvTable t, CsvRow row, string column, string what) =>
        new($"{t.Source}: line {row.Line}, column '{column}': '{t.Cell(row, column)}' {what}");
}
