using System.Text.Json.Nodes;
using FractureLab.BondSwitch.Structure;
using FractureLab.Tests.Cli;

namespace FractureLab.Tests.BondSwitch;

/// <summary>S(q), D(r) and R_chi (issue 24.6): against the Debye pair sum, the form-factor tables against Z, R_chi's invariants.</summary>
[Collection("console")]
public class ScatteringTests
{
    [Fact]
    public void SofQ_FromGofR_EqualsTheDebyePairSum_WithTheSameTruncation()
    {
        var mixed = Configurations.RandomDense(300, 16, 1.8, 5);
        var snap = Configurations.Make("one element", [16, 16, 16], Enumerable.Range(0, mixed.System.Count).Select(i =>
            new Configurations.Atom(i + 1, "Si", mixed.System.X[i], mixed.System.Y[i], mixed.System.Z[i])));
        double R = 8.0;
        var r = Scattering.Compute([snap], Radiation.Neutron, qMaxInvA: 12, dqInvA: 0.5, rMaxA: R, binA: 0.002);
        // Debye: S(q) = 1 + (ρ/ρ')(1/N) Σ_{i≠j, r<R} sin(qr)/(qr) − 4πρ [sin qR − qR cos qR]/q³, ρ' = (N−1)/V as the g(r) normalisation
        var s = snap.System;
        int n = s.Count;
        double v = s.Box.Volume, rho = n / v, rhoPrime = (n - 1) / v;
        var distances = new List<double>();
        FractureLab.BondSwitch.Geometry.PairSearch.ForEachPair(s, R, (i, j, dx, dy, dz) => { if (i != j) distances.Add(Math.Sqrt(dx * dx + dy * dy + dz * dz)); });
        for (int k = 0; k < r.QInvA.Length; k++)
        {
            double q = r.QInvA[k];
            double pairs = 2 * distances.Sum(d => Math.Sin(q * d) / (q * d)) / n;
            double expected = 1 + rho / rhoPrime * pairs - 4 * Math.PI * rho * (Math.Sin(q * R) - q * R * Math.Cos(q * R)) / (q * q * q);
            Assert.True(Math.Abs(expected - r.S[k]) < 2e-3, $"q = {q}: Debye {expected}, from g(r) {r.S[k]}");
        }
    }

    [Fact]
    public void XrayFormFactors_AtZeroAngle_CountTheElectrons()
    {
        foreach (var (el, z) in ScatteringFactors.XrayElements)
            Assert.True(Math.Abs(ScatteringFactors.XrayFormFactor(el, 0) - z) < 0.02, $"{el}: f0(0) = {ScatteringFactors.XrayFormFactor(el, 0)}, Z = {z}");
        Assert.True(ScatteringFactors.XrayFormFactor("O", 4 * Math.PI * 0.5) < 3); // falls with s = sin θ/λ
    }

    [Fact]
    public void RChi_IsZeroForIdenticalCurves_AndTheRelativeMisfitOtherwise()
    {
        double[] x = [.. Enumerable.Range(0, 50).Select(k => 0.1 * k)];
        double[] y = [.. x.Select(Math.Sin)];
        Assert.Equal(0.0, Scattering.RChi(x, y, x, y), 15);
        Assert.Equal(1.0 / 11, Scattering.RChi(x, [.. y.Select(v => 1.1 * v)], x, y), 12); // |1.1y − y| / |1.1y|
    }

    [Fact]
    public void StructureCommand_WritesSqAndDr_AndRChiAgainstItsOwnCurveIsZero()
    {
        string dir = Directory.CreateTempSubdirectory("sq").FullName;
        string data = TestData.Parity("silica192.data");
        var (code, err) = CliRunner.Run("structure", data, "--elements", "O,Si", "--pairs", "Si-O", "--scattering", "xray", "--qmax", "15", "--lorch", "--out", Path.Combine(dir, "a"));
        Assert.True(code == 0, err);
        Assert.Equal("q_inv_A,S", File.ReadLines(Path.Combine(dir, "a", "sq_xray.csv")).First());
        Assert.True(File.Exists(Path.Combine(dir, "a", "dr_xray.csv")));
        (code, err) = CliRunner.Run("structure", data, "--elements", "O,Si", "--pairs", "Si-O", "--scattering", "xray", "--qmax", "15", "--lorch",
            "--experiment", Path.Combine(dir, "a", "sq_xray.csv"), "--out", Path.Combine(dir, "b"));
        Assert.True(code == 0, err);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "b", "summary.json")))!;
        Assert.True((double)json["scattering"]!["R_chi"]! < 1e-6); // the CSV holds 10 significant digits
        (code, err) = CliRunner.Run("structure", data, "--elements", "O,Si", "--pairs", "Si-O", "--scattering", "gamma", "--out", Path.Combine(dir, "c"));
        Assert.Equal(1, code);
        Assert.Contains("'gamma'", err);
    }
}

/// <summary>The reciprocal-lattice S(q) on a crystal whose sums are known exactly.</summary>
public class ReciprocalSpaceSofQTests
{
    [Fact]
    public void SimpleCubic_BinAtTwoPiOverA_AveragesItsBraggAndEmptyVectors()
    {
        // 3×3×3 simple cubic, a = 2 Å: vectors q = (2π/6 Å)·m. |m|² = 9 holds 6 Bragg vectors (±3,0,0)..., where |A|² = N² and
        // S = N, and 24 of type (2,2,1), where the sum over the lattice vanishes: the bin's mean is 6·27/30 = 5.4
        var snap = Configurations.SimpleCubic(2.0, 3);
        var (q, s, vectors) = ReciprocalSpaceSofQ.Compute([snap], Radiation.Neutron, qMaxInvA: 3.3, binInvA: 0.01);
        int k = Array.FindIndex(q, x => Math.Abs(x - Math.PI) < 1e-9);
        Assert.True(k >= 0);
        Assert.Equal(15, vectors[k]); // half of the 30: q and −q are counted once
        Assert.Equal(5.4, s[k], 9);
        // |m|² = 1: no Bragg vector, S = 0
        int k1 = Array.FindIndex(q, x => Math.Abs(x - Math.PI / 3) < 1e-9);
        Assert.Equal(0.0, s[k1], 9);
    }
}
