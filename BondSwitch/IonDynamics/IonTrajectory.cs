using FractureLab.BondSwitch.Snapshots;
using FractureLab.Mechanics;

using FractureLab.Mechanics.Units;

namespace FractureLab.BondSwitch.IonDynamics;

/// <summary>
/// Unwrapped positions (Å) of the atoms of one species over a trajectory: <see cref="Positions"/>[frame][3·atom + axis],
/// atoms matched by id across frames, frame times in ps, the mean box volume (Å³) and the ions' charge (e).
/// Unwrapping: image flags (x + i·L) when the dump has them, xu/yu/zu as given, and then continuity between
/// consecutive frames (nearest image), which leaves unwrapped data as it is and unwraps dumps without image flags
/// (valid while no atom moves half a box between frames).
/// </summary>
public sealed class IonTrajectory
{
    public string Species { get; }
    public int[] Ids { get; }
    public double[] TimesPs { get; }
    public double[][] Positions { get; }
    public double MeanVolumeA3 { get; }
    public double? ChargeE { get; }
    /// <summary>Fractional coordinates of each atom in the first frame (for regions).</summary>
    public double[] FirstFractional { get; }
    /// <summary>Index, in the frames given to <see cref="From"/>, of the first frame kept (after the skipped time).</summary>
    public int FirstFrame { get; }

    private IonTrajectory(string species, int[] ids, double[] times, double[][] positions, double volume, double? charge, double[] firstFractional, int firstFrame)
    {
        Species = species; Ids = ids; TimesPs = times; Positions = positions; MeanVolumeA3 = volume; ChargeE = charge; FirstFractional = firstFractional; FirstFrame = firstFrame;
    }

    public int Frames => TimesPs.Length;
    public int Atoms => Ids.Length;
    public double FrameIntervalPs => TimesPs.Length > 1 ? TimesPs[1] - TimesPs[0] : 0;

    /// <summary>
    /// From dump snapshots in time order. Times are step × timestep (fs) unless <paramref name="frameIntervalPs"/> is
    /// given (then the first frame is t = 0); frames before <paramref name="skipPs"/> (equilibration) are left out.
    /// Frames must be evenly spaced. The returned times start at 0 at the first frame kept.
    /// </summary>
    public static IonTrajectory From(IReadOnlyList<Snapshot> frames, string species, double timestepFs = 1.0, double? frameIntervalPs = null, double skipPs = 0)
    {
        if (frames.Count < 4) throw new InputException($"diffusion: {frames.Count} frames; at least 4 are needed");
        var first = frames[0];
        var idx0 = first.IndicesOf(species);
        if (idx0.Length == 0) throw new InputException($"{first.Name}: no {species} atoms");
        int[] ids = idx0.Select(i => first.System.Id[i]).ToArray();
        var times = new double[frames.Count];
        for (int f = 0; f < frames.Count; f++)
        {
            times[f] = frameIntervalPs is { } dt ? f * dt
                : frames[f].Step is { } step ? step * timestepFs * MetalUnits.Femtosecond
                : throw new InputException($"{frames[f].Name}: no timestep; give --frame-interval-ps");
        }
        double spacing = times[1] - times[0];
        if (!(spacing > 0)) throw new InputException($"diffusion: frames {frames[0].Name} and {frames[1].Name} are not in increasing time");
        for (int f = 2; f < frames.Count; f++)
            if (Math.Abs(times[f] - times[f - 1] - spacing) > 1e-6 * spacing)
                throw new InputException($"diffusion: frame {frames[f].Name} breaks the even spacing of {spacing:G6} ps (give the files in time order, one run)");
        // Skipped time counts from the run's start (step 0) when times come from the steps, else from the first frame.
        var keep = Enumerable.Range(0, frames.Count).Where(f => times[f] >= skipPs - 1e-9).ToList();
        if (keep.Count < 4) throw new InputException($"diffusion: fewer than 4 frames after skipping {skipPs} ps");
        var positions = new double[keep.Count][];
        double volume = 0;
        double[]? previous = null;
        for (int k = 0; k < keep.Count; k++)
        {
            var snap = frames[keep[k]];
            var s = snap.System;
            var pos = new double[3 * ids.Length];
            for (int a = 0; a < ids.Length; a++)
            {
                if (!snap.TryIndexOf(ids[a], out int i)) throw new InputException($"{snap.Name}: {species} atom id {ids[a]} is missing");
                for (int ax = 0; ax < 3; ax++)
                {
                    double x = s.Positions(ax)[i] + s.Images(ax)[i] * s.Box.Length(ax);
                    if (previous is not null) x = previous[3 * a + ax] + s.Box.NearestImage(ax, x - previous[3 * a + ax]);
                    pos[3 * a + ax] = x;
                }
            }
            positions[k] = pos;
            previous = pos;
            volume += s.Box.Volume / keep.Count;
        }
        var s0 = frames[keep[0]];
        double? charge = null;
        if (s0.TryIndexOf(ids[0], out int i0) && s0.System.Charge[i0] != 0) charge = s0.System.Charge[i0];
        var frac = new double[3 * ids.Length];
        for (int a = 0; a < ids.Length; a++)
        {
            s0.TryIndexOf(ids[a], out int i);
            for (int ax = 0; ax < 3; ax++)
            {
                var box = s0.System.Box;
                double u = (s0.System.Positions(ax)[i] - box.Lo[ax]) / box.Length(ax);
                frac[3 * a + ax] = u - Math.Floor(u);
            }
        }
        double t0 = times[keep[0]];
        return new IonTrajectory(species, ids, keep.Select(f => times[f] - t0).ToArray(), positions, volume, charge, frac, keep[0]);
    }

    /// <summary>The same trajectory restricted to some atoms (by index into <see cref="Ids"/>).</summary>
    public IonTrajectory Select(IReadOnlyList<int> atoms)
    {
        var pos = Positions.Select(p => atoms.SelectMany(a => new[] { p[3 * a], p[3 * a + 1], p[3 * a + 2] }).ToArray()).ToArray();
        var frac = atoms.SelectMany(a => new[] { FirstFractional[3 * a], FirstFractional[3 * a + 1], FirstFractional[3 * a + 2] }).ToArray();
        return new IonTrajectory(Species, atoms.Select(a => Ids[a]).ToArray(), TimesPs, pos, MeanVolumeA3, ChargeE, frac, FirstFrame);
    }
}
