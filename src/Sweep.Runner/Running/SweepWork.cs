using System.Collections.Immutable;
using Serilog;
using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Search;
using Sweep.Models.Selection;
using Sweep.Runner.Logging;
using Sweep.Runner.Progress;
using Sweep.Storage;

namespace Sweep.Runner.Running;

/// <summary>
/// The trials of one experiment version that this process trains, shared by `sweep run` and `sweep worker`:
/// a grid or random search at once, a coarse-to-fine search stage by stage. Several processes may work on
/// the same version; each stage is planned by whichever sees the one before it end, under the store's
/// planning lock, and the others pick its trials up. With <see cref="WaitForOthers"/> (`sweep run`), a
/// round ends only when every trial of it has ended, those other processes hold included, and a trial whose
/// lease they lose is taken over; without it (a worker), a round ends when nothing is left to claim.
/// </summary>
internal sealed class SweepWork(TextWriter output, LogSettings logSettings)
{
    /// <summary>
    /// How long a process with nothing to do (waiting for others' trials, or a worker for new ones) waits before
    /// it looks at the store again, unless the store says sooner that trials changed.
    /// </summary>
    internal static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>The stage whose story this process told last: a worker that looks again at a stage says nothing new.</summary>
    private int? toldStage;

    public bool WaitForOthers { get; init; }

    /// <summary>Unless true (`--fresh`), a trial finished in an earlier version takes that result instead of training.</summary>
    public bool Fresh { get; init; }

    /// <summary>
    /// Runs the claimable trials of <paramref name="stage"/> (null: all of the version) on the workers, with
    /// the live or plain progress of that stage's trials, at most <paramref name="maxTrials"/> of them.
    /// </summary>
    public async Task<ImmutableArray<TrialResult>> RunTrialsAsync(TrialBatch batch, int? stage, int workers, int? maxTrials, CancellationToken stop)
    {
        var ran = ImmutableArray.CreateBuilder<TrialResult>();
        var announced = false;
        while (true)
        {
            var stored = batch.Store.CountTrials(batch.ExperimentId, stage);
            ran.AddRange(await RunRoundAsync(batch, stored.Total, stored.Finished, workers, maxTrials - ran.Count, stop).ConfigureAwait(false));
            if (!WaitForOthers || maxTrials is not null || stop.IsCancellationRequested
                || batch.Store.CountTrials(batch.ExperimentId, stage).Unfinished is not (> 0 and var held))
            {
                break;
            }

            if (!announced)
            {
                batch.Log.Information("Waiting for {Trials} that other processes are training to end (a trial whose process is lost runs here).", Counted.Of(held, "trial"));
                announced = true;
            }

            try
            {
                await batch.Store.WaitForTrialChangesAsync(PollInterval, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return ran.ToImmutable();
    }

    /// <summary>
    /// A coarse-to-fine search, stage by stage: the stored results say what the next stage tries (or that the
    /// search is done); its trials are stored with their stage and run in parallel; then again. A killed run
    /// resumes where the stored stages end, and <paramref name="maxTrials"/> counts the trials of every stage.
    /// </summary>
    public async Task<ImmutableArray<TrialResult>> RunSearchAsync(TrialBatch batch, LoadedExperiment experiment, int workers, int? maxTrials, CancellationToken stop)
    {
        var ran = ImmutableArray.CreateBuilder<TrialResult>();
        var log = batch.Log;
        int? lastIdleStage = null;
        while (!stop.IsCancellationRequested)
        {
            var step = PlanNextStage(batch, experiment);
            if (step is SearchDecision decision)
            {
                log.Information("{Decision}", decision.Story[^1]);
                break;
            }

            var proposal = (StageProposal)step;
            var left = (maxTrials ?? int.MaxValue) - ran.Count;
            if (left <= 0)
            {
                log.Information("--max-trials {Most} reached before stage {Stage}.", maxTrials, proposal.Stage);
                break;
            }

            if (toldStage != proposal.Stage)
            {
                log.Information("{Stage}", proposal.Story[^1]);
                toldStage = proposal.Stage;
            }

            var results = await RunTrialsAsync(batch with { Title = $"{batch.Title} stage {proposal.Stage}" }, proposal.Stage, workers, maxTrials is null ? null : left, stop).ConfigureAwait(false);
            ran.AddRange(results);
            if (results.IsEmpty && (!WaitForOthers || lastIdleStage == proposal.Stage))
            {
                // A worker comes back later for a stage others are running; a stage that ended without
                // leading anywhere new would only repeat.
                break;
            }

            lastIdleStage = results.IsEmpty ? proposal.Stage : null;
        }

        return ran.ToImmutable();
    }

    /// <summary>
    /// Under the planning lock, labels the stored trials (the next step reads their labels), asks the search
    /// for its next step and stores a proposed stage's trials: the process that adds them is the one that
    /// planned the stage, and says so.
    /// </summary>
    private SearchStep PlanNextStage(TrialBatch batch, LoadedExperiment experiment)
    {
        using var planning = batch.Store.HoldPlanningLock(batch.ExperimentId);
        var step = SweepSelector.Search(SweepDiagnosis.Record(batch.Store, batch.ExperimentId, experiment.Definition.Search.Diagnosis))
            ?? throw new InvalidOperationException($"'{experiment.Definition.Name}' is registered without a coarse-to-fine search to replay.");
        if (step is StageProposal proposal)
        {
            var stage = TrialPlanner.PlanStage(experiment, proposal).Trials;
            batch.Plans.Add(stage);
            if (PlanTrials(batch.Store, batch.ExperimentId, stage, batch.Log) > 0)
            {
                batch.Log.Information("Planned stage {Stage}: {Trials}.", proposal.Stage, Counted.Of(stage.Length, "trial"));
            }
        }

        return step;
    }

    /// <summary>Stores the planned trials, reusing finished ones of earlier versions unless <see cref="Fresh"/>; returns how many were new.</summary>
    public int PlanTrials(IResultStore store, long experimentId, IEnumerable<TrialPlan> trials, ILogger log)
    {
        var planning = store.PlanTrials(experimentId, trials, reuseFinished: !Fresh);
        foreach (var reused in planning.Reused)
        {
            log.Information(
                "Reused {Trials} finished in version {Version}: the same trial ids, so they are not trained again (--fresh trains them again).",
                Counted.Of(reused.Trials, "trial"), reused.Version);
        }

        return planning.Added;
    }

    /// <summary>One pass of the scheduler over what is claimable now, with the progress of <paramref name="total"/> trials.</summary>
    private async Task<ImmutableArray<TrialResult>> RunRoundAsync(TrialBatch batch, int total, int finishedBefore, int workers, int? maxTrials, CancellationToken stop)
    {
        var events = new PlainProgress(batch.Log, total, finishedBefore);
        var live = LiveProgress.IsWanted(output, logSettings) ? new LiveProgress(events, batch.Levels, batch.Log, batch.Title, total, finishedBefore) : null;
        try
        {
            var scheduler = new SweepScheduler(batch.Store, batch.Executor, (ISweepProgress?)live ?? events, batch.Log);
            return await scheduler.RunAsync(batch.Target, workers, maxTrials, stop, trialsLeft: total - finishedBefore).ConfigureAwait(false);
        }
        finally
        {
            if (live is not null)
            {
                await live.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
