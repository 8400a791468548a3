
namespace FractureLab.Mechanics.Integrators;

/// <summary>
/// Velocity Verlet with Berendsen velocity rescaling (Berendsen et al., J. Chem. Phys. 81, 3684 (1984)):
/// λ = √(1 + (dt/τ)(T0/T − 1)). Simple and robust; does not sample the canonical ensemble.
/// </summary>
public sealed class BerendsenThermostat(double temperatureK, double dampingPs = 0.1) : IIntegrator, IThermostatted
{
    public double TargetK { get; set; } = temperatureK;
    public double TargetTemperatureK { get => TargetK; set => TargetK = value; }
    public string Name => "berendsen-nvt";

    private readonly VelocityVerlet _verlet = new();

    public void Step(IDynamicsState s, double dtPs)
    {
        _verlet.Step(s, dtPs);
        Rescale(s, dtPs);
    }

    public void Rescale(IDynamicsState s, double dtPs)
    {
        double t = Kinetics.Temperature(s.KineticEnergy(), s.DegreesOfFreedom);
        if (t > 0) s.ScaleVelocities(Math.Sqrt(Math.Max(0.0, 1.0 + dtPs / dampingPs * (TargetK / t - 1.0))));
    }

    public void SaveState(BinaryWriter w) => w.Write(TargetK);
    public void LoadState(BinaryReader r) => TargetK = r.ReadDouble();
}
