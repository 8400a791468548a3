using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.ForceFields;
using FractureLab.Mechanics.IO;

namespace FractureLab.Tests;

/// <summary>Paths to the committed parity configurations and small helpers to bind force fields to them.</summary>
public static class TestData
{
    public static string Parity(string file) => Path.Combine(AppContext.BaseDirectory, "Parity", "Lammps", file);

    /// <summary>A file of Tests/Data: silica192-glass.data is a 192-atom BKS glass made by build-glass (1000 K/ps quench), for fast end-to-end runs.</summary>
    public static string Data(string file) => Path.Combine(AppContext.BaseDirectory, "Data", file);

    /// <summary>A file of Experiments/Examples (copied beside the tests).</summary>
    public static string Example(string relative) => Path.Combine(AppContext.BaseDirectory, "Examples", relative);

    public static AtomSystem Silica192() => LammpsDataReader.Read(Parity("silica192.data"));

    /// <summary>A file of the repository (from the test binaries' folder, Tests/bin/CONFIG/net10.0, four levels up).</summary>
    public static string Repository(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "..", "..", "..", "..", .. parts]);

    /// <summary>Distance (Å) between atoms i and j, minimum image.</summary>
    /// <summary>√(Σ|F_actual − F_expected|² / Σ|F_expected|²) over the atoms: the force error measure of the mixed-precision bounds.</summary>
    public static double ForceRelativeRms(AtomSystem expected, AtomSystem actual)
    {
        double num = 0, den = 0;
        for (int i = 0; i < expected.Count; i++)
        {
            double dx = actual.Fx[i] - expected.Fx[i], dy = actual.Fy[i] - expected.Fy[i], dz = actual.Fz[i] - expected.Fz[i];
            num += dx * dx + dy * dy + dz * dz;
            den += expected.Fx[i] * expected.Fx[i] + expected.Fy[i] * expected.Fy[i] + expected.Fz[i] * expected.Fz[i];
        }
        return Math.Sqrt(num / den);
    }

    public static double Distance(AtomSystem s, int i, int j) => Math.Sqrt(s.Box.Distance2(s.X[i], s.Y[i], s.Z[i], s.X[j], s.Y[j], s.Z[j]));

    public static (AtomSystem System, CompiledForceField ForceField) Bind(string data, string forceField, FractureLab.Mechanics.Coulomb.CoulombSettings? coulomb = null, double? cutoff = null)
    {
        var s = LammpsDataReader.Read(Parity(data));
        var ff = ForceFieldCatalog.Resolve(forceField, Composition.FromAtoms(s));
        return (s, new CompiledForceField(ff, s, cutoff, coulomb ?? ff.Coulomb));
    }
}
