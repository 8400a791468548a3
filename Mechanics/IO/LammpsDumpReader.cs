using System.Globalization;

namespace FractureLab.Mechanics.IO;

/// <summary>
/// Reads LAMMPS text dump files (ours or LAMMPS's "dump custom"/"dump atom"): every frame with its
/// columns. Orthorhombic boxes only. Errors name the file and line.
/// </summary>
public static class LammpsDumpReader
{
    public static IEnumerable<DumpFrame> Read(string path)
    {
        InputFiles.Require(path, "dump file");
        using var r = new StreamReader(path);
        int ln = 0;
        string? Next()
        {
            ln++;
            return r.ReadLine();
        }
        string Expect(string prefix)
        {
            string? l = Next() ?? throw new InputException($"{path}:{ln}: file ends where '{prefix}' was expected");
            if (!l.StartsWith(prefix, StringComparison.Ordinal)) throw new InputException($"{path}:{ln}: expected '{prefix}', found '{l.Trim()}'");
            return l;
        }
        while (true)
        {
            string? first = Next();
            if (first is null) yield break;
            if (first.Trim().Length == 0) continue;
            if (!first.StartsWith("ITEM: TIMESTEP", StringComparison.Ordinal)) throw new InputException($"{path}:{ln}: expected 'ITEM: TIMESTEP', found '{first.Trim()}'");
            string? stepText = Next();
            if (!long.TryParse(stepText, NumberStyles.Integer, CultureInfo.InvariantCulture, out long step))
                throw new InputException($"{path}:{ln}: timestep '{InputException.Quote(stepText ?? "")}' is not an integer");
            Expect("ITEM: NUMBER OF ATOMS");
            int n = ParseInt(Next(), path, ln);
            // A frame needs at least one short line per atom: a count the rest of the file cannot hold is a broken header, not an allocation.
            long left = r.BaseStream.CanSeek ? r.BaseStream.Length - r.BaseStream.Position : long.MaxValue;
            if (n < 0 || (long)n * 4 > left + 65536)
                throw new InputException($"{path}:{ln}: the frame at step {step} claims {n} atoms, but the {left} bytes left in the file cannot hold them");
            string bounds = Expect("ITEM: BOX BOUNDS");
            var flags = bounds["ITEM: BOX BOUNDS".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (flags.Contains("xy")) throw new InputException($"{path}:{ln}: triclinic dump boxes are not supported");
            var lo = new double[3]; var hi = new double[3]; var per = new bool[3];
            for (int a = 0; a < 3; a++)
            {
                var t = (Next() ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (t.Length < 2) throw new InputException($"{path}:{ln}: box bounds line needs lo hi");
                lo[a] = ParseDouble(t[0], path, ln); hi[a] = ParseDouble(t[1], path, ln);
                if (!(Math.Abs(lo[a]) < 1e9 && Math.Abs(hi[a]) < 1e9 && hi[a] > lo[a]))
                    throw new InputException($"{path}:{ln}: box bounds {InputException.Quote(t[0])} {InputException.Quote(t[1])} along {"xyz"[a]}: need lo < hi, both within ±1e9 Å");
                per[a] = a >= flags.Length || flags[a] == "pp";
            }
            var names = Expect("ITEM: ATOMS")["ITEM: ATOMS".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            int elementCol = Array.IndexOf(names, "element");
            var cols = names.Select(_ => new double[n]).ToArray();
            string[]? elements = elementCol >= 0 ? new string[n] : null;
            for (int i = 0; i < n; i++)
            {
                var t = (Next() ?? throw new InputException($"{path}:{ln}: frame at step {step} ends after {i} of {n} atoms"))
                    .Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (t.Length != names.Length) throw new InputException($"{path}:{ln}: {t.Length} columns, the header names {names.Length}");
                for (int c = 0; c < names.Length; c++)
                {
                    if (c == elementCol) { elements![i] = t[c]; continue; }
                    cols[c][i] = ParseDouble(t[c], path, ln);
                }
            }
            var dict = new Dictionary<string, double[]>();
            for (int c = 0; c < names.Length; c++) if (c != elementCol) dict[names[c]] = cols[c];
            yield return new DumpFrame(step, lo, hi, per, n, dict, elements);
        }
    }


    private static int ParseInt(string? s, string path, int ln) =>
        int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : throw new InputException($"{path}:{ln}: '{InputException.Quote(s ?? "")}' is not an integer");

    private static double ParseDouble(string s, string path, int ln) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : throw new InputException($"{path}:{ln}: '{InputException.Quote(s)}' is not a number");
}
