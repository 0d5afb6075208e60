namespace Sweep.Models.Data;

/// <summary>Copies chosen rows of a sample set into a new one, keeping shared input/target arrays shared.</summary>
internal static class SampleRows
{
    public static SampleSet First(SampleSet samples, int? limit) =>
        limit is { } count && count < samples.Count ? Select(samples, Enumerable.Range(0, count).ToArray()) : samples;

    public static SampleSet Select(SampleSet samples, int[] rows)
    {
        var x = CopyRows(samples.X, samples.Features, rows);
        // An autoencoder's targets are its inputs: one array halves the memory of an image set.
        var y = ReferenceEquals(samples.X, samples.Y) ? x : CopyRows(samples.Y, samples.Targets, rows);
        return new SampleSet(x, y, rows.Length, samples.Features, samples.Targets);
    }

    private static float[] CopyRows(float[] source, int width, int[] rows)
    {
        var copy = new float[rows.Length * width];
        for (var i = 0; i < rows.Length; i++)
        {
            source.AsSpan(rows[i] * width, width).CopyTo(copy.AsSpan(i * width, width));
        }

        return copy;
    }
}
