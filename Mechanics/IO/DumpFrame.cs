namespace FractureLab.Mechanics.IO;

/// <summary>One frame of a LAMMPS dump: timestep, box bounds (Å), periodicity, and the per-atom columns by name.</summary>
public sealed record DumpFrame(long Step, double[] Lo, double[] Hi, bool[] Periodic, int Atoms, IReadOnlyDictionary<string, double[]> Columns, string[]? Elements)
{
    public double[] Column(string name, string source) =>
        Columns.TryGetValue(name, out var c) ? c : throw new InputException($"{source}: dump frame at step {Step} has no column '{name}'");
}
