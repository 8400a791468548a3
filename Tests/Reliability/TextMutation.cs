namespace FractureLab.Tests.Reliability;

/// <summary>
/// Random damage to a valid input file, driven by integers from a property-test generator (so CsCheck shrinks a failure
/// to the fewest, simplest mutations): delete, duplicate or swap lines, replace a token by a hostile one (huge, negative,
/// non-finite, empty, quote, bracket), cut the file short, or change one character.
/// </summary>
public static class TextMutation
{
    private static readonly string[] Hostile =
        ["", "nan", "NaN", "inf", "-inf", "-1", "0", "-0", "1e308", "1e-320", "2147483648", "-2147483649", "9999999999999999999999", "abc", "\"", "[", "]", "=", "#", ",", "1,2", "é"];

    public static string Apply(string text, IEnumerable<int> seeds)
    {
        foreach (int seed in seeds) text = Once(text, seed);
        return text;
    }

    private static string Once(string text, int seed)
    {
        var rng = new Random(seed);
        var lines = text.Split('\n').ToList();
        if (lines.Count == 0) return text;
        int i = rng.Next(lines.Count);
        switch (rng.Next(7))
        {
            case 0: lines.RemoveAt(i); break;
            case 1: lines.Insert(i, lines[i]); break;
            case 2: { int j = rng.Next(lines.Count); (lines[i], lines[j]) = (lines[j], lines[i]); break; }
            case 3 or 4:
            {
                var tokens = lines[i].Split(' ');
                tokens[rng.Next(tokens.Length)] = Hostile[rng.Next(Hostile.Length)];
                lines[i] = string.Join(' ', tokens);
                break;
            }
            case 5: return text[..rng.Next(text.Length + 1)];
            default:
            {
                if (text.Length == 0) return text;
                int k = rng.Next(text.Length);
                return text[..k] + (char)rng.Next(32, 127) + text[(k + 1)..];
            }
        }
        return string.Join('\n', lines);
    }
}
