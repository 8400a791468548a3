using FractureLab.Mechanics.Atoms;
using ILGPU;
using ILGPU.Runtime;

namespace FractureLab.Mechanics.Gpu;

/// <summary>The per-atom arrays as kernels take them (one struct argument instead of fifteen).</summary>
public struct AtomViews
{
    public ArrayView<double> X, Y, Z, Vx, Vy, Vz, Fx, Fy, Fz, Charge, Mass;
    public ArrayView<int> Type, ImageX, ImageY, ImageZ;
}

/// <summary>
/// An <see cref="AtomSystem"/>'s atoms resident on the device: positions (Å), velocities (Å/ps), forces (eV/Å),
/// charges (e), masses (amu), types and image flags. Copied to the host only for output.
/// </summary>
public sealed class DeviceAtoms : IDisposable
{
    private readonly MemoryBuffer1D<double, Stride1D.Dense>[] _doubles;
    private readonly MemoryBuffer1D<int, Stride1D.Dense>[] _ints;

    public int Count { get; }
    public AtomViews Views { get; }

    public DeviceAtoms(Accelerator accelerator, int count)
    {
        Count = count;
        _doubles = Enumerable.Range(0, 11).Select(_ => accelerator.Allocate1D<double>(count)).ToArray();
        _ints = Enumerable.Range(0, 4).Select(_ => accelerator.Allocate1D<int>(count)).ToArray();
        Views = new AtomViews
        {
            X = _doubles[0].View, Y = _doubles[1].View, Z = _doubles[2].View,
            Vx = _doubles[3].View, Vy = _doubles[4].View, Vz = _doubles[5].View,
            Fx = _doubles[6].View, Fy = _doubles[7].View, Fz = _doubles[8].View,
            Charge = _doubles[9].View, Mass = _doubles[10].View,
            Type = _ints[0].View, ImageX = _ints[1].View, ImageY = _ints[2].View, ImageZ = _ints[3].View,
        };
    }

    /// <summary>Copies everything of <paramref name="s"/> to the device.</summary>
    public void Upload(AtomSystem s)
    {
        UploadPositions(s);
        UploadVelocitiesAndForces(s);
        _doubles[9].CopyFromCPU(s.Charge);
        var mass = new double[s.Count];
        for (int i = 0; i < s.Count; i++) mass[i] = s.Mass(i);
        _doubles[10].CopyFromCPU(mass);
        _ints[0].CopyFromCPU(s.Type);
    }

    public void UploadVelocitiesAndForces(AtomSystem s)
    {
        _doubles[3].CopyFromCPU(s.Vx); _doubles[4].CopyFromCPU(s.Vy); _doubles[5].CopyFromCPU(s.Vz);
        _doubles[6].CopyFromCPU(s.Fx); _doubles[7].CopyFromCPU(s.Fy); _doubles[8].CopyFromCPU(s.Fz);
    }

    /// <summary>Positions and image flags only (what changes between force calls of a host integrator).</summary>
    public void UploadPositions(AtomSystem s)
    {
        _doubles[0].CopyFromCPU(s.X); _doubles[1].CopyFromCPU(s.Y); _doubles[2].CopyFromCPU(s.Z);
        _ints[1].CopyFromCPU(s.ImageX); _ints[2].CopyFromCPU(s.ImageY); _ints[3].CopyFromCPU(s.ImageZ);
    }

    public void DownloadForces(AtomSystem s)
    {
        _doubles[6].CopyToCPU(s.Fx); _doubles[7].CopyToCPU(s.Fy); _doubles[8].CopyToCPU(s.Fz);
    }

    /// <summary>Positions, image flags, velocities and forces back to the host.</summary>
    public void Download(AtomSystem s)
    {
        _doubles[0].CopyToCPU(s.X); _doubles[1].CopyToCPU(s.Y); _doubles[2].CopyToCPU(s.Z);
        _doubles[3].CopyToCPU(s.Vx); _doubles[4].CopyToCPU(s.Vy); _doubles[5].CopyToCPU(s.Vz);
        _ints[1].CopyToCPU(s.ImageX); _ints[2].CopyToCPU(s.ImageY); _ints[3].CopyToCPU(s.ImageZ);
        DownloadForces(s);
    }

    public void Dispose()
    {
        foreach (var b in _doubles) b.Dispose();
        foreach (var b in _ints) b.Dispose();
    }
}
