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
}
