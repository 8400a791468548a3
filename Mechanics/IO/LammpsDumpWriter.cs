using System.Globalization;
using FractureLab.Mechanics.Atoms;

namespace FractureLab.Mechanics.IO;

/// <summary>
/// Appends frames to a LAMMPS custom dump file (readable by OVITO and LAMMPS's read_dump). Columns are
/// chosen from: id type element q x y z xu yu zu ix iy iz vx vy vz fx fy fz, plus named per-atom extras.
/// </summary>
public sealed class LammpsDumpWriter : IDisposable
{
    public static readonly string[] DefaultColumns = ["id", "type", "element", "q", "x", "y", "z", "ix", "iy", "iz"];
    private readonly TextWriter _w;
    private readonly string[] _columns;
    private readonly bool _owned;

    /// <param name="append">continue an existing file (a resumed run, after <see cref="LammpsDumpFiles.TruncateFrom"/>) instead of starting it afresh.</param>
    public LammpsDumpWriter(string path, IReadOnlyList<string>? columns = null, bool append = false)
        : this(new StreamWriter(path, append), columns) => _owned = true;

    /// <summary>Writes to a writer the caller owns (e.g. one of <see cref="AtomicFile.Write"/>).</summary>
    public LammpsDumpWriter(TextWriter writer, IReadOnlyList<string>? columns = null)
    {
        _columns = (columns ?? DefaultColumns).ToArray();
        _w = writer;
    }

    public void WriteFrame(AtomSystem s, long step, IReadOnlyDictionary<string, double[]>? extra = null)
    {
        var ci = CultureInfo.InvariantCulture;
        var b = s.Box;
        _w.WriteLine("ITEM: TIMESTEP");
        _w.WriteLine(step.ToString(ci));
        _w.WriteLine("ITEM: NUMBER OF ATOMS");
        _w.WriteLine(s.Count.ToString(ci));
        _w.WriteLine($"ITEM: BOX BOUNDS {string.Join(' ', b.Periodic.Select(p => p ? "pp" : "ff"))}");
        for (int a = 0; a < 3; a++) _w.WriteLine(string.Create(ci, $"{b.Lo[a]:R} {b.Hi[a]:R}"));
        var names = _columns.Concat(extra?.Keys ?? []).ToArray();
        _w.WriteLine("ITEM: ATOMS " + string.Join(' ', names));
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < s.Count; i++)
        {
            sb.Clear();
            for (int c = 0; c < names.Length; c++)
            {
                if (c > 0) sb.Append(' ');
                if (c >= _columns.Length) { sb.Append(extra![names[c]][i].ToString("R", ci)); continue; }
                sb.Append(names[c] switch
                {
                    "id" => s.Id[i].ToString(ci),
                    "type" => (s.Type[i] + 1).ToString(ci),
                    "element" => s.TypeElements[s.Type[i]],
                    "q" => s.Charge[i].ToString("R", ci),
                    "x" => s.X[i].ToString("R", ci), "y" => s.Y[i].ToString("R", ci), "z" => s.Z[i].ToString("R", ci),
                    "xu" => (s.X[i] + s.ImageX[i] * b.Length(0)).ToString("R", ci),
                    "yu" => (s.Y[i] + s.ImageY[i] * b.Length(1)).ToString("R", ci),
                    "zu" => (s.Z[i] + s.ImageZ[i] * b.Length(2)).ToString("R", ci),
                    "ix" => s.ImageX[i].ToString(ci), "iy" => s.ImageY[i].ToString(ci), "iz" => s.ImageZ[i].ToString(ci),
                    "vx" => s.Vx[i].ToString("R", ci), "vy" => s.Vy[i].ToString("R", ci), "vz" => s.Vz[i].ToString("R", ci),
                    "fx" => s.Fx[i].ToString("R", ci), "fy" => s.Fy[i].ToString("R", ci), "fz" => s.Fz[i].ToString("R", ci),
                    var other => throw new ArgumentException($"unknown dump column '{other}'"),
                });
            }
            _w.WriteLine(sb);
        }
        _w.Flush();
    }

    public void Dispose()
    {
        if (_owned) _w.Dispose();
        else _w.Flush();
    }
}
