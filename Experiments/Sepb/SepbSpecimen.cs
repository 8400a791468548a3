namespace FractureLab.Experiments.Sepb;

/// <summary>
/// One row of the specimen sheet, lengths in mm and load in N as written. Values the sheet leaves empty are
/// null; their absence makes the specimen invalid, not the sheet unreadable.
/// </summary>
/// <param name="Line">Line of the sheet the row came from (1-based).</param>
/// <param name="WidthBMm">B, the specimen width, mm.</param>
/// <param name="DepthWMm">W, the depth in the loading direction, mm.</param>
/// <param name="OuterSpanMm">S, the (outer) support span, mm.</param>
/// <param name="InnerSpanMm">S_i, the inner span of four-point flexure, mm.</param>
/// <param name="CrackReadingsMm">Crack-length readings a1, a2, a3 (at B/4, B/2, 3B/4), mm.</param>
/// <param name="PmaxN">Peak load from the sheet, N.</param>
/// <param name="Curve">Load-displacement file named by the sheet, relative to the sheet's folder.</param>
/// <param name="Extra">Columns the sheet has beyond the standard ones, passed through to the results.</param>
public sealed record SepbSpecimen(
    int Line,
    string Id,
    Loading Loading,
    double? WidthBMm,
    double? DepthWMm,
    double? OuterSpanMm,
    double? InnerSpanMm,
    IReadOnlyList<double?> CrackReadingsMm,
    double? PmaxN,
    string? Curve,
    IReadOnlyList<KeyValuePair<string, string>> Extra);
