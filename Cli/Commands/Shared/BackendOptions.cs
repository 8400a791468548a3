using FractureLab.Mechanics.Engines;
using System.CommandLine;
using FractureLab.Mechanics.Backends;

namespace FractureLab.Cli.Commands;

/// <summary><c>--backend reference|simd|gpu</c>, <c>--threads N</c>, <c>--device auto|cuda|opencl|cpu</c> and <c>--precision double|mixed</c>, shared by eval, md, run and campaign.</summary>
public sealed class BackendOptions
{
    public Option<string> Backend { get; } = new("--backend") { Description = "reference, simd or gpu (ILGPU)", DefaultValueFactory = _ => "simd" };
    public Option<int> Threads { get; } = new("--threads") { Description = "threads for the simd back end (0 = all cores)", DefaultValueFactory = _ => 0 };
    public Option<string> Device { get; } = new("--device") { Description = "accelerator of the gpu back end: auto (CUDA, then OpenCL, then ILGPU's CPU accelerator), cuda, opencl or cpu", DefaultValueFactory = _ => "auto" };

    public Option<string> Precision { get; } = new("--precision") { Description = "pair arithmetic: double, or mixed (simd: float32 pair terms in twice the lanes, double sums; gpu: float32 positions in the pair kernel, double pair terms and sums)", DefaultValueFactory = _ => "double" };

    public Option<string> Layout { get; } = new("--pair-layout") { Description = "simd pair loop: auto (the faster for the precision), rows (atom list, compacted rows) or clusters (cluster-pair list, Páll & Hess 2013)", DefaultValueFactory = _ => "auto" };

    public void AddTo(Command c)
    {
        c.Options.Add(Precision);
        c.Options.Add(Layout);
        c.Options.Add(Backend);
        c.Options.Add(Threads);
        c.Options.Add(Device);
    }

    public BackendChoice Choice(ParseResult p)
    {
        int threads = p.GetValue(Threads);
        if (threads < 0) throw new FractureLab.Mechanics.InputException($"--threads {threads}: give 0 (all cores) or a positive number of threads");
        return BackendChoice.Parse(p.GetValue(Backend)!, threads, p.GetValue(Device)!, p.GetValue(Precision)!, p.GetValue(Layout)!);
    }
}
