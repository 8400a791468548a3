using FractureLab.Experiments;
using FractureLab.Fracture.Inputs;
using FractureLab.Mechanics;
using SharpFuzz;
namespace FractureLab.Fuzz;

/// <summary>
/// One reader per target, fed the bytes afl-fuzz makes (SharpFuzz, out of process): the program's input errors
/// (<see cref="InputException"/>, <see cref="LabDataException"/>) are the expected way to refuse a file, anything else
/// escapes and afl-fuzz records the input as a crash. <c>fracturelab-fuzz TARGET</c> under afl-fuzz;
/// <c>fracturelab-fuzz TARGET --replay FILE...</c> runs saved inputs once each and prints what they raise (to turn a
/// crash into a test).
/// </summary>
public static class Program
{
    private static readonly IReadOnlyDictionary<string, (string FileName, Action<string> Read)> Targets = InputFileReaders.All;

    public static int Main(string[] args)
    {
        if (args.Length == 0 || !Targets.TryGetValue(args[0], out var target))
        {
            Console.Error.WriteLine($"usage: fracturelab-fuzz TARGET [--replay FILE...]; targets: {string.Join(", ", Targets.Keys)}");
            return 2;
        }
        string dir = Directory.CreateTempSubdirectory("fracturelab-fuzz").FullName;
        string path = Path.Combine(dir, target.FileName);
        void Once(byte[] bytes)
        {
            File.WriteAllBytes(path, bytes);
            try { target.Read(path); }
            catch (Exception e) when (e is InputException or LabDataException) { }
        }
        if (args.Length > 1 && args[1] == "--replay")
        {
            int crashes = 0;
            foreach (var file in args.Skip(2))
                try { Once(File.ReadAllBytes(file)); Console.WriteLine($"{file}: read or refused cleanly"); }
                catch (Exception e) { crashes++; Console.WriteLine($"{file}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}"); }
            return crashes == 0 ? 0 : 1;
        }
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var ms = new MemoryStream();
            stream.CopyTo(ms);
            Once(ms.ToArray());
        });
        return 0;
    }
}
