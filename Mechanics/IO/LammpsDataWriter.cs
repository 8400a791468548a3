using System.Globalization;
using FractureLab.Mechanics.Atoms;

namespace FractureLab.Mechanics.IO;

/// <summary>Writes a LAMMPS data file (atom_style charge with image flags, Masses with element comments, Velocities), atomically.</summary>
public static class LammpsDataWriter
{
    public static void Write(string path, AtomSystem s, string title = "written by FractureLab")
        => AtomicFile.Write(path, w => Write(w, s, title));

    public static void Write(TextWriter w, AtomSystem s, string title)
    {
        var ci = CultureInfo.InvariantCulture;
        var b = s.Box;
        w.WriteLine($"LAMMPS data file, {title}");
        w.WriteLine();
        w.WriteLine($"{s.Count} atoms");
        w.WriteLine($"{s.TypeCount} atom types");
        w.WriteLine();
        for (int a = 0; a < 3; a++) w.WriteLine(string.Create(ci, $"{b.Lo[a]:R} {b.Hi[a]:R} {"xyz"[a]}lo {"xyz"[a]}hi"));
        w.WriteLine();
        w.WriteLine("Masses");
        w.WriteLine();
        for (int t = 0; t < s.TypeCount; t++) w.WriteLine(string.Create(ci, $"{t + 1} {s.TypeMasses[t]:R} # {s.TypeElements[t]}"));
        w.WriteLine();
        w.WriteLine("Atoms # charge");
        w.WriteLine();
        for (int i = 0; i < s.Count; i++)
            w.WriteLine(string.Create(ci, $"{s.Id[i]} {s.Type[i] + 1} {s.Charge[i]:R} {s.X[i]:R} {s.Y[i]:R} {s.Z[i]:R} {s.ImageX[i]} {s.ImageY[i]} {s.ImageZ[i]}"));
        w.WriteLine();
        w.WriteLine("Velocities");
        w.WriteLine();
        for (int i = 0; i < s.Count; i++)
            w.WriteLine(string.Create(ci, $"{s.Id[i]} {s.Vx[i]:R} {s.Vy[i]:R} {s.Vz[i]:R}"));
    }
}
