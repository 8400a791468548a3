using System.Text.Json;
using System.Text.Json.Nodes;

namespace FractureLab.Mechanics.IO;

/// <summary>Writes JSON results atomically, indented, with round-trip doubles.</summary>
public static class JsonOutput
{
    public static void Write(string path, JsonObject obj) =>
        AtomicFile.Write(path, w => w.Write(obj.ToJsonString(new JsonSerializerOptions { WriteIndented = true })));
}
