using FractureLab.Mechanics;
using FractureLab.Mechanics.IO;

namespace FractureLab.Tests.Mechanics;

/// <summary>The folder lock two Slurm tasks share a build or an uncracked pull through: the second waits, and a lock held too long is named.</summary>
public class FolderLockTests
{
    [Fact]
    public async Task SecondTaker_WaitsForTheFirst_AndALockHeldTooLongIsNamed()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        var first = FolderLock.Acquire(dir, TimeSpan.FromSeconds(1));
        var e = Assert.Throws<InputException>(() => FolderLock.Acquire(dir, TimeSpan.FromMilliseconds(300), pollMs: 50));
        Assert.Contains(Path.Combine(dir, ".lock"), e.Message);
        // released while the second one waits: it gets the lock
        var release = Task.Run(async () => { await Task.Delay(300); first.Dispose(); });
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using (FolderLock.Acquire(dir, TimeSpan.FromSeconds(20), pollMs: 50))
            Assert.True(clock.ElapsedMilliseconds >= 200, $"got the lock after {clock.ElapsedMilliseconds} ms, before the first released it");
        await release;
        Assert.False(File.Exists(Path.Combine(dir, ".lock"))); // deleted on release
        using (FolderLock.Acquire(dir, TimeSpan.FromSeconds(1))) { }
    }
}
