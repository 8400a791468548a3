namespace FractureLab.Mechanics.Integrators;

/// <summary>An integrator with a thermostat whose target temperature (K) can change during a run (a ramped stage of a melt-quench).</summary>
public interface IThermostatted
{
    double TargetTemperatureK { get; set; }
}
