using FractureLab.Mechanics.Backends;


namespace FractureLab.Mechanics.Integrators;

/// <summary>
/// Berendsen thermostat plus per-axis Berendsen barostat (Berendsen et al. 1984): after each step,
/// μ_a = [1 − β (dt/τ_p)(P0 − P_aa)]^(1/3) scales axis a (coupled axes only); β is the
/// compressibility in 1/GPa (default 1/36 GPa⁻¹, silica glass's bulk modulus ≈ 36 GPa).
/// </summary>
public sealed class BerendsenBarostat(double temperatureK, double pressureGpa, bool[] coupled, double tDampPs = 0.1, double pDampPs = 1.0, double compressibilityPerGpa = 1.0 / 36.0) : IIntegrator, IThermostatted
{
    private readonly BerendsenThermostat _thermostat = new(temperatureK, tDampPs);
    public double TargetTemperatureK { get => _thermostat.TargetK; set => _thermostat.TargetK = value; }
    public string Name => "berendsen-npt";
    public bool UsesForceTotals => true;

    public void Step(IDynamicsState s, double dtPs)
    {
        _thermostat.Step(s, dtPs);
        var p = ForceComputer.PressureGpa(s.KineticTensor(), s.ForceTotals(), s.Box.Volume);
        for (int a = 0; a < 3; a++)
        {
            if (!coupled[a]) continue;
            double mu = Math.Cbrt(1.0 - compressibilityPerGpa * dtPs / pDampPs * (pressureGpa - p[a]));
            s.ScaleAxis(a, mu);
        }
    }

    public void SaveState(BinaryWriter w) => _thermostat.SaveState(w);
    public void LoadState(BinaryReader r) => _thermostat.LoadState(r);
}
