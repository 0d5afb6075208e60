namespace Sweep.Models.Validation;

/// <summary>Did-you-mean hints: the closest allowed word by edit distance, when it is close enough to be a typo.</summary>
public static class Suggestions
{
    /// <summary>"; did you mean 'x'?" or the empty string.</summary>
    public static string DidYouMean(string word, IEnumerable<string> allowed)
    {
        var best = Closest(word, allowed);
        return best is null ? "" : $"; did you mean '{best}'?";
    }

    public static string? Closest(string word, IEnumerable<string> allowed)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in allowed)
        {
            var distance = Distance(word.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        // A third of the word's length in edits still reads as a typo; more is a different word.
        return bestDistance <= Math.Max(2, word.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
