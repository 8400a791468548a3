namespace FractureLab.Mechanics.Gpu;

/// <summary>Which ILGPU accelerator the Gpu back end runs on: auto picks CUDA, then OpenCL, then ILGPU's CPU accelerator.</summary>
public enum GpuDeviceKind
{
    Auto,
    Cuda,
    OpenCL,
    Cpu,
}

public static class GpuDeviceKinds
{
    /// <summary>Parses the value of <c>--device</c>; the message names the option and the accepted values.</summary>
    public static GpuDeviceKind Parse(string text) => text.ToLowerInvariant() switch
    {
        "auto" => GpuDeviceKind.Auto,
        "cuda" => GpuDeviceKind.Cuda,
        "opencl" => GpuDeviceKind.OpenCL,
        "cpu" => GpuDeviceKind.Cpu,
        _ => throw new InputException($"--device '{text}': expected auto, cuda, opencl or cpu"),
    };
}
