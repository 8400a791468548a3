namespace FractureLab.Mechanics.IO;

/// <summary>Structures shipped inside the assembly (LAMMPS data files under Mechanics/Data).</summary>
public static class ShippedStructures
{
    private const string Prefix = "FractureLab.Data.";

    public static string Text(string name)
    {
        using var s = typeof(ShippedStructures).Assembly.GetManifestResourceStream(Prefix + name + ".data")
            ?? throw new InputException($"no shipped structure '{name}'");
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }

    /// <summary>The shipped structure as a system; its source reads "embedded:NAME.data" in messages.</summary>
    public static Atoms.AtomSystem Read(string name, IReadOnlyList<string>? elements = null) =>
        LammpsDataReader.Parse(Text(name).Split('\n'), $"embedded:{name}.data", elements);
}
