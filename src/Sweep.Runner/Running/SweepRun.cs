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
using Sweep.Reports;
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
        var datasets = new DatasetCache();
        if (ExperimentFile.Load(settings.ExperimentPath, error, datasets) is not { } loaded || !OutputFolder.Prepare([settings.OutputFolder], error))
        {
            return ExitCodes.InvalidInput;
        }

        clock.Mark("file and data checked, trials planned");
        var logFile = Path.Combine(settings.OutputFolder, LogFileName);
        var (logger, levels) = SweepLog.Create(settings.Log, output, error, logFile);
        using (logger)
        {
            clock.Mark("log opened");
            clock.Attach(logger);
            var executor = TrialExecutors.For(loaded.Experiment.Definition, datasets.For, settings.OutputFolder);
            var warmUp = EngineWarmUp.Start(executor, loaded.Plan.Trials.FirstOrDefault(), datasets.For, logger);
            try
            {
                using var store = ResultStores.Open(settings.StorePath);
                clock.Mark("store opened");
                return await RunAsync(store, loaded.Experiment, loaded.Plan.Trials, datasets, executor, warmUp, logger, levels, logFile, stop).ConfigureAwait(false);
            }
            catch (StoreException e)
            {
                logger.Error(e, "{Problem}", e.Message);
                return ExitCodes.StoreError;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.Fatal(e, "unexpected error: {Problem} Run again with --verbose for the details, and report it.", e.Message);
                return ExitCodes.UnexpectedError;
            }
        }
    }

    private async Task<int> RunAsync(
        IResultStore store,
        LoadedExperiment experiment,
        ImmutableArray<TrialPlan> trials,
        DatasetCache datasets,
        ITrialExecutor executor,
        Task warmUp,
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
        var finishedBefore = store.CountTrials(registration.Id).Finished;
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
        var plans = TrialPlans.Of(experiment, trials, store, registration.Id);
        await warmUp.ConfigureAwait(false);
        var scope = new TrialBatch(store, registration.Id, runId, plans, executor, log, levels, $"{name} v{registration.Version}");
        // Whether some trial of this run failed is all the run keeps of its results: a sweep of 100,000 trials would
        // otherwise hold each one's result while its read model is built and its reports are written.
        bool anyFailed;
        using (stop.Register(() => log.Warning("Stopping: no new trial starts, running trials stop at their next epoch. Press Ctrl+C again to quit at once.")))
        {
            try
            {
                var results = search ? await work.RunSearchAsync(scope, experiment, workers, settings.MaxTrials, stopping.Token).ConfigureAwait(false)
                    : await work.RunTrialsAsync(scope, stage: null, workers, settings.MaxTrials, stopping.Token).ConfigureAwait(false);
                anyFailed = results.Any(r => r.Status == TrialStatus.Failed);
            }
            catch (StoreException)
            {
                AbandonRun(store, runId);
                throw;
            }
        }

        clock.Mark("trials ended");
        store.InterruptRunningTrials(runId);
        var sweep = SweepDiagnosis.Record(store, registration.Id, experiment.Definition.Search.Diagnosis);
        clock.Mark("trials labelled");
        var left = sweep.Trials.Count(t => !t.Status.IsFinished());

        // A stop counts only when it left work undone: a Ctrl+C that comes after the last trial ended stops nothing.
        var undone = left > 0 || (search && SweepSelector.Search(sweep) is StageProposal);
        var interrupted = stop.IsCancellationRequested && undone;
        var timedOut = !interrupted && deadline.IsCancellationRequested && undone;
        store.FinishRun(runId, interrupted || timedOut ? RunStatus.Interrupted
            : anyFailed ? RunStatus.Failed
            : RunStatus.Completed);

        var choice = SweepSelector.Choose(sweep);
        var report = ReportBuilder.Build(sweep, choice, store, registration.Id);
        clock.Mark("trials chosen and the shown ones read");
        WriteReports(report, name, store.Location, log, warnOnStop: interrupted ? CancellationToken.None : stop);
        clock.Mark("reports written");
        var plan = plans.All();
        new SweepSummary(registration, runId, store.Location, logFile, plan, sweep, choice) { UpdatesPerEpoch = UpdatesPerEpoch(plan, datasets) }
            .Write(output, settings.Log.Format);
        if (interrupted && left == 0)
        {
            log.Warning("Interrupted before the search's next stage; run the same command again to resume.");
            return ExitCodes.Interrupted;
        }

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

    /// <summary>
    /// Writes the reports and appends summary.md where asked. Every trial has ended by now, so a Ctrl+C (or one
    /// that came after the last trial) lets them finish, as they take a moment; the warning says how a second
    /// Ctrl+C stops at once and how to write them then.
    /// </summary>
    private void WriteReports(SweepReport report, string experiment, string storeLocation, ILogger log, CancellationToken warnOnStop)
    {
        log.Information("Writing the reports to {Folder}.", settings.OutputFolder);
        using (warnOnStop.Register(() => log.Warning(
            "Every trial has ended and is stored, so the reports are being finished; press Ctrl+C again to stop at once, and then write them with: {Command}",
            SweepInvocation.Command($"report --experiment {experiment} --db {storeLocation} --out {settings.OutputFolder}"))))
        {
            var reports = ReportWriter.Write(report, settings.OutputFolder, log);
            log.Information("Reports: {Reports}", string.Join(", ", reports.Select(Path.GetFileName)));
            JobSummary.Append(settings.OutputFolder, JobSummary.Targets(settings.SummaryFile), (file, e) => log.Error("summary.md could not be appended to {File}: {Problem}", file, e.Message));
        }
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

    private static Dictionary<string, int> UpdatesPerEpoch(Dictionary<string, TrialPlan> plan, DatasetCache datasets) =>
        plan.Values.Select(t => (t.Id, Configuration: t.Configuration)).Where(t => t.Configuration.Trainer is null).ToDictionary(
            t => t.Id,
            t => t.Configuration.Training.Batch.UpdatesPerEpoch(datasets.For(t.Configuration).Train.Count),
            StringComparer.Ordinal);
}
