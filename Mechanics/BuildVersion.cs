using System.Reflection;

namespace FractureLab.Mechanics;

/// <summary>The program's version with the commit it was built from (e.g. "0.1.0+2656ec0..."), as <c>--version</c> prints it; written into every plan.json and log.</summary>
public static class BuildVersion
{
    public static string Text { get; } =
        typeof(BuildVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(BuildVersion).Assembly.GetName().Version?.ToString() ?? "unknown";
}
