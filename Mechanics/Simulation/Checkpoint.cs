using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Geometry;
using FractureLab.Mechanics.IO;

namespace FractureLab.Mechanics.Simulation;

/// <summary>
/// Binary checkpoint from which a run continues bit-identically: step, timestep, box, every per-atom
/// array (forces included, so the first half-kick after a resume uses the same forces), the last
/// energies and virial, the integrator state and the thermo records. At a periodic checkpoint both the
/// running and the resumed run rebuild their neighbor list at the checkpoint step; a checkpoint taken between
/// rebuilds (Ctrl+C) also carries what the list was built from (<see cref="Neighbors.ListReference"/>), so the
/// resumed run rebuilds that very list. Either way both sum the pairs in the same order.
/// </summary>
public static class Checkpoint
{
    private const string Magic = "FRACTURELAB-CHECKPOINT-1";

    /// <summary>Where the checkpoint before the one at <paramref name="path"/> is kept (<c>checkpoint.bin</c> → <c>checkpoint.bin.prev</c>).</summary>
    public static string PreviousPath(string path) => path + ".prev";

    /// <summary>Writes the checkpoint; <paramref name="list"/> (the list's build reference) when the run stops between rebuilds and will not invalidate its list.</summary>
    public static void Save(string path, MdRun run, Neighbors.ListReference? list = null) => AtomicFile.WriteBytes(path, stream =>
    {
        using var w = new BinaryWriter(stream);
        var s = run.System;
        w.Write(Magic);
        w.Write(run.Integrator.Name);
        w.Write(run.Step);
        w.Write(run.DtPs);
        for (int a = 0; a < 3; a++) { w.Write(s.Box.Lo[a]); w.Write(s.Box.Hi[a]); w.Write(s.Box.Periodic[a]); }
        w.Write(s.TypeCount);
        for (int t = 0; t < s.TypeCount; t++) { w.Write(s.TypeElements[t]); w.Write(s.TypeMasses[t]); }
        w.Write(s.Count);
        foreach (var arr in new[] { s.X, s.Y, s.Z, s.Vx, s.Vy, s.Vz, s.Fx, s.Fy, s.Fz, s.Charge }) foreach (double v in arr) w.Write(v);
        foreach (var arr in new[] { s.Type, s.Id, s.ImageX, s.ImageY, s.ImageZ }) foreach (int v in arr) w.Write(v);
        var r = run.Forces.Last;
        w.Write(r.ShortRangeEnergy); w.Write(r.CoulombPairEnergy); w.Write(r.CoulombSelfEnergy); w.Write(r.KSpaceEnergy);
        foreach (double v in r.Virial) w.Write(v);
        run.Integrator.SaveState(w);
        w.Write(run.Thermo.Count);
        foreach (var row in run.Thermo) w.Write(row.ToCsv());
        w.Write(list is not null);
        w.Write(run.NeighborListBuilds);
        if (list is not null)
        {
            foreach (var arr in new[] { list.X, list.Y, list.Z }) foreach (double v in arr) w.Write(v);
            for (int a = 0; a < 3; a++) { w.Write(list.Lo[a]); w.Write(list.Hi[a]); }
        }
    });

    /// <summary>The step a checkpoint was written at, or null if it cannot be read.</summary>
    public static long? ReadStep(string path)
    {
        try { using var r = Open(path, out _); return r.ReadInt64(); }
        catch (Exception e) when (e is InputException or IOException) { return null; }
    }

    /// <summary>Reads the system stored in a checkpoint (to bind a force field to it) and the rest of its state via <see cref="Restore"/>.</summary>
    public static AtomSystem ReadSystem(string path)
    {
        using var r = Open(path, out _);
        try
        {
            r.ReadInt64();
            r.ReadDouble();
            return ReadSystemBody(r);
        }
        catch (EndOfStreamException) { throw Truncated(path); }
    }

    /// <summary>Restores step, forces, energies, integrator state and thermo into <paramref name="run"/>, whose system came from <see cref="ReadSystem"/>.</summary>
    public static void Restore(string path, MdRun run)
    {
        try { RestoreBody(path, run); }
        catch (EndOfStreamException) { throw Truncated(path); }
    }

    private static void RestoreBody(string path, MdRun run)
    {
        using var r = Open(path, out string integrator);
        if (integrator != run.Integrator.Name)
            throw new InputException($"checkpoint '{path}' was written by a {integrator} run, not {run.Integrator.Name}");
        long step = r.ReadInt64();
        double dt = r.ReadDouble();
        if (dt != run.DtPs) throw new InputException($"checkpoint '{path}' used a timestep of {dt * 1000} fs, the run asks for {run.DtPs * 1000} fs");
        var stored = ReadSystemBody(r);
        var s = run.System;
        if (stored.Count != s.Count) throw new InputException($"checkpoint '{path}' holds {stored.Count} atoms, the run has {s.Count}");
        var last = run.Forces.Last;
        last.Clear();
        last.ShortRangeEnergy = r.ReadDouble(); last.CoulombPairEnergy = r.ReadDouble(); last.CoulombSelfEnergy = r.ReadDouble(); last.KSpaceEnergy = r.ReadDouble();
        for (int a = 0; a < 6; a++) last.Virial[a] = r.ReadDouble();
        run.Integrator.LoadState(r);
        int rows = r.ReadInt32();
        run.Thermo.Clear();
        for (int k = 0; k < rows; k++) run.Thermo.Add(ParseRow(r.ReadString()));
        run.Step = step;
        // older checkpoints end here; newer ones say whether the list's build reference follows
        bool hasList = r.BaseStream.Position < r.BaseStream.Length && r.ReadBoolean();
        long builds = r.BaseStream.Position < r.BaseStream.Length ? r.ReadInt64() : 0;
        if (hasList)
        {
            int n = s.Count;
            var x = new double[n]; var y = new double[n]; var z = new double[n];
            foreach (var arr in new[] { x, y, z }) for (int i = 0; i < n; i++) arr[i] = r.ReadDouble();
            var lo = new double[3]; var hi = new double[3];
            for (int a = 0; a < 3; a++) { lo[a] = r.ReadDouble(); hi[a] = r.ReadDouble(); }
            run.Forces.List.RebuildFrom(s, new Neighbors.ListReference(x, y, z, lo, hi));
        }
        else run.Forces.List.Invalidate();
        run.ResumeBuildCount(builds);
    }

    /// <summary>The error for a checkpoint that ends early or holds counts it cannot: damaged, e.g. killed while being written.</summary>
    private static InputException Truncated(string path) =>
        new($"checkpoint '{path}' is truncated (the run was killed while writing it?); use {PreviousPath(path)} if it is there, or start again");

    private static BinaryReader Open(string path, out string integrator)
    {
        if (!File.Exists(path)) throw new InputException($"checkpoint '{path}' does not exist");
        var r = new BinaryReader(File.OpenRead(path));
        try
        {
            if (r.ReadString() != Magic) throw new InputException($"'{path}' is not a FractureLab checkpoint");
            integrator = r.ReadString();
            return r;
        }
        catch (EndOfStreamException)
        {
            r.Dispose();
            throw Truncated(path);
        }
    }

    private static AtomSystem ReadSystemBody(BinaryReader r)
    {
        var lo = new double[3]; var hi = new double[3]; var per = new bool[3];
        for (int a = 0; a < 3; a++) { lo[a] = r.ReadDouble(); hi[a] = r.ReadDouble(); per[a] = r.ReadBoolean(); }
        int nt = r.ReadInt32();
        if (nt < 1 || nt > 1000) throw new EndOfStreamException();
        var els = new string[nt]; var masses = new double[nt];
        for (int t = 0; t < nt; t++) { els[t] = r.ReadString(); masses[t] = r.ReadDouble(); }
        int n = r.ReadInt32();
        // a count the file cannot hold (ten doubles and five ints per atom) is a damaged checkpoint, not an allocation
        if (n < 0 || (long)n * 100 > r.BaseStream.Length) throw new EndOfStreamException();
        var s = new AtomSystem(n, els, masses, new Box(lo, hi, per));
        foreach (var arr in new[] { s.X, s.Y, s.Z, s.Vx, s.Vy, s.Vz, s.Fx, s.Fy, s.Fz, s.Charge }) for (int i = 0; i < n; i++) arr[i] = r.ReadDouble();
        foreach (var arr in new[] { s.Type, s.Id, s.ImageX, s.ImageY, s.ImageZ }) for (int i = 0; i < n; i++) arr[i] = r.ReadInt32();
        return s;
    }

    private static ThermoRow ParseRow(string csv)
    {
        var v = csv.Split(',').Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new ThermoRow((long)v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13]);
    }
}
