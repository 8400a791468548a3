namespace FractureLab.Mechanics.IO;

/// <summary>Structures shipped inside the assembly (LAMMPS data files under Mechanics/Data).</summary>
public static class ShippedStructures
{
    private const string Prefix = "FractureLab.Data.";

    /// <summary>The names of the shipped structures (silica576, silica1800, ...).</summary>
    public static IReadOnlyList<string> Names { get; } = [.. typeof(ShippedStructures).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".data", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^".data".Length]).Order()];

    public static string Text(string name)
    {
        using var s = typeof(ShippedStructures).Assembly.GetManifestResourceStream(Prefix + name + ".data")
            ?? throw new InputException($"no shipped structure '{name}'{KeySuggestions.Suggest(name, Names)} (shipped: {string.Join(", ", Names)})");
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }

    /// <summary>The shipped structure as a system; its source reads "embedded:NAME.data" in messages.</summary>
    public static Atoms.AtomSystem Read(string name, IReadOnlyList<string>? elements = null) =>
        LammpsDataReader.Parse(Text(name).Split('\n'), $"embedded:{name}.data", elements);
}
