using System.Globalization;

namespace FractureLab.Mechanics.IO;

/// <summary>One key of an input file: its dotted path, kind, whether it is required, its default and what it means (with units).</summary>
public sealed record SchemaKey(string Path, string Kind, bool Required, string? Default, string Meaning);

/// <summary>
/// The keys of one input file type, described once: its reader accepts exactly these keys per section (refusing others with
/// a did-you-mean) and <c>fracturelab schema KIND</c> prints them as a table.
/// </summary>
public sealed record InputSchema(string Name, string Description, IReadOnlyList<SchemaKey> Keys)
{
    /// <summary>The top-level sections (the part of each path before its first '.' or '[').</summary>
    public string[] Sections => [.. Keys.Select(k => Section(k.Path)).Distinct()];

    /// <summary>The keys allowed in section <paramref name="section"/> (a table, or each table of an array of tables).</summary>
    public string[] KeysIn(string section) =>
        [.. Keys.Where(k => Section(k.Path) == section).Select(k => k.Path[(k.Path.IndexOf('.') + 1)..]).Distinct()];

    private static string Section(string path) => path.Split('.', '[')[0];

    /// <summary>The table as Markdown (for the README or the terminal).</summary>
    public string Markdown()
    {
        var sb = new System.Text.StringBuilder($"{Description} Unknown sections and keys are errors.\n\n| key | kind | required | default | meaning |\n| --- | --- | --- | --- | --- |\n");
        foreach (var k in Keys) sb.AppendLine($"| `{k.Path}` | {k.Kind} | {(k.Required ? "yes" : "no")} | {k.Default ?? ""} | {k.Meaning} |");
        return sb.ToString();
    }

    /// <summary>A default as the file would spell it.</summary>
    public static string Value(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
