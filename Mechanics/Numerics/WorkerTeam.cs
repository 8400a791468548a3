using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace FractureLab.Mechanics.Numerics;

/// <summary>
/// A fixed team of threads for the parallel loops of an MD step: the caller and <c>threads − 1</c> workers that stay alive
/// and spin for a short while (0.2 ms) after each loop before they sleep, as OpenMP's worker threads do (LAMMPS's OPENMP package runs
/// on them). A step of a few thousand atoms takes a few milliseconds, and a thread-pool worker woken for each
/// <see cref="Parallel.For(int, int, Action{int})"/> started its first item about 0.3-0.4 ms after the caller (measured on the
/// 3 600-atom DSF benchmark, 2 threads): a tenth of the step. The items are claimed one at a time, so which thread runs
/// which item varies; callers whose results must not depend on that (the pair loop's blocks) give each item its own output.
/// One loop runs on a team at a time: a second caller (another run in the same process, or a loop inside a loop) falls back
/// to <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/>.
/// </summary>
public sealed class WorkerTeam
{
    private static readonly ConcurrentDictionary<int, WorkerTeam> Shared = new();

    /// <summary>The team of <paramref name="threads"/> threads shared by every caller in this process (made on first use).</summary>
    public static WorkerTeam Of(int threads) => Shared.GetOrAdd(Math.Max(1, threads), t => new WorkerTeam(t));

    /// <summary>
    /// How long a worker spins for the next loop before it sleeps: 0.2 ms, longer than the serial part of a DSF step (about
    /// 0.1 ms at 3 600 atoms). Measured at 3 600 atoms, 2 threads: 1 ms spins ran DSF as fast but slowed the pppm mesh, whose
    /// thread-pool loops then waited for the spinning core; 0.2 ms did not (0.1 ms ran as fast; 0.2 leaves room for a slower serial part).
    /// </summary>
    private static readonly long SpinTicks = Stopwatch.Frequency / 5000;

    /// <summary>One loop: its body, item count, the next item to claim and the items finished (so a worker that wakes late only finds none left).</summary>
    private sealed class Job(Action<int> body, int count)
    {
        public readonly Action<int> Body = body;
        public readonly int Count = count;
        public int Next;
        public int Done;
        public ExceptionDispatchInfo? Error;
    }

    private readonly SemaphoreSlim[] _wake;
    private readonly int[] _sleeping;
    private Job? _job;
    private int _generation;
    private int _busy;

    public int Threads { get; }

    private WorkerTeam(int threads)
    {
        Threads = threads;
        _wake = [.. Enumerable.Range(0, threads - 1).Select(_ => new SemaphoreSlim(0))];
        _sleeping = new int[threads - 1];
        for (int w = 0; w < threads - 1; w++)
        {
            int id = w;
            new Thread(() => Work(id)) { IsBackground = true, Name = $"FractureLab worker {id + 1}/{threads}" }.Start();
        }
    }

    /// <summary>Runs <paramref name="body"/>(i) for i in [0, <paramref name="count"/>) on the team and returns when all are done; the first exception is rethrown here.</summary>
    public void For(int count, Action<int> body)
    {
        if (count <= 0) return;
        if (Threads == 1 || count == 1) { for (int i = 0; i < count; i++) body(i); return; }
        if (Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            // the same exception as on the team (Parallel.For wraps it)
            try { Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Threads }, body); }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0) { ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw(); }
            return;
        }
        try
        {
            var job = new Job(body, count);
            Volatile.Write(ref _job, job);
            Interlocked.Increment(ref _generation); // a full fence: a worker that sees the new generation sees the job
            for (int w = 0; w < _sleeping.Length; w++)
                if (Interlocked.Exchange(ref _sleeping[w], 0) == 1) _wake[w].Release();
            RunItems(job);
            var spin = new SpinWait();
            while (Volatile.Read(ref job.Done) < count) spin.SpinOnce(sleep1Threshold: -1);
            job.Error?.Throw();
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    /// <summary>
    /// Cuts [0, <paramref name="count"/>) into <paramref name="chunks"/> contiguous, nearly equal ranges (<see cref="BlockRange"/>)
    /// and runs <paramref name="body"/>(from, to) for each on the team: for loops of many small items (mesh rows, atoms),
    /// where claiming items one by one would cost more than the items.
    /// </summary>
    public void ForRanges(int count, int chunks, Action<int, int> body)
    {
        chunks = Math.Min(chunks, count);
        if (chunks <= 1) { if (count > 0) body(0, count); return; }
        For(chunks, c => body(BlockRange.Start(count, c, chunks), BlockRange.Start(count, c + 1, chunks)));
    }

    /// <summary>Ranges per thread of <see cref="ForRanges"/> for loops of uneven items: enough for a thread that started late to find work.</summary>
    public int Chunks => Threads == 1 ? 1 : 4 * Threads;

    /// <summary>Runs <paramref name="item"/>(i) for i in [0, <paramref name="count"/>), in <see cref="Chunks"/> contiguous ranges (<see cref="ForRanges"/>).</summary>
    public void ForEachInRanges(int count, Action<int> item) =>
        ForRanges(count, Chunks, (from, to) => { for (int i = from; i < to; i++) item(i); });

    /// <summary>The team of one thread per core: for callers that were given none.</summary>
    public static WorkerTeam PerCore => Of(Environment.ProcessorCount);

    private static void RunItems(Job job)
    {
        int i;
        while ((i = Interlocked.Increment(ref job.Next) - 1) < job.Count)
        {
            try { job.Body(i); }
            catch (Exception e) { Interlocked.CompareExchange(ref job.Error, ExceptionDispatchInfo.Capture(e), null); }
            Interlocked.Increment(ref job.Done);
        }
    }

    private void Work(int w)
    {
        int seen = 0;
        while (true)
        {
            long until = Stopwatch.GetTimestamp() + SpinTicks;
            while (Volatile.Read(ref _generation) == seen)
            {
                if (Stopwatch.GetTimestamp() < until) { Thread.SpinWait(20); continue; }
                // Sleep: raise the flag, then look once more. A caller that starts a loop takes the flag and releases the
                // semaphore; if this thread takes its own flag back first, no release is coming.
                Interlocked.Exchange(ref _sleeping[w], 1);
                if (Volatile.Read(ref _generation) != seen && Interlocked.Exchange(ref _sleeping[w], 0) == 1) break;
                _wake[w].Wait();
                until = Stopwatch.GetTimestamp() + SpinTicks;
            }
            seen = Volatile.Read(ref _generation);
            if (Volatile.Read(ref _job) is { } job) RunItems(job);
        }
    }
}
