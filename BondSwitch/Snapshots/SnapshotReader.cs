using FractureLab.Mechanics;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Elements;
using FractureLab.Mechanics.Geometry;
using FractureLab.Mechanics.IO;

namespace FractureLab.BondSwitch.Snapshots;

/// <summary>
/// Reads snapshots from LAMMPS data files (one snapshot) or LAMMPS text dumps (one per frame, ours or LAMMPS's
/// "dump custom"), telling them apart by the first line. Dumps need an <c>id</c> column, positions as x y z
/// (with optional ix iy iz), xu yu zu or xs ys zs, and the elements from an <c>element</c> column or from
/// <c>type</c> with <c>elements</c> (type 1, 2, … in order). Errors name the file.
/// </summary>
public static class SnapshotReader
{
    /// <summary>
    /// All snapshots of a file. With <paramref name="averageFrames"/> &gt; 1, consecutive dump frames are averaged in
    /// groups of that many (time-averaged positions, against thermal rattling across the cut-off; SCIENCE.md §4).
    /// </summary>
    public static List<Snapshot> Read(string path, IReadOnlyList<string>? elements = null, int averageFrames = 1)
    {
        if (averageFrames < 1) throw new InputException($"average frames must be at least 1, not {averageFrames}");
        InputFiles.Require(path, "structure file");
        string name = Path.GetFileName(path);
        if (!IsDump(path))
            return [new Snapshot(name, null, LammpsDataReader.Read(path, elements))];
        var frames = LammpsDumpReader.Read(path).Select(f => (f.Step, System: FromDump(f, path, elements), Computed: ComputedColumns(f))).ToList();
        if (frames.Count == 0) throw new InputException($"{path}: dump file has no frames");
        bool several = frames.Count > 1;
        if (averageFrames == 1)
            return frames.Select(f => new Snapshot(several ? $"{name}@{f.Step}" : name, f.Step, f.System) { Computed = f.Computed }).ToList();
        var result = new List<Snapshot>();
        for (int g = 0; g + averageFrames <= frames.Count; g += averageFrames)
        {
            var group = frames.GetRange(g, averageFrames);
            result.Add(new Snapshot($"{name}@{group[0].Step}-{group[^1].Step}", group[0].Step, TimeAverage.Of(group.Select(f => f.System).ToList(), path)));
        }
        if (result.Count == 0) throw new InputException($"{path}: {frames.Count} frames, fewer than the {averageFrames} to average");
        return result;
    }

    /// <summary>The frame's c_*, f_* and v_* columns (the dump's atom order, which <see cref="FromDump"/> keeps).</summary>
    private static Dictionary<string, double[]> ComputedColumns(DumpFrame f) =>
        f.Columns.Where(kv => kv.Key.StartsWith("c_", StringComparison.Ordinal) || kv.Key.StartsWith("f_", StringComparison.Ordinal) || kv.Key.StartsWith("v_", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => kv.Value);

    private static bool IsDump(string path)
    {
        using var r = new StreamReader(path);
        string? line;
        while ((line = r.ReadLine()) is not null)
            if (line.Trim().Length > 0) return line.StartsWith("ITEM: TIMESTEP", StringComparison.Ordinal);
        throw new InputException($"'{path}' is empty");
    }

    private static AtomSystem FromDump(DumpFrame f, string path, IReadOnlyList<string>? elements)
    {
        if (!f.Columns.ContainsKey("id")) throw new InputException($"{path}: dump frame at step {f.Step} has no 'id' column (atoms are matched by id)");
        string[] perAtom = ElementsOf(f, path, elements);
        var typeElements = perAtom.Distinct(StringComparer.Ordinal).ToArray();
        if (elements is not null) typeElements = elements.Where(typeElements.Contains).Concat(typeElements.Except(elements)).ToArray();
        var masses = typeElements.Select(e => ElementTable.TryGetMass(e, out double m) ? m : 1.0).ToArray();
        var s = new AtomSystem(f.Atoms, typeElements, masses, new Box(f.Lo, f.Hi, f.Periodic));
        var ids = f.Column("id", path);
        var typeIndex = typeElements.Select((e, k) => (e, k)).ToDictionary(p => p.e, p => p.k);
        string[][] sets = [["x", "y", "z"], ["xu", "yu", "zu"], ["xs", "ys", "zs"]];
        var set = sets.FirstOrDefault(c => c.All(f.Columns.ContainsKey))
            ?? throw new InputException($"{path}: dump frame at step {f.Step} has no positions (x y z, xu yu zu or xs ys zs)");
        bool scaled = set[0] == "xs";
        bool images = set[0] == "x" && f.Columns.ContainsKey("ix") && f.Columns.ContainsKey("iy") && f.Columns.ContainsKey("iz");
        for (int a = 0; a < 3; a++)
        {
            var src = f.Column(set[a], path);
            var dst = s.Positions(a);
            double lo = f.Lo[a], len = f.Hi[a] - f.Lo[a];
            for (int i = 0; i < f.Atoms; i++) dst[i] = scaled ? lo + src[i] * len : src[i];
            if (images)
            {
                var im = f.Column("i" + "xyz"[a], path);
                var di = s.Images(a);
                for (int i = 0; i < f.Atoms; i++) di[i] = (int)im[i];
            }
        }
        var q = f.Columns.GetValueOrDefault("q");
        for (int i = 0; i < f.Atoms; i++)
        {
            s.Id[i] = (int)ids[i];
            s.Type[i] = typeIndex[perAtom[i]];
            if (q is not null) s.Charge[i] = q[i];
        }
        return s;
    }

    private static string[] ElementsOf(DumpFrame f, string path, IReadOnlyList<string>? elements)
    {
        if (f.Elements is not null) return f.Elements;
        if (!f.Columns.TryGetValue("type", out var type))
            throw new InputException($"{path}: dump frame at step {f.Step} has neither an 'element' nor a 'type' column");
        if (elements is null || elements.Count == 0)
            throw new InputException($"{path}: dump has no 'element' column; give the element of each type with --elements (e.g. Si,O)");
        var result = new string[f.Atoms];
        for (int i = 0; i < f.Atoms; i++)
        {
            int t = (int)type[i];
            if (t < 1 || t > elements.Count) throw new InputException($"{path}: atom type {t} at step {f.Step} has no element in --elements ({string.Join(',', elements)})");
            result[i] = elements[t - 1];
        }
        return result;
    }
}
