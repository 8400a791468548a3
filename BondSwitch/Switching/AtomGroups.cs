using CsvHelper;
using FractureLab.BondSwitch.Snapshots;
using FractureLab.Mechanics;

namespace FractureLab.BondSwitch.Switching;

/// <summary>
/// A group name per atom id (the glass / interface / grain regions of a glass-ceramic, or any labelling), read from a
/// CSV with an <c>id</c> column and the group column (build-glass-ceramic's grains.csv: <c>region</c>, or <c>grain</c>).
/// </summary>
public sealed class AtomGroups
{
    private readonly Dictionary<int, string> groupOf;

    public string Source { get; }
    public string Column { get; }
    /// <summary>The group names in order of first appearance.</summary>
    public IReadOnlyList<string> Names { get; }

    private AtomGroups(string source, string column, Dictionary<int, string> map, List<string> names) => (Source, Column, groupOf, Names) = (source, column, map, names);

    public static AtomGroups Read(string path, string column = "region")
    {
        Mechanics.IO.InputFiles.Require(path, "groups file");
        using var reader = CsvReader.FromFile(path, new CsvReaderOptions { HasHeader = false, TrimWhitespace = true, SkipEmptyLines = true, TrackLineNumbers = true });
        if (!reader.Read()) throw new InputException($"{path}: empty file");
        var header = Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToList();
        int idCol = header.IndexOf("id"), groupCol = header.IndexOf(column);
        if (idCol < 0) throw new InputException($"{path}:1: no column 'id' (columns: {string.Join(", ", header)})");
        if (groupCol < 0) throw new InputException($"{path}:1: no column '{column}' (columns: {string.Join(", ", header)}); choose one with --group-column");
        var map = new Dictionary<int, string>();
        var names = new List<string>();
        while (reader.Read())
        {
            long line = reader.LineNumber;
            if (reader.FieldCount <= Math.Max(idCol, groupCol)) throw new InputException($"{path}:{line}: {reader.FieldCount} fields, the header has {header.Count}");
            string idText = reader.GetString(idCol), g = reader.GetString(groupCol);
            if (!int.TryParse(idText, out int id)) throw new InputException($"{path}:{line}: id '{InputException.Quote(idText)}' is not an integer");
            if (g.Length == 0) throw new InputException($"{path}:{line}: atom {id} has an empty '{column}'");
            if (!map.TryAdd(id, g)) throw new InputException($"{path}:{line}: atom id {id} appears twice");
            if (!names.Contains(g)) names.Add(g);
        }
        return new AtomGroups(path, column, map, names);
    }

    /// <summary>The group of the atom with this id, or null when the file does not list it.</summary>
    public string? Of(int id) => groupOf.TryGetValue(id, out var g) ? g : null;

    /// <summary>Mean of a per-atom quantity (indexed as <paramref name="current"/>'s atoms) over each group's atoms, NaN values left out (NaN when none).</summary>
    public Dictionary<string, double> MeanPerGroup(double[] perAtom, Snapshot current)
    {
        var sum = Names.ToDictionary(n => n, _ => 0.0);
        var count = Names.ToDictionary(n => n, _ => 0);
        for (int i = 0; i < perAtom.Length; i++)
        {
            if (!double.IsFinite(perAtom[i]) || Of(current.System.Id[i]) is not string g) continue;
            sum[g] += perAtom[i];
            count[g]++;
        }
        return Names.ToDictionary(n => n, n => count[n] > 0 ? sum[n] / count[n] : double.NaN);
    }

    /// <summary>
    /// The tallies of a series split by group (<see cref="Split"/>), each group also with the mean von Mises atomic shear strain
    /// of all its atoms against <paramref name="reference"/> (OVITO's definition, neighbours within <paramref name="strainCutoffA"/>).
    /// </summary>
    public List<GroupTally> SplitSeries(IReadOnlyList<BondSwitchTally> tallies, Snapshot reference, IReadOnlyList<Snapshot> currents, double strainCutoffA) =>
    [.. tallies.SelectMany((t, k) =>
    {
        var shear = MeanPerGroup(Strain.AtomicStrain.Compute(reference, currents[k], strainCutoffA).VonMisesShear, currents[k]);
        return Split(t, currents[k]).Select(g => g with { MeanShearStrain = shear[g.Group] });
    })];

    /// <summary>A tally restricted to the centres of each group (by the ids of <paramref name="current"/>), with their mean coordination.</summary>
    public List<GroupTally> Split(BondSwitchTally t, Snapshot current)
    {
        var result = new List<GroupTally>();
        foreach (string name in Names)
        {
            int[] c = new int[4];
            int n = 0;
            long coordination = 0;
            for (int i = 0; i < t.ClassPerAtom.Length; i++)
            {
                if (t.ClassPerAtom[i] < 0 || Of(current.System.Id[i]) != name) continue;
                c[t.ClassPerAtom[i]]++;
                n++;
                if (t.CoordinationPerAtom.Length > i) coordination += t.CoordinationPerAtom[i];
            }
            result.Add(new GroupTally(name, t.Snapshot, t.Strain, n, c[0], c[1], c[2], c[3], n > 0 ? coordination / (double)n : double.NaN));
        }
        int missing = Enumerable.Range(0, t.ClassPerAtom.Length).Count(i => t.ClassPerAtom[i] >= 0 && Of(current.System.Id[i]) is null);
        if (missing > 0)
            throw new InputException($"{Source}: {missing} centre atoms of {current.Name} have ids the groups file does not list (is it the structure's own grains.csv?)");
        return result;
    }
}

/// <summary>The switching of the centres of one group in one snapshot, and their mean coordination by the neighbour species.</summary>
public sealed record GroupTally(string Group, string Snapshot, double? Strain, int Centers, int Unchanged, int Decreased, int Increased, int Swapped, double MeanCoordination)
{
    /// <summary>Mean von Mises atomic shear strain of all the group's atoms (not only centres), when computed.</summary>
    public double? MeanShearStrain { get; init; }

    public double SwitchedFraction => Centers > 0 ? (double)(Decreased + Increased + Swapped) / Centers : 0;
}
