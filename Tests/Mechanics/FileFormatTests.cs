using FractureLab.Mechanics;
using FractureLab.Mechanics.IO;

namespace FractureLab.Tests.Mechanics;

public class FileFormatTests
{
    [Fact]
    public void DataFile_WriteThenRead_RoundTripsEverything()
    {
        var s = TestData.Silica192();
        s.Vx[5] = 1.25; s.ImageY[7] = -2;
        string path = Path.GetTempFileName();
        LammpsDataWriter.Write(path, s);
        var t = LammpsDataReader.Read(path);
        File.Delete(path);
        Assert.Equal(s.X, t.X); Assert.Equal(s.Vx, t.Vx); Assert.Equal(s.ImageY, t.ImageY);
        Assert.Equal(s.TypeElements, t.TypeElements); Assert.Equal(s.Charge, t.Charge);
    }

    [Fact]
    public void DataFile_AtomicStyleWithElementsOption_Reads()
    {
        string[] lines = ["title", "", "2 atoms", "1 atom types", "", "0 10 xlo xhi", "0 10 ylo yhi", "0 10 zlo zhi", "", "Atoms # atomic", "", "1 1 1 1 1", "2 1 2 2 2 0 0 1"];
        var s = LammpsDataReader.Parse(lines, "mem", ["Si"]);
        Assert.Equal("Si", s.TypeElements[0]);
        Assert.Equal(28.0855, s.TypeMasses[0]);
        Assert.Equal(1, s.ImageZ[1]);
    }

    [Theory]
    [InlineData("1 1 2.4 1.0 x 1.0", "line 12", "'x' is not a finite number")]
    [InlineData("1 5 2.4 1.0 1.0 1.0", "line 12", "type 5")]
    [InlineData("1 1 2.4 1.0", "line 12", "columns")]
    public void DataFile_BadAtomLine_NamesFileAndLine(string atomLine, string _, string message)
    {
        string[] lines = ["title", "", "1 atoms", "1 atom types", "", "0 10 xlo xhi", "0 10 ylo yhi", "0 10 zlo zhi", "", "Atoms # charge", "", atomLine];
        var e = Assert.Throws<InputException>(() => LammpsDataReader.Parse(lines, "bad.data", ["Si"]));
        Assert.StartsWith("bad.data:12:", e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void DataFile_FullStyleWithBonds_ReadsChargesAndPositions_AndRoundTrips()
    {
        // atom_style full as LAMMPS's CORESHELL examples write it: id mol type q x y z (ix iy iz), a Bonds section
        string[] lines = ["title", "", "3 atoms", "2 atom types", "1 bonds", "1 bond types", "", "0 10 xlo xhi", "0 10 ylo yhi", "0 10 zlo zhi", "",
            "Masses", "", "1 15.799 # O", "2 0.2 # O_s", "", "Atoms # full", "", "1 1 1 0.8 1 2 3 0 0 1", "2 1 2 -2.0 1.05 2 3 0 0 1", "3 0 1 0.8 5 5 5", "",
            "Bonds", "", "1 1 1 2"];
        var s = LammpsDataReader.Parse(lines, "cs.data");
        Assert.Equal(["O", "O_s"], s.TypeElements);
        Assert.Equal([0.8, -2.0, 0.8], s.Charge.ToArray());
        Assert.Equal([1.0, 1.05, 5.0], s.X.ToArray());
        Assert.Equal([1, 1, 0], s.ImageZ.ToArray());
        var w = new StringWriter();
        LammpsDataWriter.Write(w, s, "round trip", [new DataBond(1, 0, 1)], 1);
        var written = w.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Contains("1 bonds", written);
        Assert.Contains("1 1 1 0.8 1 2 3 0 0 1", written);    // molecule 1: the bonded pair
        Assert.Contains("3 0 1 0.8 5 5 5 0 0 0", written);    // molecule 0: no bond
        Assert.Contains("1 1 1 2", written);
        var t = LammpsDataReader.Parse(written, "round.data");
        Assert.Equal(s.X.ToArray(), t.X.ToArray()); Assert.Equal(s.Charge.ToArray(), t.Charge.ToArray());
        var e = Assert.Throws<InputException>(() => LammpsDataReader.Parse([.. lines[..18], "1 1 1 0.8 1 2", .. lines[19..]], "bad.data"));
        Assert.StartsWith("bad.data:19:", e.Message);
        Assert.Contains("full", e.Message);
    }

    [Fact]
    public void DataFile_UnknownElementForType_ExplainsTheFix()
    {
        string[] lines = ["title", "", "1 atoms", "1 atom types", "", "0 10 xlo xhi", "0 10 ylo yhi", "0 10 zlo zhi", "", "Masses", "", "1 99.9", "", "Atoms", "", "1 1 0 1 1 1"];
        var e = Assert.Throws<InputException>(() => LammpsDataReader.Parse(lines, "m.data"));
        Assert.Contains("--elements", e.Message);
    }

    [Fact]
    public void Dump_WriteThenRead_RoundTripsColumns()
    {
        var s = TestData.Silica192();
        string path = Path.GetTempFileName();
        using (var w = new LammpsDumpWriter(path, ["id", "type", "element", "x", "y", "z"]))
        {
            w.WriteFrame(s, 0, new Dictionary<string, double[]> { ["class"] = Enumerable.Range(0, s.Count).Select(i => (double)(i % 4)).ToArray() });
            w.WriteFrame(s, 10);
        }
        var frames = LammpsDumpReader.Read(path).ToList();
        File.Delete(path);
        Assert.Equal(2, frames.Count);
        Assert.Equal(s.X, frames[0].Column("x", path));
        Assert.Equal(3.0, frames[0].Column("class", path)[3]);
        Assert.Equal("O", frames[1].Elements![100]);
        Assert.Equal(10, frames[1].Step);
    }
}
