using FractureLab.Mechanics.Geometry;

namespace FractureLab.Mechanics.Atoms;

/// <summary>Periodic copies of a system (LAMMPS replicate): positions, velocities, types and charges repeated nx × ny × nz times.</summary>
public static class Replication
{
    public static AtomSystem Replicate(AtomSystem s, int nx, int ny, int nz)
    {
        if (nx < 1 || ny < 1 || nz < 1) throw new InputException($"replicate counts must be ≥ 1, got {nx}×{ny}×{nz}");
        var b = s.Box;
        var box = new Box([b.Lo[0], b.Lo[1], b.Lo[2]], [b.Lo[0] + nx * b.Length(0), b.Lo[1] + ny * b.Length(1), b.Lo[2] + nz * b.Length(2)],
            [b.Periodic[0], b.Periodic[1], b.Periodic[2]]);
        var r = new AtomSystem(s.Count * nx * ny * nz, (string[])s.TypeElements.Clone(), (double[])s.TypeMasses.Clone(), box);
        int k = 0;
        for (int cz = 0; cz < nz; cz++)
            for (int cy = 0; cy < ny; cy++)
                for (int cx = 0; cx < nx; cx++)
                    for (int i = 0; i < s.Count; i++, k++)
                    {
                        r.X[k] = s.X[i] + cx * b.Length(0); r.Y[k] = s.Y[i] + cy * b.Length(1); r.Z[k] = s.Z[i] + cz * b.Length(2);
                        r.Vx[k] = s.Vx[i]; r.Vy[k] = s.Vy[i]; r.Vz[k] = s.Vz[i];
                        r.Type[k] = s.Type[i]; r.Charge[k] = s.Charge[i];
                    }
        return r;
    }
}
