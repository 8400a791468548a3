using FractureLab.Mechanics;
using FractureLab.Mechanics.ForceFields;

namespace FractureLab.Tests.Mechanics;

/// <summary>Force-field files are strict: a misspelt section or key is an error with a suggestion, never silently ignored (a misspelt [coulomb] once ran with no Coulomb at all).</summary>
public class ForceFieldSchemaTests
{
    private static readonly string Bks = ForceFieldCatalog.Text("bks-wall");

    [Theory]
    [InlineData("[coulomb]", "[coulumb]", "unknown key 'coulumb' (did you mean 'coulomb'?)")]
    [InlineData("shift_energy = false", "shift_energi = true", "unknown key 'short_range.shift_energi' (did you mean 'shift_energy'?)")]
    [InlineData("alpha = 0.2", "alpah = 0.2", "unknown key 'coulomb.alpah' (did you mean 'alpha'?)")]
    [InlineData("rho = 0.205205", "roh = 0.205205", "unknown key 'pairs[0].roh' (did you mean 'rho'?)")]
    [InlineData("unlisted_pairs = \"coulomb-only\"", "unlisted_pair = \"coulomb-only\"", "unknown key 'unlisted_pair' (did you mean 'unlisted_pairs'?)")]
    public void MisspeltKeys_AreErrors_WithTheNearestKnownKey(string good, string bad, string message)
    {
        Assert.Contains(good, Bks);
        var e = Assert.Throws<InputException>(() => ForceFieldLoader.Parse(Bks.Replace(good, bad), "my.toml"));
        Assert.Contains(message, e.Message);
        Assert.StartsWith("my.toml: ", e.Message);
    }

    [Fact]
    public void EveryShippedForceField_StillLoads()
    {
        foreach (var name in ForceFieldCatalog.Names.Where(n => n != "du-teter"))
            Assert.Equal(name, ForceFieldLoader.Parse(ForceFieldCatalog.Text(name), name).Name);
        Assert.Contains("unknown key 'x'", Assert.Throws<InputException>(() => ForceFieldLoader.Parse("x = 1\n" + Bks, "f.toml")).Message);
        Assert.Equal("", KeySuggestions.Suggest("temperature", ["cutoff", "alpha"]));
        Assert.Equal(1, KeySuggestions.EditDistance("coulumb", "coulomb"));
        Assert.Equal(3, KeySuggestions.EditDistance("kitten", "sitting"));
    }

    [Fact]
    public void TheSchemaTable_ListsWhatTheLoaderAccepts()
    {
        Assert.Equal(["schema", "name", "citation", "unlisted_pairs", "charges", "short_range", "coulomb", "shells", "pairs"], ForceFieldLoader.RootKeys);
        // Every pair style's parameters appear in its row of the table.
        foreach (var (style, keys) in ForceFieldLoader.StyleKeys)
        {
            var row = ForceFieldSchema.Keys.Single(k => k.Path.StartsWith("pairs[].", StringComparison.Ordinal) && k.Meaning.StartsWith(style + ":", StringComparison.Ordinal));
            Assert.Equal(keys, row.Path["pairs[].".Length..].Split(", "));
        }
        string md = ForceFieldSchema.Markdown();
        Assert.Contains("| `coulomb.alpha` | number |", md);
        Assert.Contains("| `short_range.shift_energy` | bool | no | false |", md);
    }
}
