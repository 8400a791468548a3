using FractureLab.BondSwitch.Snapshots;
using FractureLab.Mechanics;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Paths;

namespace FractureLab.BondSwitch.IonDynamics;

/// <summary>The NEB barrier of one hop seen in a trajectory.</summary>
public sealed record HopBarrier(HopEvent Hop, double BarrierEv, double ReverseBarrierEv, double RelaxedJumpA, bool Converged, string Folder, string? Skipped);

/// <summary>
/// Migration barriers of the hops a trajectory shows: for each hop (<see cref="DisplacementStatistics.HopEvents"/>) the
/// frames a window before and after it are taken, both FIRE-minimized to their inherent structures, and the path between
/// them relaxed by NEB (<see cref="MigrationBarrier"/>), one folder per hop. A hop whose ion falls back when minimized
/// (it moves less than half the hop threshold between the two inherent structures) is reported as skipped.
/// </summary>
public static class HopBarriers
{
    public static List<HopBarrier> Run(IReadOnlyList<Snapshot> frames, IonTrajectory t, IReadOnlyList<HopEvent> hops, int windowFrames, double hopThresholdA,
        AtomSystem bound, CompiledForceField ff, IPairBackend backend, NebSettings settings, string outDir, Action<int, int>? progress = null, CancellationToken cancel = default)
    {
        var result = new List<HopBarrier>();
        for (int n = 0; n < hops.Count; n++)
        {
            cancel.ThrowIfCancellationRequested();
            var h = hops[n];
            var before = At(bound, frames[t.FirstFrame + Math.Max(0, h.Frame - windowFrames)]);
            var after = At(bound, frames[t.FirstFrame + Math.Min(t.Frames - 1, h.Frame + windowFrames - 1)]);
            string folder = Path.Combine(outDir, $"hop_{n:000}_id{h.Id}");
            var request = new MigrationBarrier.Request(before, after, $"{frames[t.FirstFrame].Name} frame {h.Frame - windowFrames}", $"frame {h.Frame + windowFrames - 1}", settings);
            var (r, _) = MigrationBarrier.Run(request, ff, backend, folder, cancel: cancel);
            int i = Array.IndexOf(bound.Id, h.Id);
            var d = new double[3];
            new AtomSurface(bound, new ForceComputer(ff, backend)).Difference(r.Images[^1][(3 * i)..(3 * i + 3)], r.Images[0][(3 * i)..(3 * i + 3)], d);
            double moved = Math.Sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
            string? skipped = moved < 0.5 * hopThresholdA ? FormattableString.Invariant($"the ion moves {moved:0.##} Å between the inherent structures: it falls back when minimized") : null;
            result.Add(new HopBarrier(h, r.BarrierEv, r.ReverseBarrierEv, moved, r.Converged, folder, skipped));
            progress?.Invoke(n + 1, hops.Count);
        }
        return result;
    }

    /// <summary>The bound system (types, charges) with the positions of <paramref name="snap"/>, atoms matched by id.</summary>
    private static AtomSystem At(AtomSystem bound, Snapshot snap)
    {
        var s = bound.Clone();
        s.Box.CopyFrom(snap.System.Box);
        for (int i = 0; i < s.Count; i++)
        {
            if (!snap.TryIndexOf(s.Id[i], out int j)) throw new InputException($"{snap.Name}: atom id {s.Id[i]} of the data file is not in the dump");
            s.X[i] = snap.System.X[j]; s.Y[i] = snap.System.Y[j]; s.Z[i] = snap.System.Z[j];
        }
        s.WrapIntoBox();
        return s;
    }
}
