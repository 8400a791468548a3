using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FractureLab.Mechanics.IO;

/// <summary>Writes JSON results atomically, indented, with round-trip doubles.</summary>
public static class JsonOutput
{
    /// <summary>A number for a JSON result: the value when finite, else null (JSON has no NaN or infinity).</summary>
    public static JsonNode? Number(double? v) => v is { } x && double.IsFinite(x) ? JsonValue.Create(x) : null;

    // Relaxed escaping: results are files for people and scripts, not HTML, so "+", "→" and "Å" stay as written.
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(string path, JsonObject obj) =>
        AtomicFile.Write(path, w => w.Write(obj.ToJsonString(Options)));
}
