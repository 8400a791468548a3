namespace FractureLab.Mechanics.Minimizers;

/// <summary>Outcome of a minimization: iterations, final energy (eV), max force component (eV/Å), and whether the force tolerance was met.</summary>
public sealed record MinimizationResult(int Iterations, double EnergyEv, double MaxForceEvPerAngstrom, bool Converged);
