namespace FractureLab.Mechanics.Coulomb;

/// <summary>How Coulomb interactions are summed.</summary>
public enum CoulombMethod
{
    None,
    /// <summary>Damped shifted force (Fennell &amp; Gezelter 2006), as LAMMPS coul/dsf.</summary>
    Dsf,
    /// <summary>Wolf summation as LAMMPS coul/wolf and born/coul/wolf.</summary>
    Wolf,
    /// <summary>Ewald sum: real space + reciprocal space + self.</summary>
    Ewald,
    /// <summary>Mesh Ewald (smooth PME): the Ewald real space and self terms, the reciprocal part on a grid with FFTs (LAMMPS users: kspace_style pppm).</summary>
    Pppm,
}
