namespace FractureLab.Mechanics.Simulation;

/// <summary>One thermo record: step, time (ps), temperature (K), energies (eV), pressure and its diagonal (GPa, kinetic + virial), volume (Å³), box lengths (Å).</summary>
public sealed record ThermoRow(long Step, double TimePs, double TemperatureK, double PotentialEv, double KineticEv, double TotalEv,
    double PressureGpa, double PxxGpa, double PyyGpa, double PzzGpa, double VolumeA3, double LxA, double LyA, double LzA)
{
    public const string CsvHeader = "step,time_ps,temperature_K,pe_eV,ke_eV,etotal_eV,press_GPa,pxx_GPa,pyy_GPa,pzz_GPa,volume_A3,lx_A,ly_A,lz_A";

    /// <summary>Writes the header and the rows as thermo.csv.</summary>
    public static void WriteCsv(TextWriter w, IEnumerable<ThermoRow> rows)
    {
        w.WriteLine(CsvHeader);
        foreach (var r in rows) w.WriteLine(r.ToCsv());
    }

    public string ToCsv() => string.Join(',', new object[] { Step, TimePs, TemperatureK, PotentialEv, KineticEv, TotalEv, PressureGpa, PxxGpa, PyyGpa, PzzGpa, VolumeA3, LxA, LyA, LzA }
        .Select(v => v is double d ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));
}
