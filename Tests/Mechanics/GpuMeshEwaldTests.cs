using System.Numerics;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Coulomb;
using FractureLab.Mechanics.Gpu;

namespace FractureLab.Tests.Mechanics;

/// <summary>Mesh Ewald on the device (ILGPU's CPU accelerator: the same kernels as CUDA) against the defining sums and the host.</summary>
[Collection("CpuAccelerator")]
public class GpuMeshEwaldTests
{
    private static (double[] Re, double[] Im) RandomGrid(int size, int seed)
    {
        var rng = new Random(seed);
        return ([.. Enumerable.Range(0, size).Select(_ => rng.NextDouble() - 0.5)], [.. Enumerable.Range(0, size).Select(_ => rng.NextDouble() - 0.5)]);
    }

    /// <summary>X(m) = Σ_k x(k) e^{∓2πi m·k/K}, summed term by term.</summary>
    private static Complex[] DefiningDft(double[] re, double[] im, int[] k, int sign)
    {
        var result = new Complex[re.Length];
        for (int m0 = 0; m0 < k[0]; m0++)
        for (int m1 = 0; m1 < k[1]; m1++)
        for (int m2 = 0; m2 < k[2]; m2++)
        {
            Complex sum = 0;
            for (int a = 0; a < k[0]; a++)
            for (int b = 0; b < k[1]; b++)
            for (int c = 0; c < k[2]; c++)
            {
                double phase = -sign * 2 * Math.PI * ((double)m0 * a / k[0] + (double)m1 * b / k[1] + (double)m2 * c / k[2]);
                sum += new Complex(re[(a * k[1] + b) * k[2] + c], im[(a * k[1] + b) * k[2] + c]) * Complex.FromPolarCoordinates(1, phase);
            }
            result[(m0 * k[1] + m1) * k[2] + m2] = sum;
        }
        return result;
    }

    [Theory]
    [InlineData(6, 7, 10, 1)]   // radices 2·3, the prime 7 (a direct pass), 2·5
    [InlineData(8, 9, 5, -1)]   // 4·2, 3·3, 5; inverse
    [InlineData(16, 1, 12, 1)]  // a single-point axis
    public void DeviceFft_IsTheDefiningSum(int k0, int k1, int k2, int sign)
    {
        int[] k = [k0, k1, k2];
        var (re, im) = RandomGrid(k0 * k1 * k2, k0 + k1 + k2);
        using var fft = new DeviceFft3D(CpuAccelerator.Device.Accelerator, CpuAccelerator.Device.Mesh, k);
        fft.Upload(re, im);
        if (sign > 0) fft.Forward(); else fft.Inverse();
        var outRe = new double[re.Length]; var outIm = new double[re.Length];
        fft.Download(outRe, outIm);
        var expected = DefiningDft(re, im, k, sign);
        for (int i = 0; i < re.Length; i++)
        {
            Assert.Equal(expected[i].Real, outRe[i], 1e-11);
            Assert.Equal(expected[i].Imaginary, outIm[i], 1e-11);
        }
    }

    [Fact]
    public void DeviceFft_MatchesTheHostFft_OnAMeshSizedGrid()
    {
        int[] k = [20, 24, 25];
        var (re, im) = RandomGrid(k[0] * k[1] * k[2], 5);
        var host = re.Zip(im, (r, i) => new Complex(r, i)).ToArray();
        new Fft3D(k).Forward(host);
        using var fft = new DeviceFft3D(CpuAccelerator.Device.Accelerator, CpuAccelerator.Device.Mesh, k);
        fft.Upload(re, im);
        fft.Forward();
        var outRe = new double[re.Length]; var outIm = new double[re.Length];
        fft.Download(outRe, outIm);
        for (int i = 0; i < re.Length; i++)
        {
            Assert.Equal(host[i].Real, outRe[i], 1e-10);
            Assert.Equal(host[i].Imaginary, outIm[i], 1e-10);
        }
    }

    /// <summary>Mesh forces (eV/Å, x then y then z), energy and virial of the device mesh on a system uploaded as is.</summary>
    private static (double Energy, double[] Virial, double[] F) OnDevice(AtomSystem s, MeshEwald mesh)
    {
        var device = CpuAccelerator.Device;
        using var atoms = new DeviceAtoms(device.Accelerator, s.Count);
        var c = s.Clone();
        Array.Clear(c.Fx); Array.Clear(c.Fy); Array.Clear(c.Fz);
        atoms.Upload(c);
        using var dm = new DeviceMeshEwald(device, mesh, c.Charge);
        dm.Compute(atoms.Views, c.Count, c.Box);
        var r = new ForceResult();
        dm.AddTotals(r);
        atoms.DownloadForces(c);
        Assert.True(r.KSpaceIncluded);
        return (r.KSpaceEnergy, [.. r.Virial], [.. c.Fx, .. c.Fy, .. c.Fz]);
    }

    [Fact]
    public void DeviceMesh_IsTheHostMesh_AndIsBitReproducible()
    {
        var s = MeshEwaldTests.RandomIons(60, [14.0, 17.0, 21.0], 4);
        s.Charge[0] += 0.3; // a net charge: the background term too
        var mesh = new MeshEwald(0.4, [20, 24, 25], 5);
        var c = s.Clone();
        var hv = new double[6];
        double he = mesh.Compute(c, hv);
        double[] hf = [.. c.Fx, .. c.Fy, .. c.Fz];
        var d = OnDevice(s, mesh);
        Assert.Equal(1.0, d.Energy / he, 11);
        for (int a = 0; a < 6; a++) Assert.True(Math.Abs(d.Virial[a] - hv[a]) < 1e-10 * Math.Abs(he), $"virial {a}: {d.Virial[a]} vs {hv[a]}");
        double fmax = hf.Max(Math.Abs);
        for (int i = 0; i < hf.Length; i++) Assert.True(Math.Abs(d.F[i] - hf[i]) < 1e-10 * fmax, $"force {i}: {d.F[i]} vs {hf[i]}");
        var again = OnDevice(s, mesh);
        Assert.Equal(d.F, again.F);
        Assert.Equal(d.Energy, again.Energy);
    }

    [Fact]
    public void DeviceMesh_IsWithinItsAccuracyOfTheEwaldSum()
    {
        var s = MeshEwaldTests.RandomIons(60, [14.0, 17.0, 21.0], 9);
        const double alpha = 0.35;
        var exact = s.Clone();
        var ev = new double[6];
        double ee = new EwaldReciprocal(alpha, 1e-12).Compute(exact, ev);
        var d = OnDevice(s, new MeshEwald(alpha, [40, 48, 60], 7));
        Assert.Equal(1.0, d.Energy / ee, 6);
        double num = 0, den = 0;
        double[] ef = [.. exact.Fx, .. exact.Fy, .. exact.Fz];
        for (int i = 0; i < ef.Length; i++) { num += (d.F[i] - ef[i]) * (d.F[i] - ef[i]); den += ef[i] * ef[i]; }
        Assert.InRange(Math.Sqrt(num / den), 0, 1e-5);
    }

    [Fact]
    public void GpuBackend_RunsPppmOnTheDevice_AndAgreesWithTheReferenceBackEnd() => AssertPppmMatchesReference(CpuAccelerator.Device);

    /// <summary>BKS silica with pppm 1e-4 through <see cref="ForceComputer"/>: the device back end against the Reference back end.</summary>
    internal static void AssertPppmMatchesReference(GpuDevice device)
    {
        var c = new CoulombSettings(CoulombMethod.Pppm, 0, 10.0, ErfcFlavor.Exact, 1e-4);
        var (hs, hff) = TestData.Bind("silica192.data", "bks", c);
        var (ds, dff) = TestData.Bind("silica192.data", "bks", c);
        var expected = new ForceComputer(hff, new ReferenceBackend()).Compute(hs);
        var actual = new ForceComputer(dff, new GpuBackend(device)).Compute(ds);
        Assert.True(actual.KSpaceIncluded);
        Assert.NotEqual(0, actual.KSpaceEnergy);
        Assert.Equal(expected.KSpaceEnergy, actual.KSpaceEnergy, 1e-9);
        Assert.Equal(1.0, actual.PotentialEnergy / expected.PotentialEnergy, 12);
        for (int a = 0; a < 6; a++) Assert.Equal(expected.Virial[a], actual.Virial[a], 1e-8);
        double fmax = hs.Fx.Max(Math.Abs);
        for (int i = 0; i < hs.Count; i++)
        {
            Assert.True(Math.Abs(ds.Fx[i] - hs.Fx[i]) < 1e-11 * fmax, $"fx {i}");
            Assert.True(Math.Abs(ds.Fz[i] - hs.Fz[i]) < 1e-11 * fmax, $"fz {i}");
        }
    }
}
