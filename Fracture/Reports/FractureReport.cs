using System.Globalization;
using System.Net;
using System.Text;
using FractureLab.BondSwitch.Switching;
using FractureLab.Fracture.Runs;
using FractureLab.Mechanics.ForceFields;

namespace FractureLab.Fracture.Reports;

/// <summary>
/// The report of a fracture run, written once as a small document (headings, paragraphs, a table, a figure)
/// and rendered as Markdown and as HTML.
/// </summary>
public static class FractureReport
{
    private abstract record Block;
    private sealed record Heading(string Text) : Block;
    private sealed record Paragraph(string Text) : Block;
    private sealed record TableBlock(string[] Header, List<string[]> Rows) : Block;
    private sealed record Figure(string File, string Caption) : Block;

    private static List<Block> Document(FractureJobResult r, RunConfig config, ForceField ff, string source, double wall, IReadOnlyList<NetworkFormerCurve> switching)
    {
        var ci = CultureInfo.InvariantCulture;
        string F(double? v, string f) => v is { } x && double.IsFinite(x) ? x.ToString(f, ci) : "not reached";
        var a = r.Analysis;
        var t = config.Settings.Tension;
        var rows = new List<string[]>
        {
            new[] { "Young's modulus E (uncracked box)", F(a.YoungsModulusGpa, "0.0"), "GPa" },
            new[] { "Poisson's ratio ν (uncracked box)", F(a.PoissonRatio, "0.000"), "" },
            new[] { "strength σ_max", F(a.StrengthGpa, "0.00"), "GPa" },
            new[] { "strain at peak", F(a.StrainAtPeak, "0.000"), "" },
            new[] { "failure strain ε_f", F(a.FailureStrain, "0.000"), "" },
            new[] { "fracture energy G_c", a.Separated ? F(a.FractureEnergyJPerM2, "0.00") : "≥ " + F(a.FractureEnergyLowerBoundJPerM2, "0.00"), "J/m²" },
            new[] { "K_Ic, energy route, plane stress", a.Separated ? F(a.KIcEnergyMPaSqrtM, "0.000") : "≥ " + F(a.KIcEnergyLowerBoundMPaSqrtM, "0.000"), "MPa·m^0.5" },
            new[] { "K_Ic, energy route, plane strain", a.Separated ? F(a.KIcEnergyPlaneStrainMPaSqrtM, "0.000") : "≥ " + F(a.KIcEnergyPlaneStrainLowerBoundMPaSqrtM, "0.000"), "MPa·m^0.5" },
            new[] { "K_Ic, stress route", F(a.KIcStressMPaSqrtM, "0.000"), "MPa·m^0.5" },
        };
        List<Block> doc =
        [
            new Heading("FractureLab fracture run"),
            new Paragraph($"Structure {source} ({r.Crack.AtomsAfter} atoms after the crack), force field {ff.Name} ({ff.Citation})."),
            new Paragraph($"{r.Crack.Description}. Protocol {t.Protocol} at {t.StrainRatePerS.ToString("0.###e0", ci)} 1/s, {t.TemperatureK.ToString("0", ci)} K, " +
                          $"timestep {t.TimestepFs.ToString("0.##", ci)} fs; the run {(a.Separated ? "separated" : "did not separate")} (maximum strain {t.MaxStrain.ToString("0.###", ci)}). Wall time {wall.ToString("0", ci)} s."),
            new TableBlock(["quantity", "value", "unit"], rows),
            new Paragraph("Conventions: " + string.Join("; ", a.Conventions) + "."),
            new Figure("stress_strain.png", "Stress-strain curves: pre-cracked and uncracked boxes, modulus fit and peak."),
            new Paragraph("Files: stress_strain.csv, stress_strain_uncracked.csv, summary.json, plan.json, precracked.data, trajectory.dump (per-atom stress as c_stress[1..6] in bar·Å³, for OVITO), " +
                          "snapshots/min_STRAIN.data (FIRE-minimized snapshots of the pull; strain 0 is the bond-switching reference)."),
        ];
        if (switching.Count > 0)
        {
            doc.Add(new Heading("Bond switching"));
            doc.Add(new Paragraph("Network formers against the anion, each centre's neighbour set compared with the minimized pre-cracked box before the pull " +
                                  "(SCIENCE.md §4), on FIRE-minimized snapshots of the pull (no thermal rattling); cut-off at the first minimum of the reference partial g(r). " +
                                  "Fractions of centre atoms at the last snapshot:"));
            doc.Add(new TableBlock(["pair", "cut-off (Å)", "mean CN (reference)", "strain", "decreased", "increased", "swapped", "unchanged"],
                switching.Select(c =>
                {
                    var t = c.Tallies[^1];
                    return new[] { c.Label, c.Analysis.Cutoffs.ReferenceAngstrom.ToString("0.00", ci), c.ReferenceMeanCoordination.ToString("0.000", ci), F(t.Strain, "0.000"),
                        t.DecreasedFraction.ToString("0.0000", ci), t.IncreasedFraction.ToString("0.0000", ci), t.SwappedFraction.ToString("0.0000", ci), t.UnchangedFraction.ToString("0.0000", ci) };
                }).ToList()));
            doc.Add(new Figure("bondswitch.png", "Fraction of centre atoms whose coordination decreased, increased, or whose neighbours were swapped, against strain."));
            doc.Add(new Figure("crack.png", $"The crack (minimized snapshots, all atoms projected): {switching[0].Analysis.Center} atoms coloured by their class (grey unchanged, blue decreased, green increased, red swapped)."));
        }
        return doc;
    }

    public static string Markdown(FractureJobResult r, RunConfig config, ForceField ff, string source, double wall, IReadOnlyList<NetworkFormerCurve> switching)
    {
        var sb = new StringBuilder();
        foreach (var b in Document(r, config, ff, source, wall, switching))
        {
            switch (b)
            {
                case Heading h: sb.AppendLine($"# {h.Text}"); break;
                case Paragraph p: sb.AppendLine(p.Text); break;
                case TableBlock t:
                    sb.AppendLine("| " + string.Join(" | ", t.Header) + " |");
                    sb.AppendLine("|" + string.Concat(t.Header.Select(_ => " --- |")));
                    foreach (var row in t.Rows) sb.AppendLine("| " + string.Join(" | ", row) + " |");
                    break;
                case Figure f: sb.AppendLine($"![{f.Caption}]({f.File})"); break;
            }
            sb.AppendLine();
        }
        return sb.ToString();
    }

    public static string Html(FractureJobResult r, RunConfig config, ForceField ff, string source, double wall, IReadOnlyList<NetworkFormerCurve> switching)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var sb = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>FractureLab fracture run</title>" +
                                   "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}td,th{border:1px solid #ccc;padding:.3em .6em}table{border-collapse:collapse}</style></head><body>\n");
        foreach (var b in Document(r, config, ff, source, wall, switching))
            sb.AppendLine(b switch
            {
                Heading h => $"<h1>{E(h.Text)}</h1>",
                Paragraph p => $"<p>{E(p.Text)}</p>",
                TableBlock t => "<table><tr>" + string.Concat(t.Header.Select(c => $"<th>{E(c)}</th>")) + "</tr>" +
                                string.Concat(t.Rows.Select(row => "<tr>" + string.Concat(row.Select(c => $"<td>{E(c)}</td>")) + "</tr>")) + "</table>",
                Figure f => $"<figure><img src=\"{E(f.File)}\" alt=\"{E(f.Caption)}\" width=\"800\"><figcaption>{E(f.Caption)}</figcaption></figure>",
                _ => "",
            });
        sb.AppendLine("</body></html>");
        return sb.ToString();
    }
}
