namespace Sweep.Models.Search;

/// <summary>Seeds for repeats: the first repeat keeps the experiment's seed, later ones are derived from it by SplitMix64.</summary>
public static class SeedSequence
{
    public static int ForRepeat(int seed, int repeat)
    {
        if (repeat == 0)
        {
            return seed;
        }

        var z = ((ulong)(uint)seed << 32) + (ulong)repeat + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }
}
