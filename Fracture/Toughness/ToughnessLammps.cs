using System.Text;
using System.Text.Json.Nodes;
using FractureLab.Fracture.Analysis;
using FractureLab.Fracture.Runs;
using FractureLab.Mechanics;
using FractureLab.Mechanics.IO;

namespace FractureLab.Fracture.Toughness;

/// <summary>
/// A toughness study for LAMMPS (for boxes that outgrow one machine): <see cref="Emit"/> writes every pre-cracked pull as a
/// LAMMPS folder (<see cref="LammpsDeckWriter"/>: the glass, our crack, the tabulated force field, the uncracked and the
/// pre-cracked decks with a per-atom stress dump and the relaxed structure written before the pull, run.sh reading the logs
/// back with analyze-lammps) in the study's own layout (<c>a0.200/rK</c>), and run_all.sh. After LAMMPS has run,
/// <see cref="ReadBack"/> gives each pull's J table from LAMMPS's dump, so the study's analysis runs on LAMMPS's numbers
/// (<c>toughness --from-lammps DIR</c>).
/// </summary>
public static class ToughnessLammps
{
    public static int Emit(ToughnessStudy s, string lammpsDir)
    {
        var pulls = ToughnessPlan.Cracked(s, lammpsDir);
        var all = new StringBuilder("#!/usr/bin/env bash\n# Every pull of the toughness study in LAMMPS, one after the other (NP ranks each); then: fracturelab toughness STUDY --from-lammps DIR\nset -euo pipefail\ncd \"$(dirname \"$0\")\"\n");
        foreach (var p in pulls)
        {
            var config = ToughnessPlan.ConfigOf(s, p);
            var (structure, ff) = config.LoadForRun();
            LammpsDeckWriter.Write(p.Dir, structure.Glass, ff, config.Settings, $"toughness study pull {Path.GetRelativePath(lammpsDir, p.Dir)}",
                Math.Max(1, config.DumpEveryRecords));
            AtomicFile.Write(Path.Combine(p.Dir, "run.toml"), w => w.Write(config.ToToml()));
            all.Append($"bash {Path.GetRelativePath(lammpsDir, p.Dir).Replace('\\', '/')}/run.sh\n");
        }
        AtomicFile.Write(Path.Combine(lammpsDir, "run_all.sh"), w => w.Write(all.ToString()));
        return pulls.Count;
    }

    /// <summary>
    /// Readies a LAMMPS-run study folder for the analysis: per pull, the curve from log.precracked as stress_strain.csv, the
    /// J table from dump.precracked (reference precracked_relaxed.data), and per replica the uncracked E and ν (the mean of its
    /// pulls' uncracked.json) as uncracked/rK/uncracked.json. Pulls LAMMPS has not finished are named and skipped.
    /// </summary>
    public static void ReadBack(ToughnessStudy s, string lammpsDir, Action<string> log)
    {
        var pulls = ToughnessPlan.Cracked(s, lammpsDir);
        int axis = s.Base.Settings.Tension.Axis;
        foreach (var p in pulls)
        {
            string summary = Path.Combine(p.Dir, "summary.json"), logFile = Path.Combine(p.Dir, "log.precracked");
            if (!File.Exists(summary) || !File.Exists(logFile)) { log($"{p.Dir}: not run by LAMMPS yet (no summary.json or log.precracked); left out"); continue; }
            var json = JsonNode.Parse(File.ReadAllText(summary))!.AsObject();
            var curve = CurveSources.FromLammpsLog(logFile, axis, stressColumn: $"v_s{"xyz"[axis]}{"xyz"[axis]}");
            AtomicFile.Write(Path.Combine(p.Dir, "stress_strain.csv"), w =>
            {
                w.WriteLine("strain,stress_GPa");
                for (int i = 0; i < curve.Count; i++) w.WriteLine(FormattableString.Invariant($"{curve.Strain[i]:R},{curve.StressGpa[i]:R}"));
            });
            json["completed"] = true;
            json["source"] = "LAMMPS (log.precracked read by analyze-lammps)";
            new LabOutput(p.Dir).Json("summary.json", json);
            if (s.Uses(ToughnessMethod.JIntegral))
                ToughnessRunner.AnalyzeJ(s, p, log, Path.Combine(p.Dir, LammpsDeckWriter.StressDump), Path.Combine(p.Dir, LammpsDeckWriter.RelaxedData));
        }
        foreach (var u in ToughnessPlan.Uncracked(s, lammpsDir))
        {
            var e = pulls.Where(p => p.Seed == u.Seed && p.Cell == u.Cell).Select(p => Path.Combine(p.Dir, "uncracked.json")).Where(File.Exists)
                .Select(f => JsonNode.Parse(File.ReadAllText(f))!).ToList();
            if (e.Count == 0) continue;
            double Mean(string k) => e.Select(j => j[k]?.GetValue<double>()).OfType<double>().DefaultIfEmpty(double.NaN).Average();
            var first = e[0].AsObject().DeepClone().AsObject();
            first["youngs_modulus_GPa"] = Mean("youngs_modulus_GPa");
            first["poisson_ratio"] = Mean("poisson_ratio");
            first["width_A"] = pulls.Where(p => p.Seed == u.Seed).Select(p => JsonNode.Parse(File.ReadAllText(Path.Combine(p.Dir, "summary.json")))?["period_A"]?.GetValue<double>()).OfType<double>().DefaultIfEmpty(double.NaN).First();
            first["source"] = $"LAMMPS: mean of the uncracked pulls of {e.Count} pre-cracked runs";
            first["completed"] = true;
            new LabOutput(u.Dir).Json(ToughnessRunner.UncrackedSummary, first);
        }
    }
}
