namespace FractureLab.Mechanics.Simulation;

/// <summary>
/// A validated MD run (the resolved plan written next to the results): steps, timestep (fs), ensemble and thermostat,
/// temperature (K), pressure (GPa) and coupled axes, damping times (ps), seed, output intervals (steps) and folder.
/// </summary>
public sealed record MdPlan(long Steps, double DtFs, Integrators.Ensemble Ensemble, Integrators.Thermostat Thermostat, double TemperatureK, double PressureGpa, bool[] Coupled,
    double TDampPs, double PDampPs, int Seed, bool DrawVelocities, string? Minimize, int ThermoEvery, int DumpEvery, long CheckpointEvery, bool Resume, string OutDir)
{
    /// <summary>When the run stops as a runaway; the target temperature is the thermostat's, or the first record's in nve.</summary>
    public RunawayLimits Runaway { get; init; } = RunawayLimits.Default;
    /// <summary>Neighbor-list skin, Å (LAMMPS neighbor SKIN bin).</summary>
    public double SkinA { get; init; } = 2.0;
    /// <summary>Whether dump frames carry c_pe (per-atom potential energy, eV).</summary>
    public bool DumpPerAtomEnergy { get; init; }
    /// <summary>Extended XYZ (trajectory.xyz, final.xyz) instead of the LAMMPS dump for the trajectory, and final.xyz beside final.data.</summary>
    public bool ExtendedXyz { get; init; }
}
