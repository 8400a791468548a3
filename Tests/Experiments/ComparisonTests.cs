using FractureLab.Experiments;
using FractureLab.Experiments.Comparison;
using FractureLab.Experiments.Tables;

namespace FractureLab.Tests.Experiments;

/// <summary>Joining simulation and experiment on a composition key, by quantity name, with averaging of replicate rows.</summary>
public class ComparisonTests
{
    private static CsvTable Thesis() => CsvTable.Read(TestData.Example("thesis_table_4_1.csv"));

    [Fact]
    public void ThesisTable_AsBothSides_JoinsFourGlassesOnFourQuantities()
    {
        var c = SimExpComparison.Build(Thesis(), Thesis());
        Assert.Equal("glass", c.KeyColumn);
        Assert.Equal("x_Li2O_mol_pct", c.XColumn);
        Assert.Equal(["density_g_cm3", "E_GPa", "poisson_ratio", "KIc_MPa_sqrt_m"], c.Quantities);
        Assert.Equal(4, c.Points.Count);
        var p38 = c.Points[0];
        Assert.Equal("38LiBP", p38.Key);
        Assert.Equal(38.0, p38.X);
        Assert.Equal(0.596, p38.Simulation["KIc_MPa_sqrt_m"].Value, 12);
        Assert.Equal(0.759, p38.Experiment["KIc_MPa_sqrt_m"].Value, 12);
        // Mean |sim − exp|/exp of K_Ic over Table 4-1, by hand: 0.139384619004184.
        Assert.Equal(0.139384619004184, c.MeanRelativeDeviation("KIc_MPa_sqrt_m"), 12);
    }

    [Fact]
    public void ReplicateRows_AreAveraged_InvalidRowsLeftOut_AndAliasesMatch()
    {
        var sim = CsvTable.Parse("glass,x,youngs_modulus_GPa,KIc_MPa_sqrt_m\nA,1,90,0.60\nA,1,94,0.64\nB,2,80,0.50\n", "sim.csv");
        var exp = CsvTable.Parse("glass,x,E_GPa_exp,E_GPa_sd_exp,KIc_MPa_sqrt_m,valid\nA,1,70,2,0.75,true\nA,1,71,2,0.77,true\nA,1,10,2,9.9,false\nB,2,65,1.5,0.6,true\n", "exp.csv");
        var c = SimExpComparison.Build(sim, exp);
        var a = c.Points.Single(p => p.Key == "A");
        Assert.Equal(92.0, a.Simulation["E_GPa"].Value, 12);
        Assert.Equal(Math.Sqrt(8.0), a.Simulation["E_GPa"].Error, 12);
        Assert.Equal(2, a.Simulation["E_GPa"].Rows);
        Assert.Equal(0.76, a.Experiment["KIc_MPa_sqrt_m"].Value, 12);
        var b = c.Points.Single(p => p.Key == "B");
        Assert.Equal(1.5, b.Experiment["E_GPa"].Error, 12);   // a single row takes the file's error column
    }

    [Fact]
    public void UnmatchedKeys_AreListed()
    {
        var sim = CsvTable.Parse("glass,KIc_MPa_sqrt_m\nA,0.6\nC,0.5\n", "sim.csv");
        var exp = CsvTable.Parse("glass,KIc_MPa_sqrt_m\nA,0.7\nB,0.8\n", "exp.csv");
        var c = SimExpComparison.Build(sim, exp);
        Assert.Equal(["C"], c.SimOnlyKeys);
        Assert.Equal(["B"], c.ExpOnlyKeys);
        Assert.Single(c.Points);
    }

    [Fact]
    public void NoSharedKey_OrNoSharedQuantity_IsAClearError()
    {
        var sim = CsvTable.Parse("run,KIc_MPa_sqrt_m\nA,0.6\n", "sim.csv");
        var exp = CsvTable.Parse("glass,KIc_MPa_sqrt_m\nA,0.7\n", "exp.csv");
        Assert.Contains("share no composition column", Assert.Throws<LabDataException>(() => SimExpComparison.Build(sim, exp)).Message);
        var sim2 = CsvTable.Parse("glass,strength_GPa\nA,6\n", "sim.csv");
        Assert.Contains("no quantity in both files", Assert.Throws<LabDataException>(() => SimExpComparison.Build(sim2, exp)).Message);
    }

    [Theory]
    [InlineData("KIc_MPa_sqrt_m_exp", "KIc_MPa_sqrt_m", Side.Experiment, false)]
    [InlineData("E_GPa_sd_sim", "E_GPa", Side.Simulation, true)]
    [InlineData("E_GPa_sim_sd", "E_GPa", Side.Simulation, true)]
    [InlineData("youngs_modulus_GPa", "E_GPa", Side.None, false)]
    [InlineData("density_gcm3_exp", "density_g_cm3", Side.Experiment, false)]
    public void ColumnNames_MapToQuantities(string column, string quantity, Side side, bool error)
    {
        var q = QuantityNames.Parse(column);
        Assert.Equal(quantity, q.Quantity);
        Assert.Equal(side, q.Side);
        Assert.Equal(error, q.IsError);
    }
}
