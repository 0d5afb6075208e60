using System.Collections.Immutable;
using Sweep.Models.Results;

namespace Sweep.Models.Tests.Selection;

/// <summary>Hand-made loss curves of seed 002's four kinds, as epoch records.</summary>
internal static class Curves
{
    public static ImmutableArray<EpochRecord> Of(IEnumerable<double> losses) =>
        [.. losses.Select((loss, i) => new EpochRecord(i + 1, loss, null, null, 0.01, 1, 1, 0))];

    /// <summary>An exponential fall from 1 towards <paramref name="floor"/> at <paramref name="rate"/> per epoch.</summary>
    public static ImmutableArray<EpochRecord> Falling(int epochs, double rate, double floor = 0) =>
        Of(Enumerable.Range(0, epochs).Select(t => floor + ((1 - floor) * Math.Exp(-rate * t))));

    /// <summary>A fast fall to <paramref name="level"/>, then a zigzag of ±<paramref name="swing"/> around it.</summary>
    public static ImmutableArray<EpochRecord> Zigzag(int epochs, double level, double swing) =>
        Of(Enumerable.Range(0, epochs).Select(t => t < 10 ? 1 - ((1 - level) * t / 10) : level * (1 + (t % 2 == 0 ? swing : -swing))));

    /// <summary>
    /// Training and validation losses of a model that overfits: the training loss falls from 1 by 5% an epoch; the
    /// validation loss falls with it to 0.3 at epoch <paramref name="turn"/>, then follows <paramref name="after"/>
    /// (epochs counted from the turn).
    /// </summary>
    public static ImmutableArray<EpochRecord> Overfitting(int epochs, int turn, Func<int, double> after) =>
        [.. Enumerable.Range(0, epochs).Select(t => new EpochRecord(
            t + 1, Math.Pow(0.95, t), t <= turn ? 0.3 + (0.7 * (turn - t) / turn) : after(t - turn), null, 0.01, 1, 1, 0))];
}
