using ILGPU;
using ILGPU.Runtime;

namespace FractureLab.Mechanics.Gpu;

/// <summary>
/// Unnormalized 3D DFT of a row-major K0×K1×K2 complex grid on the device, same conventions as the host
/// <see cref="Coulomb.Fft3D"/> (forward e^{−2πi m·k/K}, inverse e^{+2πi m·k/K}, no division): per axis, one Stockham
/// pass (<see cref="FftKernels.Pass"/>) per factor of K, in the host's order (<see cref="Numerics.LineFft.Factor"/>). The grid
/// lives in two buffer pairs used in turn; <see cref="Re"/> and <see cref="Im"/> are the ones holding the data now.
/// No atomics: the same result on every device and run.
/// </summary>
public sealed class DeviceFft3D : IDisposable
{
    private readonly int[] _k;
    private readonly MemoryBuffer1D<double, Stride1D.Dense>[] _re, _im;
    private readonly MemoryBuffer1D<double, Stride1D.Dense>[] _cos, _sin;
    private readonly int[][] _radices;
    private readonly MeshKernelSet _kernels;
    private int _current;

    public int Size { get; }
    public ArrayView<double> Re => _re[_current].View;
    public ArrayView<double> Im => _im[_current].View;

    public DeviceFft3D(Accelerator acc, MeshKernelSet kernels, int[] k)
    {
        if (k.Length != 3 || k.Any(n => n < 1)) throw new ArgumentException("a 3D FFT needs three positive sizes");
        _k = (int[])k.Clone();
        _kernels = kernels;
        Size = k[0] * k[1] * k[2];
        _re = [acc.Allocate1D<double>(Size), acc.Allocate1D<double>(Size)];
        _im = [acc.Allocate1D<double>(Size), acc.Allocate1D<double>(Size)];
        _cos = new MemoryBuffer1D<double, Stride1D.Dense>[3];
        _sin = new MemoryBuffer1D<double, Stride1D.Dense>[3];
        _radices = new int[3][];
        for (int axis = 0; axis < 3; axis++)
        {
            int n = k[axis];
            _cos[axis] = acc.Allocate1D(Enumerable.Range(0, n).Select(t => Math.Cos(2 * Math.PI * t / n)).ToArray());
            _sin[axis] = acc.Allocate1D(Enumerable.Range(0, n).Select(t => Math.Sin(2 * Math.PI * t / n)).ToArray());
            _radices[axis] = Numerics.LineFft.Factor(n);
        }
    }

    public void Forward() => Transform(+1);
    public void Inverse() => Transform(-1);

    private void Transform(int sign)
    {
        int k0 = _k[0], k1 = _k[1], k2 = _k[2];
        // axis 2: contiguous lines, one per (a, b); axis 1: stride K2, one per (a, c); axis 0: stride K1·K2, one per (b, c)
        Axis(2, sign, lines: k0 * k1, inner: 1, outerStride: k2, stride: 1);
        Axis(1, sign, lines: k0 * k2, inner: k2, outerStride: k1 * k2, stride: k2);
        Axis(0, sign, lines: k1 * k2, inner: k1 * k2, outerStride: 0, stride: k1 * k2);
    }

    private void Axis(int axis, int sign, int lines, int inner, int outerStride, int stride)
    {
        int n = _k[axis], span = 1;
        foreach (int radix in _radices[axis])
        {
            var p = new FftPass
            {
                Length = n, Radix = radix, Span = span, Lines = lines, Inner = inner, OuterStride = outerStride, Stride = stride,
                Sign = sign, ButterflyMajor = stride == 1 ? 1 : 0,
            };
            int from = _current, to = 1 - _current;
            _kernels.FftPass(lines * (n / radix), _re[from].View, _im[from].View, _re[to].View, _im[to].View, _cos[axis].View, _sin[axis].View, p);
            _current = to;
            span *= radix;
        }
    }

    /// <summary>Copies a host grid (real and imaginary parts) into the current buffers.</summary>
    public void Upload(double[] re, double[] im)
    {
        _re[_current].CopyFromCPU(re);
        _im[_current].CopyFromCPU(im);
    }

    /// <summary>Copies the current grid to the host.</summary>
    public void Download(double[] re, double[] im)
    {
        _re[_current].CopyToCPU(re);
        _im[_current].CopyToCPU(im);
    }

    public void Dispose()
    {
        foreach (var b in _re.Concat(_im).Concat(_cos).Concat(_sin)) b.Dispose();
    }
}
