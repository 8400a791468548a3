using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Units;

namespace FractureLab.Mechanics.Integrators;

/// <summary>
/// Nosé-Hoover NPT with per-axis (anisotropic, orthorhombic) pressure coupling in the
/// Martyna-Tobias-Klein form (J. Chem. Phys. 101, 4177 (1994)), split as in LAMMPS fix npt aniso
/// (Shinoda, Shiga, Mikami, Phys. Rev. B 69, 134103 (2004)):
///   W dω̇_a/dt = V (P_aa − P_target,a) + 2KE/N_f,     dL_a/dt = ω̇_a L_a,
///   dv_a/dt = F_a/m − (ω̇_a + Σ_b ω̇_b / N_f) v_a − (chain),
/// with W = (N + 1) k_B T τ_p². Only <see cref="Coupled"/> axes are barostatted; the others keep their
/// length or are driven by a <see cref="BoxDeformation"/> (stress-free lateral tension).
/// Target pressure per axis in GPa (positive = compression, as LAMMPS).
/// </summary>
public sealed class NoseHooverNpt : IIntegrator, IThermostatted
{
    public double TargetTemperatureK { get => Chain.TargetK; set => Chain.TargetK = value; }
    private readonly double[] _omegaDot = new double[3];
    private readonly double _tauP;

    public NoseHooverChain Chain { get; }
    public bool[] Coupled { get; }
    public double[] TargetPressureGpa { get; }
    public string Name => "npt";
    public bool UsesForceTotals => true;

    public NoseHooverNpt(double temperatureK, double targetPressureGpa, bool[] coupled, double tDampPs = 0.1, double pDampPs = 1.0)
    {
        Chain = new NoseHooverChain(tDampPs) { TargetK = temperatureK };
        Coupled = (bool[])coupled.Clone();
        TargetPressureGpa = [targetPressureGpa, targetPressureGpa, targetPressureGpa];
        _tauP = pDampPs;
    }

    public void Step(IDynamicsState s, double dtPs)
    {
        int dof = s.DegreesOfFreedom;
        Chain.HalfStep(s, dtPs);
        OmegaHalfStep(s, s.ForceTotals(), dtPs, dof);
        ScaleByBarostat(s, dtPs, dof);
        s.HalfKick(dtPs);
        ScaleByBarostat(s, dtPs, dof);
        Remap(s, 0.5 * dtPs);
        s.Drift(dtPs);
        Remap(s, 0.5 * dtPs);
        s.ComputeForces();
        ScaleByBarostat(s, dtPs, dof);
        s.HalfKick(dtPs);
        ScaleByBarostat(s, dtPs, dof);
        OmegaHalfStep(s, s.ForceTotals(), dtPs, dof);
        Chain.HalfStep(s, dtPs);
    }

    private void OmegaHalfStep(IDynamicsState s, ForceResult r, double dtPs, int dof)
    {
        double kt = MetalUnits.Boltzmann * Chain.TargetK;
        double w = (s.Count + 1) * kt * _tauP * _tauP;
        var kin = s.KineticTensor();
        double v = s.Box.Volume;
        double mtk1 = 2.0 * s.KineticEnergy() / dof;
        for (int a = 0; a < 3; a++)
        {
            if (!Coupled[a]) continue;
            double p = (kin[a] + r.Virial[a]) / v;
            double target = TargetPressureGpa[a] / MetalUnits.EvPerCubicAngstromToGpa;
            _omegaDot[a] += 0.5 * dtPs * ((p - target) * v + mtk1) / w;
        }
    }

    private void ScaleByBarostat(IDynamicsState s, double dtPs, int dof)
    {
        double mtk2 = (_omegaDot[0] + _omegaDot[1] + _omegaDot[2]) / dof;
        for (int a = 0; a < 3; a++) s.ScaleVelocities(a, Math.Exp(-0.25 * dtPs * (_omegaDot[a] + mtk2)));
    }

    private void Remap(IDynamicsState s, double dtPs)
    {
        for (int a = 0; a < 3; a++)
            if (Coupled[a] && _omegaDot[a] != 0) s.ScaleAxis(a, Math.Exp(dtPs * _omegaDot[a]));
    }

    public void SaveState(BinaryWriter w)
    {
        Chain.Save(w);
        foreach (double x in _omegaDot) w.Write(x);
    }

    public void LoadState(BinaryReader r)
    {
        Chain.Load(r);
        for (int a = 0; a < 3; a++) _omegaDot[a] = r.ReadDouble();
    }
}
