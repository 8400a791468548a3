using System.Text.Json.Nodes;

namespace FractureLab.Mechanics.IO;

/// <summary>The output folder of a lab command: every file written atomically, file names made safe from specimen ids.</summary>
public sealed class LabOutput(string folder)
{
    public string Folder { get; } = folder;

    public string Text(string name, Action<TextWriter> write)
    {
        string path = Path.Combine(Folder, name);
        AtomicFile.Write(path, write);
        return path;
    }

    public string Json(string name, JsonObject obj)
    {
        string path = Path.Combine(Folder, name);
        JsonOutput.Write(path, obj);
        return path;
    }

    public string Png(string name, byte[] png)
    {
        string path = Path.Combine(Folder, name);
        AtomicFile.WriteBytes(path, s => s.Write(png));
        return path;
    }

    /// <summary>A file name from free text (a specimen id or quantity): letters, digits, '-', '_' and '.', the rest '_'.</summary>
    public static string SafeName(string text) =>
        new(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
}
