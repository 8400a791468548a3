using FractureLab.Experiments.Statistics;
using FractureLab.Experiments.Tables;

namespace FractureLab.Experiments.Comparison;

/// <summary>A value with its uncertainty (the file's error column, else the sd over the rows that share the key) and how many rows made it.</summary>
public sealed record Estimate(double Value, double Error, int Rows);

/// <summary>One composition: its key, its position on the x axis, and per quantity the simulated and measured estimates.</summary>
public sealed record ComparisonPoint(string Key, double X, IReadOnlyDictionary<string, Estimate> Simulation, IReadOnlyDictionary<string, Estimate> Experiment);

/// <summary>
/// Simulation and experiment joined on a composition key (SCIENCE.md §6, the thesis' Table 4-1 and Figure 4-6).
/// Columns are matched by quantity (<see cref="QuantityNames"/>): a file may hold both sides with <c>_sim</c> and
/// <c>_exp</c> suffixes, or one side unsuffixed. Several rows with one key (replicas, specimens) are averaged,
/// their sd the error bar; rows whose <c>valid</c> column is false are left out.
/// </summary>
public sealed record SimExpComparison(
    string SimSource,
    string ExpSource,
    string KeyColumn,
    string? XColumn,
    IReadOnlyList<string> Quantities,
    IReadOnlyList<ComparisonPoint> Points,
    IReadOnlyList<string> SimOnlyKeys,
    IReadOnlyList<string> ExpOnlyKeys)
{
    /// <summary>Mean of |sim − exp|/|exp| over the compositions that have both, a fraction; NaN when none has.</summary>
    public double MeanRelativeDeviation(string quantity)
    {
        var d = Points.Where(p => p.Simulation.ContainsKey(quantity) && p.Experiment.ContainsKey(quantity) && p.Experiment[quantity].Value != 0)
            .Select(p => Math.Abs(p.Simulation[quantity].Value - p.Experiment[quantity].Value) / Math.Abs(p.Experiment[quantity].Value)).ToList();
        return d.Count > 0 ? d.Average() : double.NaN;
    }

    public static SimExpComparison Build(CsvTable sim, CsvTable exp, string? key = null, string? x = null)
    {
        key ??= AutoKey(sim, exp);
        foreach (var (t, side) in new[] { (sim, "--sim"), (exp, "--exp") })
        {
            if (!t.Has(key)) throw new LabDataException($"{t.Source} ({side}): no key column '{key}'; columns: {string.Join(", ", t.Header)}");
            if (x is not null && !t.Has(x)) throw new LabDataException($"{t.Source} ({side}): no x column '{x}'");
        }
        x ??= AutoX(sim, exp, key);
        var simCols = SideColumns(sim, Side.Simulation, key, x);
        var expCols = SideColumns(exp, Side.Experiment, key, x);
        var shared = simCols.Keys.Where(expCols.ContainsKey).ToList();
        if (shared.Count == 0)
            throw new LabDataException($"no quantity in both files: simulation has {List(simCols.Keys)}, experiment has {List(expCols.Keys)}");

        var simRows = Group(sim, key);
        var expRows = Group(exp, key);
        var keys = expRows.Keys.Concat(simRows.Keys.Where(k => !expRows.ContainsKey(k))).ToList();
        var joined = keys.Where(k => simRows.ContainsKey(k) && expRows.ContainsKey(k)).ToList();
        if (joined.Count == 0)
            throw new LabDataException($"no value of '{key}' appears in both files (simulation: {List(simRows.Keys)}; experiment: {List(expRows.Keys)})");

        var points = new List<ComparisonPoint>();
        for (int i = 0; i < joined.Count; i++)
        {
            string k = joined[i];
            double xv = i;
            if (x is not null)
                xv = expRows[k].Select(r => exp.Number(r, x)).Concat(simRows[k].Select(r => sim.Number(r, x)))
                    .FirstOrDefault(v => v is not null) ?? double.NaN;
            points.Add(new ComparisonPoint(k, xv, Estimates(sim, simRows[k], simCols, shared), Estimates(exp, expRows[k], expCols, shared)));
        }
        if (x is not null) points.Sort((a, b) => a.X.CompareTo(b.X));
        return new SimExpComparison(sim.Source, exp.Source, key, x, shared, points,
            simRows.Keys.Where(k => !expRows.ContainsKey(k)).ToList(), expRows.Keys.Where(k => !simRows.ContainsKey(k)).ToList());
    }

    private static string List(IEnumerable<string> names) { var l = names.ToList(); return l.Count == 0 ? "none" : string.Join(", ", l); }

    /// <summary>Columns in both files that are not quantities; a text column (a glass name) before a numeric one.</summary>
    private static List<string> SharedDescriptors(CsvTable sim, CsvTable exp) =>
        exp.Header.Where(c => sim.Has(c))
            .Where(c => { var q = QuantityNames.Parse(c); return q.Side == Side.None && !q.IsError && !QuantityNames.IsKnownQuantity(c); })
            .Where(c => !c.Equals("valid", StringComparison.OrdinalIgnoreCase))
            .ToList();

    private static string AutoKey(CsvTable sim, CsvTable exp)
    {
        var shared = SharedDescriptors(sim, exp);
        if (shared.Count == 0)
            throw new LabDataException($"{sim.Source} and {exp.Source} share no composition column to join on; name one with --key (simulation columns: {string.Join(", ", sim.Header)})");
        return shared.FirstOrDefault(c => !IsNumeric(exp, c)) ?? shared[0];
    }

    private static string? AutoX(CsvTable sim, CsvTable exp, string key)
    {
        var numeric = SharedDescriptors(sim, exp).Where(c => c != key && IsNumeric(exp, c) && IsNumeric(sim, c)).ToList();
        if (numeric.Count > 0) return numeric[0];
        return IsNumeric(exp, key) && IsNumeric(sim, key) ? key : null;
    }

    private static bool IsNumeric(CsvTable t, string column)
    {
        var cells = t.Rows.Select(r => t.Cell(r, column)).Where(c => c.Length > 0).ToList();
        return cells.Count > 0 && cells.All(c => CsvTable.TryParseNumber(c, out _));
    }

    /// <summary>Quantity → (value column, error column) for one side of one file; a suffixed column wins over an unsuffixed one.</summary>
    private static Dictionary<string, (string Value, string? Error)> SideColumns(CsvTable t, Side side, string key, string? x)
    {
        var parsed = t.Header.Where(c => c != key && c != x).Select(QuantityNames.Parse)
            .Where(q => q.Side == side || (q.Side == Side.None && IsNumeric(t, q.Column))).ToList();
        var result = new Dictionary<string, (string, string?)>();
        foreach (var q in parsed.Where(q => !q.IsError).OrderBy(q => q.Side == side ? 0 : 1))
        {
            if (result.ContainsKey(q.Quantity)) continue;
            var err = parsed.FirstOrDefault(e => e.IsError && e.Quantity == q.Quantity && e.Side == q.Side);
            result[q.Quantity] = (q.Column, err?.Column);
        }
        return result;
    }

    private static Dictionary<string, List<CsvRow>> Group(CsvTable t, string key)
    {
        var groups = new Dictionary<string, List<CsvRow>>(StringComparer.Ordinal);
        foreach (var r in t.Rows)
        {
            if (t.Has("valid") && t.Cell(r, "valid").ToLowerInvariant() is "false" or "no" or "0") continue;
            string k = t.Cell(r, key);
            if (k.Length == 0) continue;
            if (!groups.TryGetValue(k, out var list)) groups[k] = list = [];
            list.Add(r);
        }
        return groups;
    }

    private static Dictionary<string, Estimate> Estimates(CsvTable t, List<CsvRow> rows, Dictionary<string, (string Value, string? Error)> cols, List<string> quantities)
    {
        var result = new Dictionary<string, Estimate>();
        foreach (var q in quantities)
        {
            var (valueCol, errCol) = cols[q];
            var values = rows.Select(r => t.Number(r, valueCol)).Where(v => v is not null).Select(v => v!.Value).ToList();
            if (values.Count == 0) continue;
            var s = SampleSummary.Of(values);
            double err = values.Count == 1 && errCol is not null && t.Number(rows.First(r => t.Number(r, valueCol) is not null), errCol) is { } e
                ? e : values.Count > 1 ? s.Sd : double.NaN;
            result[q] = new Estimate(s.Mean, err, values.Count);
        }
        return result;
    }
}
