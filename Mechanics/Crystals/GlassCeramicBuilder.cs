using System.Globalization;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Geometry;

namespace FractureLab.Mechanics.Crystals;

/// <summary>What decides a glass-ceramic besides the glass and the crystal: grains, fraction, shape, orientations, seed, the closest glass-grain approach.</summary>
/// <param name="BondA">cation-anion bond length (Å) within which an anion belongs to a grain cation's polyhedron</param>
public sealed record GrainSettings(int Grains, double VolumeFraction, GrainShape Shape = GrainShape.Sphere, bool RandomOrientations = true, int Seed = 1,
    double MinDistanceA = 1.8, double InterfaceWidthA = 3.0, double BondA = 2.3);

/// <summary>
/// A glass-ceramic assembled from a glass and a crystal, before relaxation: the grain id per atom (0 = glass, 1.. = grain),
/// how many glass atoms were cut (inside a grain or closer than the minimum distance to a grain atom) and how many were
/// removed to restore the glass's composition and neutrality.
/// </summary>
public sealed record GlassCeramicAssembly(AtomSystem System, int[] Grain, GrainShapes Shapes, int GlassAtomsCut, IReadOnlyDictionary<string, int> RemovedToRestore,
    IReadOnlyDictionary<string, double> TargetFractions)
{
    /// <summary>Atoms in grains over all atoms.</summary>
    public double GrainAtomFraction => Grain.Count(g => g > 0) / (double)Grain.Length;
}

/// <summary>
/// Glass-ceramics as in the thesis' Paper IV (LATP glass with 3-25 % NASICON nanograins): grains cut from the crystal
/// (periodic images tiled over each grain, rotated about the grain centre) as whole coordination polyhedra (the cations
/// inside the grain's region and the anions bonded to them), glass atoms inside a grain or within
/// <see cref="GrainSettings.MinDistanceA"/> of a grain atom removed, then glass atoms (never grain atoms) removed, those
/// nearest a grain atom first (ties by a seeded draw), until the element fractions are the glass's again as nearly as
/// whole atoms allow and the net charge is exactly zero. Relaxation (minimization, then MD below the glass transition) is
/// the caller's, see <c>GlassCeramicBuild</c>.
/// </summary>
public static class GlassCeramicBuilder
{
    public static GlassCeramicAssembly Assemble(AtomSystem glass, AtomSystem crystal, GrainSettings g)
    {
        var box = glass.Box;
        var shapes = new GrainShapes(box, g.Grains, g.VolumeFraction, g.Shape, g.RandomOrientations, g.Seed);
        var rng = new Random(g.Seed + 7919);
        var atoms = new List<PlacedAtom>();
        var grainOf = new List<int>();
        var grainPoints = new PointGrid(box, Math.Max(g.MinDistanceA, 1.0));
        // the anions bonded beyond a grain's surface can meet another grain's atoms, or this grain's own periodic image:
        // an atom closer than the minimum distance (minimum image) to an atom of another grain, or to one of its own grain
        // that is not its neighbour in the crystal (the unwrapped positions are then farther apart), is left out
        bool Clashes(PlacedAtom a, int grainId)
        {
            foreach (int j in grainPoints.Within(a.X, a.Y, a.Z, g.MinDistanceA))
            {
                if (grainOf[j] != grainId) return true;
                double dx = atoms[j].X - a.X, dy = atoms[j].Y - a.Y, dz = atoms[j].Z - a.Z;
                if (dx * dx + dy * dy + dz * dz >= g.MinDistanceA * g.MinDistanceA) return true;
            }
            return false;
        }
        for (int k = 0; k < shapes.Seeds.Count; k++)
        {
            var seed = shapes.Seeds[k];
            var rot = shapes.Rotations[k];
            // a random point of the crystal sits at the grain centre, so grains are not all cut alike
            double[] origin = [.. Enumerable.Range(0, 3).Select(a => rng.NextDouble() * crystal.Box.Length(a))];
            double reach = shapes.ReachA + 1 + g.BondA;
            int[] n = [.. Enumerable.Range(0, 3).Select(a => (int)Math.Ceiling(reach / crystal.Box.Length(a)) + 1)];
            // candidates: the crystal tiled about the grain centre and turned
            var candidates = new List<(PlacedAtom Atom, bool Inside)>();
            for (int i = 0; i < crystal.Count; i++)
                for (int nx = -n[0]; nx <= n[0]; nx++)
                    for (int ny = -n[1]; ny <= n[1]; ny++)
                        for (int nz = -n[2]; nz <= n[2]; nz++)
                        {
                            double cx = crystal.X[i] + nx * crystal.Box.Length(0) - origin[0];
                            double cy = crystal.Y[i] + ny * crystal.Box.Length(1) - origin[1];
                            double cz = crystal.Z[i] + nz * crystal.Box.Length(2) - origin[2];
                            if (cx * cx + cy * cy + cz * cz > reach * reach) continue;
                            double[] p =
                            [
                                seed[0] + rot[0, 0] * cx + rot[0, 1] * cy + rot[0, 2] * cz,
                                seed[1] + rot[1, 0] * cx + rot[1, 1] * cy + rot[1, 2] * cz,
                                seed[2] + rot[2, 0] * cx + rot[2, 1] * cy + rot[2, 2] * cz,
                            ];
                            candidates.Add((new PlacedAtom(crystal.TypeElements[crystal.Type[i]], p[0], p[1], p[2], crystal.Charge[i]), shapes.GrainOf(p) == k));
                        }
            // whole coordination polyhedra: the cations inside the grain, and every anion within the bond length of one of them
            // (an anion inside with no such cation is left out), so the grain's surface has no dangling cation-anion bonds
            var cations = new PointGrid(box, Math.Max(g.BondA, 1.0));
            foreach (var (a, inside) in candidates) if (inside && a.ChargeE > 0) cations.Add(a.X, a.Y, a.Z);
            foreach (var (a, inside) in candidates)
            {
                bool keep = a.ChargeE > 0 ? inside : cations.Count > 0 && cations.AnyWithin(a.X, a.Y, a.Z, g.BondA);
                if (!keep || Clashes(a, k + 1)) continue;
                atoms.Add(a);
                grainOf.Add(k + 1);
                grainPoints.Add(a.X, a.Y, a.Z);
            }
        }
        // glass atoms outside the grains and not too close to a grain atom
        var kept = new List<int>();
        for (int i = 0; i < glass.Count; i++)
        {
            double[] p = [glass.X[i], glass.Y[i], glass.Z[i]];
            if (shapes.GrainOf(p) >= 0) continue;
            if (grainPoints.Count > 0 && grainPoints.AnyWithin(p[0], p[1], p[2], g.MinDistanceA)) continue;
            kept.Add(i);
        }
        int cut = glass.Count - kept.Count;
        // the glass's element fractions and charges per element
        var charge = new Dictionary<string, double>();
        var target = new Dictionary<string, double>();
        for (int i = 0; i < glass.Count; i++)
        {
            string e = glass.TypeElements[glass.Type[i]];
            charge.TryAdd(e, glass.Charge[i]);
            target[e] = target.GetValueOrDefault(e) + 1.0 / glass.Count;
        }
        foreach (var a in atoms)
            if (charge.TryGetValue(a.Element, out double q) && Math.Abs(q - a.ChargeE) > 1e-9)
                throw new InputException(string.Create(CultureInfo.InvariantCulture,
                    $"the crystal's {a.Element} carries {a.ChargeE:G6} e, the glass's {q:G6} e: build the crystal with the glass's force field"));
            else if (!target.ContainsKey(a.Element))
                throw new InputException($"the crystal holds {a.Element}, which the glass does not: the glass-ceramic keeps the glass's composition");
        // the glass atoms nearest a grain atom go first (ties by the seeded draw): the anions the grains' surface polyhedra
        // bring in replace the glass's own there, which a draw over the whole glass would turn into defects everywhere
        var nearness = new Dictionary<int, double>();
        foreach (int i in kept) nearness[i] = grainPoints.Nearest(glass.X[i], glass.Y[i], glass.Z[i], 2 * g.BondA + g.MinDistanceA);
        var removal = RestoreComposition(glass, kept, atoms, target, charge, rng, nearness);
        var glassAtoms = kept.Where(i => !removal.Drop.Contains(i)).ToList();
        var all = new List<PlacedAtom>(glassAtoms.Count + atoms.Count);
        var grain = new List<int>(glassAtoms.Count + atoms.Count);
        foreach (int i in glassAtoms) { all.Add(new PlacedAtom(glass.TypeElements[glass.Type[i]], glass.X[i], glass.Y[i], glass.Z[i], glass.Charge[i])); grain.Add(0); }
        all.AddRange(atoms);
        grain.AddRange(grainOf);
        var system = AtomListBuilder.Build(box, all, glass.TypeElements);
        return new GlassCeramicAssembly(system, [.. grain], shapes, cut, removal.Removed, target);
    }

    /// <summary>
    /// Glass atoms to remove so that the counts come nearest the target fractions with zero net charge: for totals N from
    /// the present one down, the counts round(f_e·N) adjusted by up to ±2 atoms per element, the first neutral set that
    /// only removes glass atoms; of each element the atoms with the smallest <paramref name="nearness"/> (distance to a grain
    /// atom, Å) go, ties drawn at random.
    /// </summary>
    private static (HashSet<int> Drop, Dictionary<string, int> Removed) RestoreComposition(AtomSystem glass, List<int> kept, List<PlacedAtom> grainAtoms,
        Dictionary<string, double> target, Dictionary<string, double> charge, Random rng, Dictionary<int, double> nearness)
    {
        var elements = target.Keys.Order(StringComparer.Ordinal).ToArray();
        var have = elements.ToDictionary(e => e, e => grainAtoms.Count(a => a.Element == e) + kept.Count(i => glass.TypeElements[glass.Type[i]] == e));
        var glassHave = elements.ToDictionary(e => e, e => kept.Count(i => glass.TypeElements[glass.Type[i]] == e));
        int total = have.Values.Sum();
        int[]? best = null;
        for (int n = total; n > total / 2 && best is null; n--)
        {
            int[] baseCounts = [.. elements.Select(e => (int)Math.Round(target[e] * n))];
            double bestScore = double.MaxValue;
            foreach (var delta in Deltas(elements.Length, 2))
            {
                var c = baseCounts.Select((b, k) => b + delta[k]).ToArray();
                bool ok = true;
                double q = 0;
                for (int k = 0; k < elements.Length && ok; k++)
                {
                    int remove = have[elements[k]] - c[k];
                    ok = remove >= 0 && remove <= glassHave[elements[k]];
                    q += c[k] * charge[elements[k]];
                }
                if (!ok || Math.Abs(q) > 1e-6) continue;
                double score = delta.Sum(Math.Abs);
                if (score < bestScore) { bestScore = score; best = c; }
            }
        }
        if (best is null) throw new InputException("could not restore the glass's composition and neutrality by removing glass atoms; use a smaller crystal fraction or a larger box");
        var drop = new HashSet<int>();
        var removed = new Dictionary<string, int>();
        for (int k = 0; k < elements.Length; k++)
        {
            int remove = have[elements[k]] - best[k];
            removed[elements[k]] = remove;
            foreach (int i in kept.Where(i => glass.TypeElements[glass.Type[i]] == elements[k]).Select(i => (i, tie: rng.Next())).OrderBy(x => nearness[x.i]).ThenBy(x => x.tie)
                .Select(x => x.i).Take(remove)) drop.Add(i);
        }
        return (drop, removed);
    }

    private static IEnumerable<int[]> Deltas(int n, int range)
    {
        var d = new int[n];
        Array.Fill(d, -range);
        while (true)
        {
            yield return (int[])d.Clone();
            int k = 0;
            while (k < n && ++d[k] > range) { d[k] = -range; k++; }
            if (k == n) yield break;
        }
    }

    /// <summary>"glass", "grain" or "interface" per atom: interface when an atom of the other phase lies within <paramref name="widthA"/>.</summary>
    public static string[] Regions(AtomSystem s, int[] grain, double widthA)
    {
        var glassGrid = new PointGrid(s.Box, widthA);
        var grainGrid = new PointGrid(s.Box, widthA);
        for (int i = 0; i < s.Count; i++) (grain[i] > 0 ? grainGrid : glassGrid).Add(s.X[i], s.Y[i], s.Z[i]);
        return [.. Enumerable.Range(0, s.Count).Select(i =>
        {
            var other = grain[i] > 0 ? glassGrid : grainGrid;
            bool near = other.Count > 0 && other.AnyWithin(s.X[i], s.Y[i], s.Z[i], widthA);
            return near ? "interface" : grain[i] > 0 ? "grain" : "glass";
        })];
    }
}
