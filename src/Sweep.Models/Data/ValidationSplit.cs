namespace Sweep.Models.Data;

/// <summary>
/// Holds out a seeded random fraction of the samples for validation. Both parts keep the samples' original
/// relative order, so training without shuffling still sees them in file order.
/// </summary>
internal static class ValidationSplit
{
    // The split draws from its own stream so that it is not correlated with a synthetic generator that
    // starts from the same seed (otherwise the held-out samples would depend on their own values).
    private const int StreamSalt = 0x5A17D1CE;

    public static (SampleSet Train, SampleSet? Validation) Split(SampleSet samples, double fraction, int seed)
    {
        var held = HeldOutCount(samples.Count, fraction);
        if (held == 0)
        {
            return (samples, null);
        }

        var order = Enumerable.Range(0, samples.Count).ToArray();
        Shuffle(order, new Random(seed ^ StreamSalt));

        var isHeldOut = new bool[samples.Count];
        foreach (var row in order.AsSpan(samples.Count - held))
        {
            isHeldOut[row] = true;
        }

        var train = Enumerable.Range(0, samples.Count).Where(row => !isHeldOut[row]).ToArray();
        var validation = Enumerable.Range(0, samples.Count).Where(row => isHeldOut[row]).ToArray();
        return (SampleRows.Select(samples, train), SampleRows.Select(samples, validation));
    }

    // Written out rather than Random.Shuffle so that the split cannot change with the runtime's implementation.
    private static void Shuffle(int[] order, Random random)
    {
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    /// <summary>round(n · fraction), but at least one sample on each side when a fraction is asked for.</summary>
    public static int HeldOutCount(int count, double fraction)
    {
        if (fraction <= 0)
        {
            return 0;
        }

        if (count < 2)
        {
            throw DataLoadException.AtKey("data.validation", FormattableString.Invariant($"cannot hold out a fraction of {count} sample(s); give at least 2 samples or set validation: 0"));
        }

        var held = (int)Math.Round(count * fraction, MidpointRounding.AwayFromZero);
        return Math.Clamp(held, 1, count - 1);
    }
}
