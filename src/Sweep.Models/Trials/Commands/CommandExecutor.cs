using System.Diagnostics;
using Sweep.Models.Results;
using Sweep.Models.Search;
using Sweep.Models.Training;

namespace Sweep.Models.Trials.Commands;

/// <summary>
/// Runs a trial as the user's own program: one process (in a session and process group of its own) per
/// trial, its epochs read from stdout or its metrics file as they come, judged by the same divergence and
/// patience rules as the built-in engine, its other output kept in the trial's folder. Every way a trial
/// ends (the program exits, a time limit, divergence, patience, cancellation) ends its whole process group.
/// </summary>
/// <param name="trialsFolder">The folder that holds one folder per trial, named by trial id.</param>
public sealed partial class CommandExecutor(string trialsFolder) : ITrialExecutor
{
    /// <summary>How often the metrics file and the clocks are looked at when the program is quiet.</summary>
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);

    /// <summary>How long output may still arrive after the program's group is gone (a process outside it holding the pipe).</summary>
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(2);

    /// <remarks>The thread budget is ignored: the program decides how many threads it uses.</remarks>
    public TrialResult Run(TrialPlan trial, ThreadBudget threads, Action<EpochRecord>? onEpoch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var started = Stopwatch.GetTimestamp();
        var command = TrialCommand.For(trial, Path.Combine(trialsFolder, trial.Id));
        var trainer = trial.Configuration.Trainer!;
        Directory.CreateDirectory(command.TrialDirectory);
        // A resumed trial starts over: an earlier attempt's metrics would replay as this one's epochs.
        File.Delete(command.MetricsFile);
        using var run = new TrialRun(trial, command, trainer, onEpoch);
        var outcome = run.Execute(cancellationToken);
        return new TrialResult(trial.Id, outcome.Status, [.. run.Epochs], outcome.Error, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>How a run ended: its status and, unless it completed, why.</summary>
    private readonly record struct Outcome(TrialStatus Status, string? Error);

    /// <summary>A line of the program's stdout or stderr, null text being the end of that stream; or a wake-up call.</summary>
    private readonly record struct OutputLine(OutputSource Source, string? Text);

    private enum OutputSource
    {
        Wake,
        Stdout,
        Stderr,
    }
}
