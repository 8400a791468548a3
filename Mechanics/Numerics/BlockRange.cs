namespace FractureLab.Mechanics.Numerics;

/// <summary>Contiguous, nearly equal blocks of an index range (the fixed work blocks of the parallel loops).</summary>
public static class BlockRange
{
    /// <summary>First index of block <paramref name="block"/> of <paramref name="blocks"/> over [0, <paramref name="count"/>); block b ends where b + 1 starts.</summary>
    public static int Start(int count, int block, int blocks) => (int)((long)count * block / blocks);
}
