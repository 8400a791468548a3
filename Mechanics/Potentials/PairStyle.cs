namespace FractureLab.Mechanics.Potentials;

/// <summary>The short-range functional forms a force field may use for a pair of elements.</summary>
public enum PairStyle
{
    None,
    Buckingham,
    MorsePedone,
    CoreBuckingham,
    LennardJones,
    Born,
}
