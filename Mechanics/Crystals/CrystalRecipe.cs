using System.Globalization;
using System.Text.Json.Nodes;
using FractureLab.Mechanics.ForceFields;

namespace FractureLab.Mechanics.Crystals;

/// <summary>
/// Everything that decides a built crystal: the CIF, the lattice direction put along the load axis, the shear strain
/// allowed to make the cell orthogonal, the size (cells per axis, or a target atom count), an aliovalent substitution
/// with its compensating element, the charges (a force field, or the CIF's oxidation states) and the seed of the draws.
/// Used by <c>build-crystal</c> and by the glass-ceramic builder.
/// </summary>
public sealed record CrystalRecipe(string Cif, int[]? Orient = null, int LoadAxis = 2, double StrainTolerance = 0.01, int[]? Size = null, int? Atoms = null,
    string? Substitute = null, string? Compensate = null, string? ForceField = null, int Seed = 1)
{
    /// <summary>The built crystal, its orientation and substitution, and where its charges came from.</summary>
    public sealed record Result(CifFile Cif, CrystalBuild Build, int[] Size, SubstitutionReport? Substitution, string ChargeSource)
    {
        public Atoms.AtomSystem System => Build.System;
    }

    public Result Build()
    {
        var cif = CifFile.Read(Cif);
        IReadOnlyDictionary<string, double> charges;
        string source;
        if (ForceField is null)
        {
            var formal = CrystalCharges.Formal(cif);
            // a dopant or compensator the CIF does not hold takes its formal charge
            foreach (var e in new[] { Substitute is null ? null : Substitution.Parse(Substitute).Dopant, Compensate })
                if (e is not null && !formal.ContainsKey(e) && Elements.FormalCharges.Of(e) is int z) formal[e] = z;
            charges = formal;
            source = "the CIF's oxidation states (type symbols such as Ti4+), else formal ones";
        }
        else
        {
            var field = ForceFieldCatalog.Resolve(ForceField);
            charges = field.IonCharges();
            source = $"the charges of force field {field.Name}{(field.Shells.Count > 0 ? " (a polarizable ion's core and shell together; its shell is added when the force field is bound)" : "")}";
        }
        var orientation = Orient is null ? OrientedCell.Default(cif, StrainTolerance) : OrientedCell.Find(cif, Orient, LoadAxis, StrainTolerance);
        int[] size = Size ?? (Atoms is int n ? SizeFor(cif, orientation, n) : [1, 1, 1]);
        var build = CrystalBuilder.Supercell(cif, size[0], size[1], size[2], charges, Seed, orientation);
        SubstitutionReport? report = null;
        if (Substitute is not null)
        {
            var (system, r) = AliovalentSubstitution.Apply(build.System, Substitution.Parse(Substitute), Compensate, charges, Seed);
            build = build with { System = system, NetChargeE = system.Charge.Sum() };
            report = r;
        }
        else if (Compensate is not null)
            throw new InputException("--compensate needs --substitute (the substitution whose charge it balances)");
        return new Result(cif, build, size, report, source);
    }

    /// <summary>Cells per axis for about <paramref name="atoms"/> atoms in a box as near a cube as the cell allows.</summary>
    public static int[] SizeFor(CifFile cif, OrientedCell orientation, int atoms)
    {
        if (atoms < 1) throw new InputException($"--atoms {atoms}: must be positive");
        var cell = orientation.IsIdentity ? cif : orientation.Apply(cif);
        double perCell = CrystalBuilder.UnitCell(cell).Sum(p => p.Occupancy);
        double cells = atoms / perCell, side = Math.Cbrt(cells * cell.LengthsA[0] * cell.LengthsA[1] * cell.LengthsA[2]);
        int[] size = [.. cell.LengthsA.Select(l => Math.Max(1, (int)Math.Round(side / l)))];
        // adjust the axis that brings the count nearest the target
        for (int pass = 0; pass < 6; pass++)
        {
            double now = size[0] * size[1] * size[2] * perCell;
            int best = -1; double bestErr = Math.Abs(now - atoms);
            for (int a = 0; a < 3; a++)
                foreach (int d in new[] { -1, 1 })
                {
                    if (size[a] + d < 1) continue;
                    var t = (int[])size.Clone(); t[a] += d;
                    double err = Math.Abs(t[0] * t[1] * t[2] * perCell - atoms);
                    if (err < bestErr - 1e-9) { bestErr = err; best = a * 2 + (d > 0 ? 1 : 0); }
                }
            if (best < 0) break;
            size[best / 2] += best % 2 == 1 ? 1 : -1;
        }
        return size;
    }

    /// <summary>The recipe and what it made, for crystal.json.</summary>
    public JsonObject Describe(Result r) => new()
    {
        ["orientation"] = new JsonObject
        {
            ["direction_along_load_axis"] = Orient is null ? null : new JsonArray([.. Orient.Select(x => (JsonNode)x)]),
            ["load_axis"] = "xyz"[LoadAxis].ToString(),
            ["cell_matrix_rows_xyz"] = new JsonArray([.. r.Build.Orientation.Matrix.Select(row => (JsonNode)new JsonArray([.. row.Select(x => (JsonNode)x)]))]),
            ["unit_cells_per_cell"] = r.Build.Orientation.Cells,
            ["max_shear_strain"] = r.Build.Orientation.MaxShearStrain,
            ["strain_tolerance"] = StrainTolerance,
        },
        ["substitution"] = r.Substitution is not { } s ? null : new JsonObject
        {
            ["rule"] = Substitute,
            ["replaced"] = s.Replaced,
            ["host_atoms"] = s.HostAtoms,
            ["compensator"] = s.Compensator,
            ["compensator_change"] = s.CompensatorChange,
            ["interstitial_sites_found"] = s.InterstitialSites,
            ["min_clearance_A"] = s.MinClearanceA,
        },
        ["atoms_requested"] = Atoms,
    };

    /// <summary>"3,3,2" → [3, 3, 2] (positive integers).</summary>
    public static int[] ParseSize(string text)
    {
        var counts = text.Split(',', StringSplitOptions.TrimEntries);
        if (counts.Length != 3 || counts.Any(c => !int.TryParse(c, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) || v < 1))
            throw new InputException($"--size '{text}': expected three positive integers, e.g. 3,3,2");
        return [.. counts.Select(c => int.Parse(c, CultureInfo.InvariantCulture))];
    }

    /// <summary>"x", "y" or "z" → 0, 1, 2.</summary>
    public static int ParseAxis(string text) => text.Trim().ToLowerInvariant() switch
    {
        "x" => 0, "y" => 1, "z" => 2,
        _ => throw new InputException($"load axis '{text}': expected x, y or z"),
    };
}
