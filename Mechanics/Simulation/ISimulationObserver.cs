using FractureLab.Mechanics.Integrators;

namespace FractureLab.Mechanics.Simulation;

/// <summary>
/// Watches a <see cref="Simulation"/>: the stream of thermo records, samples after every step, and a call every
/// <see cref="Interval"/> steps of a stage (dump frames, stress-strain records, the protocol's own checkpoints), each of
/// which may end the simulation (a sample that has separated). Every member has a default that does nothing.
/// </summary>
public interface ISimulationObserver
{
    /// <summary>Steps between calls of <see cref="AtInterval"/> (at multiples of it within each stage); 0: never.</summary>
    long Interval => 0;

    /// <summary>Whether <see cref="AfterStep"/> must see every step (on the Gpu back end the resident loop then calls back each step).</summary>
    bool SamplesEveryStep => false;

    /// <summary>
    /// A stage's run is ready: forces current, its state restored from the checkpoint when <paramref name="resumed"/>.
    /// Called before the stage's first record. False ends the simulation before the stage steps.
    /// </summary>
    bool Started(MdRun run, Stage stage, bool resumed) => true;

    /// <summary>After each step (only when <see cref="SamplesEveryStep"/>), with the particles' state on the host or the device.</summary>
    void AfterStep(IDynamicsState state, long step) { }

    /// <summary>Every thermo record as it is taken.</summary>
    void OnRecord(ThermoRow row) { }

    /// <summary>At every multiple of <see cref="Interval"/>; false ends the simulation there.</summary>
    bool AtInterval(MdRun run) => true;
}

/// <summary>Where a simulation stands for a progress display: stage index, the stage, its step, and the step it started (or resumed) from.</summary>
public readonly record struct StageProgress(int StageIndex, Stage Stage, long Step, long FirstStep);

/// <summary>How <see cref="Simulation.Run"/> ended.</summary>
public enum SimulationEnd { Completed, Stopped, Cancelled }
