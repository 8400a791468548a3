using FractureLab.BondSwitch.Geometry;
using FractureLab.BondSwitch.Snapshots;
using FractureLab.Mechanics;

namespace FractureLab.BondSwitch.Structure;

/// <summary>One anion unit: its formers and ligands (atom indices), its name (P2S7), and its former-former bonds.</summary>
public sealed record AnionUnit(int[] Formers, int[] Ligands, string Name, int FormerFormerBonds, int BridgingLigands);

/// <summary>The units of one snapshot, the Qⁿ of every former (<see cref="QOfFormer"/>[k] of atom <see cref="FormerAtoms"/>[k]), and the unit of every atom (−1: none).</summary>
public sealed record AnionSpeciation(string Former, string Ligand, double FormerLigandCutoffA, double FormerFormerCutoffA, List<AnionUnit> Units, int[] FormerAtoms, int[] QOfFormer, int[] UnitOfAtom)
{
    /// <summary>Number of units of each name (PS4, P2S7, P2S6, ...), ordered by the number of formers, then name.</summary>
    public SortedDictionary<string, int> Counts
    {
        get
        {
            var d = new SortedDictionary<string, int>(Comparer<string>.Create(CompareNames));
            foreach (var u in Units) d[u.Name] = d.GetValueOrDefault(u.Name) + 1;
            return d;
        }
    }

    /// <summary>Fraction of formers with n bridging ligands, n = 0..max.</summary>
    public SortedDictionary<int, double> QFractions
    {
        get
        {
            var d = new SortedDictionary<int, double>();
            foreach (int q in QOfFormer) d[q] = d.GetValueOrDefault(q) + 1.0 / QOfFormer.Length;
            return d;
        }
    }

    private int CompareNames(string a, string b)
    {
        int fa = FormerCount(a), fb = FormerCount(b);
        return fa != fb ? fa.CompareTo(fb) : string.CompareOrdinal(a, b);
    }

    private int FormerCount(string name)
    {
        string rest = name[Former.Length..];
        int k = 0;
        while (k < rest.Length && char.IsDigit(rest[k])) k++;
        return k == 0 ? 1 : int.Parse(rest[..k], System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// Anion speciation from connectivity: a ligand (S, O) within the former-ligand cut-off of a former (P, Si, B) is bonded
/// to it; formers that share a bridging ligand, or lie within the former-former cut-off of each other (the P-P bond of
/// P2S6⁴⁻), belong to one unit; a unit is named by its formula, formers then ligands: PS4 (isolated PS4³⁻), P2S7 (two
/// tetrahedra sharing one S), P2S6 (two PS3 joined by a P-P bond), P3S10, ... as in Dietrich et al., J. Mater. Chem. A 5,
/// 18111 (2017), and the thesis' Paper III. The same connectivity gives Qⁿ, n the number of a former's ligands bonded to
/// another former too (bridging), the usual measure of oxide networks (Si, P, B: Q0-Q4; Eckert, Prog. NMR Spectrosc.
/// 24, 159 (1992)). A direct former-former bond is not a bridging ligand and does not raise n.
/// </summary>
public static class AnionSpeciationAnalysis
{
    public static AnionSpeciation Compute(Snapshot snap, string former, string ligand, double formerLigandCutoffA, double? formerFormerCutoffA = null)
    {
        if (!(formerLigandCutoffA > 0)) throw new InputException($"units {former}-{ligand}: the cut-off must be positive, not {formerLigandCutoffA}");
        double ff = formerFormerCutoffA ?? formerLigandCutoffA;
        if (!(ff >= 0)) throw new InputException($"units {former}-{ligand}: the former-former cut-off must not be negative, not {ff}");
        var s = snap.System;
        var formers = snap.IndicesOf(former);
        if (formers.Length == 0) throw new InputException($"{snap.Name}: no {former} atoms for the {former}-{ligand} units");
        if (snap.IndicesOf(ligand).Length == 0) throw new InputException($"{snap.Name}: no {ligand} atoms for the {former}-{ligand} units");
        var isFormer = new bool[s.Count];
        var isLigand = new bool[s.Count];
        for (int i = 0; i < s.Count; i++)
        {
            isFormer[i] = string.Equals(snap.Element(i), former, StringComparison.OrdinalIgnoreCase);
            isLigand[i] = string.Equals(snap.Element(i), ligand, StringComparison.OrdinalIgnoreCase);
        }
        var formersOfLigand = new List<int>[s.Count];
        var ligandsOfFormer = new List<int>[s.Count];
        var formerBonds = new List<(int, int)>();
        double fl2 = formerLigandCutoffA * formerLigandCutoffA, ff2 = ff * ff;
        PairSearch.ForEachPair(s, Math.Max(formerLigandCutoffA, ff), (i, j, dx, dy, dz) =>
        {
            if (i == j) return;
            double r2 = dx * dx + dy * dy + dz * dz;
            if (isFormer[i] && isFormer[j]) { if (r2 < ff2) formerBonds.Add((i, j)); return; }
            if (r2 >= fl2) return;
            var (f, l) = isFormer[i] && isLigand[j] ? (i, j) : isFormer[j] && isLigand[i] ? (j, i) : (-1, -1);
            if (f < 0) return;
            (formersOfLigand[l] ??= []).Add(f);
            (ligandsOfFormer[f] ??= []).Add(l);
        });
        // union-find over formers: shared ligands and direct bonds join units
        var parent = Enumerable.Range(0, s.Count).ToArray();
        int Find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        void Join(int a, int b) { a = Find(a); b = Find(b); if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b); }
        foreach (var fs in formersOfLigand) if (fs is { Count: > 1 }) for (int k = 1; k < fs.Count; k++) Join(fs[0], fs[k]);
        foreach (var (a, b) in formerBonds) Join(a, b);

        var q = new int[formers.Length];
        for (int k = 0; k < formers.Length; k++)
            q[k] = ligandsOfFormer[formers[k]]?.Distinct().Count(l => formersOfLigand[l].Distinct().Count() > 1) ?? 0;
        var unitOfAtom = Enumerable.Repeat(-1, s.Count).ToArray();
        var units = new List<AnionUnit>();
        foreach (var group in formers.GroupBy(Find).OrderBy(g => g.Key))
        {
            var fs = group.ToArray();
            var ls = fs.SelectMany(f => ligandsOfFormer[f] ?? []).Distinct().Order().ToArray();
            var inUnit = fs.ToHashSet();
            int bonds = formerBonds.Count(b => inUnit.Contains(b.Item1));
            int bridging = ls.Count(l => formersOfLigand[l].Distinct().Count() > 1);
            string name = $"{former}{(fs.Length > 1 ? fs.Length : "")}{ligand}{(ls.Length != 1 ? ls.Length : "")}";
            foreach (int a in fs.Concat(ls)) unitOfAtom[a] = units.Count;
            units.Add(new AnionUnit(fs, ls, name, bonds, bridging));
        }
        return new AnionSpeciation(former, ligand, formerLigandCutoffA, ff, units, formers, q, unitOfAtom);
    }
}

/// <summary>Speciation over several snapshots as units.json, the per-atom labels and the unit-resolved g(r) of one species around each unit's ligands.</summary>
public static class AnionSpeciationReport
{
    /// <summary>
    /// units.json: mean count of each unit per snapshot (<c>units</c>), Qⁿ fractions of the formers (<c>Q</c>), the cut-offs
    /// and how the units are defined.
    /// </summary>
    public static System.Text.Json.Nodes.JsonObject Json(IReadOnlyList<AnionSpeciation> perSnapshot, string cutoffSource)
    {
        var first = perSnapshot[0];
        var names = perSnapshot.SelectMany(x => x.Counts.Keys).Distinct().OrderBy(n => n, Comparer<string>.Create((a, b) => first.Counts.Comparer.Compare(a, b))).ToList();
        var units = new System.Text.Json.Nodes.JsonObject();
        foreach (string n in names) units[n] = perSnapshot.Average(x => (double)x.Counts.GetValueOrDefault(n));
        var qs = perSnapshot.SelectMany(x => x.QOfFormer).ToList();
        var q = new System.Text.Json.Nodes.JsonObject();
        foreach (var g in qs.GroupBy(v => v).OrderBy(g => g.Key)) q[g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)] = (double)g.Count() / qs.Count;
        int formers = first.QOfFormer.Length;
        return new System.Text.Json.Nodes.JsonObject
        {
            ["former"] = first.Former,
            ["ligand"] = first.Ligand,
            ["cutoff_A"] = first.FormerLigandCutoffA,
            ["cutoff_source"] = cutoffSource,
            ["former_former_cutoff_A"] = first.FormerFormerCutoffA,
            ["snapshots"] = perSnapshot.Count,
            ["formers_per_snapshot"] = formers,
            ["units"] = units,
            ["Q"] = q,
            ["mean_formers_per_unit"] = perSnapshot.Average(x => (double)formers / x.Units.Count),
            ["definition"] = $"units: {first.Former} atoms joined by a shared {first.Ligand} (within {first.FormerLigandCutoffA:0.###} Å of both) or a direct {first.Former}-{first.Former} bond (within {first.FormerFormerCutoffA:0.###} Å), named by formula; Q^n: n = {first.Ligand} neighbours of a {first.Former} bonded to another {first.Former} too; units as mean counts per snapshot",
        };
    }

    /// <summary>Per-atom columns for a dump of the snapshot: the unit index (−1: none), its number of formers, and Qⁿ of formers (−1 for other atoms).</summary>
    public static Dictionary<string, double[]> AtomColumns(AnionSpeciation sp)
    {
        int n = sp.UnitOfAtom.Length;
        var unit = new double[n]; var size = new double[n]; var qn = new double[n];
        for (int i = 0; i < n; i++)
        {
            unit[i] = sp.UnitOfAtom[i];
            size[i] = sp.UnitOfAtom[i] >= 0 ? sp.Units[sp.UnitOfAtom[i]].Formers.Length : 0;
            qn[i] = -1;
        }
        for (int k = 0; k < sp.FormerAtoms.Length; k++) qn[sp.FormerAtoms[k]] = sp.QOfFormer[k];
        return new() { ["unit"] = unit, ["unit_formers"] = size, ["q_n"] = qn };
    }

    /// <summary>
    /// g(r) of <paramref name="around"/> atoms around the ligands of each kind of unit (Li around the S of PS4, of P2S7, ...),
    /// averaged over the snapshots; a kind missing from a snapshot leaves it out of that kind's mean.
    /// </summary>
    public static List<RdfCurve> LigandRdfs(IReadOnlyList<Snapshot> snaps, IReadOnlyList<AnionSpeciation> perSnapshot, string around, double rMaxA, double binA)
    {
        var byName = new Dictionary<string, List<RdfCurve>>();
        for (int k = 0; k < snaps.Count; k++)
        {
            var snap = snaps[k]; var sp = perSnapshot[k];
            var isAround = Enumerable.Range(0, snap.System.Count).Select(i => string.Equals(snap.Element(i), around, StringComparison.OrdinalIgnoreCase)).ToArray();
            if (!isAround.Any(x => x)) throw new InputException($"{snap.Name}: no {around} atoms for the unit-resolved g(r)");
            foreach (var g in sp.Units.GroupBy(u => u.Name))
            {
                var isLigand = new bool[snap.System.Count];
                foreach (var u in g) foreach (int l in u.Ligands) isLigand[l] = true;
                if (!isLigand.Any(x => x)) continue;
                var curve = RadialDistribution.OfSets(snap, $"{sp.Ligand}({g.Key})", isLigand, around, isAround, rMaxA, binA);
                (byName.TryGetValue(g.Key, out var list) ? list : byName[g.Key] = []).Add(curve);
            }
        }
        return byName.OrderBy(kv => kv.Key, Comparer<string>.Create((a, b) => perSnapshot[0].Counts.Comparer.Compare(a, b)))
            .Select(kv => RadialDistribution.Mean(kv.Value)).ToList();
    }
}
