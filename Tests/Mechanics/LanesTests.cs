using FractureLab.Mechanics.Numerics;

namespace FractureLab.Tests.Mechanics;

/// <summary>The vector primitives of the pair kernels against plain indexing, at both widths.</summary>
public class LanesTests
{
    [Fact]
    public void GatherRows_TransposesTheIndexedRowsOfFour()
    {
        var rows = Enumerable.Range(0, 4 * 50).Select(k => 1000.0 * (k / 4) + k % 4).ToArray(); // row r holds r·1000 + column
        var indices = new[] { 17, 3, 49, 0, 22, 22, 8, 31 };
        Check<Lanes512>(rows, indices);
        Check<Lanes256>(rows, indices);
    }

    private static void Check<TV>(double[] rows, int[] indices) where TV : struct, ILanes<TV>
    {
        TV.GatherRows(ref rows[0], ref indices[0], out var c0, out var c1, out var c2, out var c3);
        for (int lane = 0; lane < TV.Count; lane++)
        {
            int r = indices[lane];
            Assert.Equal(rows[4 * r], c0[lane]);
            Assert.Equal(rows[4 * r + 1], c1[lane]);
            Assert.Equal(rows[4 * r + 2], c2[lane]);
            Assert.Equal(rows[4 * r + 3], c3[lane]);
        }
    }
}
