using System.Globalization;
using System.Text.Json.Nodes;
using FractureLab.Mechanics.IO;

namespace FractureLab.Mechanics.Crystals;

/// <summary>The output of <c>fracturelab build-crystal</c>: crystal.data (LAMMPS, atom_style charge) and crystal.json (cell, counts, density, draws, charge).</summary>
public static class CrystalFolder
{
    /// <summary>Writes the folder; returns a one-line summary. Refuses a box whose net charge is not zero (Ewald needs neutrality).</summary>
    public static string Write(CrystalRecipe recipe, CrystalRecipe.Result r, string outDir)
    {
        var (cif, b, size, chargeSource, seed) = (r.Cif, r.Build, r.Size, r.ChargeSource, recipe.Seed);
        var s = b.System;
        if (Math.Abs(b.NetChargeE) > 1e-6)
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"{cif.Source}: the {size[0]}x{size[1]}x{size[2]} box has a net charge of {b.NetChargeE:G6} e with {chargeSource}; the occupancies or charges do not balance"));
        var counts = s.TypeElements.Select((e, t) => (e, n: s.Type.Count(x => x == t))).ToList();
        var json = new JsonObject
        {
            ["cif"] = cif.Source,
            ["data_block"] = cif.Name,
            ["space_group"] = cif.SpaceGroup,
            ["cell_A"] = new JsonArray([.. cif.LengthsA.Select(x => (JsonNode)x)]),
            ["cell_angles_deg"] = new JsonArray([.. cif.AnglesDeg.Select(x => (JsonNode)x)]),
            ["symmetry_operations"] = cif.Operations.Count,
            ["positions_per_cell"] = b.UnitCell.Count,
            ["supercell"] = new JsonArray([.. size.Select(x => (JsonNode)x)]),
            ["atoms"] = s.Count,
            ["counts"] = new JsonObject(counts.Select(c => KeyValuePair.Create(c.e, (JsonNode?)c.n))),
            ["density_g_cm3"] = s.DensityGPerCm3(),
            ["charges"] = chargeSource,
            ["net_charge_e"] = b.NetChargeE,
            ["seed"] = seed,
            ["cell_of_box_A"] = new JsonArray([.. Enumerable.Range(0, 3).Select(a => (JsonNode)(s.Box.Length(a) / size[a]))]),
            ["partial_occupancies"] = new JsonObject(b.Draws.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)new JsonObject { ["filled"] = d.Value.Filled, ["positions"] = d.Value.Positions }))),
        };
        foreach (var (k, v) in recipe.Describe(r).ToList()) json[k] = v?.DeepClone();
        Directory.CreateDirectory(outDir);
        LammpsDataWriter.Write(Path.Combine(outDir, "crystal.data"), s, $"FractureLab crystal from {Path.GetFileName(cif.Source)} ({cif.Name}), {size[0]}x{size[1]}x{size[2]} cells");
        JsonOutput.Write(Path.Combine(outDir, "crystal.json"), json);
        return string.Create(CultureInfo.InvariantCulture,
            $"{s.Count} atoms ({string.Join(", ", counts.Select(c => $"{c.e} {c.n}"))}) in {size[0]}x{size[1]}x{size[2]} cells of {b.UnitCell.Count} positions, density {s.DensityGPerCm3():F3} g/cm³; crystal in {Path.Combine(outDir, "crystal.data")}");
    }
}
