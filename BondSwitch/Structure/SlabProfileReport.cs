using System.Globalization;
using System.Text.Json.Nodes;
using FractureLab.BondSwitch.Output;
using FractureLab.BondSwitch.Plots;
using FractureLab.BondSwitch.Snapshots;
using FractureLab.BondSwitch.Switching;
using FractureLab.Experiments.Plots;
using FractureLab.Mechanics.IO;

namespace FractureLab.BondSwitch.Structure;

/// <summary>
/// The folder <c>fracturelab profile</c> writes: profile.csv (per slab: centre, atoms, density g/cm³, at.% of each element,
/// atoms of each group, F), profile.json (the settings and the mean density) and profile.png (density and F(Z)).
/// </summary>
public static class SlabProfileReport
{
    /// <summary>Profiles <paramref name="snap"/> across <paramref name="axis"/> (0-2) in slabs of about <paramref name="widthA"/> Å; returns the line to print.</summary>
    public static string Write(Snapshot snap, string source, int axis, double widthA, bool order, AtomGroups? groups, double kMinPerA, double kMaxPerA, string dir)
    {
        var rows = SlabProfile.Compute(snap, axis, widthA, order, groups is null ? null : groups.Of, kMinPerA, kMaxPerA);
        Directory.CreateDirectory(dir);
        var elementNames = snap.System.TypeElements.Distinct().ToArray();
        var groupNames = groups?.Names.ToArray() ?? [];
        string ax = "xyz"[axis].ToString();
        var header = new List<string> { $"{ax}_A", "atoms", "density_g_cm3" };
        header.AddRange(elementNames.Select(e => $"at_pct_{e}"));
        header.AddRange(groupNames.Select(n => $"atoms_{n}"));
        header.Add("F");
        AtomicFile.Write(Path.Combine(dir, "profile.csv"), w => TableWriter.Write(w, header, rows.Select(r =>
        {
            var cells = new List<object?> { r.CenterA, r.Atoms, r.DensityGPerCm3 };
            cells.AddRange(elementNames.Select(e => (object?)(r.Atoms > 0 ? 100.0 * r.ByElement.GetValueOrDefault(e) / r.Atoms : 0.0)));
            cells.AddRange(groupNames.Select(n => (object?)r.ByGroup.GetValueOrDefault(n)));
            cells.Add(r.Order);
            return (IReadOnlyList<object?>)cells;
        })));
        double slabA = snap.System.Box.Length(axis) / rows.Count;
        JsonOutput.Write(Path.Combine(dir, "profile.json"), new JsonObject
        {
            ["structure"] = source,
            ["axis"] = ax,
            ["slabs"] = rows.Count,
            ["slab_width_A"] = slabA,
            ["order_parameter"] = order ? SlabProfile.OrderDefinition : null,
            ["k_range_per_A"] = new JsonArray(kMinPerA, kMaxPerA),
            ["groups"] = groups?.Source,
            ["mean_density_g_cm3"] = snap.System.DensityGPerCm3(),
        });
        var panels = ProfilePlots.Panels(rows, ax, order);
        byte[] png = PlotExport.PngGrid(panels, panels.Count);
        AtomicFile.WriteBytes(Path.Combine(dir, "profile.png"), st => st.Write(png, 0, png.Length));
        string orderText = order ? string.Create(CultureInfo.InvariantCulture, $", F {rows.Min(r => r.Order ?? 0):F3}-{rows.Max(r => r.Order ?? 0):F3}") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{rows.Count} slabs of {slabA:F2} Å along {ax}; density {rows.Min(r => r.DensityGPerCm3):F3}-{rows.Max(r => r.DensityGPerCm3):F3} g/cm³{orderText}; profile in {dir}/profile.csv");
    }
}
