namespace FractureLab.Mechanics.Potentials;

/// <summary>The parameters of one [[pairs]] entry as a style reads them; every error names the file and the key.</summary>
public interface IPairParameters
{
    /// <summary>A required number.</summary>
    double Number(string key);
    /// <summary>A required positive number.</summary>
    double Positive(string key);
    /// <summary>An optional number, <paramref name="fallback"/> when absent.</summary>
    double Optional(string key, double fallback);
}

/// <summary>
/// One short-range style as force-field files name it: its key, its parameters (with units), its formula for the schema
/// table, how it reads a [[pairs]] entry, and an example term for the derivative tests. Every style's file ends with its
/// definition, and <see cref="PairStyles.All"/> registers it with one line.
/// </summary>
/// <param name="Read">null for a style whose reading needs the system (core-buckingham's Deng-Du A from the composition), which the loader reads itself.</param>
public sealed record PairStyleDefinition(string Name, PairStyle Style, string[] Keys, string Formula, Func<IPairParameters, ShortRangePair>? Read, ShortRangePair Example);

/// <summary>The registry of short-range styles: the loader, the schema and the derivative tests are driven from it.</summary>
public static class PairStyles
{
    public static IReadOnlyList<PairStyleDefinition> All { get; } =
    [
        Buckingham.Definition,
        MorsePedone.Definition,
        LennardJones.Definition,
        CoreBuckingham.Definition,
        BornMayerHuggins.Definition,
    ];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(d => d.Name)];

    public static PairStyleDefinition? Find(string name) => All.FirstOrDefault(d => d.Name == name);
}
