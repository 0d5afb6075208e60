using System.Collections.Immutable;
using System.Reflection;
using Serilog;
using Sweep.Models;
using Sweep.Models.Data;
using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Search;
using Sweep.Models.Selection;
using Sweep.Models.Trials;
using Sweep.Runner.Commands;
using Sweep.Runner.Logging;
using Sweep.Runner.Progress;
using Sweep.Runner.Reporting;
using Sweep.Storage;

namespace Sweep.Runner.Running;

/// <summary>
/// One `sweep run`: checks the file and its data before touching the store (a mistake writes nothing),
/// then registers the experiment, starts a run, adds the planned trials and lets the workers claim every
/// trial not finished yet. Ends with the ranking and an exit code: 130 after Ctrl+C or SIGTERM, 1 when
/// some trial of the experiment failed, 3 when the store cannot be used.
/// </summary>
internal sealed class SweepRun(RunSettings settings, TextWriter output, TextWriter error)
{
    private const string LogFileName = "sweep.log";

    private static readonly string SweepVersion =
        typeof(SweepRun).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private readonly PhaseClock clock = new();

    public async Task<int> ExecuteAsync(CancellationToken stop)
    {
        if (ExperimentFile.Load(settings.ExperimentPath, error) is not { } loaded)
        {
            return ExitCodes.InvalidInput;
        }

        clock.Mark("file checked and trials planned");
        var datasets = new DatasetCache();
        if (!LoadData(loaded.Experiment, loaded.Plan.Trials, datasets) || !CreateOutputFolder())
        {
            return ExitCodes.InvalidInput;
        }

        var logFile = Path.Combine(settings.OutputFolder, LogFileName);
        var (logger, levels) = SweepLog.Create(settings.Log, output, error, logFile);
        using (logger)
        {
            clock.Mark("data loaded and log opened");
            clock.Attach(logger);
            try
            {
                using var store = ResultStores.Open(settings.StorePath);
                clock.Mark("store opened");
                return await RunAsync(store, loaded.Experiment, loaded.Plan.Trials, datasets, logger, levels, logFile, stop).ConfigureAwait(false);
            }
            catch (StoreException e)
            {
                logger.Error(e, "{Problem}", e.Message);
                return ExitCodes.StoreError;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.Fatal(e, "Unexpected error: {Problem} Run again with --verbose for the details, and report it.", e.Message);
                return ExitCodes.UnexpectedError;
            }
        }
    }

    private async Task<int> RunAsync(
        IResultStore store,
        LoadedExperiment experiment,
        ImmutableArray<TrialPlan> trials,
        DatasetCache datasets,
        ILogger log,
        ConsoleLevels levels,
        string logFile,
        CancellationToken stop)
    {
        var name = experiment.Definition.Name;
        if (store.ReleaseAbandonedRuns() is var released and > 0)
        {
            log.Information("Found {Runs} on this machine whose process is gone; their unfinished trials run again.", Counted.Of(released, "earlier run"));
        }

        var registration = store.RegisterExperiment(experiment, ExperimentFingerprint.Of(experiment.Definition.Search, trials));
        if (registration.IsChanged)
        {
            log.Warning(
                "{File} changes what '{Experiment}' runs since it last ran, so it is version {Version}; trials finished in earlier versions are reused, the rest run",
                experiment.File, name, registration.Version);
        }

        clock.Mark("experiment registered");
        if (settings.Fresh && store.ResetTrials(registration.Id) is var reset and > 0)
        {
            log.Information("--fresh: {Trials} of '{Experiment}' version {Version} reset to run again.", Counted.Of(reset, "stored trial"), name, registration.Version);
        }

        var search = experiment.Definition.Search.Strategy == SearchStrategy.CoarseToFine;
        var work = new SweepWork(output, settings.Log) { WaitForOthers = true, Fresh = settings.Fresh };
        work.PlanTrials(store, registration.Id, trials, log);
        var finishedBefore = store.ListTrials(registration.Id).Count(t => t.Status.IsFinished());
        var toRun = Math.Min(trials.Length - finishedBefore, settings.MaxTrials ?? int.MaxValue);
        var workers = Math.Max(1, Math.Min(settings.Parallel ?? experiment.Definition.Search.Parallel ?? Environment.ProcessorCount, search ? trials.Length : toRun));
        var runId = store.StartRun(registration.Id, SweepVersion);
        clock.Mark("trials added to the store and run started");
        if (search)
        {
            var c2f = experiment.Definition.Search.CoarseToFine!;
            log.Information(
                "Coarse-to-fine search of {Target} in '{Experiment}' on {Workers}: at most {Budget}, stage by stage{Resume}.",
                c2f.Target, name, Counted.Of(workers, "worker"), Counted.Of(c2f.Budget, "trial"),
                finishedBefore > 0 ? $", resuming after {Counted.Of(finishedBefore, "finished trial")} in {store.Location}" : "");
        }
        else if (finishedBefore == 0)
        {
            log.Information("Running {Trials} of '{Experiment}' on {Workers}.", Counted.Of(trials.Length, "trial"), name, Counted.Of(workers, "worker"));
        }
        else if (finishedBefore == trials.Length)
        {
            log.Information(
                "All {Trials} of '{Experiment}' are already finished in {Store}; nothing to run (--fresh runs them again).",
                Counted.Of(trials.Length, "trial"), name, store.Location);
        }
        else
        {
            log.Information(
                "Resuming '{Experiment}': {Finished} of {Trials} already finished in {Store}; running the rest on {Workers}.",
                name, finishedBefore, Counted.Of(trials.Length, "trial"), store.Location, Counted.Of(workers, "worker"));
        }

        using var deadline = new CancellationTokenSource();
        if (settings.Timeout is { } timeout)
        {
            deadline.CancelAfter(timeout);
        }

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stop, deadline.Token);
        using var onSignal = stop.Register(() => log.Warning("Stopping: no new trial starts, running trials stop at their next epoch. Press Ctrl+C again to quit at once."));
        var plans = TrialPlans.Of(experiment, trials, store, registration.Id);
        var executor = TrialExecutors.For(experiment.Definition, datasets.For, settings.OutputFolder);
        var scope = new TrialBatch(store, registration.Id, runId, plans, executor, log, levels, $"{name} v{registration.Version}");
        ImmutableArray<TrialResult> results;
        try
        {
            results = search ? await work.RunSearchAsync(scope, experiment, workers, settings.MaxTrials, stopping.Token).ConfigureAwait(false)
                : await work.RunTrialsAsync(scope, stage: null, workers, settings.MaxTrials, stopping.Token).ConfigureAwait(false);
        }
        catch (StoreException)
        {
            AbandonRun(store, runId);
            throw;
        }

        clock.Mark("trials ended");
        var interrupted = stop.IsCancellationRequested;
        var timedOut = !interrupted && deadline.IsCancellationRequested;
        store.InterruptRunningTrials(runId);
        store.FinishRun(runId, interrupted || timedOut ? RunStatus.Interrupted
            : results.Any(r => r.Status == TrialStatus.Failed) ? RunStatus.Failed
            : RunStatus.Completed);

        var sweep = SweepDiagnosis.Record(store, registration.Id);
        var choice = SweepSelector.Choose(sweep);
        var reports = ReportWriter.Write(ReportBuilder.Build(sweep, choice), settings.OutputFolder, log);
        log.Information("Reports: {Reports}", string.Join(", ", reports.Select(Path.GetFileName)));
        clock.Mark("reports written");
        JobSummary.Append(settings.OutputFolder, JobSummary.Targets(settings.SummaryFile), (file, e) => log.Error("summary.md could not be appended to {File}: {Problem}", file, e.Message));
        var plan = plans.All();
        new SweepSummary(registration, runId, store.Location, logFile, plan, sweep, choice) { UpdatesPerEpoch = UpdatesPerEpoch(plan, datasets) }
            .Write(output, settings.Log.Format);
        var left = sweep.Trials.Count(t => !t.Status.IsFinished());
        if (interrupted)
        {
            log.Warning("Interrupted: {Left} not finished; run the same command again to resume.", Counted.Of(left, "trial"));
            return ExitCodes.Interrupted;
        }

        if (timedOut)
        {
            log.Warning(
                "The sweep is incomplete: --timeout {Timeout} passed with {Left} not finished; run the same command again to resume.",
                DurationText.Format(settings.Timeout!.Value), Counted.Of(left, "trial"));
        }
        else if (left > 0)
        {
            log.Information(
                "{Left} not finished yet (held back by --max-trials); run the same command again to go on.", Counted.Of(left, "trial"));
        }

        return sweep.Trials.Any(t => t.Status == TrialStatus.Failed) ? ExitCodes.TrialsFailed : ExitCodes.Success;
    }

    /// <summary>After a store failure, records what it can; a run left marked running is released by the next `sweep run`.</summary>
    private static void AbandonRun(IResultStore store, long runId)
    {
        try
        {
            store.InterruptRunningTrials(runId);
            store.FinishRun(runId, RunStatus.Interrupted);
        }
        catch (StoreException)
        {
            // The store is what failed; the error that stopped the sweep is the one to report.
        }
    }

    /// <summary>A problem in the data files is the user's to fix, not a failure of every trial: stop before training.</summary>
    private bool LoadData(LoadedExperiment experiment, ImmutableArray<TrialPlan> trials, DatasetCache datasets)
    {
        try
        {
            foreach (var trial in trials.Where(t => t.Configuration.Trainer is null))
            {
                datasets.For(trial.Configuration);
            }

            return true;
        }
        catch (DataLoadException e)
        {
            error.WriteLine($"{experiment.File}: data: {e.Message}");
            return false;
        }
    }

    private static Dictionary<string, int> UpdatesPerEpoch(Dictionary<string, TrialPlan> plan, DatasetCache datasets) =>
        plan.Values.Where(t => t.Configuration.Trainer is null).ToDictionary(
            t => t.Id,
            t => t.Configuration.Training.Batch.UpdatesPerEpoch(datasets.For(t.Configuration).Train.Count),
            StringComparer.Ordinal);

    private bool CreateOutputFolder()
    {
        try
        {
            Directory.CreateDirectory(settings.OutputFolder);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"sweep: the output folder '{settings.OutputFolder}' cannot be created ({e.Message}); pass another --out.");
            return false;
        }
    }
}
