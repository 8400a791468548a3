using System.CommandLine;
using FractureLab.BondSwitch.Softness;

namespace FractureLab.Cli.Commands;

/// <summary>The feature grid and classifier options shared by <c>softness</c> and <c>ion-softness</c>.</summary>
public sealed class SoftnessFeatureOptions(string featuresHelp)
{
    public Option<string?> Features { get; } = new("--features") { Description = featuresHelp };
    public Option<double> MuMin { get; } = new("--mu-min") { Description = "first μ of the feature grid (Å)", DefaultValueFactory = _ => 1.0 };
    public Option<double> MuMax { get; } = new("--mu-max") { Description = "last μ (Å)", DefaultValueFactory = _ => 6.0 };
    public Option<double> MuStep { get; } = new("--mu-step") { Description = "μ step (Å)", DefaultValueFactory = _ => 0.1 };
    public Option<double> Width { get; } = new("--width") { Description = "Gaussian width L (Å)", DefaultValueFactory = _ => 0.1 };
    public Option<int> Folds { get; } = new("--folds") { Description = "cross-validation folds", DefaultValueFactory = _ => 5 };
    public Option<double> L2 { get; } = new("--l2") { Description = "L2 penalty λ on the standardized weights", DefaultValueFactory = _ => 1e-2 };
    public Option<int> Seed { get; } = new("--seed") { Description = "seed of the fold assignment", DefaultValueFactory = _ => 1 };

    public void AddTo(Command c)
    {
        foreach (var o in new Option[] { Features, MuMin, MuMax, MuStep, Width, Folds, L2, Seed }) c.Options.Add(o);
    }

    /// <summary>The grid over the species given, or <paramref name="defaultSpecies"/>.</summary>
    public RadialFeatures Grid(ParseResult p, IReadOnlyList<string> defaultSpecies)
    {
        var species = p.GetValue(Features)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [.. defaultSpecies];
        return RadialFeatures.Grid(species, p.GetValue(MuMin), p.GetValue(MuMax), p.GetValue(MuStep), p.GetValue(Width));
    }
}
