using System.Globalization;
using System.Text;
using FractureLab.Mechanics.Atoms;

namespace FractureLab.Mechanics.IO;

/// <summary>
/// Extended XYZ (the format of ASE, OVITO and quippy: libAtoms' extxyz): per frame the atom count, a comment line of
/// key=value pairs (<c>Lattice</c>, <c>Properties</c>, <c>pbc</c>, <c>step</c>, <c>time_ps</c>) and one line per atom.
/// Positions are Cartesian in Å relative to the box's lower corner (the lattice starts at the origin, as ASE expects);
/// velocities, when written, are in Å/ps under the explicit name <c>vel_A_per_ps</c> (not ASE's internal unit); charges in e.
/// </summary>
public sealed class ExtendedXyzWriter : IDisposable
{
    private readonly TextWriter _w;
    private readonly bool _velocities;

    public ExtendedXyzWriter(string path, bool velocities = false, bool append = false)
        : this(new StreamWriter(path, append, new UTF8Encoding(false)), velocities) { }

    public ExtendedXyzWriter(TextWriter writer, bool velocities = false)
    {
        _w = writer;
        _velocities = velocities;
    }

    /// <summary>Writes one frame; <paramref name="extra"/> adds real per-atom columns (e.g. c_pe, eV).</summary>
    public void WriteFrame(AtomSystem s, long step, double timePs, IReadOnlyDictionary<string, double[]>? extra = null)
    {
        var ci = CultureInfo.InvariantCulture;
        var b = s.Box;
        string props = "species:S:1:pos:R:3:id:I:1:charge:R:1" + (_velocities ? ":vel_A_per_ps:R:3" : "")
            + string.Concat((extra?.Keys ?? []).Select(k => $":{k}:R:1"));
        _w.WriteLine(s.Count.ToString(ci));
        _w.WriteLine(string.Create(ci,
            $"Lattice=\"{b.Length(0):R} 0 0 0 {b.Length(1):R} 0 0 0 {b.Length(2):R}\" Properties={props} pbc=\"{string.Join(' ', b.Periodic.Select(p => p ? "T" : "F"))}\" step={step} time_ps={timePs:R} origin_A=\"{b.Lo[0]:R} {b.Lo[1]:R} {b.Lo[2]:R}\""));
        var sb = new StringBuilder();
        for (int i = 0; i < s.Count; i++)
        {
            sb.Clear();
            sb.Append(string.Create(ci, $"{s.TypeElements[s.Type[i]]} {s.X[i] - b.Lo[0]:R} {s.Y[i] - b.Lo[1]:R} {s.Z[i] - b.Lo[2]:R} {s.Id[i]} {s.Charge[i]:R}"));
            if (_velocities) sb.Append(string.Create(ci, $" {s.Vx[i]:R} {s.Vy[i]:R} {s.Vz[i]:R}"));
            if (extra is not null) foreach (var col in extra.Values) sb.Append(' ').Append(col[i].ToString("R", ci));
            _w.WriteLine(sb.ToString());
        }
        _w.Flush();
    }

    public void Dispose() => _w.Dispose();
}

/// <summary>One extended-XYZ frame as read: the comment line's values and the per-atom columns by property name (reals and integers as doubles, species apart).</summary>
public sealed record ExtendedXyzFrame(long? Step, double[] LatticeDiagonalA, string[] Species, IReadOnlyDictionary<string, double[][]> Columns);

/// <summary>Reads extended XYZ files with an orthorhombic Lattice (what <see cref="ExtendedXyzWriter"/> writes, and ASE for such cells).</summary>
public static class ExtendedXyzReader
{
    public static IEnumerable<ExtendedXyzFrame> Read(string path)
    {
        if (Directory.Exists(path)) throw new InputException($"{path}: is a folder, expected an extended XYZ file");
        if (!File.Exists(path)) throw new InputException($"{path}: extended XYZ file does not exist");
        using var r = new StreamReader(path);
        int ln = 0;
        string? line;
        while ((line = r.ReadLine()) is not null)
        {
            ln++;
            if (line.Trim().Length == 0) continue;
            if (!int.TryParse(line.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) || n < 0)
                throw new InputException($"{path}:{ln}: expected the atom count, found '{InputException.Quote(line)}'");
            string comment = r.ReadLine() ?? throw new InputException($"{path}:{ln + 1}: the frame ends before its comment line");
            ln++;
            var kv = KeyValues(comment, path, ln);
            var lattice = kv.TryGetValue("Lattice", out var lat) ? Numbers(lat, 9, path, ln, "Lattice") : throw new InputException($"{path}:{ln}: no Lattice in the comment line");
            if (new[] { 1, 2, 3, 5, 6, 7 }.Any(k => lattice[k] != 0)) throw new InputException($"{path}:{ln}: only orthorhombic lattices are read (off-diagonal Lattice entries must be 0)");
            var props = (kv.TryGetValue("Properties", out var pr) ? pr : "species:S:1:pos:R:3").Split(':');
            if (props.Length % 3 != 0) throw new InputException($"{path}:{ln}: Properties '{InputException.Quote(pr ?? "")}' is not name:type:count triples");
            var names = new List<(string Name, char Type, int Count)>();
            for (int k = 0; k < props.Length; k += 3)
            {
                if (!int.TryParse(props[k + 2], NumberStyles.Integer, CultureInfo.InvariantCulture, out int c) || c < 1 || props[k + 1].Length != 1 || !"SRIL".Contains(props[k + 1][0]))
                    throw new InputException($"{path}:{ln}: Properties entry '{InputException.Quote(string.Join(':', props[k..(k + 3)]))}' is not name:S|R|I|L:count");
                names.Add((props[k], props[k + 1][0], c));
            }
            var species = new string[n];
            var columns = names.Where(p => p.Type != 'S').ToDictionary(p => p.Name, p => Enumerable.Range(0, p.Count).Select(_ => new double[n]).ToArray());
            for (int i = 0; i < n; i++)
            {
                string atom = r.ReadLine() ?? throw new InputException($"{path}:{ln + 1}: the frame ends after {i} of {n} atoms");
                ln++;
                var t = atom.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                int at = 0;
                foreach (var (name, type, count) in names)
                    for (int c = 0; c < count; c++, at++)
                    {
                        if (at >= t.Length) throw new InputException($"{path}:{ln}: atom line has {t.Length} fields, Properties needs more");
                        if (type == 'S') { species[i] = t[at]; continue; }
                        if (type == 'L') { columns[name][c][i] = t[at] is "T" or "True" or "true" ? 1 : 0; continue; }
                        if (!double.TryParse(t[at], NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                            throw new InputException($"{path}:{ln}: '{InputException.Quote(t[at])}' ({name}) is not a number");
                        columns[name][c][i] = v;
                    }
            }
            long? step = kv.TryGetValue("step", out var st) && long.TryParse(st, NumberStyles.Integer, CultureInfo.InvariantCulture, out long sv) ? sv : null;
            yield return new ExtendedXyzFrame(step, [lattice[0], lattice[4], lattice[8]], species, columns);
        }
    }

    /// <summary>Keeps the frames whose step is below <paramref name="step"/> (a resumed run writes the rest again), atomically.</summary>
    public static void TruncateFrom(string path, long step)
    {
        if (!File.Exists(path)) return;
        var lines = File.ReadAllLines(path);
        AtomicFile.Write(path, w =>
        {
            for (int k = 0; k < lines.Length;)
            {
                if (!int.TryParse(lines[k].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) || k + 1 >= lines.Length) break;
                var kv = KeyValues(lines[k + 1], path, k + 2);
                if (kv.TryGetValue("step", out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long at) && at >= step) break;
                int end = Math.Min(lines.Length, k + 2 + n);
                for (int j = k; j < end; j++) w.WriteLine(lines[j]);
                k = end;
            }
        });
    }

    /// <summary>The comment line's key=value pairs (values may be double-quoted).</summary>
    private static Dictionary<string, string> KeyValues(string comment, string path, int ln)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        int i = 0;
        while (i < comment.Length)
        {
            while (i < comment.Length && comment[i] == ' ') i++;
            int eq = comment.IndexOf('=', i);
            if (i >= comment.Length) break;
            if (eq < 0) throw new InputException($"{path}:{ln}: comment line entry '{InputException.Quote(comment[i..])}' is not key=value");
            string key = comment[i..eq].Trim();
            i = eq + 1;
            string value;
            if (i < comment.Length && comment[i] == '"')
            {
                int close = comment.IndexOf('"', i + 1);
                if (close < 0) throw new InputException($"{path}:{ln}: the value of '{InputException.Quote(key)}' has no closing quote");
                value = comment[(i + 1)..close];
                i = close + 1;
            }
            else
            {
                int sp = comment.IndexOf(' ', i);
                value = sp < 0 ? comment[i..] : comment[i..sp];
                i = sp < 0 ? comment.Length : sp;
            }
            d[key] = value;
        }
        return d;
    }

    private static double[] Numbers(string text, int count, string path, int ln, string key)
    {
        var t = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (t.Length != count) throw new InputException($"{path}:{ln}: {key} needs {count} numbers, has {t.Length}");
        return [.. t.Select(x => double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v
            : throw new InputException($"{path}:{ln}: {key} value '{InputException.Quote(x)}' is not a finite number"))];
    }

}
