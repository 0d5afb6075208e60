using System.Diagnostics;

namespace Sweep.Bench;

/// <summary>Times a body by the median of many samples, so a stray GC or interrupt moves nothing.</summary>
internal static class MedianTimer
{
    private const int Samples = 41;
    private static readonly TimeSpan WarmUp = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan SampleLength = TimeSpan.FromMilliseconds(4);

    /// <summary>Returns the median and the fastest seconds of one call of <paramref name="iterations"/>'s body.</summary>
    /// <param name="iterations">Runs the body the given number of times; looping inside keeps delegate calls out of tiny timings.</param>
    public static Timing Measure(Action<int> iterations)
    {
        // Long enough for tiered compilation to reach its optimised code before any sample counts.
        int perSample = 1;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < WarmUp)
        {
            var sample = Stopwatch.StartNew();
            iterations(perSample);
            if (sample.Elapsed < SampleLength)
            {
                perSample *= 2;
            }
        }

        var seconds = new double[Samples];
        for (int s = 0; s < Samples; s++)
        {
            long start = Stopwatch.GetTimestamp();
            iterations(perSample);
            seconds[s] = Stopwatch.GetElapsedTime(start).TotalSeconds / perSample;
        }

        Array.Sort(seconds);
        return new Timing(seconds[Samples / 2], seconds[0]);
    }
}
