namespace FractureLab.Mechanics;

/// <summary>
/// "Did you mean" for misspelt keys, sections and choices of every input file (Levenshtein edit distance), and the
/// check that refuses unknown keys with it.
/// </summary>
public static class KeySuggestions
{
    /// <summary>" (did you mean 'x'?)" for the known word nearest to <paramref name="word"/> within an edit distance of 2 (or a third of its length), else "".</summary>
    public static string Suggest(string word, IEnumerable<string> known)
    {
        var best = known.Select(k => (k, d: EditDistance(word.ToLowerInvariant(), k.ToLowerInvariant()))).OrderBy(p => p.d).FirstOrDefault();
        return best.k is not null && best.d <= Math.Max(2, word.Length / 3) ? $" (did you mean '{best.k}'?)" : "";
    }

    /// <summary>Throws naming <paramref name="source"/> and the first key of <paramref name="keys"/> not in <paramref name="known"/>.</summary>
    public static void Only(string source, IEnumerable<string> keys, string prefix, IReadOnlyCollection<string> known)
    {
        foreach (var k in keys)
            if (!known.Contains(k)) throw new InputException($"{source}: unknown key '{prefix}{k}'{Suggest(k, known)} (known: {string.Join(", ", known)})");
    }

    /// <summary>Levenshtein distance (insertions, deletions, substitutions).</summary>
    public static int EditDistance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
