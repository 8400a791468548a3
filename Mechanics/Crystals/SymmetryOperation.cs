using System.Globalization;

namespace FractureLab.Mechanics.Crystals;

/// <summary>
/// A space-group operation in the CIF form "x, y, z" / "-y, x-y, z+1/2" / "1/3+x, ...": fractional r' = R·r + t
/// (International Tables for Crystallography Vol. A; CIF core dictionary <c>_space_group_symop_operation_xyz</c>).
/// </summary>
public sealed class SymmetryOperation
{
    private readonly double[,] _r = new double[3, 3];
    private readonly double[] _t = new double[3];

    public string Text { get; }

    private SymmetryOperation(string text) => Text = text;

    /// <summary>Parses one operation; null with <paramref name="error"/> when it is not three comma-separated linear expressions in x, y, z.</summary>
    public static SymmetryOperation? Parse(string text, out string? error)
    {
        var op = new SymmetryOperation(text);
        var parts = text.Replace(" ", "").ToLowerInvariant().Split(',');
        error = null;
        if (parts.Length != 3) { error = $"'{text}' has {parts.Length} parts, expected three (x, y, z)"; return null; }
        for (int row = 0; row < 3; row++)
        {
            string e = parts[row];
            if (e.Length == 0) { error = $"'{text}': part {row + 1} is empty"; return null; }
            int i = 0;
            while (i < e.Length)
            {
                double sign = 1;
                if (e[i] is '+' or '-') { sign = e[i] == '-' ? -1 : 1; i++; }
                if (i >= e.Length) { error = $"'{text}': part {row + 1} ends with a sign"; return null; }
                if (e[i] is 'x' or 'y' or 'z')
                {
                    op._r[row, e[i] - 'x'] += sign;
                    i++;
                    continue;
                }
                int start = i;
                while (i < e.Length && (char.IsDigit(e[i]) || e[i] is '.' or '/')) i++;
                string num = e[start..i];
                if (num.Length == 0) { error = $"'{text}': unexpected '{e[i]}' in part {row + 1}"; return null; }
                double value;
                if (num.Contains('/'))
                {
                    var f = num.Split('/');
                    if (f.Length != 2 || !double.TryParse(f[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double p) ||
                        !double.TryParse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double q) || q == 0)
                    { error = $"'{text}': '{num}' is not a fraction"; return null; }
                    value = p / q;
                }
                else if (!double.TryParse(num, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) { error = $"'{text}': '{num}' is not a number"; return null; }
                // a coefficient times a coordinate ("2x") is not a crystallographic operation; a number is a translation
                if (i < e.Length && e[i] is 'x' or 'y' or 'z' || i < e.Length && e[i] == '*') { error = $"'{text}': coefficients other than ±1 are not space-group operations"; return null; }
                op._t[row] += sign * value;
            }
        }
        return op;
    }

    /// <summary>The image of fractional coordinates <paramref name="f"/>, wrapped into [0, 1).</summary>
    public double[] Apply(double[] f)
    {
        var o = new double[3];
        for (int a = 0; a < 3; a++)
        {
            double v = _t[a];
            for (int b = 0; b < 3; b++) v += _r[a, b] * f[b];
            v -= Math.Floor(v);
            o[a] = v >= 1 - 1e-12 ? 0 : v;
        }
        return o;
    }
}
