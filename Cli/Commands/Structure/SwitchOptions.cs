using System.CommandLine;
using FractureLab.BondSwitch.Snapshots;
using FractureLab.BondSwitch.Structure;
using FractureLab.BondSwitch.Switching;
using FractureLab.Mechanics;

namespace FractureLab.Cli.Commands;

/// <summary>The options shared by bondswitch and softness: reference, current snapshots, species, cut-offs.</summary>
public sealed class SwitchOptions
{
    public Option<string> Reference { get; } = new("--reference") { Description = "reference structure (LAMMPS data or dump), the relaxed glass before straining", Required = true };
    public Option<string[]> Current { get; } = new("--current") { Description = "current structures (data or dump files; every frame of a dump)", Required = true, AllowMultipleArgumentsPerToken = true };
    public Option<string> Center { get; } = new("--center") { Description = "centre element, e.g. B, Si, Al", Required = true };
    public Option<string> Neighbor { get; } = new("--neighbor") { Description = "neighbour element, e.g. O", Required = true };
    public Option<double?> Cutoff { get; } = new("--cutoff") { Description = "bond cut-off r_c (Å); default: first minimum of the reference's partial g(r)" };
    public Option<double> Hysteresis { get; } = new("--hysteresis") { Description = "two-cut-off hysteresis half-width h (Å): bonds kept to r_c+h, formed below r_c-h (default 0: one cut-off)", DefaultValueFactory = _ => 0.0 };
    public Option<int> AverageFrames { get; } = new("--average-frames") { Description = "average dump frames in groups of N (time-averaged positions)", DefaultValueFactory = _ => 1 };
    public Option<string?> Elements { get; } = new("--elements") { Description = "element of each atom type, e.g. Li,B,P,O (for files without element names)" };
    public Option<string?> Axis { get; } = new("--axis") { Description = "strain axis x, y or z (default: the axis whose length changed most)" };

    public void AddTo(Command c)
    {
        foreach (var o in new Option[] { Reference, Current, Center, Neighbor, Cutoff, Hysteresis, AverageFrames, Elements, Axis }) c.Options.Add(o);
    }

    public string[]? ElementList(ParseResult p) =>
        p.GetValue(Elements)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public int? StrainAxis(ParseResult p) => p.GetValue(Axis) switch
    {
        null => null,
        "x" => 0, "y" => 1, "z" => 2,
        var other => throw new InputException($"--axis '{other}': expected x, y or z"),
    };

    /// <summary>The reference snapshot (first frame of a dump), every current snapshot, and the bond-switching analysis with its cut-off.</summary>
    public (Snapshot Reference, List<Snapshot> Currents, BondSwitchAnalysis Analysis, bool CutoffFromRdf) Load(ParseResult p)
    {
        var elements = ElementList(p);
        int average = p.GetValue(AverageFrames);
        var reference = SnapshotReader.Read(p.GetValue(Reference)!, elements, average)[0];
        var currents = p.GetValue(Current)!.SelectMany(f => SnapshotReader.Read(f, elements, average)).ToList();
        string center = p.GetValue(Center)!, neighbor = p.GetValue(Neighbor)!;
        double h = p.GetValue(Hysteresis);
        if (h < 0) throw new InputException($"--hysteresis must not be negative, got {h}");
        double? given = p.GetValue(Cutoff);
        if (given is { } g && !(g > 0)) throw new InputException($"--cutoff must be positive, got {g}");
        double rc = given ?? RadialDistribution.FirstMinimum(RadialDistribution.Partial(reference, center, neighbor, 4.0, 0.02));
        if (h >= rc) throw new InputException($"--hysteresis {h} Å must be smaller than the cut-off {rc:0.###} Å");
        var cut = h > 0 ? SwitchCutoffs.Hysteresis(rc, h) : SwitchCutoffs.Single(rc);
        return (reference, currents, new BondSwitchAnalysis(reference, center, neighbor, cut), given is null);
    }
}
