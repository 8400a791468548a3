namespace FractureLab.Mechanics.Paths;

/// <summary>Settings of a nudged-elastic-band run.</summary>
/// <param name="Images">images on the path, both end states included (as LAMMPS's replicas; ASE's list of images)</param>
/// <param name="SpringEvPerA2">spring constant between neighbouring images (eV/Å²)</param>
/// <param name="Climbing">turn the highest image into a climbing image once the band has relaxed (<paramref name="ClimbBelowForce"/>)</param>
/// <param name="ForceTolerance">converged when no coordinate of any moving image has a NEB force above this (eV/Å)</param>
public sealed record NebSettings(int Images = 9, double SpringEvPerA2 = 5.0, bool Climbing = true, double ForceTolerance = 0.01, int MaxIterations = 5000,
    double MaxStepA = 0.1, double TimeStep = 0.1, double ClimbBelowForce = 0.5)
{
    public void Check()
    {
        if (Images < 3) throw new InputException($"neb: --images {Images}: need at least 3 (the two end states and one image between)");
        if (!(SpringEvPerA2 > 0)) throw new InputException($"neb: the spring constant {SpringEvPerA2} eV/Å² must be positive");
        if (!(ForceTolerance > 0)) throw new InputException($"neb: the force tolerance {ForceTolerance} eV/Å must be positive");
        if (MaxIterations < 1) throw new InputException($"neb: --max-iterations {MaxIterations} must be at least 1");
        if (!(MaxStepA > 0 && TimeStep > 0)) throw new InputException("neb: the step and time step must be positive");
    }
}

/// <summary>The relaxed path: images, their energies (eV), the reaction coordinate (Å along the path), and the barrier.</summary>
public sealed record NebResult(double[][] Images, double[] EnergiesEv, double[] ReactionCoordinateA, int ClimbingImage, int Iterations, bool Converged, double MaxForce)
{
    /// <summary>Highest energy on the path minus the initial state's (eV); the climbing image's when one climbed, so the saddle's.</summary>
    public double BarrierEv => EnergiesEv.Max() - EnergiesEv[0];
    public double ReverseBarrierEv => EnergiesEv.Max() - EnergiesEv[^1];
    public int HighestImage => Array.IndexOf(EnergiesEv, EnergiesEv.Max());
}

/// <summary>
/// Nudged elastic band with the improved tangent and the climbing image (Henkelman &amp; Jónsson, J. Chem. Phys. 113, 9978
/// (2000); Henkelman, Uberuaga &amp; Jónsson, J. Chem. Phys. 113, 9901 (2000)): images start on the straight line between
/// the end states (minimum image for periodic boxes); each moving image feels the true force perpendicular to the
/// tangent and the spring force k(|R_{i+1} − R_i| − |R_i − R_{i−1}|) along it; once the largest force falls below
/// <see cref="NebSettings.ClimbBelowForce"/>, the highest image climbs (F − 2(F·τ)τ, no spring). All images move
/// together under FIRE (<see cref="VectorFire"/>), the end states stay fixed.
/// </summary>
public static class NudgedElasticBand
{
    public static NebResult Run(IPotentialSurface surface, double[] initial, double[] final, NebSettings settings, Action<int, double>? progress = null, CancellationToken cancel = default)
    {
        settings.Check();
        int d = surface.Dimension, m = settings.Images;
        if (initial.Length != d || final.Length != d) throw new InputException($"neb: the end states have {initial.Length} and {final.Length} coordinates, the surface {d}");
        var images = new double[m][];
        var step = new double[d];
        surface.Difference(final, initial, step);
        for (int i = 0; i < m; i++)
        {
            images[i] = new double[d];
            for (int k = 0; k < d; k++) images[i][k] = initial[k] + step[k] * i / (m - 1);
        }
        var energy = new double[m];
        var force = Enumerable.Range(0, m).Select(_ => new double[d]).ToArray();
        energy[0] = surface.Evaluate(images[0], force[0]);
        energy[m - 1] = surface.Evaluate(images[m - 1], force[m - 1]);
        int moving = m - 2;
        var x = new double[moving * d];
        var f = new double[moving * d];
        var fire = new VectorFire(x.Length, settings.TimeStep, 10 * settings.TimeStep, settings.MaxStepA, d);
        for (int i = 1; i < m - 1; i++) Array.Copy(images[i], 0, x, (i - 1) * d, d);
        var tPlus = new double[d]; var tMinus = new double[d]; var tau = new double[d];
        int climbing = -1, it = 0;
        double fmax = double.PositiveInfinity;
        for (; it < settings.MaxIterations; it++)
        {
            cancel.ThrowIfCancellationRequested();
            for (int i = 1; i < m - 1; i++)
            {
                Array.Copy(x, (i - 1) * d, images[i], 0, d);
                energy[i] = surface.Evaluate(images[i], force[i]);
            }
            if (settings.Climbing && climbing < 0 && fmax < settings.ClimbBelowForce)
                climbing = Enumerable.Range(1, m - 2).MaxBy(i => energy[i]);
            fmax = 0;
            for (int i = 1; i < m - 1; i++)
            {
                surface.Difference(images[i + 1], images[i], tPlus);
                surface.Difference(images[i], images[i - 1], tMinus);
                Tangent(energy[i - 1], energy[i], energy[i + 1], tPlus, tMinus, tau);
                double fDotTau = Dot(force[i], tau);
                int o = (i - 1) * d;
                if (i == climbing)
                    for (int k = 0; k < d; k++) f[o + k] = force[i][k] - 2 * fDotTau * tau[k];
                else
                {
                    double spring = settings.SpringEvPerA2 * (Norm(tPlus) - Norm(tMinus));
                    for (int k = 0; k < d; k++) f[o + k] = force[i][k] - fDotTau * tau[k] + spring * tau[k];
                }
                for (int k = 0; k < d; k++) fmax = Math.Max(fmax, Math.Abs(f[o + k]));
            }
            progress?.Invoke(it, fmax);
            if (fmax < settings.ForceTolerance && (!settings.Climbing || climbing > 0)) break;
            fire.Step(x, f);
        }
        var coordinate = new double[m];
        for (int i = 1; i < m; i++)
        {
            surface.Difference(images[i], images[i - 1], tPlus);
            coordinate[i] = coordinate[i - 1] + Norm(tPlus);
        }
        return new NebResult(images, energy, coordinate, climbing, it, fmax < settings.ForceTolerance, fmax);
    }

    /// <summary>The improved tangent (Henkelman &amp; Jónsson 2000, Eqs. 8-11), normalised, into <paramref name="tau"/>.</summary>
    private static void Tangent(double ePrev, double e, double eNext, double[] tPlus, double[] tMinus, double[] tau)
    {
        int d = tau.Length;
        if (eNext > e && e > ePrev) Array.Copy(tPlus, tau, d);
        else if (eNext < e && e < ePrev) Array.Copy(tMinus, tau, d);
        else
        {
            double dMax = Math.Max(Math.Abs(eNext - e), Math.Abs(ePrev - e)), dMin = Math.Min(Math.Abs(eNext - e), Math.Abs(ePrev - e));
            var (wPlus, wMinus) = eNext > ePrev ? (dMax, dMin) : (dMin, dMax);
            for (int k = 0; k < d; k++) tau[k] = wPlus * tPlus[k] + wMinus * tMinus[k];
        }
        double n = Norm(tau);
        if (n > 0) for (int k = 0; k < d; k++) tau[k] /= n;
    }

    private static double Dot(double[] a, double[] b) { double s = 0; for (int k = 0; k < a.Length; k++) s += a[k] * b[k]; return s; }
    private static double Norm(double[] a) => Math.Sqrt(Dot(a, a));
}
