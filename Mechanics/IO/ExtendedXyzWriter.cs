using System.Globalization;
using FractureLab.Mechanics.Atoms;

namespace FractureLab.Mechanics.IO;

/// <summary>Writes extended XYZ (ASE/OVITO): Lattice, Properties=species:S:1:pos:R:3:vel:R:3 and pbc, one frame appended per call.</summary>
public static class ExtendedXyzWriter
{
    public static void Append(TextWriter w, AtomSystem s, long step)
    {
        var ci = CultureInfo.InvariantCulture;
        var b = s.Box;
        w.WriteLine(s.Count.ToString(ci));
        string pbc = string.Join(' ', b.Periodic.Select(p => p ? "T" : "F"));
        w.WriteLine(string.Create(ci,
            $"Lattice=\"{b.Length(0):R} 0 0 0 {b.Length(1):R} 0 0 0 {b.Length(2):R}\" Origin=\"{b.Lo[0]:R} {b.Lo[1]:R} {b.Lo[2]:R}\" Properties=species:S:1:pos:R:3:vel:R:3 pbc=\"{pbc}\" step={step}"));
        for (int i = 0; i < s.Count; i++)
            w.WriteLine(string.Create(ci, $"{s.TypeElements[s.Type[i]]} {s.X[i]:R} {s.Y[i]:R} {s.Z[i]:R} {s.Vx[i]:R} {s.Vy[i]:R} {s.Vz[i]:R}"));
    }
}
