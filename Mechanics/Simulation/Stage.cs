using FractureLab.Mechanics.Integrators;

namespace FractureLab.Mechanics.Simulation;

/// <summary>
/// The ensemble of a stage and its controls: temperature (K), pressure (GPa) on the <see cref="Coupled"/> axes, thermostat
/// and barostat damping times (ps). The defaults are those of every protocol here (Nosé-Hoover, 0.1 ps, 1 ps).
/// </summary>
public sealed record EnsembleSettings(Ensemble Ensemble, double TemperatureK = 300, double PressureGpa = 0.0, bool[]? Coupled = null,
    Thermostat Thermostat = Thermostat.NoseHoover, double TDampPs = 0.1, double PDampPs = 1.0)
{
    public static EnsembleSettings Nve() => new(Ensemble.Nve);
    public static EnsembleSettings Nvt(double temperatureK, double tDampPs = 0.1) => new(Ensemble.Nvt, temperatureK, TDampPs: tDampPs);
    /// <summary>NPT at <paramref name="pressureGpa"/> on the coupled axes (all three when null), the others at their length.</summary>
    public static EnsembleSettings Npt(double temperatureK, double pressureGpa, bool[]? coupled = null, double tDampPs = 0.1, double pDampPs = 1.0) =>
        new(Ensemble.Npt, temperatureK, pressureGpa, coupled, TDampPs: tDampPs, PDampPs: pDampPs);

    /// <summary>The host integrator of these settings (<see cref="Ensembles.Create"/>).</summary>
    public IIntegrator CreateIntegrator() =>
        Ensembles.Create(Ensemble, Thermostat, TemperatureK, PressureGpa, Coupled ?? [true, true, true], TDampPs, PDampPs);
}

/// <summary>
/// One stage of a simulation: an ensemble, <see cref="Steps"/> steps of <see cref="DtPs"/> ps, and optionally a box
/// deformation (its time counted from the stage's start), a linear ramp of the thermostat's target from the ensemble's
/// temperature to <see cref="EndTemperatureK"/>, thermo records every <see cref="ThermoEvery"/> steps (0: at the start
/// only) and the runaway limits. Steps are counted within the stage; a stage resumed from a checkpoint runs from the
/// checkpoint's step to <see cref="Steps"/>.
/// </summary>
public sealed record Stage(string Name, EnsembleSettings Ensemble, long Steps, double DtPs)
{
    public double? EndTemperatureK { get; init; }
    public BoxDeformation? Deformation { get; init; }
    public int ThermoEvery { get; init; }
    public RunawayLimits Runaway { get; init; } = RunawayLimits.Default;
    /// <summary>
    /// Atoms held where they are during the stage (LAMMPS fix setforce 0 0 0 with their velocities zeroed at the start; no
    /// degrees of freedom for the thermostat), e.g. the outer layer of a K-field slab; null for none. Runs on the host.
    /// </summary>
    public bool[]? Held { get; init; }

    /// <summary>The thermostat's target after <paramref name="step"/> steps of the stage (K).</summary>
    public double TargetTemperatureK(long step) =>
        EndTemperatureK is { } end && Steps > 0 ? Ensemble.TemperatureK + (end - Ensemble.TemperatureK) * step / Steps : Ensemble.TemperatureK;

    public void Check()
    {
        if (Steps < 0) throw new InputException($"stage '{Name}': {Steps} steps");
        if (!(DtPs > 0 && double.IsFinite(DtPs))) throw new InputException($"stage '{Name}': timestep {DtPs} ps must be positive");
        if (ThermoEvery < 0) throw new InputException($"stage '{Name}': thermo interval {ThermoEvery} must not be negative");
        if (EndTemperatureK is { } t && !(t > 0)) throw new InputException($"stage '{Name}': end temperature {t} K must be positive");
        if (EndTemperatureK is not null && Ensemble.Ensemble == Integrators.Ensemble.Nve)
            throw new InputException($"stage '{Name}': a temperature ramp needs a thermostat (nvt or npt), not nve");
    }
}
