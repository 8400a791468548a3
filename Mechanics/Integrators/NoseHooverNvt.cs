namespace FractureLab.Mechanics.Integrators;

/// <summary>NVT: Nosé-Hoover chain half step, velocity Verlet, chain half step (LAMMPS fix nvt).</summary>
public sealed class NoseHooverNvt(double temperatureK, double dampingPs = 0.1) : IIntegrator, IThermostatted
{
    public NoseHooverChain Chain { get; } = new(dampingPs) { TargetK = temperatureK };
    public double TargetTemperatureK { get => Chain.TargetK; set => Chain.TargetK = value; }
    public string Name => "nvt";

    public void Step(IDynamicsState s, double dtPs)
    {
        Chain.HalfStep(s, dtPs);
        s.HalfKick(dtPs);
        s.Drift(dtPs);
        s.ComputeForces();
        s.HalfKick(dtPs);
        Chain.HalfStep(s, dtPs);
    }

    public void SaveState(BinaryWriter w) => Chain.Save(w);
    public void LoadState(BinaryReader r) => Chain.Load(r);
}
