using FractureLab.Mechanics;

namespace FractureLab.BondSwitch.Structure;

/// <summary>
/// Neutron coherent scattering lengths (fm) of the natural elements, Sears, Neutron News 3(3), 26 (1992) (the NIST table);
/// X-ray atomic form factors f₀(s) = Σ₁⁵ aᵢ exp(−bᵢ s²) + c, s = sin θ/λ = q/4π (Å⁻¹), of the neutral atoms, Waasmaier &amp;
/// Kirfel, Acta Cryst. A51, 416 (1995), Table 1. Each X-ray entry is checked (a test) to give f₀(0) = Z within 0.02.
/// </summary>
public static class ScatteringFactors
{
    private static readonly Dictionary<string, double> NeutronFm = new(StringComparer.OrdinalIgnoreCase)
    {
        ["H"] = -3.7390, ["Li"] = -1.90, ["B"] = 5.30, ["C"] = 6.6460, ["N"] = 9.36, ["O"] = 5.803, ["F"] = 5.654,
        ["Na"] = 3.63, ["Mg"] = 5.375, ["Al"] = 3.449, ["Si"] = 4.1491, ["P"] = 5.13, ["S"] = 2.847, ["Cl"] = 9.5770,
        ["K"] = 3.67, ["Ca"] = 4.70, ["Ti"] = -3.438, ["Ge"] = 8.185, ["Zr"] = 7.16,
    };

    /// <summary>(a₁..a₅, b₁..b₅ in Å², c) of Waasmaier &amp; Kirfel (1995).</summary>
    private static readonly Dictionary<string, (double[] A, double[] B, double C, int Z)> Xray = new(StringComparer.OrdinalIgnoreCase)
    {
        ["H"] = ([0.413048, 0.294953, 0.187491, 0.080701, 0.023736], [15.569946, 32.398468, 5.711404, 61.889874, 1.334118], 0.000049, 1),
        ["Li"] = ([0.974637, 0.158472, 0.811855, 0.262416, 0.790108], [4.334946, 0.342451, 97.102969, 201.363824, 1.409234], 0.002542, 3),
        ["B"] = ([2.085185, 1.064580, 1.062788, 0.140515, 0.641784], [23.494069, 1.137894, 61.238975, 0.114886, 0.399036], 0.003823, 5),
        ["C"] = ([2.657506, 1.078079, 1.490909, -4.241070, 0.713791], [14.780758, 0.776775, 42.086843, -0.000294, 0.239535], 4.297983, 6),
        ["N"] = ([11.893780, 3.277479, 1.858092, 0.858927, 0.912985], [0.000158, 10.232723, 30.344690, 0.656065, 0.217287], -11.804902, 7),
        ["O"] = ([2.960427, 2.508818, 0.637853, 0.722838, 1.142756], [14.182259, 5.936858, 0.112726, 34.958481, 0.390240], 0.027014, 8),
        ["F"] = ([3.511943, 2.772244, 0.678385, 0.915159, 1.089261], [10.687859, 4.380466, 0.093982, 27.255203, 0.313066], 0.032557, 9),
        ["Na"] = ([4.910127, 3.081783, 1.262067, 1.098938, 0.560991], [3.281434, 9.119178, 0.102763, 132.013942, 0.405878], 0.079712, 11),
        ["Mg"] = ([4.708971, 1.194814, 1.558157, 1.170413, 3.239403], [4.875207, 108.506079, 0.111516, 48.292407, 1.928171], 0.126842, 12),
        ["Al"] = ([4.730796, 2.313951, 1.541980, 1.117564, 3.154754], [3.628931, 43.051166, 0.095960, 108.932389, 1.555918], 0.139509, 13),
        ["Si"] = ([5.275329, 3.191038, 1.511514, 1.356849, 2.519114], [2.631338, 33.730728, 0.081119, 86.288640, 1.170087], 0.145073, 14),
        ["P"] = ([1.950541, 4.146930, 1.494560, 1.522042, 5.729711], [0.908139, 27.044953, 0.071280, 67.520190, 1.981173], 0.155233, 15),
        ["S"] = ([6.372157, 5.154568, 1.473732, 1.635073, 1.209372], [1.514347, 22.092528, 0.061373, 55.445176, 0.646925], 0.154722, 16),
        ["Cl"] = ([1.446071, 6.870609, 6.151801, 1.750347, 0.634168], [0.052357, 1.193165, 18.343416, 46.398394, 0.401005], 0.146773, 17),
        ["K"] = ([8.163991, 7.146945, 1.070140, 0.877316, 1.486434], [12.816323, 0.808945, 210.327009, 39.597651, 0.052821], 0.253614, 19),
        ["Ca"] = ([8.593655, 1.477324, 1.436254, 1.182839, 7.113258], [10.460644, 0.041891, 81.390382, 169.847839, 0.688098], 0.196255, 20),
        ["Ti"] = ([9.818524, 1.522646, 1.703101, 1.768774, 7.082555], [8.001879, 0.029763, 39.885423, 120.158000, 0.532405], 0.102473, 22),
        ["Ge"] = ([16.540614, 1.567900, 3.727829, 3.345098, 6.785079], [2.866618, 0.012198, 13.432163, 58.866046, 0.210974], 0.018726, 32),
    };

    /// <summary>Coherent neutron scattering length (fm) of <paramref name="element"/>.</summary>
    public static double NeutronLengthFm(string element) =>
        NeutronFm.TryGetValue(element, out double b) ? b : throw new InputException($"no neutron scattering length for {element} in the table (Sears 1992): elements {string.Join(", ", NeutronFm.Keys)}");

    /// <summary>X-ray form factor f₀ (electrons) of <paramref name="element"/> at scattering vector <paramref name="qInvA"/> (Å⁻¹).</summary>
    public static double XrayFormFactor(string element, double qInvA)
    {
        if (!Xray.TryGetValue(element, out var e)) throw new InputException($"no X-ray form factor for {element} in the table (Waasmaier & Kirfel 1995): elements {string.Join(", ", Xray.Keys)}");
        double s = qInvA / (4 * Math.PI), s2 = s * s, f = e.C;
        for (int k = 0; k < 5; k++) f += e.A[k] * Math.Exp(-e.B[k] * s2);
        return f;
    }

    /// <summary>Atomic number of the X-ray entries (for the f₀(0) = Z check).</summary>
    public static IReadOnlyDictionary<string, int> XrayElements => Xray.ToDictionary(kv => kv.Key, kv => kv.Value.Z);
}
