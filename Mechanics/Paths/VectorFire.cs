namespace FractureLab.Mechanics.Paths;

/// <summary>
/// FIRE (Bitzek et al., Phys. Rev. Lett. 97, 170201 (2006); N_min 5, f_inc 1.1, f_dec 0.5, α₀ 0.1, f_α 0.99) on a flat
/// vector with unit masses, as ASE's FIRE and LAMMPS's NEB minimizers use it: one step advances every coordinate of a
/// path at once. The step is capped at <see cref="MaxStep"/> in norm over any one block of <see cref="BlockSize"/>
/// coordinates (an image of a path), so a stiff image cannot throw the others. The atomistic minimizer with masses and
/// frozen atoms is <see cref="Minimizers.Fire"/>.
/// </summary>
public sealed class VectorFire(int dimension, double dt = 0.1, double dtMax = 1.0, double maxStep = 0.2, int blockSize = 0)
{
    public double Dt { get; private set; } = dt;
    public double MaxStep { get; } = maxStep;
    public int BlockSize { get; } = blockSize > 0 ? blockSize : dimension;
    private readonly double[] _v = new double[dimension];
    private double _alpha = 0.1;
    private int _positive;

    /// <summary>One FIRE step of <paramref name="x"/> under the force <paramref name="f"/> (the NEB force for a path).</summary>
    public void Step(double[] x, double[] f)
    {
        double p = 0, vn = 0, fn = 0;
        for (int k = 0; k < x.Length; k++) { p += f[k] * _v[k]; vn += _v[k] * _v[k]; fn += f[k] * f[k]; }
        if (p > 0)
        {
            double mix = fn > 0 ? _alpha * Math.Sqrt(vn / fn) : 0;
            for (int k = 0; k < x.Length; k++) _v[k] = (1 - _alpha) * _v[k] + mix * f[k];
            if (++_positive > 5) { Dt = Math.Min(Dt * 1.1, dtMax); _alpha *= 0.99; }
        }
        else
        {
            _positive = 0;
            Dt *= 0.5;
            _alpha = 0.1;
            Array.Clear(_v);
        }
        for (int k = 0; k < x.Length; k++) _v[k] += Dt * f[k];
        for (int start = 0; start < x.Length; start += BlockSize)
        {
            int end = Math.Min(x.Length, start + BlockSize);
            double norm = 0;
            for (int k = start; k < end; k++) norm += _v[k] * _v[k] * Dt * Dt;
            double scale = Math.Sqrt(norm) > MaxStep ? MaxStep / Math.Sqrt(norm) : 1.0;
            for (int k = start; k < end; k++) x[k] += scale * Dt * _v[k];
        }
    }
}
