namespace FractureLab.Mechanics.IO;

/// <summary>The check every reader makes before it opens an input file: it exists and is a file (a folder is named as a folder).</summary>
public static class InputFiles
{
    /// <summary>Throws naming <paramref name="path"/> and what it should have been (<paramref name="what"/>, e.g. "data file").</summary>
    public static void Require(string path, string what)
    {
        if (Directory.Exists(path)) throw new InputException($"{what} '{path}' is a folder, not a file");
        if (!File.Exists(path)) throw new InputException($"{what} '{path}' does not exist");
    }
}
