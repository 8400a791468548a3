using System.Text.Json.Nodes;
using FractureLab.Mechanics.IO;

namespace FractureLab.Mechanics.Simulation;

/// <summary>
/// A resume refuses another plan, as LAMMPS's read_restart refuses a changed system: the plan a run starts with is kept
/// next to its checkpoint, and a resume whose plan differs in anything but the keys that may change (how many steps,
/// the back end and thread count, the program version) stops with an error naming each key and both values.
/// </summary>
public static class ResumeCheck
{
    /// <summary>
    /// On a fresh start writes <paramref name="plan"/> to <paramref name="path"/>; on resume compares it with the one there
    /// (a run started before plans were kept has none, and passes).
    /// </summary>
    public static void Apply(string path, JsonObject plan, bool resume, IReadOnlyCollection<string> mayChange)
    {
        if (resume && File.Exists(path))
        {
            JsonNode? stored;
            try { stored = JsonNode.Parse(File.ReadAllText(path)); }
            catch (System.Text.Json.JsonException e) { throw new InputException($"{path}: the stored plan of the run is not valid JSON ({e.Message}); remove the folder to start afresh"); }
            var differences = Differences(stored as JsonObject ?? [], plan, "", mayChange).ToList();
            if (differences.Count > 0)
                throw new InputException($"--resume: this run's plan differs from the one its checkpoint was written with ({path}): {string.Join("; ", differences)}; resume with the same settings, or start afresh in another folder");
        }
        if (!resume || !File.Exists(path)) JsonOutput.Write(path, plan);
    }

    private static IEnumerable<string> Differences(JsonObject stored, JsonObject current, string prefix, IReadOnlyCollection<string> mayChange)
    {
        foreach (var key in stored.Select(kv => kv.Key).Union(current.Select(kv => kv.Key)).Distinct())
        {
            string name = prefix + key;
            if (mayChange.Contains(name)) continue;
            var a = stored[key];
            var b = current[key];
            if (a is JsonObject ao && b is JsonObject bo)
            {
                foreach (var d in Differences(ao, bo, name + ".", mayChange)) yield return d;
                continue;
            }
            string sa = a?.ToJsonString() ?? "(none)", sb = b?.ToJsonString() ?? "(none)";
            if (sa != sb) yield return $"{name} was {sa}, now {sb}";
        }
    }
}
