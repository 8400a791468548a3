namespace FractureLab.Mechanics.Backends;

/// <summary>The back ends a user can choose explicitly.</summary>
public enum BackendKind
{
    Reference,
    Simd,
}

public static class BackendFactory
{
    public static IPairBackend Create(BackendKind kind, int threads = 0) => kind switch
    {
        BackendKind.Reference => new ReferenceBackend(),
        _ => new SimdBackend(threads <= 0 ? Environment.ProcessorCount : threads),
    };
}
