using FractureLab.Mechanics;
using FractureLab.Mechanics.Numerics;

namespace FractureLab.Tests.Mechanics;

/// <summary>
/// The pair loop's persistent thread team (issue 21): every item runs exactly once, on more than one thread, also after the
/// workers went to sleep; an item's exception reaches the caller with its own type; a loop inside a loop and two callers at
/// once still run every item (they fall back to Parallel.For).
/// </summary>
public class WorkerTeamTests
{
    private static int[] Counts(WorkerTeam team, int items)
    {
        var hits = new int[items];
        team.For(items, i => Interlocked.Increment(ref hits[i]));
        return hits;
    }

    [Fact]
    public void EveryItemRunsOnce_AcrossManyLoops_AndAfterTheWorkersSlept()
    {
        var team = WorkerTeam.Of(3);
        for (int loop = 0; loop < 2000; loop++)
            Assert.All(Counts(team, 1 + loop % 37), c => Assert.Equal(1, c));
        Thread.Sleep(20); // well past the 0.2 ms spin: the workers sleep and must be woken
        Assert.All(Counts(team, 64), c => Assert.Equal(1, c));
    }

    [Theory]
    [InlineData(0, 8)]
    [InlineData(5, 8)] // fewer items than ranges
    [InlineData(1001, 8)]
    [InlineData(1001, 1)]
    public void RangesCoverEveryIndexOnce(int count, int chunks)
    {
        var hits = new int[count];
        WorkerTeam.Of(2).ForRanges(count, chunks, (from, to) =>
        {
            Assert.True(from < to);
            for (int i = from; i < to; i++) Interlocked.Increment(ref hits[i]);
        });
        Assert.All(hits, c => Assert.Equal(1, c));
        var items = new int[count];
        WorkerTeam.Of(2).ForEachInRanges(count, i => Interlocked.Increment(ref items[i]));
        Assert.All(items, c => Assert.Equal(1, c));
    }

    [Fact]
    public void TheWorkersTakePart()
    {
        var team = WorkerTeam.Of(2);
        var threads = new System.Collections.Concurrent.ConcurrentDictionary<int, bool>();
        for (int loop = 0; loop < 200 && threads.Count < 2; loop++)
            team.For(16, _ => { threads[Environment.CurrentManagedThreadId] = true; Thread.SpinWait(20000); });
        Assert.Equal(2, threads.Count);
    }

    [Fact]
    public void AnItemsException_ReachesTheCaller_AndTheTeamGoesOn()
    {
        var team = WorkerTeam.Of(2);
        var e = Assert.Throws<InputException>(() => team.For(32, i => { if (i == 17) throw new InputException("item 17"); }));
        Assert.Equal("item 17", e.Message);
        Assert.All(Counts(team, 32), c => Assert.Equal(1, c));
    }

    [Fact]
    public async Task NestedLoops_AndTwoCallersAtOnce_RunEveryItem()
    {
        var team = WorkerTeam.Of(2);
        var inner = new int[8 * 8];
        team.For(8, i => team.For(8, j => Interlocked.Increment(ref inner[8 * i + j])));
        Assert.All(inner, c => Assert.Equal(1, c));
        // an exception inside the fallback loop also arrives as itself
        var e = Assert.Throws<InputException>(() => team.For(2, i => team.For(8, j => { if (j == 3) throw new InputException("inner"); })));
        Assert.Equal("inner", e.Message);

        var a = new int[5000];
        var b = new int[5000];
        var ta = Task.Run(() => { for (int k = 0; k < 100; k++) team.For(50, i => Interlocked.Increment(ref a[50 * k + i])); });
        var tb = Task.Run(() => { for (int k = 0; k < 100; k++) team.For(50, i => Interlocked.Increment(ref b[50 * k + i])); });
        await Task.WhenAll(ta, tb);
        Assert.All(a, c => Assert.Equal(1, c));
        Assert.All(b, c => Assert.Equal(1, c));
    }
}
