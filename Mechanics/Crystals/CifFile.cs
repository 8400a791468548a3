using System.Globalization;
using System.Text;

namespace FractureLab.Mechanics.Crystals;

/// <summary>One atom site of a CIF: label, element, fractional coordinates and occupancy, and the line it came from.</summary>
public sealed record CifSite(string Label, string Element, double X, double Y, double Z, double Occupancy, int Line)
{
    /// <summary>The oxidation state (e) a type symbol such as "Ti4+" or "O2-" gives, or null.</summary>
    public double? OxidationState { get; init; }
}

/// <summary>
/// A crystal structure as a CIF gives it: cell lengths (Å) and angles (degrees), the symmetry operations, the
/// asymmetric-unit sites. Read from the first data block (CIF 1.1, Hall et al., Acta Cryst. A47, 655 (1991); tags of the
/// core dictionary: <c>_cell_length_a</c>..., <c>_space_group_symop_operation_xyz</c> or the older
/// <c>_symmetry_equiv_pos_as_xyz</c>, <c>_atom_site_fract_x</c>..., <c>_atom_site_type_symbol</c> or the label,
/// <c>_atom_site_occupancy</c>). Numbers may carry standard uncertainties, "8.5110(2)".
/// </summary>
public sealed record CifFile(string Source, string Name, double[] LengthsA, double[] AnglesDeg, IReadOnlyList<SymmetryOperation> Operations, IReadOnlyList<CifSite> Sites, string? SpaceGroup)
{
    public static CifFile Read(string path)
    {
        IO.InputFiles.Require(path, "CIF file");
        return Parse(File.ReadAllText(path), path);
    }

    public static CifFile Parse(string text, string source)
    {
        var (name, items, loops) = Tokenize(text, source);
        double Cell(string tag)
        {
            if (!items.TryGetValue(tag, out var v)) throw new InputException($"{source}: missing '{tag}'");
            double x = Number(v.Value, source, v.Line, tag);
            if (!(x > 0)) throw new InputException($"{source}:{v.Line}: '{tag}' is {v.Value}; it must be positive");
            return x;
        }
        var lengths = new[] { Cell("_cell_length_a"), Cell("_cell_length_b"), Cell("_cell_length_c") };
        var angles = new[] { Cell("_cell_angle_alpha"), Cell("_cell_angle_beta"), Cell("_cell_angle_gamma") };
        if (angles.Any(a => a >= 180)) throw new InputException($"{source}: cell angles {string.Join(", ", angles)} must lie below 180°");

        var ops = new List<SymmetryOperation>();
        var opLoop = loops.FirstOrDefault(l => l.Tags.Contains("_space_group_symop_operation_xyz") || l.Tags.Contains("_symmetry_equiv_pos_as_xyz"));
        if (opLoop is not null)
        {
            int col = Array.FindIndex(opLoop.Tags, t => t is "_space_group_symop_operation_xyz" or "_symmetry_equiv_pos_as_xyz");
            foreach (var row in opLoop.Rows)
                ops.Add(SymmetryOperation.Parse(row.Values[col], out string? err) ?? throw new InputException($"{source}:{row.Line}: symmetry operation {err}"));
        }
        else if (items.TryGetValue("_space_group_symop_operation_xyz", out var one) || items.TryGetValue("_symmetry_equiv_pos_as_xyz", out one))
            ops.Add(SymmetryOperation.Parse(one.Value, out string? err) ?? throw new InputException($"{source}:{one.Line}: symmetry operation {err}"));
        if (ops.Count == 0)
            throw new InputException($"{source}: no symmetry operations (_space_group_symop_operation_xyz or _symmetry_equiv_pos_as_xyz); a P1 file lists 'x, y, z'");

        var siteLoop = loops.FirstOrDefault(l => l.Tags.Contains("_atom_site_fract_x"))
            ?? throw new InputException($"{source}: no atom sites (a loop with _atom_site_fract_x, _y, _z)");
        int Col(string tag) => Array.IndexOf(siteLoop.Tags, tag);
        int cx = Col("_atom_site_fract_x"), cy = Col("_atom_site_fract_y"), cz = Col("_atom_site_fract_z");
        if (cy < 0 || cz < 0) throw new InputException($"{source}: the atom-site loop needs _atom_site_fract_y and _atom_site_fract_z");
        int cLabel = Col("_atom_site_label"), cType = Col("_atom_site_type_symbol"), cOcc = Col("_atom_site_occupancy");
        if (cLabel < 0 && cType < 0) throw new InputException($"{source}: the atom-site loop needs _atom_site_type_symbol or _atom_site_label");
        var sites = new List<CifSite>();
        foreach (var row in siteLoop.Rows)
        {
            string label = cLabel >= 0 ? row.Values[cLabel] : row.Values[cType];
            string element = Element(cType >= 0 ? row.Values[cType] : label, source, row.Line);
            double occ = cOcc >= 0 && row.Values[cOcc] is not ("?" or ".") ? Number(row.Values[cOcc], source, row.Line, "_atom_site_occupancy") : 1.0;
            if (!(occ > 0 && occ <= 1 + 1e-6)) throw new InputException($"{source}:{row.Line}: occupancy {row.Values[cOcc]} of site '{label}' must lie in (0, 1]");
            sites.Add(new CifSite(label, element, Number(row.Values[cx], source, row.Line, "_atom_site_fract_x"),
                Number(row.Values[cy], source, row.Line, "_atom_site_fract_y"), Number(row.Values[cz], source, row.Line, "_atom_site_fract_z"), Math.Min(occ, 1.0), row.Line)
            { OxidationState = cType >= 0 ? Oxidation(row.Values[cType]) : null });
        }
        if (sites.Count == 0) throw new InputException($"{source}: the atom-site loop has no rows");
        string? sg = items.TryGetValue("_space_group_name_H-M_alt", out var g) || items.TryGetValue("_symmetry_space_group_name_H-M", out g) ? g.Value : null;
        return new CifFile(source, name, lengths, angles, ops, sites, sg);
    }

    /// <summary>The element of a type symbol or label: "Ti4+" → Ti, "O2-" → O, "Li1" → Li, "AL" → Al.</summary>
    private static string Element(string symbol, string source, int line)
    {
        int n = 0;
        while (n < symbol.Length && char.IsLetter(symbol[n]) && n < 2) n++;
        string el = n == 0 ? "" : char.ToUpperInvariant(symbol[0]) + (n > 1 ? char.ToLowerInvariant(symbol[1]).ToString() : "");
        if (el.Length == 2 && !Elements.ElementTable.TryGetMass(el, out _)) el = el[..1];
        if (el.Length == 0 || !Elements.ElementTable.TryGetMass(el, out _))
            throw new InputException($"{source}:{line}: '{symbol}' names no element");
        return el;
    }

    /// <summary>"Ti4+" → 4, "O2-" → −2, "Li+" → 1; null when the symbol carries no charge.</summary>
    private static double? Oxidation(string symbol)
    {
        var m = System.Text.RegularExpressions.Regex.Match(symbol, @"^[A-Za-z]{1,2}(\d*)([+-])$");
        if (!m.Success) return null;
        int z = m.Groups[1].Value.Length == 0 ? 1 : int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value == "-" ? -z : z;
    }

    private static double Number(string s, string source, int line, string tag)
    {
        int p = s.IndexOf('(');
        string t = p >= 0 ? s[..p] : s;
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v
            : throw new InputException($"{source}:{line}: '{InputException.Quote(s)}' ({tag}) is not a number");
    }

    private sealed record Item(string Value, int Line);
    private sealed record Row(string[] Values, int Line);
    private sealed record Loop(string[] Tags, List<Row> Rows);

    /// <summary>Tags with their values and loops of the first data block; quoted strings and semicolon text fields are single values.</summary>
    private static (string Name, Dictionary<string, Item> Items, List<Loop> Loops) Tokenize(string text, string source)
    {
        var tokens = new List<(string Text, int Line, bool Quoted)>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (int ln = 0; ln < lines.Length; ln++)
        {
            string line = lines[ln];
            if (line.StartsWith(';'))
            {
                var sb = new StringBuilder(line[1..]);
                int start = ln;
                while (++ln < lines.Length && !lines[ln].StartsWith(';')) sb.Append('\n').Append(lines[ln]);
                if (ln >= lines.Length) throw new InputException($"{source}:{start + 1}: a text field opened with ';' is never closed");
                tokens.Add((sb.ToString(), start + 1, true));
                continue;
            }
            int i = 0;
            while (i < line.Length)
            {
                if (char.IsWhiteSpace(line[i])) { i++; continue; }
                if (line[i] == '#') break;
                if (line[i] is '\'' or '"')
                {
                    char q = line[i];
                    int j = i + 1;
                    while (j < line.Length && !(line[j] == q && (j + 1 == line.Length || char.IsWhiteSpace(line[j + 1])))) j++;
                    if (j >= line.Length) throw new InputException($"{source}:{ln + 1}: a {q}-quoted value is never closed");
                    tokens.Add((line[(i + 1)..j], ln + 1, true));
                    i = j + 1;
                    continue;
                }
                int k = i;
                while (k < line.Length && !char.IsWhiteSpace(line[k])) k++;
                tokens.Add((line[i..k], ln + 1, false));
                i = k;
            }
        }
        string name = "";
        var items = new Dictionary<string, Item>(StringComparer.OrdinalIgnoreCase);
        var loops = new List<Loop>();
        bool inBlock = false;
        for (int t = 0; t < tokens.Count;)
        {
            var (tok, line, quoted) = tokens[t];
            bool IsKeyword(int at) => !tokens[at].Quoted && (tokens[at].Text.StartsWith('_') || tokens[at].Text.StartsWith("data_", StringComparison.OrdinalIgnoreCase) || tokens[at].Text.Equals("loop_", StringComparison.OrdinalIgnoreCase));
            if (!quoted && tok.StartsWith("data_", StringComparison.OrdinalIgnoreCase))
            {
                if (inBlock) break; // the first data block only
                inBlock = true;
                name = tok[5..];
                t++;
                continue;
            }
            if (!inBlock) throw new InputException($"{source}:{line}: '{tok}' before the first data_ block");
            if (!quoted && tok.Equals("loop_", StringComparison.OrdinalIgnoreCase))
            {
                t++;
                var tags = new List<string>();
                while (t < tokens.Count && !tokens[t].Quoted && tokens[t].Text.StartsWith('_')) tags.Add(tokens[t++].Text.ToLowerInvariant());
                if (tags.Count == 0) throw new InputException($"{source}:{line}: loop_ without tags");
                var values = new List<(string, int)>();
                while (t < tokens.Count && !IsKeyword(t)) { values.Add((tokens[t].Text, tokens[t].Line)); t++; }
                if (values.Count % tags.Count != 0)
                    throw new InputException($"{source}:{line}: the loop of {tags[0]} has {values.Count} values, not a multiple of its {tags.Count} tags");
                var rows = new List<Row>();
                for (int v = 0; v < values.Count; v += tags.Count) rows.Add(new Row([.. values.Skip(v).Take(tags.Count).Select(x => x.Item1)], values[v].Item2));
                loops.Add(new Loop([.. tags], rows));
                continue;
            }
            if (!quoted && tok.StartsWith('_'))
            {
                if (t + 1 >= tokens.Count || IsKeyword(t + 1)) throw new InputException($"{source}:{line}: '{tok}' has no value");
                items[tok] = new Item(tokens[t + 1].Text, tokens[t + 1].Line);
                t += 2;
                continue;
            }
            throw new InputException($"{source}:{line}: unexpected '{InputException.Quote(tok)}' outside a loop");
        }
        if (!inBlock) throw new InputException($"{source}: no data_ block (not a CIF file?)");
        return (name, items, loops);
    }
}
