namespace FractureLab.Mechanics.IO;

/// <summary>
/// A lock on a folder between processes (Slurm tasks that share a study's uncracked pull or a built structure): an
/// exclusively opened <c>.lock</c> file, deleted when released. Waits while another process holds it, so the second
/// process finds the first one's finished files instead of failing or building them again.
/// </summary>
public static class FolderLock
{
    /// <summary>Takes the lock of <paramref name="dir"/>, polling every <paramref name="pollMs"/> ms for at most <paramref name="timeout"/>.</summary>
    public static IDisposable Acquire(string dir, TimeSpan timeout, int pollMs = 500)
    {
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, ".lock");
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose); }
            catch (IOException) when (DateTime.UtcNow < deadline) { Thread.Sleep(pollMs); }
            catch (IOException e) { throw new InputException($"{dir}: another process has held {path} for over {timeout.TotalMinutes:F0} min ({e.Message}); if none runs, delete the file"); }
        }
    }
}
