namespace FractureLab.Experiments;

/// <summary>
/// Bad lab input (a sheet, curve or result file that cannot be read). The message names the file and,
/// where known, the line and column, so the command line can print it as one line and exit with 1.
/// </summary>
public sealed class LabDataException(string message) : Exception(message);
