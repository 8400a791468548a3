namespace FractureLab.Mechanics.IO;

/// <summary>Operations on whole LAMMPS text dump files.</summary>
public static class LammpsDumpFiles
{
    /// <summary>
    /// Keeps the frames of <paramref name="path"/> whose timestep is below <paramref name="step"/> and drops the rest (the frames a
    /// resumed run is about to write again), atomically; a missing file is left missing. Returns the number of frames kept.
    /// </summary>
    public static int TruncateFrom(string path, long step)
    {
        if (!File.Exists(path)) return 0;
        int kept = 0;
        AtomicFile.Write(path, w =>
        {
            using var r = new StreamReader(path);
            bool keep = false;
            string? line;
            while ((line = r.ReadLine()) is not null)
            {
                if (line.StartsWith("ITEM: TIMESTEP", StringComparison.Ordinal))
                {
                    string? s = r.ReadLine();
                    keep = long.TryParse(s, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out long t) && t < step;
                    if (keep) { kept++; w.WriteLine(line); w.WriteLine(s); }
                    continue;
                }
                if (keep) w.WriteLine(line);
            }
        });
        return kept;
    }
}
