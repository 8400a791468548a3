using FractureLab.Mechanics.Units;

namespace FractureLab.Mechanics.Integrators;

/// <summary>
/// Nosé-Hoover chain thermostat of length M (Martyna, Klein, Tuckerman, J. Chem. Phys. 97, 2635 (1992)),
/// propagated by the Trotter half-step of Martyna et al., Mol. Phys. 87, 1117 (1996) (as LAMMPS
/// fix nvt, tchain 3, tloop 1). Masses Q1 = N_f k_B T τ², Q_k = k_B T τ² (τ = damping time, ps).
/// </summary>
public sealed class NoseHooverChain(double dampingPs, int length = 3)
{
    private readonly double[] _v = new double[length];
    private readonly double[] _xi = new double[length];

    /// <summary>Target temperature (K); may change between steps (ramps, quenches).</summary>
    public double TargetK { get; set; }

    /// <summary>Thermostat energy (eV) for the conserved quantity.</summary>
    public double Energy(int dof)
    {
        double kt = MetalUnits.Boltzmann * TargetK, e = 0;
        for (int k = 0; k < _v.Length; k++)
        {
            double q = (k == 0 ? dof : 1) * kt * dampingPs * dampingPs;
            e += 0.5 * q * _v[k] * _v[k] + (k == 0 ? dof : 1) * kt * _xi[k];
        }
        return e;
    }

    /// <summary>Propagates the chain over dt/2 and scales the velocities.</summary>
    public void HalfStep(IDynamicsState s, double dtPs) =>
        s.ScaleVelocities(HalfStepScale(s.KineticEnergy(), s.DegreesOfFreedom, dtPs));

    /// <summary>
    /// Propagates the chain over dt/2 for a system of kinetic energy <paramref name="kineticEnergyEv"/> and
    /// <paramref name="dof"/> degrees of freedom; returns the factor the caller scales the velocities by (on the host
    /// or on the device: one definition of the chain for both).
    /// </summary>
    public double HalfStepScale(double kineticEnergyEv, int dof, double dtPs)
    {
        int m = _v.Length;
        double kt = MetalUnits.Boltzmann * TargetK;
        double q1 = dof * kt * dampingPs * dampingPs, qk = kt * dampingPs * dampingPs;
        double Q(int k) => k == 0 ? q1 : qk;
        double ke2 = 2.0 * kineticEnergyEv;
        double dt2 = 0.5 * dtPs, dt4 = 0.25 * dtPs, dt8 = 0.125 * dtPs;
        double G(int k) => k == 0 ? (ke2 - dof * kt) / Q(0) : (Q(k - 1) * _v[k - 1] * _v[k - 1] - kt) / Q(k);

        _v[m - 1] += G(m - 1) * dt4;
        for (int k = m - 2; k >= 0; k--)
        {
            double e = Math.Exp(-_v[k + 1] * dt8);
            _v[k] = (_v[k] * e + G(k) * dt4) * e;
        }
        double scale = Math.Exp(-_v[0] * dt2);
        ke2 *= scale * scale;
        for (int k = 0; k < m; k++) _xi[k] += _v[k] * dt2;
        for (int k = 0; k < m - 1; k++)
        {
            double e = Math.Exp(-_v[k + 1] * dt8);
            _v[k] = (_v[k] * e + G(k) * dt4) * e;
        }
        _v[m - 1] += G(m - 1) * dt4;
        return scale;
    }

    public void Save(BinaryWriter w)
    {
        w.Write(TargetK);
        foreach (double x in _v) w.Write(x);
        foreach (double x in _xi) w.Write(x);
    }

    public void Load(BinaryReader r)
    {
        TargetK = r.ReadDouble();
        for (int k = 0; k < _v.Length; k++) _v[k] = r.ReadDouble();
        for (int k = 0; k < _xi.Length; k++) _xi[k] = r.ReadDouble();
    }
}
