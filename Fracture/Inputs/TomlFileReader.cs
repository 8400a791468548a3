using System.Globalization;
using FractureLab.Mechanics;
using FractureLab.Mechanics.IO;
using Tomlyn;
using Tomlyn.Model;

namespace FractureLab.Fracture.Inputs;

/// <summary>TOML access that names the file and the dotted key in every error, and refuses keys it does not know.</summary>
internal sealed class TomlFileReader(string source, InputSchema schema)
{
    /// <summary>Refuses top-level keys that are not sections of the schema.</summary>
    public void OnlySections(TomlTable root) => Only(root, "", schema.Sections);

    public void Only(TomlTable table, string prefix, params string[] keys)
    {
        KeySuggestions.Only(source, table.Keys, prefix, keys);
    }

    /// <summary>A list of numbers, or null when the key is absent.</summary>
    public List<double>? Numbers(TomlTable? t, string key) => Get(t, key) switch
    {
        null => null,
        TomlArray a when a.All(x => x is double or long) => [.. a.Select(x => x is long l ? l : (double)x!)],
        var v => throw new InputException($"{source}: key '{key}' must be a list of numbers, e.g. [0.2, 0.5]"),
    };

    /// <summary>A list of strings, or null when the key is absent.</summary>
    public List<string>? Strings(TomlTable? t, string key) => Get(t, key) switch
    {
        null => null,
        TomlArray a when a.All(x => x is string) => [.. a.Select(x => (string)x!)],
        _ => throw new InputException($"{source}: key '{key}' must be a list of strings, e.g. [\"a\", \"b\"]"),
    };

    /// <summary>A list of replications (three integers from 1 to 100 each), or null when the key is absent.</summary>
    public List<int[]>? CountLists(TomlTable? t, string key)
    {
        var v = Get(t, key);
        if (v is null) return null;
        if (v is TomlArray outer && outer.Count > 0 && outer.All(e => e is TomlArray a && a.Count == 3 && a.All(x => x is long n && n >= 1 && n <= 100)))
            return [.. outer.Select(e => ((TomlArray)e!).Select(x => (int)(long)x!).ToArray())];
        throw new InputException($"{source}: key '{key}' must be a list of replications, each three integers from 1 to 100, e.g. [[1, 1, 1], [2, 1, 2]]");
    }

    /// <summary>A positive number, or the fallback when the key is absent.</summary>
    public double Positive(TomlTable? t, string key, double fallback)
    {
        double v = Number(t, key, fallback);
        return v > 0 ? v : throw new InputException($"{source}: key '{key}' is {v.ToString(CultureInfo.InvariantCulture)}; it must be positive");
    }

    /// <summary>Section <paramref name="name"/> of the file, its keys checked against the file type's schema.</summary>
    public TomlTable? Section(TomlTable root, string name)
    {
        var keys = schema.KeysIn(name);
        if (!root.TryGetValue(name, out var v)) return null;
        if (v is not TomlTable t) throw new InputException($"{source}: '{name}' must be a table ([{name}])");
        Only(t, name + ".", keys);
        return t;
    }

    private static object? Get(TomlTable? t, string dotted) => t is not null && t.TryGetValue(dotted[(dotted.IndexOf('.') + 1)..], out var v) ? v : null;

    public string? Text(TomlTable? t, string key, string? fallback) => Get(t, key) switch
    {
        null => fallback,
        string s => s,
        var v => throw new InputException($"{source}: key '{key}' must be a string, got {v}"),
    };

    public double Number(TomlTable? t, string key, double fallback) => Get(t, key) switch
    {
        null => fallback,
        double x when double.IsFinite(x) => x,
        long l => l,
        var v => throw new InputException($"{source}: key '{key}' must be a number, got {Convert.ToString(v, CultureInfo.InvariantCulture)}"),
    };

    /// <summary>
    /// A whole number from <paramref name="min"/> to <paramref name="max"/>, or the fallback when the key is absent: a
    /// fraction (2.5) or a value past the range is an error naming the key, never truncated or saturated to an int.
    /// </summary>
    public int Integer(TomlTable? t, string key, int fallback, int min = int.MinValue, int max = int.MaxValue) => Get(t, key) switch
    {
        null => fallback,
        long l when l >= min && l <= max => (int)l,
        var v => throw new InputException($"{source}: key '{key}' is {Convert.ToString(v, CultureInfo.InvariantCulture)}; it must be a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}"),
    };

    /// <summary><paramref name="n"/> integers of any sign (a lattice direction), or null when the key is absent.</summary>
    public int[]? Integers(TomlTable? t, string key, int n)
    {
        var v = Get(t, key);
        if (v is null) return null;
        if (v is TomlArray a && a.Count == n && a.All(x => x is long))
            return [.. a.Select(x => (int)(long)x!)];
        throw new InputException($"{source}: key '{key}' must be {n} integers, e.g. [0, 0, 1]");
    }

    /// <summary>Three integers from 1 to 100 (a replication), or null when the key is absent.</summary>
    public int[]? Counts(TomlTable? t, string key)
    {
        var v = Get(t, key);
        if (v is null) return null;
        if (v is TomlArray a && a.Count == 3 && a.All(x => x is long n && n >= 1 && n <= 100))
            return [.. a.Select(x => (int)(long)x!)];
        throw new InputException($"{source}: key '{key}' must be three integers from 1 to 100, e.g. [1, 1, 2]");
    }

    public int Axis(TomlTable? t, string key, int fallback) => Text(t, key, null) switch
    {
        null => fallback,
        "x" => 0, "y" => 1, "z" => 2,
        var s => throw new InputException($"{source}: key '{key}' is '{s}', expected x, y or z"),
    };

    /// <summary>Parses a TOML file into its root table and a reader that names the file in every error.</summary>
    public static (TomlTable Root, TomlFileReader Reader) Open(string path, string what, InputSchema schema)
    {
        if (Directory.Exists(path)) throw new InputException($"{path}: is a folder, expected a {what} file (TOML)");
        if (!File.Exists(path)) throw new InputException($"{path}: {what} file does not exist");
        TomlTable root;
        try { root = TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(path)) ?? new TomlTable(); }
        catch (TomlException e) { throw new InputException($"{path}: not valid TOML: {e.Message}"); }
        return (root, new TomlFileReader(path, schema));
    }
}
