using FractureLab.Mechanics.Engines;
using FractureLab.Fracture.Geometry;
using FractureLab.Fracture.Protocols;
using FractureLab.Fracture.Runs;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.ForceFields;
using FractureLab.Mechanics.IO;

namespace FractureLab.Tests.Fracture;

/// <summary>A fracture run stopped mid-pull and resumed from its checkpoints ends exactly as an uninterrupted run.</summary>
public class FractureResumeTests
{
    private static FractureJobSettings Settings(TensileProtocol protocol) => new(
        new PreCrackSpec(LengthFraction: 0.3, OpeningA: 3.0),
        protocol == TensileProtocol.C
            ? new TensileSettings(Protocol: protocol, MaxStrain: 0.04, RecordEveryStrain: 0.005, StepStrain: 0.005, HoldPs: 0.05)
            : new TensileSettings(Protocol: protocol, StrainRatePerS: 5e10, MaxStrain: 0.08, RecordEveryStrain: 0.01),
        ModulusStrain: 0.02, RelaxPs: 0.2);

    private static FractureJobResult Run(TensileProtocol protocol, string dir, bool resume, int stopAfterRecords = int.MaxValue)
    {
        var glass = LammpsDataReader.Read(TestData.Data("silica192-glass.data"), ["Si", "O"]);
        var ff = ForceFieldCatalog.Resolve("bks-wall", Composition.FromAtoms(glass));
        using var cancel = new CancellationTokenSource();
        int records = 0;
        var job = new FractureJob(glass, ff, () => BackendFactory.Create(BackendKind.Simd, 2), Settings(protocol))
        {
            CheckpointDir = dir,
            Resume = resume,
            OnCrackedRecord = (_, _, _) => { if (++records >= stopAfterRecords) cancel.Cancel(); },
        };
        return job.Run((_, _, _) => { }, cancel.Token);
    }

    [Theory]
    [InlineData(TensileProtocol.B, 4)]
    [InlineData(TensileProtocol.C, 4)]
    public void InterruptedAndResumed_EqualsUninterrupted(TensileProtocol protocol, int stopAfter)
    {
        var straight = Run(protocol, Directory.CreateTempSubdirectory().FullName, resume: false);
        Assert.False(straight.Cancelled);

        string dir = Directory.CreateTempSubdirectory().FullName;
        var stopped = Run(protocol, dir, resume: false, stopAfterRecords: stopAfter);
        Assert.True(stopped.Cancelled);
        Assert.True(stopped.CrackedRows.Count < straight.CrackedRows.Count);
        var resumed = Run(protocol, dir, resume: true);
        Assert.False(resumed.Cancelled);
        Assert.True(resumed.ResumedRows >= stopAfter, $"the pull continued from its checkpoint, not from the start ({resumed.ResumedRows} rows restored)");
        Assert.Equal(0, straight.ResumedRows);

        Assert.Equal(straight.CrackedRows.Count, resumed.CrackedRows.Count);
        for (int i = 0; i < straight.CrackedRows.Count; i++) Assert.Equal(straight.CrackedRows[i], resumed.CrackedRows[i]);
        Assert.Equal(straight.Analysis.StrengthGpa, resumed.Analysis.StrengthGpa);
        Assert.Equal(straight.Analysis.YoungsModulusGpa, resumed.Analysis.YoungsModulusGpa);
        Assert.Equal(straight.Analysis.KIcStressMPaSqrtM, resumed.Analysis.KIcStressMPaSqrtM);
    }
}
