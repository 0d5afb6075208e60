using System.Globalization;
using Serilog;
using Sweep.Models.Results;
using Sweep.Models.Search;

namespace Sweep.Runner.Progress;

/// <summary>
/// One log event per trial: started (debug), and finished with its outcome and how many of the sweep's
/// trials are done; a finished range test says why it ended and which rate it suggests. This is what a CI
/// log or a redirected output shows, and what the log file keeps.
/// </summary>
internal sealed class PlainProgress(ILogger log, int total, int finished) : ISweepProgress
{
    // Counting and writing under one lock keeps the [done/total] lines in order when trials end together.
    private readonly Lock gate = new();
    private int done = finished;

    public int Done => Volatile.Read(ref done);

    public Action<EpochRecord>? TrialStarted(TrialPlan trial)
    {
        log.Debug("Trial {TrialId} started ({Parameters})", trial.Id, TrialText.Parameters(trial));
        return null;
    }

    public void TrialFinished(TrialPlan trial, TrialResult result)
    {
        var parameters = TrialText.Parameters(trial);
        if (result.Status == TrialStatus.Interrupted)
        {
            log.Information("Trial {TrialId} ({Parameters}) interrupted after {Epochs} epochs; it runs again on resume", trial.Id, parameters, result.Epochs.Length);
            return;
        }

        lock (gate)
        {
            Report(trial, result, parameters, Interlocked.Increment(ref done));
        }
    }

    private void Report(TrialPlan trial, TrialResult result, string parameters, int count)
    {
        if (result.RangeTest is { } test)
        {
            log.Information("Range test of {Steps}: {Reason}", Counted.Of(test.Steps.Length, "step"), test.Reason);
            log.Information(
                "Suggested learning rate {Suggestion} (steepest fall of the smoothed loss); lowest-loss rate / 10: {MinOverTen}.",
                test.Suggestion?.ToString("G4", CultureInfo.InvariantCulture) ?? "none, the loss never fell",
                test.MinLossRateOverTen.ToString("G4", CultureInfo.InvariantCulture));
            return;
        }

        switch (result.Status)
        {
            case TrialStatus.Failed:
                log.Warning("[{Done}/{Total}] trial {TrialId} ({Parameters}) failed: {Error}", count, total, trial.Id, parameters, result.Error);
                break;
            case TrialStatus.Diverged:
                log.Information(
                    "[{Done}/{Total}] trial {TrialId} ({Parameters}): diverged at epoch {Epochs}, loss {FinalLoss:G4}",
                    count, total, trial.Id, parameters, result.Epochs.Length, result.FinalLoss);
                break;
            default:
                log.Information(
                    "[{Done}/{Total}] trial {TrialId} ({Parameters}): completed, loss {FinalLoss:G4} after {Epochs} epochs ({Seconds:0.###} s)",
                    count, total, trial.Id, parameters, result.FinalLoss, result.Epochs.Length, result.Seconds);
                break;
        }
    }
}
