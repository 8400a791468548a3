namespace FractureLab.Tests.Fracture;

/// <summary>Run and study files on the tiny 192-atom test glass: its [structure] section and the sections a test gives.</summary>
public static class TinyGlassFiles
{
    public static string Write(string name, string sections)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory().FullName, name);
        File.WriteAllText(path, $"""
            [structure]
            data = "{TestData.Data("silica192-glass.data").Replace("\\", "/")}"
            elements = "Si,O"
            {sections}
            """);
        return path;
    }
}
