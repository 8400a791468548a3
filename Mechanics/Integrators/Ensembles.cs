namespace FractureLab.Mechanics.Integrators;

/// <summary>The statistical ensemble of an MD run.</summary>
public enum Ensemble { Nve, Nvt, Npt }

/// <summary>The temperature (and pressure) control of nvt and npt runs.</summary>
public enum Thermostat { NoseHoover, Berendsen }

/// <summary>Names as the command line and plan.json spell them, and the integrator of each ensemble and thermostat.</summary>
public static class Ensembles
{
    public static string Name(this Ensemble e) => e switch { Ensemble.Nve => "nve", Ensemble.Nvt => "nvt", _ => "npt" };

    public static string Name(this Thermostat t) => t == Thermostat.Berendsen ? "berendsen" : "nose-hoover";

    public static Ensemble? ParseEnsemble(string s) => s switch { "nve" => Ensemble.Nve, "nvt" => Ensemble.Nvt, "npt" => Ensemble.Npt, _ => null };

    public static Thermostat? ParseThermostat(string s) => s switch { "nose-hoover" => Thermostat.NoseHoover, "berendsen" => Thermostat.Berendsen, _ => null };

    /// <summary>
    /// The host integrator: velocity Verlet (nve), Nosé-Hoover chains (nvt, npt in the MTK form) or Berendsen; temperature
    /// in K, pressure in GPa, damping times in ps, <paramref name="coupled"/> the barostatted axes.
    /// </summary>
    public static IIntegrator Create(Ensemble ensemble, Thermostat thermostat, double temperatureK, double pressureGpa, bool[] coupled, double tDampPs, double pDampPs) =>
        (ensemble, thermostat) switch
        {
            (Ensemble.Nve, _) => new VelocityVerlet(),
            (Ensemble.Nvt, Thermostat.Berendsen) => new BerendsenThermostat(temperatureK, tDampPs),
            (Ensemble.Nvt, _) => new NoseHooverNvt(temperatureK, tDampPs),
            (Ensemble.Npt, Thermostat.Berendsen) => new BerendsenBarostat(temperatureK, pressureGpa, coupled, tDampPs, pDampPs),
            _ => new NoseHooverNpt(temperatureK, pressureGpa, coupled, tDampPs, pDampPs),
        };
}
