using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Neighbors;

namespace FractureLab.Tests.Mechanics;

/// <summary>
/// Issue 21: the cluster-pair list against a brute-force count over every pair and every periodic image: each atom in one
/// lane, and each pair (i, j, image) within the radius in exactly one entry, on a box shorter than the radius (the
/// 192-atom glass, 14 Å, with radius 12 Å: pairs with several images, and atoms with their own images) and on a slab.
/// </summary>
public class ClusterPairListTests
{
    [Theory]
    [InlineData(4, 1, false)]
    [InlineData(8, 1, false)]
    [InlineData(16, 1, false)]
    [InlineData(8, 3, false)]
    [InlineData(8, 3, true)]
    [InlineData(8, 1, false, true)]
    public void EveryPairWithinTheRadius_IsInExactlyOneEntry(int clusterSize, int replicas, bool slab, bool flat = false)
    {
        var s = Replication.Replicate(TestData.Silica192(), replicas, replicas, replicas);
        if (slab) s.Box.Periodic[2] = false;
        if (flat) { s.Box.Periodic[0] = false; Array.Fill(s.X, 1.0); } // every atom in one plane, x not periodic: columns of zero width
        s.WrapIntoBox();
        const double radius = 12.0;
        var list = new ClusterPairList(clusterSize);
        list.Build([s.X, s.Y, s.Z], s.Box, radius, 1);

        var lanes = list.AtomOfLane.Where(a => a >= 0).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, s.Count), lanes);
        Assert.Equal(list.ClusterCount * clusterSize, list.AtomOfLane.Length);

        // Brute force: unordered pairs {(i, 0), (j, s)} with |x_j + s·L − x_i| < radius, each counted once.
        double[] len = [s.Box.Length(0), s.Box.Length(1), s.Box.Length(2)];
        int reach(int a) => s.Box.Periodic[a] ? (int)Math.Ceiling(radius / len[a]) + 1 : 0;
        long expected = 0;
        for (int i = 0; i < s.Count; i++)
            for (int j = i; j < s.Count; j++)
                for (int sx = -reach(0); sx <= reach(0); sx++)
                    for (int sy = -reach(1); sy <= reach(1); sy++)
                        for (int sz = -reach(2); sz <= reach(2); sz++)
                        {
                            if (i == j && !(sx > 0 || sx == 0 && (sy > 0 || sy == 0 && sz > 0))) continue; // self-images once, never itself
                            double dx = s.X[j] + sx * len[0] - s.X[i], dy = s.Y[j] + sy * len[1] - s.Y[i], dz = s.Z[j] + sz * len[2] - s.Z[i];
                            if (dx * dx + dy * dy + dz * dz < radius * radius) expected++;
                        }

        long found = 0;
        var seen = new HashSet<(int, int, int, int, int)>();
        for (int ci = 0; ci < list.ClusterCount; ci++)
            for (int e = list.Start[ci]; e < list.Start[ci + 1]; e++)
            {
                int cj = list.Partner[e];
                bool selfEntry = list.SelfFirst[ci] && e == list.Start[ci];
                Assert.True(cj > ci || cj == ci, "entries point to the cluster itself or a later one");
                if (cj == ci && !selfEntry) Assert.True(list.ImageX[e] != 0 || list.ImageY[e] != 0 || list.ImageZ[e] != 0, "the cluster's own entry without an image comes first");
                for (int a = 0; a < clusterSize; a++)
                    for (int b = selfEntry ? a + 1 : 0; b < clusterSize; b++)
                    {
                        int i = list.AtomOfLane[ci * clusterSize + a], j = list.AtomOfLane[cj * clusterSize + b];
                        if (i < 0 || j < 0) continue;
                        double dx = s.X[j] + list.ImageX[e] * len[0] - s.X[i], dy = s.Y[j] + list.ImageY[e] * len[1] - s.Y[i], dz = s.Z[j] + list.ImageZ[e] * len[2] - s.Z[i];
                        if (!(dx * dx + dy * dy + dz * dz < radius * radius)) continue;
                        found++;
                        // the same pair seen from the other side: (j, i, −s)
                        var key = i < j || i == j ? (i, j, (int)list.ImageX[e], (int)list.ImageY[e], (int)list.ImageZ[e]) : (j, i, -(int)list.ImageX[e], -(int)list.ImageY[e], -(int)list.ImageZ[e]);
                        Assert.True(seen.Add(key), $"pair {key} listed twice");
                    }
            }
        Assert.Equal(expected, found);
        Assert.True(expected > 0);
    }

    /// <summary>The cluster loop counts the same pairs within the cut-off as the row loop (md's "pairs per atom" reads it), on the 3×3×3 glass.</summary>
    [Fact]
    public void ClusterLoop_CountsThePairsTheRowLoopCounts()
    {
        long Count(FractureLab.Mechanics.Backends.PairLayout layout)
        {
            var s = Replication.Replicate(TestData.Silica192(), 3, 3, 3);
            var ff = FractureLab.Mechanics.ForceFields.ForceFieldCatalog.Resolve("bks-wall", FractureLab.Mechanics.ForceFields.Composition.FromAtoms(s));
            var backend = new FractureLab.Mechanics.Backends.SimdBackend(2, layout: layout);
            new FractureLab.Mechanics.Backends.ForceComputer(new FractureLab.Mechanics.Backends.CompiledForceField(ff, s, null, BackendParityTests.Settings("dsf")), backend).Compute(s);
            return backend.LastPairsWithinCutoff;
        }
        long rows = Count(FractureLab.Mechanics.Backends.PairLayout.Rows);
        Assert.True(rows > 0);
        Assert.Equal(rows, Count(FractureLab.Mechanics.Backends.PairLayout.Clusters));
    }
}
