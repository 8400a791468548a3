namespace FractureLab.Mechanics.Backends;

/// <summary>Whether a pair loop tallies energies and the virial: a compile-time constant per instantiation, so the forces-only loop carries none of it.</summary>
internal interface ITally { static abstract bool On { get; } }
internal struct WithTotals : ITally { public static bool On => true; }
internal struct ForcesOnly : ITally { public static bool On => false; }
