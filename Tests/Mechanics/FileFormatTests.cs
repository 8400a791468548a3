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
