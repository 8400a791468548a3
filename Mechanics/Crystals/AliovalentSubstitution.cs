using System.Globalization;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Geometry;

namespace FractureLab.Mechanics.Crystals;

/// <summary>"Ti:Al=0.15": replace this fraction of the Ti atoms by Al.</summary>
public sealed record Substitution(string Host, string Dopant, double Fraction)
{
    public static Substitution Parse(string text)
    {
        var m = System.Text.RegularExpressions.Regex.Match(text.Trim(), @"^([A-Z][a-z]?)\s*:\s*([A-Z][a-z]?)\s*=\s*([0-9.eE+-]+)$");
        if (!m.Success || !double.TryParse(m.Groups[3].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double f))
            throw new InputException($"--substitute '{text}': expected HOST:DOPANT=FRACTION, e.g. Ti:Al=0.15");
        if (!(f > 0 && f <= 1)) throw new InputException($"--substitute '{text}': the fraction {f} must lie in (0, 1]");
        return new Substitution(m.Groups[1].Value, m.Groups[2].Value, f);
    }
}

/// <summary>What a substitution did: atoms replaced, compensating atoms added (+) or removed (−), and the interstitial sites offered.</summary>
public sealed record SubstitutionReport(int Replaced, int HostAtoms, string? Compensator, int CompensatorChange, int InterstitialSites, double MinClearanceA);

/// <summary>
/// Aliovalent substitution with charge compensation, as LATP is made from LiTi2(PO4)3 (Al³⁺ on Ti⁴⁺ sites, one extra Li⁺
/// per Al on interstitial sites; Aono et al., J. Electrochem. Soc. 137, 1023 (1990)): a seeded random draw of exactly
/// round(fraction × hosts) host atoms (the product must be whole) becomes the dopant; the charge this changes,
/// ΔQ = n·(q_dopant − q_host), is balanced exactly by −ΔQ/q_c atoms of the compensating element c: added on interstitial
/// sites when positive, removed (a seeded draw of existing c atoms) when negative. Interstitial sites are the local maxima
/// of the distance to the nearest atom on a 0.2 Å grid, maxima within 0.8 Å merged (the centres of the largest voids, the M2/M3 cavities of NASICON),
/// at least <c>minClearanceA</c> from every atom; the draw among them keeps added atoms at least
/// <c>minSeparationA</c> apart.
/// </summary>
public static class AliovalentSubstitution
{
    public static (AtomSystem System, SubstitutionReport Report) Apply(AtomSystem s, Substitution sub, string? compensator,
        IReadOnlyDictionary<string, double> charges, int seed, double minClearanceA = 1.6, double minSeparationA = 2.2)
    {
        double Charge(string e) => charges.TryGetValue(e, out double q) ? q : throw new InputException($"--substitute/--compensate: no charge for {e} (give --forcefield with {e}, or an element with a formal charge)");
        var atoms = AtomListBuilder.Atoms(s);
        var hosts = Enumerable.Range(0, atoms.Count).Where(i => atoms[i].Element == sub.Host).ToList();
        if (hosts.Count == 0) throw new InputException($"--substitute {sub.Host}:{sub.Dopant}: the crystal has no {sub.Host}");
        double want = sub.Fraction * hosts.Count;
        int n = (int)Math.Round(want);
        if (Math.Abs(want - n) > 1e-3 || n == 0)
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"--substitute {sub.Host}:{sub.Dopant}={sub.Fraction:G6} of {hosts.Count} {sub.Host} atoms asks for {want:G6}; choose a size where the fraction × {sub.Host} count is a whole number"));
        var rng = new Random(seed);
        double qDopant = Charge(sub.Dopant);
        foreach (int i in hosts.OrderBy(_ => rng.Next()).Take(n)) atoms[i] = atoms[i] with { Element = sub.Dopant, ChargeE = qDopant };
        double deltaQ = n * (qDopant - Charge(sub.Host));
        int change = 0, sites = 0;
        if (compensator is not null && Math.Abs(deltaQ) > 1e-9)
        {
            double qc = Charge(compensator);
            double k = -deltaQ / qc;
            change = (int)Math.Round(k);
            if (Math.Abs(k - change) > 1e-6)
                throw new InputException(string.Create(CultureInfo.InvariantCulture,
                    $"--compensate {compensator}: the substitution changes the charge by {deltaQ:G6} e, which {compensator} ({qc:G4} e) cannot balance in whole atoms"));
            if (change > 0)
            {
                var voids = Voids(s.Box, atoms, minClearanceA);
                sites = voids.Count;
                var placed = new PointGrid(s.Box, minSeparationA);
                foreach (var v in voids.OrderBy(_ => rng.Next()))
                {
                    if (placed.Count == change) break;
                    if (placed.Count > 0 && placed.Nearest(v[0], v[1], v[2], minSeparationA) < minSeparationA) continue;
                    placed.Add(v[0], v[1], v[2]);
                    atoms.Add(new PlacedAtom(compensator, v[0], v[1], v[2], qc));
                }
                if (placed.Count < change)
                    throw new InputException(string.Create(CultureInfo.InvariantCulture,
                        $"--compensate {compensator}: {change} atoms are needed but only {placed.Count} interstitial sites ({voids.Count} voids ≥ {minClearanceA} Å from every atom, ≥ {minSeparationA} Å apart) were found"));
            }
            else
            {
                var present = Enumerable.Range(0, atoms.Count).Where(i => atoms[i].Element == compensator).ToList();
                if (present.Count < -change)
                    throw new InputException($"--compensate {compensator}: {-change} {compensator} atoms must be removed but the crystal has {present.Count}");
                var drop = present.OrderBy(_ => rng.Next()).Take(-change).ToHashSet();
                atoms = [.. atoms.Where((_, i) => !drop.Contains(i))];
            }
        }
        var result = AtomListBuilder.Build(s.Box, atoms, s.TypeElements);
        return (result, new SubstitutionReport(n, hosts.Count, compensator, change, sites, minClearanceA));
    }

    /// <summary>Centres of the voids (Å): grid points (spacing <paramref name="spacingA"/>) whose clearance to the nearest atom is a local maximum and at least <paramref name="minClearanceA"/>.</summary>
    public static List<double[]> Voids(Box box, IReadOnlyList<PlacedAtom> atoms, double minClearanceA, double spacingA = 0.2, double mergeA = 0.8)
    {
        var grid = new PointGrid(box, 3.0);
        foreach (var a in atoms) grid.Add(a.X, a.Y, a.Z);
        int[] m = [.. Enumerable.Range(0, 3).Select(a => Math.Max(1, (int)Math.Round(box.Length(a) / spacingA)))];
        double reach = minClearanceA + 2.0;
        var clearance = new double[m[0] * m[1] * m[2]];
        double P(int a, int i) => box.Lo[a] + (i + 0.5) * box.Length(a) / m[a];
        int Index(int i, int j, int k) => (((i % m[0]) + m[0]) % m[0] * m[1] + ((j % m[1]) + m[1]) % m[1]) * m[2] + ((k % m[2]) + m[2]) % m[2];
        System.Threading.Tasks.Parallel.For(0, m[0], i =>
        {
            for (int j = 0; j < m[1]; j++)
                for (int k = 0; k < m[2]; k++)
                {
                    double x = P(0, i), y = P(1, j), z = P(2, k);
                    clearance[Index(i, j, k)] = grid.AnyWithin(x, y, z, minClearanceA) ? 0 : grid.Nearest(x, y, z, reach);
                }
        });
        var centres = new List<double[]>();
        for (int i = 0; i < m[0]; i++)
            for (int j = 0; j < m[1]; j++)
                for (int k = 0; k < m[2]; k++)
                {
                    double c = clearance[Index(i, j, k)];
                    if (c < minClearanceA) continue;
                    bool peak = true;
                    for (int di = -1; di <= 1 && peak; di++)
                        for (int dj = -1; dj <= 1 && peak; dj++)
                            for (int dk = -1; dk <= 1 && peak; dk++)
                            {
                                if (di == 0 && dj == 0 && dk == 0) continue;
                                double o = clearance[Index(i + di, j + dj, k + dk)];
                                // ties (flat maxima, mirror images of a grid point; within 1e-9 A) are broken by index so each gives one centre
                                if (o > c + 1e-9 || (o > c - 1e-9 && Index(i + di, j + dj, k + dk) < Index(i, j, k))) peak = false;
                            }
                    if (peak) centres.Add([P(0, i), P(1, j), P(2, k), c]);
                }
        // grid ripples give several maxima per cavity: keep the clearest within mergeA of each other
        var kept = new PointGrid(box, mergeA);
        var merged = new List<double[]>();
        foreach (var c in centres.OrderByDescending(c => c[3]))
        {
            if (kept.Count > 0 && kept.Nearest(c[0], c[1], c[2], mergeA) < mergeA) continue;
            kept.Add(c[0], c[1], c[2]);
            merged.Add([c[0], c[1], c[2]]);
        }
        return merged;
    }
}
