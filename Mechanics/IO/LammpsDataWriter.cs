using System.Globalization;
using FractureLab.Mechanics.Atoms;

namespace FractureLab.Mechanics.IO;

/// <summary>One bond of a data file: its type (1-based) and the two atoms' indices (0-based, not ids).</summary>
public readonly record struct DataBond(int Type, int I, int J);

/// <summary>
/// Writes a LAMMPS data file, atomically: atom_style charge with image flags ("id type q x y z ix iy iz"), or, when bonds
/// are given (core-shell ions), atom_style full ("id mol type q x y z ix iy iz", each bond's atoms one molecule, as LAMMPS's
/// CORESHELL examples) with a Bonds section; Masses with element comments, Velocities.
/// </summary>
public static class LammpsDataWriter
{
    public static void Write(string path, AtomSystem s, string title = "written by FractureLab", IReadOnlyList<DataBond>? bonds = null, int bondTypes = 0)
        => AtomicFile.Write(path, w => Write(w, s, title, bonds, bondTypes));

    public static void Write(TextWriter w, AtomSystem s, string title, IReadOnlyList<DataBond>? bonds = null, int bondTypes = 0)
    {
        var ci = CultureInfo.InvariantCulture;
        var b = s.Box;
        int[]? molecule = bonds is null ? null : Molecules(s.Count, bonds);
        if (bonds is not null && bonds.Any(d => d.Type < 1 || d.Type > bondTypes))
            throw new ArgumentException($"bond types must lie in 1..{bondTypes}", nameof(bonds));
        w.WriteLine($"LAMMPS data file, {title}");
        w.WriteLine();
        w.WriteLine($"{s.Count} atoms");
        w.WriteLine($"{s.TypeCount} atom types");
        if (bonds is not null)
        {
            w.WriteLine($"{bonds.Count} bonds");
            w.WriteLine($"{bondTypes} bond types");
        }
        w.WriteLine();
        for (int a = 0; a < 3; a++) w.WriteLine(string.Create(ci, $"{b.Lo[a]:R} {b.Hi[a]:R} {"xyz"[a]}lo {"xyz"[a]}hi"));
        w.WriteLine();
        w.WriteLine("Masses");
        w.WriteLine();
        for (int t = 0; t < s.TypeCount; t++) w.WriteLine(string.Create(ci, $"{t + 1} {s.TypeMasses[t]:R} # {s.TypeElements[t]}"));
        w.WriteLine();
        w.WriteLine(molecule is null ? "Atoms # charge" : "Atoms # full");
        w.WriteLine();
        for (int i = 0; i < s.Count; i++)
        {
            string mol = molecule is null ? "" : $"{molecule[i]} ";
            w.WriteLine(string.Create(ci, $"{s.Id[i]} {mol}{s.Type[i] + 1} {s.Charge[i]:R} {s.X[i]:R} {s.Y[i]:R} {s.Z[i]:R} {s.ImageX[i]} {s.ImageY[i]} {s.ImageZ[i]}"));
        }
        w.WriteLine();
        w.WriteLine("Velocities");
        w.WriteLine();
        for (int i = 0; i < s.Count; i++)
            w.WriteLine(string.Create(ci, $"{s.Id[i]} {s.Vx[i]:R} {s.Vy[i]:R} {s.Vz[i]:R}"));
        if (bonds is null) return;
        w.WriteLine();
        w.WriteLine("Bonds");
        w.WriteLine();
        for (int n = 0; n < bonds.Count; n++)
            w.WriteLine($"{n + 1} {bonds[n].Type} {s.Id[bonds[n].I]} {s.Id[bonds[n].J]}");
    }

    /// <summary>Molecule ids: 1, 2, … per bond (both atoms), 0 for atoms in no bond; each atom in one bond at most.</summary>
    private static int[] Molecules(int count, IReadOnlyList<DataBond> bonds)
    {
        var mol = new int[count];
        for (int n = 0; n < bonds.Count; n++)
            foreach (int i in new[] { bonds[n].I, bonds[n].J })
            {
                if (mol[i] != 0) throw new ArgumentException($"atom index {i} is in two bonds; molecule ids here are one bond each", nameof(bonds));
                mol[i] = n + 1;
            }
        return mol;
    }
}
