using System.Reflection;

namespace FractureLab.Mechanics.ForceFields;

/// <summary>The force fields shipped with FractureLab, by name, and the NAME|FILE resolution the CLI uses.</summary>
public static class ForceFieldCatalog
{
    private const string Prefix = "FractureLab.ForceFields.";

    public static IReadOnlyList<string> Names { get; } = typeof(ForceFieldCatalog).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".toml", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^".toml".Length]).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    /// <summary>The TOML text of a shipped force field.</summary>
    public static string Text(string name)
    {
        using var s = typeof(ForceFieldCatalog).Assembly.GetManifestResourceStream(Prefix + name + ".toml")
            ?? throw new InputException($"unknown force field '{name}'; shipped: {string.Join(", ", Names)}, or give a .toml file");
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }

    /// <summary>A shipped name, or a path to a user's TOML file.</summary>
    public static ForceField Resolve(string nameOrFile, Composition? composition = null, double? boronN4 = null)
    {
        if (Names.Contains(nameOrFile, StringComparer.OrdinalIgnoreCase))
        {
            string name = Names.First(n => string.Equals(n, nameOrFile, StringComparison.OrdinalIgnoreCase));
            return ForceFieldLoader.Parse(Text(name), $"catalog:{name}", composition, boronN4);
        }
        if (File.Exists(nameOrFile)) return ForceFieldLoader.LoadFile(nameOrFile, composition, boronN4);
        throw new InputException($"force field '{nameOrFile}' is neither a shipped name ({string.Join(", ", Names)}) nor an existing file");
    }
}
