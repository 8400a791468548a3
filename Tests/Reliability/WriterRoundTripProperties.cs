using CsCheck;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Geometry;
using FractureLab.Mechanics.IO;

namespace FractureLab.Tests.Reliability;

/// <summary>
/// Issue 20.5: random valid systems (1-60 atoms of 1-3 elements, any box, charges, velocities and image flags) written as
/// a LAMMPS data file or dump and read back give the same numbers, bit for bit (the writers print shortest round-trip
/// decimals, "R").
/// </summary>
public class WriterRoundTripProperties
{
    private static readonly string[] Elements = ["Si", "O", "Li"];
    private static readonly double[] Masses = [28.0855, 15.9994, 6.941];

    private static readonly Gen<AtomSystem> Systems =
        from n in Gen.Int[1, 60]
        from types in Gen.Int[1, 3]
        from lo in Gen.Double[-50, 50].Array[3]
        from len in Gen.Double[0.5, 200].Array[3]
        from periodic in Gen.Bool.Array[3]
        from atoms in Gen.Select(Gen.Int[0, 2], Gen.Double[0, 1].Array[3], Gen.Double[-3, 3], Gen.Double[-1e3, 1e3].Array[3], Gen.Int[-5, 5].Array[3]).Array[n]
        select Build(types, lo, len, periodic, atoms);

    private static AtomSystem Build(int types, double[] lo, double[] len, bool[] periodic,
        (int Type, double[] Frac, double Q, double[] V, int[] Image)[] atoms)
    {
        var s = new AtomSystem(atoms.Length, Elements[..types], Masses[..types], new Box(lo, [.. lo.Zip(len, (a, l) => a + l)], periodic));
        for (int i = 0; i < atoms.Length; i++)
        {
            var a = atoms[i];
            s.Id[i] = i + 1;
            s.Type[i] = a.Type % types;
            s.Charge[i] = a.Q;
            s.X[i] = lo[0] + a.Frac[0] * len[0]; s.Y[i] = lo[1] + a.Frac[1] * len[1]; s.Z[i] = lo[2] + a.Frac[2] * len[2];
            s.Vx[i] = a.V[0]; s.Vy[i] = a.V[1]; s.Vz[i] = a.V[2];
            s.ImageX[i] = a.Image[0]; s.ImageY[i] = a.Image[1]; s.ImageZ[i] = a.Image[2];
        }
        return s;
    }

    [Fact]
    public void DataFile_WrittenAndRead_HoldsTheSameNumbers() => Systems.Sample(s =>
    {
        var w = new StringWriter();
        LammpsDataWriter.Write(w, s, "round trip");
        var r = LammpsDataReader.Parse(w.ToString().Split('\n'), "roundtrip.data", s.TypeElements, s.Box.Periodic);
        Assert.Equal(s.Count, r.Count);
        Assert.Equal(s.Box.Lo, r.Box.Lo);
        Assert.Equal(s.Box.Hi, r.Box.Hi);
        Assert.Equal(s.TypeMasses, r.TypeMasses);
        foreach (var (a, b) in new[] { (s.X, r.X), (s.Y, r.Y), (s.Z, r.Z), (s.Vx, r.Vx), (s.Vy, r.Vy), (s.Vz, r.Vz), (s.Charge, r.Charge) }) Assert.Equal(a, b);
        foreach (var (a, b) in new[] { (s.Id, r.Id), (s.Type, r.Type), (s.ImageX, r.ImageX), (s.ImageY, r.ImageY), (s.ImageZ, r.ImageZ) }) Assert.Equal(a, b);
    }, iter: 200, threads: 1);

    [Fact]
    public void Dump_WrittenAndRead_HoldsTheSameNumbers() => Systems.Sample(s =>
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("roundtrip").FullName, "t.dump");
        using (var d = new LammpsDumpWriter(path, [.. LammpsDumpWriter.DefaultColumns, "vx", "vy", "vz"])) { d.WriteFrame(s, 7); d.WriteFrame(s, 9); }
        var frames = LammpsDumpReader.Read(path).ToList();
        Directory.Delete(Path.GetDirectoryName(path)!, true);
        Assert.Equal([7L, 9L], frames.Select(f => f.Step));
        var f = frames[1];
        Assert.Equal(s.Count, f.Atoms);
        Assert.Equal(s.Box.Lo, f.Lo);
        Assert.Equal(s.Box.Hi, f.Hi);
        Assert.Equal(s.Box.Periodic, f.Periodic);
        Assert.Equal(s.X, f.Column("x", path));
        Assert.Equal(s.Vz, f.Column("vz", path));
        Assert.Equal(s.Charge, f.Column("q", path));
        Assert.Equal(s.ImageY.Select(v => (double)v), f.Column("iy", path));
        Assert.Equal(s.Type.Select(t => s.TypeElements[t]), f.Elements!);
    }, iter: 200, threads: 1);
}
