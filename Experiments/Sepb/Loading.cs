namespace FractureLab.Experiments.Sepb;

/// <summary>Flexure fixture of an SEPB test: <c>3pt</c> or <c>4pt</c> in the specimen sheet.</summary>
public enum Loading { ThreePoint, FourPoint }

public static class LoadingNames
{
    public static string ToSheet(this Loading l) => l == Loading.ThreePoint ? "3pt" : "4pt";

    public static bool TryParse(string text, out Loading loading)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "3pt": case "3": case "three-point": case "3-point": loading = Loading.ThreePoint; return true;
            case "4pt": case "4": case "four-point": case "4-point": loading = Loading.FourPoint; return true;
            default: loading = default; return false;
        }
    }
}
