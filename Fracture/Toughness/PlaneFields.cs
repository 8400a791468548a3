namespace FractureLab.Fracture.Toughness;

/// <summary>
/// Continuum fields on a regular grid in the plane normal to the crack front (x along the crack, z along the load), as
/// the J integral needs them: the in-plane stresses (GPa), the in-plane displacements (Å) relative to the reference, and
/// the mass density (amu/Å³; where it is below <see cref="VoidDensity"/> the point is void and carries no stress).
/// Point (i, k) sits at (X0 + i·Hx, Z0 + k·Hz); a periodic grid wraps in both directions.
/// </summary>
public sealed class PlaneFields(int nx, int nz, double x0, double z0, double hx, double hz, bool periodic)
{
    public int Nx { get; } = nx;
    public int Nz { get; } = nz;
    public double X0 { get; } = x0;
    public double Z0 { get; } = z0;
    public double Hx { get; } = hx;
    public double Hz { get; } = hz;
    public bool Periodic { get; } = periodic;
    public double[] Sxx { get; } = new double[nx * nz];
    public double[] Szz { get; } = new double[nx * nz];
    public double[] Sxz { get; } = new double[nx * nz];
    public double[] Ux { get; } = new double[nx * nz];
    public double[] Uz { get; } = new double[nx * nz];
    public double[] Density { get; } = new double[nx * nz];
    public double VoidDensity { get; set; } = -1;

    public int Index(int i, int k) => k * Nx + i;
    public double X(int i) => X0 + i * Hx;
    public double Z(int k) => Z0 + k * Hz;
    public bool IsVoid(int n) => Density[n] < VoidDensity;

    /// <summary>Wraps (periodic) or clamps a grid index along x.</summary>
    public int WrapX(int i) => Periodic ? ((i % Nx) + Nx) % Nx : Math.Clamp(i, 0, Nx - 1);
    public int WrapZ(int k) => Periodic ? ((k % Nz) + Nz) % Nz : Math.Clamp(k, 0, Nz - 1);
}
