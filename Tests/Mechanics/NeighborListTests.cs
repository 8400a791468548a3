using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Geometry;
using FractureLab.Mechanics.Neighbors;

namespace FractureLab.Tests.Mechanics;

/// <summary>The neighbor list holds exactly the pairs (with periodic images) that a brute-force search finds.</summary>
public class NeighborListTests
{
    private static int BruteForcePairs(AtomSystem s, double rc)
    {
        int count = 0;
        int[] m = new int[3];
        for (int a = 0; a < 3; a++) m[a] = s.Box.Periodic[a] ? (int)Math.Ceiling(rc / s.Box.Length(a)) + 1 : 0;
        for (int i = 0; i < s.Count; i++)
            for (int j = i; j < s.Count; j++)
                for (int sx = -m[0]; sx <= m[0]; sx++)
                    for (int sy = -m[1]; sy <= m[1]; sy++)
                        for (int sz = -m[2]; sz <= m[2]; sz++)
                        {
                            if (i == j && (sx, sy, sz).CompareTo((0, 0, 0)) <= 0) continue;
                            double dx = s.X[j] + sx * s.Box.Length(0) - s.X[i], dy = s.Y[j] + sy * s.Box.Length(1) - s.Y[i], dz = s.Z[j] + sz * s.Box.Length(2) - s.Z[i];
                            if (dx * dx + dy * dy + dz * dz < rc * rc) count++;
                        }
        return count;
    }

    private static int ListPairsWithin(AtomSystem s, NeighborList list, double rc)
    {
        int count = 0;
        for (int p = 0; p < s.Count; p++)
            for (int k = list.Start[p]; k < list.Start[p + 1]; k++)
            {
                int i = list.AtomOf(p), j = list.AtomOf(list.Neighbors[k]), c = list.Shifts[k];
                double dx = s.X[j] + list.ShiftX[c] - s.X[i], dy = s.Y[j] + list.ShiftY[c] - s.Y[i], dz = s.Z[j] + list.ShiftZ[c] - s.Z[i];
                if (dx * dx + dy * dy + dz * dz < rc * rc) count++;
            }
        return count;
    }

    [Theory]
    [InlineData(5.0, true)]
    [InlineData(10.0, true)]   // cut-off above half the box: periodic self-images
    [InlineData(18.0, true)]   // cut-off above the box length: several images
    [InlineData(10.0, false)]  // z not periodic (slab for an edge crack)
    public void Build_FindsTheSamePairsAsBruteForce(double cutoff, bool periodicZ)
    {
        var s = TestData.Silica192();
        s.Box.Periodic[2] = periodicZ;
        var list = new NeighborList(cutoff, 1.0);
        list.Build(s);
        Assert.Equal(BruteForcePairs(s, cutoff), ListPairsWithin(s, list, cutoff));
        Assert.Equal(BruteForcePairs(s, cutoff + 1.0), list.PairCount);
    }

    [Fact]
    public void NeedsRebuild_AfterAtomMovesHalfTheSkin()
    {
        var s = TestData.Silica192();
        var list = new NeighborList(5.0, 2.0);
        list.Build(s);
        Assert.False(list.NeedsRebuild(s));
        s.X[3] += 0.9;
        Assert.False(list.NeedsRebuild(s));
        s.X[3] += 0.2;
        Assert.True(list.NeedsRebuild(s));
    }

    [Fact]
    public void Build_WrapsAtomsAndCountsImages()
    {
        var s = new AtomSystem(1, ["Si"], [28.0855], Box.Cube(10));
        s.X[0] = 23.0; s.Y[0] = -1.0; s.Z[0] = 5.0;
        new NeighborList(3.0).Build(s);
        Assert.Equal(3.0, s.X[0], 12); Assert.Equal(2, s.ImageX[0]);
        Assert.Equal(9.0, s.Y[0], 12); Assert.Equal(-1, s.ImageY[0]);
    }

    [Fact]
    public void Build_IsTheSameWhateverTheThreadCount_AndGroupsRowsByType()
    {
        var s = FractureLab.Mechanics.Atoms.Replication.Replicate(TestData.Silica192(), 2, 2, 2);
        var one = new NeighborList(8.0, 1.0) { Threads = 1 };
        var three = new NeighborList(8.0, 1.0) { Threads = 3 };
        one.Build(s.Clone());
        three.Build(s.Clone());
        Assert.Equal(one.Start.ToArray(), three.Start.ToArray());
        Assert.Equal(one.Neighbors.ToArray(), three.Neighbors.ToArray());
        Assert.Equal(one.Shifts.ToArray(), three.Shifts.ToArray());
        Assert.Equal(BruteForcePairs(s, 9.0), three.PairCount);
        for (int p = 0; p < s.Count; p++)
            for (int k = three.Start[p] + 1; k < three.Start[p + 1]; k++)
                Assert.True(s.Type[three.AtomOf(three.Neighbors[k - 1])] <= s.Type[three.AtomOf(three.Neighbors[k])], $"row {p} not grouped by type");
        // a rebuild reuses the list's own arrays for its first block: the same list as a fresh one's, on moved atoms too
        var moved = s.Clone();
        var rng = new Random(3);
        for (int i = 0; i < moved.Count; i++) { moved.X[i] += rng.NextDouble() - 0.5; moved.Z[i] += rng.NextDouble() - 0.5; }
        three.Build(moved.Clone());
        var fresh = new NeighborList(8.0, 1.0) { Threads = 1 };
        fresh.Build(moved.Clone());
        Assert.Equal(fresh.Start.ToArray(), three.Start.ToArray());
        Assert.Equal(fresh.Neighbors.ToArray(), three.Neighbors.ToArray());
        Assert.Equal(fresh.Shifts.ToArray(), three.Shifts.ToArray());
    }

    [Fact]
    public void Build_SortsAtomsIntoSlotsByCellAndOctant()
    {
        // Cells of at least cut-off + skin = 5 Å and their octants (x fastest, then y, then z, at both levels), counted
        // here from the wrapped positions.
        var s = FractureLab.Mechanics.Atoms.Replication.Replicate(TestData.Silica192(), 2, 2, 2);
        var list = new NeighborList(4.0, 1.0);
        list.Build(s);
        (int Cell, int Octant) Key(int i)
        {
            int cell = 0, octant = 0;
            for (int a = 2; a >= 0; a--)
            {
                int nc = (int)Math.Floor(s.Box.Length(a) / 5.0);
                double u = (s.Positions(a)[i] - s.Box.Lo[a]) / (s.Box.Length(a) / nc);
                int c = Math.Clamp((int)Math.Floor(u), 0, nc - 1);
                cell = cell * nc + c;
                octant = octant * 2 + (u - c >= 0.5 ? 1 : 0);
            }
            return (cell, octant);
        }
        var order = list.Order.ToArray();
        Assert.Equal(Enumerable.Range(0, s.Count), order.Order());
        Assert.NotEqual(Enumerable.Range(0, s.Count), order); // a replicated glass is not in cell order to begin with
        for (int p = 1; p < s.Count; p++)
        {
            var before = Key(order[p - 1]); var here = Key(order[p]);
            int cmp = before.CompareTo(here);
            Assert.True(cmp < 0 || (cmp == 0 && order[p - 1] < order[p]), $"slots {p - 1} and {p} out of cell order: {before} then {here}");
        }
        var x = new double[s.Count];
        list.ToSlots<double>(s.X, x);
        for (int p = 0; p < s.Count; p++) Assert.Equal(s.X[order[p]], x[p]);
    }
}
