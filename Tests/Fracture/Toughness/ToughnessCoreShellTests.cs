using System.Text.Json;
using FractureLab.Tests.Cli;
using FractureLab.Tests.Mechanics;

namespace FractureLab.Tests.Fracture.Toughness;

/// <summary>
/// A toughness study with core-shell ions end to end on the tiny glass (the BKS shell test model, a shell on every O): the
/// uncracked and pre-cracked pulls run with shells, the J integral is taken on the ions, and the study writes its routes;
/// its LAMMPS emission writes shelled decks.
/// </summary>
[Collection("console")]
public class ToughnessCoreShellTests
{
    private static string Study()
    {
        string ff = CoreShellTests.BksWithShellsFile();
        return TinyGlassFiles.Write("study.toml", $"""
            [forcefield]
            name = "{ff.Replace("\\", "/")}"
            [crack]
            opening_A = 3.0
            [tension]
            protocol = "B"
            strain_rate_per_s = 5e10
            max_strain = 0.04
            record_every_strain = 0.01
            timestep_fs = 0.2
            [run]
            relax_ps = 0.1
            modulus_strain = 0.02
            dump_every_records = 1
            snapshot_every_strain = 0
            [study]
            crack_length_fractions = [0.3]
            replicas = 1
            methods = ["crack-length", "j-integral"]
            """);
    }

    [Fact]
    public void StudyWithShells_RunsItsPulls_AndTakesJOnTheIons()
    {
        string toml = Study();
        string outDir = Path.Combine(Path.GetDirectoryName(toml)!, "out");
        var (code, err) = CliRunner.Run("toughness", toml, "--out", outDir);
        Assert.True(code == 0, err);
        string pull = Path.Combine(outDir, "a0.300", "r1");
        foreach (var f in new[] { "summary.json", "trajectory.dump", "precracked.data", "j_integral.csv", "j_onset.json" })
            Assert.True(File.Exists(Path.Combine(pull, f)), f);
        // the pulls ran with shells: the pre-cracked structure holds one O_s per O core
        var s = FractureLab.Mechanics.IO.LammpsDataReader.Read(Path.Combine(pull, "precracked.data"));
        int cores = Enumerable.Range(0, s.Count).Count(i => s.TypeElements[s.Type[i]] == "O");
        Assert.True(cores > 100);
        Assert.Equal(cores, Enumerable.Range(0, s.Count).Count(i => s.TypeElements[s.Type[i]] == "O_s"));
        // J was taken on every dump frame (records at strain 0, 0.01, ..., 0.04), and each frame's stress along the load is
        // the whole dump's: Σ stress·volume over every core, shell and rigid ion / V, so the shells' share went to their
        // cores (dropped shells would lose it). This box is too small for crack tips (14 Å): no J onset, as for rigid ions.
        var rows = File.ReadAllLines(Path.Combine(pull, "j_integral.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        var frames = FractureLab.Mechanics.IO.LammpsDumpReader.Read(Path.Combine(pull, "trajectory.dump")).ToArray();
        Assert.Equal(5, rows.Length);
        Assert.Equal(frames.Length, rows.Length);
        for (int k = 0; k < frames.Length; k++)
        {
            var f = frames[k];
            Assert.Equal(s.Count, f.Atoms);
            double volume = (f.Hi[0] - f.Lo[0]) * (f.Hi[1] - f.Lo[1]) * (f.Hi[2] - f.Lo[2]);
            double sigma = f.Columns["c_stress[3]"].Sum() / volume * 1e-4;
            Assert.Equal(sigma, double.Parse(rows[k][2], System.Globalization.CultureInfo.InvariantCulture), 6);
        }
        var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json"))).RootElement;
        Assert.True(summary.GetProperty("methods").GetProperty("crack_length").GetProperty("KIc_MPa_sqrt_m").GetProperty("value").GetDouble() > 0);

        (code, err) = CliRunner.Run("toughness", toml, "--out", outDir, "--emit-lammps", Path.Combine(outDir, "lmp"));
        Assert.True(code == 0, err);
        string deck = File.ReadAllText(Directory.GetFiles(Path.Combine(outDir, "lmp"), "in.precracked.lmp", SearchOption.AllDirectories).Single());
        Assert.Contains("atom_style full", deck);
        Assert.Contains("temp/cs", deck);
    }
}
