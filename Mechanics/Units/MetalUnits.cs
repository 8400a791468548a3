namespace FractureLab.Mechanics.Units;

/// <summary>
/// Constants of the LAMMPS "metal" unit system (Å, eV, ps, amu, e, K), with the values LAMMPS
/// 20220106 uses (src/update.cpp, units metal), so that numbers agree with LAMMPS to the last digit.
/// </summary>
public static class MetalUnits
{
    /// <summary>Coulomb constant k_e = 1/(4π ε0) in eV·Å/e² (LAMMPS qqr2e for metal).</summary>
    public const double CoulombConstant = 14.399645;

    /// <summary>Boltzmann constant in eV/K (LAMMPS boltz for metal).</summary>
    public const double Boltzmann = 8.617343e-5;

    /// <summary>Converts m·v² in amu·Å²/ps² to eV (LAMMPS mvv2e for metal).</summary>
    public const double MvvToEv = 1.0364269e-4;

    /// <summary>Converts a force/mass in (eV/Å)/amu to an acceleration in Å/ps² (LAMMPS ftm2v = 1/mvv2e).</summary>
    public const double ForceOverMassToAcceleration = 1.0 / MvvToEv;

    /// <summary>Converts eV/Å³ to bar (LAMMPS nktv2p for metal).</summary>
    public const double EvPerCubicAngstromToBar = 1.6021765e6;

    /// <summary>Converts eV/Å³ to GPa: LAMMPS nktv2p·1e-4 = 160.21765 (DESIGN.md rounds to 160.21766; we follow LAMMPS so pressures agree to 1e-9).</summary>
    public const double EvPerCubicAngstromToGpa = EvPerCubicAngstromToBar * 1e-4;

    /// <summary>Timestep unit: 1 fs in ps.</summary>
    public const double Femtosecond = 1e-3;

    /// <summary>Avogadro constant N_A in 1/mol (SI 2019, exact): 1 amu is 1/N_A g.</summary>
    public const double Avogadro = 6.02214076e23;

    /// <summary>Å³ per cm³.</summary>
    public const double CubicAngstromsPerCubicCentimetre = 1e24;
}
