using System.Diagnostics;

namespace Sweep.Models.Training;

/// <summary>
/// Where training spends its time, phase by phase, summed per thread: the engine benchmark's breakdown.
/// Off unless the process turns on the <see cref="Switch"/> before the first training step; the flag is
/// read once into a static read-only field, so the optimised code of an ordinary run folds every call here
/// to nothing.
/// </summary>
internal static class TrainingPhaseTimes
{
    /// <summary>The AppContext switch that turns the breakdown on.</summary>
    public const string Switch = "Sweep.Training.PhaseTimes";

    private static readonly int PhaseCount = Enum.GetValues<TrainingPhase>().Length;

    /// <summary>Ticks per phase: training's first, then validation's.</summary>
    [ThreadStatic]
    private static long[]? t_ticks;

    [ThreadStatic]
    private static bool t_validating;

    public static bool Enabled { get; } = AppContext.TryGetSwitch(Switch, out var on) && on;

    /// <summary>A timestamp to lap from; 0 when the breakdown is off.</summary>
    public static long Start() => Enabled ? Stopwatch.GetTimestamp() : 0;

    /// <summary>Adds the time since <paramref name="since"/> to <paramref name="phase"/> and restarts the lap.</summary>
    public static void Lap(TrainingPhase phase, ref long since)
    {
        if (!Enabled)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        var ticks = t_ticks ??= new long[2 * PhaseCount];
        ticks[(t_validating ? PhaseCount : 0) + (int)phase] += now - since;
        since = now;
    }

    /// <summary>Counts the phases that follow as validation's until set back to false.</summary>
    public static void SetValidating(bool validating)
    {
        if (Enabled)
        {
            t_validating = validating;
        }
    }

    /// <summary>The seconds of each phase on this thread since the last call, training's and validation's; then starts again from zero.</summary>
    public static (TrainingPhase Phase, double Training, double Validation)[] Take()
    {
        var ticks = t_ticks ?? new long[2 * PhaseCount];
        t_ticks = null;
        return Enum.GetValues<TrainingPhase>()
            .Select(phase => (phase, Seconds(ticks[(int)phase]), Seconds(ticks[PhaseCount + (int)phase])))
            .ToArray();
    }

    private static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;
}
