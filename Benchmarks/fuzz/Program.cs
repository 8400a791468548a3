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
    public static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: fracturelab-fuzz TARGET [--replay FILE...]; targets: the keys of Fracture/Inputs/InputFileReaders");
            return 2;
        }
        string name = args[0];
        string dir = Directory.CreateTempSubdirectory("fracturelab-fuzz").FullName;
        // Instrumented code (the readers, their table included) may run only inside Fuzzer.OutOfProcess.Run, once afl-fuzz's
        // coverage map is attached: the target is looked up on the first input, not before.
        (string FileName, Action<string> Read)? target = null;
        void Once(byte[] bytes)
        {
            target ??= InputFileReaders.All.TryGetValue(name, out var t) ? t
                : throw new ArgumentException($"unknown target '{name}'; targets: {string.Join(", ", InputFileReaders.All.Keys)}");
            string path = Path.Combine(dir, target.Value.FileName);
            File.WriteAllBytes(path, bytes);
            try { target.Value.Read(path); }
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
