namespace FractureLab.Mechanics.Coulomb;

/// <summary>
/// The real-space Coulomb pair term of one compiled method, with its constants; dispatches to the
/// one definition of each method (DSF, Wolf, Ewald real space).
/// </summary>
public readonly struct CoulombPair
{
    public CoulombMethod Method { get; }
    public DampedShiftedForceParameters Dsf { get; }
    public WolfParameters Wolf { get; }
    public EwaldRealSpaceParameters Ewald { get; }

    /// <summary>Real-space cut-off squared (Å²); 0 for no Coulomb.</summary>
    public double CutoffSquared { get; }

    public CoulombPair(CoulombSettings settings, double ewaldAlpha = 0)
    {
        Method = settings.Method;
        double rc = settings.Cutoff;
        switch (settings.Method)
        {
            case CoulombMethod.Dsf: Dsf = DampedShiftedForceParameters.Create(settings.Alpha, rc, settings.Erfc); CutoffSquared = rc * rc; break;
            case CoulombMethod.Wolf: Wolf = WolfParameters.Create(settings.Alpha, rc, settings.Erfc); CutoffSquared = rc * rc; break;
            case CoulombMethod.Ewald or CoulombMethod.Pppm: Ewald = new EwaldRealSpaceParameters(ewaldAlpha, rc, rc * rc, settings.Erfc); CutoffSquared = rc * rc; break;
            default: CutoffSquared = 0; break;
        }
    }

    public Potentials.PairTerm Evaluate(double r2, double qiqj) => Method switch
    {
        CoulombMethod.Dsf => DampedShiftedForce.Evaluate(r2, Dsf, qiqj),
        CoulombMethod.Wolf => WolfSummation.Evaluate(r2, Wolf, qiqj),
        CoulombMethod.Ewald or CoulombMethod.Pppm => EwaldRealSpace.Evaluate(r2, Ewald, qiqj),
        _ => default,
    };

    /// <summary>Self energy (eV) of one atom of charge q (e).</summary>
    public double SelfEnergy(double q) => Method switch
    {
        CoulombMethod.Dsf => DampedShiftedForce.SelfEnergy(Dsf, q),
        CoulombMethod.Wolf => WolfSummation.SelfEnergy(Wolf, q),
        CoulombMethod.Ewald or CoulombMethod.Pppm => EwaldRealSpace.SelfEnergy(Ewald, q),
        _ => 0.0,
    };
}
