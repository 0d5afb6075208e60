using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Sweep.Models.Experiments;

/// <summary>
/// The user's own training program, run once per trial instead of the built-in engine. The command, its
/// folder, its environment and its metrics format are part of each trial's identity, as written (with
/// placeholders unexpanded); the time limits are not, since they do not change what a finished trial means.
/// </summary>
/// <param name="Command">The program and its arguments; with <paramref name="Shell"/>, one line for /bin/sh -c.</param>
/// <param name="Shell">True when the command was written as one string, which runs through /bin/sh -c.</param>
/// <param name="WorkingDirectory">The folder the program starts in, as written (relative to the experiment file's folder).</param>
/// <param name="Environment">Variables added to the program's environment; values may hold placeholders.</param>
/// <param name="Metrics">How the program reports its epochs.</param>
public sealed record TrainerDefinition(
    ImmutableArray<string> Command,
    bool Shell,
    string WorkingDirectory,
    ImmutableSortedDictionary<string, string> Environment,
    MetricsFormat Metrics)
{
    /// <summary>The whole trial's limit; past it the program is stopped and the trial fails.</summary>
    [JsonIgnore]
    public TimeSpan? Timeout { get; init; }

    /// <summary>The longest the program may go without writing a line; past it the trial is stopped and fails.</summary>
    [JsonIgnore]
    public TimeSpan? IdleTimeout { get; init; }

    /// <summary>How long a stopped program has between SIGTERM and SIGKILL.</summary>
    [JsonIgnore]
    public TimeSpan KillGrace { get; init; } = DefaultKillGrace;

    public static TimeSpan DefaultKillGrace { get; } = TimeSpan.FromSeconds(10);

    // ImmutableArray and ImmutableSortedDictionary compare by reference; two definitions read from the same
    // text must be equal.
    public bool Equals(TrainerDefinition? other) =>
        other is not null && Command.SequenceEqual(other.Command) && Shell == other.Shell &&
        WorkingDirectory == other.WorkingDirectory && Environment.SequenceEqual(other.Environment) &&
        Metrics == other.Metrics && Timeout == other.Timeout && IdleTimeout == other.IdleTimeout && KillGrace == other.KillGrace;

    public override int GetHashCode() => HashCode.Combine(Command.Length, Shell, WorkingDirectory, Metrics);
}
