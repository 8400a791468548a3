using System.Globalization;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Elements;
using FractureLab.Mechanics.Geometry;

namespace FractureLab.Mechanics.IO;

/// <summary>
/// Reads a LAMMPS data file (orthorhombic; atom_style charge "id type q x y z [ix iy iz]", atomic
/// "id type x y z [ix iy iz]" or, marked "Atoms # full", full "id mol type q x y z [ix iy iz]" (molecule ids and bonds are
/// not kept: core-shell pairs are found by distance when a force field is bound); Masses, Atoms, optional Velocities). Element names come from
/// <c>elements</c> (type 1, 2, …), else from the Masses comments ("1 28.0855 # Si"), else from a unique
/// mass match. Every error names the file and line.
/// </summary>
public static class LammpsDataReader
{
    public static AtomSystem Read(string path, IReadOnlyList<string>? elements = null, bool[]? periodic = null)
    {
        InputFiles.Require(path, "data file");
        return Parse(File.ReadAllLines(path), path, elements, periodic);
    }

    public static AtomSystem Parse(string[] lines, string source, IReadOnlyList<string>? elements = null, bool[]? periodic = null)
    {
        int atoms = -1, types = -1;
        var lo = new double[3]; var hi = new double[3];
        var haveAxis = new bool[3];
        int ln = 1; // skip the title line
        // Header: counts and box until the first section keyword.
        for (; ln < lines.Length; ln++)
        {
            string line = Strip(lines[ln]);
            if (line.Length == 0) continue;
            if (IsSection(line)) break;
            var tok = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (line.EndsWith(" atoms", StringComparison.Ordinal)) atoms = Int(tok[0], source, ln);
            else if (line.EndsWith(" atom types", StringComparison.Ordinal)) types = Int(tok[0], source, ln);
            else if (tok.Length == 4 && tok[2].Length == 3 && tok[2][1] == 'l' && "xyz".Contains(tok[2][0]) && tok[3] == $"{tok[2][0]}hi")
            {
                int a = "xyz".IndexOf(tok[2][0]);
                lo[a] = Dbl(tok[0], source, ln); hi[a] = Dbl(tok[1], source, ln); haveAxis[a] = true;
            }
            else if (tok.Length >= 6 && tok[3] == "xy")
            {
                if (Dbl(tok[0], source, ln) != 0 || Dbl(tok[1], source, ln) != 0 || Dbl(tok[2], source, ln) != 0)
                    throw new InputException($"{source}:{ln + 1}: triclinic boxes are not supported (tilt factors are not zero)");
            }
            // other header lines (bonds, extra/…) are irrelevant for atom_style charge/atomic
        }
        if (atoms < 0) throw new InputException($"{source}: missing header line 'N atoms'");
        if (types <= 0) throw new InputException($"{source}: missing header line 'N atom types'");
        for (int a = 0; a < 3; a++)
        {
            if (!haveAxis[a]) throw new InputException($"{source}: missing header line '{"xyz"[a]}lo {"xyz"[a]}hi'");
            // the same sanity range as the dump reader: beyond it box lengths overflow cell counts and image arithmetic
            if (!(lo[a] < hi[a]) || Math.Abs(lo[a]) > 1e9 || Math.Abs(hi[a]) > 1e9)
                throw new InputException($"{source}: box bounds {lo[a].ToString(CultureInfo.InvariantCulture)} {hi[a].ToString(CultureInfo.InvariantCulture)} along {"xyz"[a]}: need lo < hi, both within ±1e9 Å");
        }

        var masses = new double[types];
        var massComments = new string?[types];
        string[]? atomLines = null;
        int[]? atomLineNo = null;
        var velocities = new Dictionary<int, (double, double, double, int)>();
        string? styleHint = null;
        bool sawAtoms = false;
        while (ln < lines.Length)
        {
            string header = Strip(lines[ln]);
            if (header.Length == 0) { ln++; continue; }
            if (!IsSection(header)) throw new InputException($"{source}:{ln + 1}: unexpected line '{lines[ln].Trim()}' outside a section");
            string name = header.Split(' ')[0];
            int hash = lines[ln].IndexOf('#');
            if (name == "Atoms" && hash >= 0) styleHint = lines[ln][(hash + 1)..].Trim();
            ln++;
            var body = new List<(string Text, int Line)>();
            for (; ln < lines.Length; ln++)
            {
                string t = Strip(lines[ln]);
                if (t.Length == 0) { if (body.Count > 0 && NextIsSectionOrEnd(lines, ln)) break; continue; }
                if (IsSection(t)) break;
                body.Add((lines[ln], ln));
            }
            switch (name)
            {
                case "Masses":
                    foreach (var (text, l) in body)
                    {
                        var tok = Strip(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                        if (tok.Length < 2) throw new InputException($"{source}:{l + 1}: a Masses line needs a type and a mass");
                        int t = Int(tok[0], source, l);
                        if (t < 1 || t > types) throw new InputException($"{source}:{l + 1}: mass for type {t} outside 1..{types}");
                        masses[t - 1] = Dbl(tok[1], source, l);
                        if (!(masses[t - 1] > 0)) throw new InputException($"{source}:{l + 1}: mass {masses[t - 1]} must be positive");
                        int h = text.IndexOf('#');
                        if (h >= 0) massComments[t - 1] = text[(h + 1)..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
                    }
                    break;
                case "Atoms":
                    sawAtoms = true;
                    if (body.Count != atoms) throw new InputException($"{source}: section Atoms has {body.Count} lines, header says {atoms} atoms");
                    atomLines = body.Select(b => b.Text).ToArray();
                    atomLineNo = body.Select(b => b.Line).ToArray();
                    break;
                case "Velocities":
                    foreach (var (text, l) in body)
                    {
                        var tok = Strip(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                        if (tok.Length < 4) throw new InputException($"{source}:{l + 1}: a Velocities line needs id vx vy vz");
                        velocities[Int(tok[0], source, l)] = (Dbl(tok[1], source, l), Dbl(tok[2], source, l), Dbl(tok[3], source, l), l);
                    }
                    break;
                default:
                    break; // Bonds etc. are not kept (core-shell pairs are bound by distance)
            }
        }
        if (!sawAtoms || atomLines is null || atomLineNo is null) throw new InputException($"{source}: no Atoms section");

        var names = ResolveElements(source, types, masses, massComments, elements);
        for (int t = 0; t < types; t++)
            if (masses[t] == 0)
            {
                if (!ElementTable.TryGetMass(names[t], out masses[t]))
                    throw new InputException($"{source}: no mass for type {t + 1} ({names[t]}) and the element is not in the table");
            }
        var system = new AtomSystem(atoms, names, masses, new Box(lo, hi, periodic));
        bool full = styleHint == "full";
        bool? charged = styleHint switch { "charge" or "full" => true, "atomic" => false, null => null, _ => throw new InputException($"{source}: atom style '{styleHint}' is not supported (use charge, full or atomic)") };
        var seen = new HashSet<int>();
        for (int k = 0; k < atoms; k++)
        {
            int l = atomLineNo[k];
            var tok = Strip(atomLines[k]).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (full)
            {
                if (tok.Length != 7 && tok.Length != 10)
                    throw new InputException($"{source}:{l + 1}: an Atoms line (full) needs 7 or 10 columns (id mol type q x y z [ix iy iz]), found {tok.Length}");
                Int(tok[1], source, l); // the molecule id must be a whole number; it is not kept
                tok = [tok[0], .. tok[2..]];
            }
            bool hasQ = charged ?? tok.Length is 6 or 9;
            int need = hasQ ? 6 : 5;
            if (tok.Length != need && tok.Length != need + 3)
                throw new InputException($"{source}:{l + 1}: an Atoms line ({(hasQ ? "charge" : "atomic")}) needs {need} or {need + 3} columns, found {tok.Length}");
            int id = Int(tok[0], source, l);
            if (!seen.Add(id)) throw new InputException($"{source}:{l + 1}: atom id {id} appears twice");
            int type = Int(tok[1], source, l);
            if (type < 1 || type > types) throw new InputException($"{source}:{l + 1}: atom type {type} outside 1..{types}");
            int c = hasQ ? 3 : 2;
            system.Id[k] = id;
            system.Type[k] = type - 1;
            system.Charge[k] = hasQ ? Dbl(tok[2], source, l) : 0;
            system.X[k] = Dbl(tok[c], source, l); system.Y[k] = Dbl(tok[c + 1], source, l); system.Z[k] = Dbl(tok[c + 2], source, l);
            if (tok.Length == need + 3)
            {
                system.ImageX[k] = Int(tok[c + 3], source, l); system.ImageY[k] = Int(tok[c + 4], source, l); system.ImageZ[k] = Int(tok[c + 5], source, l);
            }
            if (velocities.Remove(id, out var v)) { system.Vx[k] = v.Item1; system.Vy[k] = v.Item2; system.Vz[k] = v.Item3; }
        }
        if (velocities.Count > 0)
        {
            var (id, (_, _, _, l)) = velocities.First();
            throw new InputException($"{source}:{l + 1}: velocity for atom id {id}, which is not in the Atoms section");
        }
        return system;
    }

    /// <summary>Whether the file has a Velocities section (so MD keeps them instead of drawing new ones).</summary>
    public static bool HasVelocities(string path) => File.ReadLines(path).Any(l => Strip(l) == "Velocities");

    private static string[] ResolveElements(string source, int types, double[] masses, string?[] comments, IReadOnlyList<string>? given)
    {
        var names = new string[types];
        if (given is not null)
        {
            if (given.Count != types) throw new InputException($"--elements gives {given.Count} names but {source} has {types} atom types");
            for (int t = 0; t < types; t++)
                names[t] = ElementTable.Canonical(given[t]) ?? throw new InputException($"--elements: unknown element '{given[t]}'");
            return names;
        }
        for (int t = 0; t < types; t++)
        {
            string? el = comments[t] is { } c ? ElementTable.Canonical(c) : null;
            el ??= masses[t] > 0 ? ElementTable.GuessFromMass(masses[t]) : null;
            names[t] = el ?? throw new InputException(
                $"{source}: cannot tell the element of type {t + 1}: add a comment to its Masses line (e.g. '{t + 1} 28.0855 # Si') or pass --elements");
        }
        return names;
    }

    private static readonly string[] Sections =
        ["Masses", "Atoms", "Velocities", "Bonds", "Angles", "Dihedrals", "Impropers", "Pair Coeffs", "PairIJ Coeffs", "Bond Coeffs", "Angle Coeffs", "Dihedral Coeffs", "Improper Coeffs"];

    private static bool IsSection(string line) => Sections.Any(s => line == s || line.StartsWith(s + " ", StringComparison.Ordinal));

    private static bool NextIsSectionOrEnd(string[] lines, int ln)
    {
        for (int k = ln + 1; k < lines.Length; k++)
        {
            string t = Strip(lines[k]);
            if (t.Length > 0) return IsSection(t);
        }
        return true;
    }

    private static string Strip(string line)
    {
        int h = line.IndexOf('#');
        return (h >= 0 ? line[..h] : line).Trim();
    }

    private static int Int(string s, string source, int line) =>
        int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v
            : throw new InputException($"{source}:{line + 1}: '{InputException.Quote(s)}' is not an integer");

    private static double Dbl(string s, string source, int line) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v
            : throw new InputException($"{source}:{line + 1}: '{InputException.Quote(s)}' is not a finite number");

}
