namespace FractureLab.Mechanics.IO;

/// <summary>Writes a file atomically: to a temporary file beside it, then renamed over the target, so a crash never leaves half a result.</summary>
public static class AtomicFile
{
    public static void Write(string path, Action<TextWriter> write)
    {
        string full = Path.GetFullPath(path);
        string? dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        string tmp = full + ".tmp" + Environment.ProcessId;
        using (var w = new StreamWriter(tmp)) write(w);
        File.Move(tmp, full, overwrite: true);
    }

    public static void WriteBytes(string path, Action<Stream> write)
    {
        string full = Path.GetFullPath(path);
        string? dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        string tmp = full + ".tmp" + Environment.ProcessId;
        using (var s = File.Create(tmp)) write(s);
        File.Move(tmp, full, overwrite: true);
    }
}
