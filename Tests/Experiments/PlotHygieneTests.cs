using FractureLab.Experiments.Plots;
using FractureLab.Experiments.Sepb;
using OxyPlot.Legends;

namespace FractureLab.Tests.Experiments;

/// <summary>Issue 20.9: legends sit outside the plot area, so they cover no data; the SEPB K_Ic figure names specimens by their sheet id.</summary>
public class PlotHygieneTests
{
    [Fact]
    public void Legend_IsOutsideThePlotArea()
    {
        var legend = Assert.Single(PlotExport.NewModel("t", "x", "y").Legends);
        Assert.Equal(LegendPlacement.Outside, legend.LegendPlacement);
    }

    [Fact]
    public void SepbKIcFigure_LabelsSpecimensById()
    {
        var red = SepbReducer.Reduce(SpecimenSheet.Read(TestData.Example("sepb/sheet.csv")));
        var axis = SepbPlots.KIc(red).Axes[0];
        for (int i = 0; i < red.Results.Count; i++) Assert.Equal(red.Results[i].Specimen.Id, axis.LabelFormatter(i + 1));
        Assert.Equal("", axis.LabelFormatter(1.5));
        Assert.Equal("K_Ic (MPa·m^0.5)", SepbPlots.KIc(red).Axes[1].Title);
    }
}
