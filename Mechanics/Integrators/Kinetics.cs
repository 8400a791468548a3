using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Units;

namespace FractureLab.Mechanics.Integrators;

/// <summary>Temperature, degrees of freedom, Maxwell-Boltzmann velocities and centre-of-mass motion.</summary>
public static class Kinetics
{
    /// <summary>Degrees of freedom 3N − 3 (centre-of-mass momentum removed, as LAMMPS compute temp).</summary>
    public static int DegreesOfFreedom(AtomSystem s) => Math.Max(1, 3 * s.Count - 3);

    /// <summary>Instantaneous temperature (K) = 2 KE / (N_f k_B); with core-shell ions that of the ions (LAMMPS temp/cs).</summary>
    public static double Temperature(AtomSystem s, Backends.CoreShellTerm? shells = null)
    {
        if (shells is null) return Temperature(s.KineticEnergy(), DegreesOfFreedom(s));
        var (t, dof) = shells.IonKinetics(s);
        return Temperature(0.5 * (t[0] + t[1] + t[2]), dof);
    }

    /// <summary>Temperature (K) of kinetic energy <paramref name="kineticEnergyEv"/> over <paramref name="dof"/> degrees of freedom.</summary>
    public static double Temperature(double kineticEnergyEv, int dof) => 2.0 * kineticEnergyEv / (dof * MetalUnits.Boltzmann);

    /// <summary>Subtracts the centre-of-mass velocity.</summary>
    public static void RemoveCenterOfMassMotion(AtomSystem s)
    {
        double px = 0, py = 0, pz = 0, m = 0;
        for (int i = 0; i < s.Count; i++) { double mi = s.Mass(i); px += mi * s.Vx[i]; py += mi * s.Vy[i]; pz += mi * s.Vz[i]; m += mi; }
        px /= m; py /= m; pz /= m;
        for (int i = 0; i < s.Count; i++) { s.Vx[i] -= px; s.Vy[i] -= py; s.Vz[i] -= pz; }
    }

    /// <summary>
    /// Gaussian velocities with variance k_B T/m per component (Maxwell-Boltzmann), reproducible from
    /// <paramref name="seed"/>; centre-of-mass motion removed and rescaled to exactly <paramref name="temperatureK"/>.
    /// </summary>
    public static void AssignMaxwellBoltzmann(AtomSystem s, double temperatureK, int seed, Backends.CoreShellTerm? shells = null)
    {
        var rng = new Random(seed);
        double Gauss() => Math.Sqrt(-2.0 * Math.Log(1.0 - rng.NextDouble())) * Math.Cos(2.0 * Math.PI * rng.NextDouble());
        for (int i = 0; i < s.Count; i++)
        {
            double sigma = Math.Sqrt(MetalUnits.Boltzmann * temperatureK / (s.Mass(i) * MetalUnits.MvvToEv));
            s.Vx[i] = sigma * Gauss(); s.Vy[i] = sigma * Gauss(); s.Vz[i] = sigma * Gauss();
        }
        // core-shell ions: each pair moves at its centre-of-mass velocity, and the ions' temperature is set (temp/cs)
        shells?.ToIonVelocities(s);
        RemoveCenterOfMassMotion(s);
        double t = Temperature(s, shells);
        if (t > 0) ScaleVelocities(s, Math.Sqrt(temperatureK / t));
    }

    public static void ScaleVelocities(AtomSystem s, double factor)
    {
        for (int i = 0; i < s.Count; i++) { s.Vx[i] *= factor; s.Vy[i] *= factor; s.Vz[i] *= factor; }
    }

    /// <summary>v += (dt/2)·F/m (velocity half-kick; dt in ps).</summary>
    /// <param name="typeMasses">masses per type (amu) in place of the system's: a minimizer's fictitious masses.</param>
    public static void HalfKick(AtomSystem s, double dtPs, double[]? typeMasses = null)
    {
        double h = 0.5 * dtPs * MetalUnits.ForceOverMassToAcceleration;
        var m = typeMasses ?? s.TypeMasses;
        for (int i = 0; i < s.Count; i++)
        {
            double f = h / m[s.Type[i]];
            s.Vx[i] += f * s.Fx[i]; s.Vy[i] += f * s.Fy[i]; s.Vz[i] += f * s.Fz[i];
        }
    }

    /// <summary>x += dt·v.</summary>
    public static void Drift(AtomSystem s, double dtPs)
    {
        for (int i = 0; i < s.Count; i++) { s.X[i] += dtPs * s.Vx[i]; s.Y[i] += dtPs * s.Vy[i]; s.Z[i] += dtPs * s.Vz[i]; }
    }
}
