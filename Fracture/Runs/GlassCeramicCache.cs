using System.Security.Cryptography;
using System.Text;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Builders;
using FractureLab.Mechanics.IO;
using FractureLab.Mechanics.Simulation;

namespace FractureLab.Fracture.Runs;

/// <summary>
/// The glass-ceramic of a run file, built once and read back: every pull of a study, each Slurm task and a resumed run
/// with the same glass, grains, force field and seed share one folder <c>ROOT/glass-ceramic-sSEED-KEY</c> (KEY: the first
/// 12 hex digits of the SHA-256 of the recipe and of the glass's atoms), holding build-glass-ceramic's files
/// (glass-ceramic.data, grains.csv with the grain and region of every atom id, glass-ceramic.json) and recipe.txt, written
/// last, which marks the build complete. A process that finds another building it waits for it (<see cref="FolderLock"/>).
/// </summary>
public static class GlassCeramicCache
{
    public const string DataFile = "glass-ceramic.data", GroupsFile = "grains.csv", RecipeFile = "recipe.txt";

    public sealed record Built(AtomSystem System, string Dir, bool FromCache);

    public static Built Load(GlassCeramicSpec spec, AtomSystem glass, string glassSource, int[]? replicate, string forceField, int seed, string root,
        ProgressRunner progress)
    {
        string recipe = $"glass = {glassSource}\nforcefield = {forceField}\nseed = {seed}\ngrains_in_box = {spec.Grains(replicate)}\n{spec.ToToml(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))}";
        string dir = Path.Combine(root, $"glass-ceramic-s{seed}-{Key(recipe, glass)}");
        string marker = Path.Combine(dir, RecipeFile), data = Path.Combine(dir, DataFile);
        Built? Finished() => File.Exists(marker) && File.Exists(data) ? new Built(ReadBuilt(data, glass), dir, true) : null;
        if (Finished() is { } done) return done; // read without the lock, so a finished build in a read-only folder serves too
        using (FolderLock.Acquire(dir, TimeSpan.FromHours(2)))
        {
            // another process may have built it while this one waited for the lock
            if (Finished() is { } built) return built;
            var build = new GlassCeramicBuild.Recipe(glassSource, spec.Crystal(forceField, seed), spec.Settings(replicate, seed), forceField, spec.RelaxK, spec.RelaxPs);
            var result = GlassCeramicBuild.Build(build, threads: 0, dir, progress, glass);
            AtomicFile.Write(marker, w => w.Write(recipe));
            return new Built(result.System, dir, false);
        }
    }

    /// <summary>
    /// The built glass-ceramic: its types are the glass's, and with a core-shell force field the shells' after them, as the
    /// Masses comments of the file written by the build name them.
    /// </summary>
    private static AtomSystem ReadBuilt(string data, AtomSystem glass)
    {
        var built = LammpsDataReader.Read(data);
        if (!built.TypeElements.Take(glass.TypeCount).SequenceEqual(glass.TypeElements))
            throw new Mechanics.InputException($"{data}: atom types {string.Join(", ", built.TypeElements)} do not start with the glass's {string.Join(", ", glass.TypeElements)}; delete the folder to build it again");
        return built;
    }

    /// <summary>12 hex digits of the SHA-256 of the recipe text and of the glass (types and positions to the bit).</summary>
    private static string Key(string recipe, AtomSystem glass)
    {
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        h.AppendData(Encoding.UTF8.GetBytes(recipe));
        foreach (var column in new[] { glass.X, glass.Y, glass.Z, glass.Box.Lo, glass.Box.Hi })
            foreach (double v in column) h.AppendData(BitConverter.GetBytes(v));
        foreach (int t in glass.Type) h.AppendData(BitConverter.GetBytes(t));
        return Convert.ToHexString(h.GetHashAndReset())[..12].ToLowerInvariant();
    }
}
