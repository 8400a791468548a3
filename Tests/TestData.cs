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
    public static double Distance(AtomSystem s, int i, int j) => Math.Sqrt(s.Box.Distance2(s.X[i], s.Y[i], s.Z[i], s.X[j], s.Y[j], s.Z[j]));

    public static (AtomSystem System, CompiledForceField ForceField) Bind(string data, string forceField, FractureLab.Mechanics.Coulomb.CoulombSettings? coulomb = null, double? cutoff = null)
    {
        var s = LammpsDataReader.Read(Parity(data));
        var ff = ForceFieldCatalog.Resolve(forceField, Composition.FromAtoms(s));
        return (s, new CompiledForceField(ff, s, cutoff, coulomb ?? ff.Coulomb));
    }
}
