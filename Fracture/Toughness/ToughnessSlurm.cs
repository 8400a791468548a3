using FractureLab.Fracture.Batch;

namespace FractureLab.Fracture.Toughness;

/// <summary>
/// A toughness study as a Slurm job array (<see cref="SlurmArray"/>): one task per pre-cracked pull
/// (<c>fracturelab toughness STUDY --out OUT --task K</c>, which makes its replica's uncracked pull first if no other task
/// has, under a lock, then the pull and its J analysis, resuming from checkpoints when rerun), then the aggregation.
/// </summary>
public static class ToughnessSlurm
{
    public static int Write(ToughnessStudy s, string? studyFile, string slurmDir, string outDir)
    {
        string study = studyFile is null ? "" : $"'{Path.GetFullPath(studyFile)}' ";
        string o = Path.GetFullPath(outDir);
        var tasks = ToughnessPlan.Cracked(s, outDir).Select((p, k) => $"fracturelab toughness {study}--out '{o}' --task {k}  # {Path.GetRelativePath(outDir, p.Dir)}").ToList();
        SlurmArray.Write(slurmDir, "toughness", tasks, $"fracturelab toughness {study}--out '{o}' --aggregate-only");
        return tasks.Count;
    }
}
