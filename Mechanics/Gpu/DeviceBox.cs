using FractureLab.Mechanics.Geometry;

namespace FractureLab.Mechanics.Gpu;

/// <summary>
/// The orthorhombic box as the kernels see it: lengths and lower corner (Å), periodic flags (1/0), and the
/// largest image index m of the neighbor list's image codes, decoded as in <see cref="Neighbors.NeighborList"/>:
/// code = (sx + m) + w((sy + m) + w(sz + m)), w = 2m + 1.
/// </summary>
public readonly record struct DeviceBox(double Lx, double Ly, double Lz, double LoX, double LoY, double LoZ, int PeriodicX, int PeriodicY, int PeriodicZ, int MaxImage)
{
    public static DeviceBox From(Box b, int maxImage) =>
        new(b.Length(0), b.Length(1), b.Length(2), b.Lo[0], b.Lo[1], b.Lo[2],
            b.Periodic[0] ? 1 : 0, b.Periodic[1] ? 1 : 0, b.Periodic[2] ? 1 : 0, maxImage);

    public int Code(int sx, int sy, int sz)
    {
        int w = 2 * MaxImage + 1;
        return (sx + MaxImage) + w * ((sy + MaxImage) + w * (sz + MaxImage));
    }

    /// <summary>The image shift (Å) of code <paramref name="code"/> in the current box.</summary>
    public void Shift(int code, out double x, out double y, out double z)
    {
        int w = 2 * MaxImage + 1;
        x = (code % w - MaxImage) * Lx;
        y = (code / w % w - MaxImage) * Ly;
        z = (code / (w * w) - MaxImage) * Lz;
    }
}
