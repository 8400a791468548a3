using FractureLab.Mechanics;

using FractureLab.Mechanics.Units;

namespace FractureLab.Fracture.Protocols;

/// <summary>
/// The three loading protocols of SCIENCE.md §2: A stress-free lateral (lateral axes barostatted to zero
/// stress, constant engineering strain rate; the default), B fixed lateral lengths at constant velocity, C
/// stepwise quasi-static (strain increment, minimize, NVT hold).
/// </summary>
public enum TensileProtocol { A, B, C }

/// <summary>
/// Settings of a tensile run. Strain rate in 1/s (MD: 1e8-1e10), temperature in K, time in ps. The stress
/// recorded every <see cref="RecordEveryStrain"/> is the mean over the steps since the last record. The run
/// stops at <see cref="MaxStrain"/> or once the sample has separated: the stress stayed below
/// <see cref="SeparationFraction"/>·σ_max over a strain span of <see cref="SeparationSpan"/> after the peak.
/// </summary>
public sealed record TensileSettings(
    TensileProtocol Protocol = TensileProtocol.A,
    int Axis = 2,
    double StrainRatePerS = 1e10,
    double TemperatureK = 300,
    double MaxStrain = 0.5,
    double RecordEveryStrain = 0.002,
    double TimestepFs = 1.0,
    double StepStrain = 0.01,
    double HoldPs = 2.0,
    double SeparationFraction = 0.1,
    double SeparationSpan = 0.03,
    double TDampPs = 0.1,
    double PDampPs = 1.0)
{
    /// <summary>Strain rate in 1/ps (1e10 1/s = 0.01 1/ps).</summary>
    public double StrainRatePerPs => StrainRatePerS * 1e-12;

    public void Check()
    {
        if (Axis is < 0 or > 2) throw new InputException($"tension: axis {Axis} is not x, y or z");
        if (!(StrainRatePerS > 0)) throw new InputException($"tension: strain rate {StrainRatePerS} 1/s must be positive");
        if (!(TemperatureK > 0)) throw new InputException($"tension: temperature {TemperatureK} K must be positive");
        if (!(MaxStrain > 0)) throw new InputException($"tension: max strain {MaxStrain} must be positive");
        if (!(RecordEveryStrain > 0 && RecordEveryStrain < MaxStrain)) throw new InputException($"tension: record interval {RecordEveryStrain} must be positive and below the max strain");
        if (!(TimestepFs > 0)) throw new InputException($"tension: timestep {TimestepFs} fs must be positive");
        if (Protocol == TensileProtocol.C && !(StepStrain > 0 && HoldPs > 0)) throw new InputException("tension: protocol C needs a positive strain step and hold time");
    }

    /// <summary>Steps between records for protocols A and B: the record strain over the strain per step.</summary>
    public long StepsPerRecord => Math.Max(1, (long)Math.Round(RecordEveryStrain / (StrainRatePerPs * TimestepFs * MetalUnits.Femtosecond)));
}
