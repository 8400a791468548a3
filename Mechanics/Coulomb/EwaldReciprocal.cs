using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Units;

namespace FractureLab.Mechanics.Coulomb;

/// <summary>
/// Reciprocal-space part of the Ewald sum for an orthorhombic periodic box (Ewald 1921; the
/// formulas as in Frenkel &amp; Smit, Understanding Molecular Simulation, 2nd ed., §12.1, in metal units):
///   E = (2π k_e/V) Σ_{k≠0} e^(−k²/4α²)/k² |S(k)|²,  S(k) = Σ_j q_j e^(i k·r_j),
///   F_i = (4π k_e q_i/V) Σ_{k≠0} k e^(−k²/4α²)/k² Im[S*(k) e^(i k·r_i)],
///   W_ab = Σ_k E_k [δ_ab − 2 k_a k_b (1/k² + 1/(4α²))]  (virial, eV),
/// plus the neutralizing-background energy −π k_e Q²/(2 V α²) for a net charge Q.
/// The splitting α and the k-space extent follow LAMMPS 20220106 ewald.cpp for a relative force
/// accuracy: α = √(−ln(acc·√(N r_c V)/(2 q²)))/r_c and k_max per axis from its rms error estimate.
/// </summary>
public sealed class EwaldReciprocal : IReciprocalSpace
{
    private double[] _cosBuf = [], _sinBuf = [], _eikC = [], _eikS = [];
    private readonly double _accuracyRelative;

    public double Alpha { get; }
    public int[] KMax { get; } = new int[3];

    public string Describe() => FormattableString.Invariant($"Ewald, alpha {Alpha:G6} 1/Å, k-vectors up to {KMax[0]},{KMax[1]},{KMax[2]} (set per call from the accuracy)");

    public EwaldReciprocal(double alpha, double accuracyRelative)
    {
        Alpha = alpha;
        _accuracyRelative = accuracyRelative;
    }

    /// <summary>LAMMPS's choice of α (Å⁻¹) for a relative accuracy, real-space cut-off (Å), atom count, Σq² and volume.</summary>
    public static double ChooseAlpha(double accuracyRelative, double cutoff, int atoms, double sumQ2, double volume)
    {
        double accuracy = accuracyRelative * MetalUnits.CoulombConstant; // two unit charges 1 Å apart
        double q2 = sumQ2 * MetalUnits.CoulombConstant;
        if (q2 == 0) return (1.35 - 0.15 * Math.Log(accuracy)) / cutoff;
        double g = accuracy * Math.Sqrt(atoms * cutoff * volume) / (2.0 * q2);
        return g >= 1.0 ? (1.35 - 0.15 * Math.Log(accuracy)) / cutoff : Math.Sqrt(-Math.Log(g)) / cutoff;
    }

    private double Rms(int km, double prd, int atoms, double q2) =>
        2.0 * q2 * Alpha / prd * Math.Sqrt(1.0 / (Math.PI * km * Math.Max(atoms, 1))) *
        Math.Exp(-Math.PI * Math.PI * km * km / (Alpha * Alpha * prd * prd));

    /// <summary>Adds reciprocal forces to s.F*, returns energy (eV, background term included) and adds the virial (eV) to <paramref name="virial"/>.</summary>
    public double Compute(AtomSystem s, Span<double> virial)
    {
        var box = s.Box;
        int n = s.Count;
        double sumQ2 = 0, qTotal = 0;
        for (int i = 0; i < n; i++) { sumQ2 += s.Charge[i] * s.Charge[i]; qTotal += s.Charge[i]; }
        double q2 = sumQ2 * MetalUnits.CoulombConstant;
        double accuracy = _accuracyRelative * MetalUnits.CoulombConstant;
        double gsqmx = 0;
        var unitk = new double[3];
        for (int a = 0; a < 3; a++)
        {
            double prd = box.Length(a);
            unitk[a] = 2.0 * Math.PI / prd;
            int km = 1;
            while (Rms(km, prd, n, q2) > accuracy && km < 1000) km++;
            KMax[a] = km;
            gsqmx = Math.Max(gsqmx, unitk[a] * unitk[a] * km * km);
        }
        gsqmx *= 1.00001;

        // e^(i n k_a x_a) for n = −kmax..kmax per axis, per atom: cos/sin tables [axis][n+kmax][atom].
        int kx = KMax[0], ky = KMax[1], kz = KMax[2];
        int[] width = [2 * kx + 1, 2 * ky + 1, 2 * kz + 1];
        int need = (width[0] + width[1] + width[2]) * n;
        if (_cosBuf.Length < need) { _cosBuf = new double[need]; _sinBuf = new double[need]; }
        int[] offset = [0, width[0] * n, (width[0] + width[1]) * n];
        for (int a = 0; a < 3; a++)
        {
            var x = s.Positions(a);
            int km = KMax[a], o = offset[a];
            for (int i = 0; i < n; i++)
            {
                double c1 = Math.Cos(unitk[a] * x[i]), s1 = Math.Sin(unitk[a] * x[i]);
                _cosBuf[o + km * n + i] = 1; _sinBuf[o + km * n + i] = 0;
                double c = 1, sn = 0;
                for (int m = 1; m <= km; m++)
                {
                    double cn = c * c1 - sn * s1, snn = sn * c1 + c * s1;
                    c = cn; sn = snn;
                    _cosBuf[o + (km + m) * n + i] = c; _sinBuf[o + (km + m) * n + i] = sn;
                    _cosBuf[o + (km - m) * n + i] = c; _sinBuf[o + (km - m) * n + i] = -sn;
                }
            }
        }

        double volume = box.Volume;
        double pref = 4.0 * Math.PI * MetalUnits.CoulombConstant / volume; // half-space sum, doubled
        double energy = 0;
        double vxx = 0, vyy = 0, vzz = 0, vxy = 0, vxz = 0, vyz = 0;
        double inv4a2 = 1.0 / (4.0 * Alpha * Alpha);
        if (_eikC.Length != n) { _eikC = new double[n]; _eikS = new double[n]; }
        var eikC = _eikC;
        var eikS = _eikS;
        for (int ix = 0; ix <= kx; ix++)
            for (int iy = -ky; iy <= ky; iy++)
                for (int iz = -kz; iz <= kz; iz++)
                {
                    // half space: k and −k contribute equally
                    if (ix == 0 && (iy < 0 || (iy == 0 && iz <= 0))) continue;
                    double kxv = ix * unitk[0], kyv = iy * unitk[1], kzv = iz * unitk[2];
                    double k2 = kxv * kxv + kyv * kyv + kzv * kzv;
                    if (k2 > gsqmx) continue;
                    int ox = offset[0] + (kx + ix) * n, oy = offset[1] + (ky + iy) * n, oz = offset[2] + (kz + iz) * n;
                    double sc = 0, ss = 0;
                    for (int i = 0; i < n; i++)
                    {
                        double cxy = _cosBuf[ox + i] * _cosBuf[oy + i] - _sinBuf[ox + i] * _sinBuf[oy + i];
                        double sxy = _sinBuf[ox + i] * _cosBuf[oy + i] + _cosBuf[ox + i] * _sinBuf[oy + i];
                        double c = cxy * _cosBuf[oz + i] - sxy * _sinBuf[oz + i];
                        double sn = sxy * _cosBuf[oz + i] + cxy * _sinBuf[oz + i];
                        eikC[i] = c; eikS[i] = sn;
                        sc += s.Charge[i] * c; ss += s.Charge[i] * sn;
                    }
                    double ak = Math.Exp(-k2 * inv4a2) / k2;
                    double ek = pref * ak * (sc * sc + ss * ss);
                    energy += ek;
                    double vfac = 2.0 * (1.0 / k2 + inv4a2);
                    vxx += ek * (1 - vfac * kxv * kxv); vyy += ek * (1 - vfac * kyv * kyv); vzz += ek * (1 - vfac * kzv * kzv);
                    vxy -= ek * vfac * kxv * kyv; vxz -= ek * vfac * kxv * kzv; vyz -= ek * vfac * kyv * kzv;
                    double fpref = 2.0 * pref * ak;
                    for (int i = 0; i < n; i++)
                    {
                        // Im[S* e^(ik·r_i)] = sc·sin − ss·cos
                        double f = fpref * s.Charge[i] * (sc * eikS[i] - ss * eikC[i]);
                        s.Fx[i] += f * kxv; s.Fy[i] += f * kyv; s.Fz[i] += f * kzv;
                    }
                }
        virial[0] += vxx; virial[1] += vyy; virial[2] += vzz; virial[3] += vxy; virial[4] += vxz; virial[5] += vyz;
        double background = -Math.PI * MetalUnits.CoulombConstant * qTotal * qTotal / (2.0 * volume * Alpha * Alpha);
        virial[0] += background; virial[1] += background; virial[2] += background;
        return energy + background;
    }
}
