using System.Collections.Immutable;
using System.Reflection;
using Serilog;
using Sweep.Models;
using Sweep.Models.Data;
using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Search;
using Sweep.Models.Trials;
using Sweep.Models.Validation;
using Sweep.Runner.Commands;
using Sweep.Runner.Logging;
using Sweep.Runner.Progress;
using Sweep.Storage;

namespace Sweep.Runner.Running;

/// <summary>
/// One `sweep worker`: joins the sweeps of a shared store from any machine. It looks for the latest version
/// of each experiment (or the named one) with trials left, reads the experiment from the store, claims and
/// runs its trials like `sweep run` does (a coarse-to-fine stage it sees end, it plans), and looks again,
/// until stopped or, with an idle exit, until nothing was left for that long. On Ctrl+C or SIGTERM its
/// running trials stop and go back to pending for the others (exit 130).
/// </summary>
internal sealed class SweepWorker(WorkerSettings settings, TextWriter output, TextWriter error)
{
    private const string LogFileName = "sweep-worker.log";

    private static readonly string SweepVersion =
        typeof(SweepWorker).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private readonly Dictionary<long, Joined> joined = [];
    private readonly HashSet<long> refused = [];
    private readonly DatasetCache datasets = new();
    private readonly PhaseClock clock = new();

    public async Task<int> ExecuteAsync(CancellationToken stop)
    {
        if (!OutputFolder.Prepare([settings.OutputFolder], error))
        {
            return ExitCodes.InvalidInput;
        }

        var (logger, levels) = SweepLog.Create(settings.Log, output, error, Path.Combine(settings.OutputFolder, LogFileName));
        using (logger)
        {
            clock.Attach(logger);
            try
            {
                using var store = ResultStores.Open(settings.StorePath, new StoreOptions { Lease = settings.Lease });
                clock.Mark("store opened");
                return await WorkAsync(store, logger, levels, stop).ConfigureAwait(false);
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

    private async Task<int> WorkAsync(IResultStore store, ILogger log, ConsoleLevels levels, CancellationToken stop)
    {
        if (store.ReleaseAbandonedRuns() is var released and > 0)
        {
            log.Information("Found {Runs} on this machine whose process is gone; their unfinished trials run again.", Counted.Of(released, "earlier run"));
        }

        log.Information(
            "Worker on {Store}: running the trials of {Experiments}{IdleExit}.",
            store.Location,
            settings.Experiment is { } name ? $"'{name}'" : "every experiment",
            settings.IdleExit is { } idle ? $", until nothing is left for {DurationText.Format(idle)}" : " as they come (Ctrl+C stops)");
        var results = ImmutableArray.CreateBuilder<TrialResult>();
        var idleSince = DateTimeOffset.UtcNow;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var ran = 0;
                foreach (var version in Candidates(store))
                {
                    if (stop.IsCancellationRequested)
                    {
                        break;
                    }

                    if (Join(store, version, log, levels) is { } work)
                    {
                        var done = await work.RunAsync(stop).ConfigureAwait(false);
                        results.AddRange(done);
                        ran += done.Length;
                    }
                }

                if (ran > 0)
                {
                    idleSince = DateTimeOffset.UtcNow;
                    continue;
                }

                if (settings.IdleExit is { } idleExit && DateTimeOffset.UtcNow - idleSince >= idleExit)
                {
                    log.Information("Nothing left to run for {IdleExit}; the worker exits after running {Trials}.", DurationText.Format(idleExit), Counted.Of(results.Count, "trial"));
                    break;
                }

                await store.WaitForTrialChangesAsync(SweepWork.PollInterval, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Ctrl+C while idle: nothing is running.
        }

        var interrupted = stop.IsCancellationRequested;
        var returned = 0;
        foreach (var work in joined.Values)
        {
            if (interrupted)
            {
                returned += store.ReturnTrials(work.RunId);
            }

            store.FinishRun(work.RunId, interrupted ? RunStatus.Interrupted
                : work.Failed ? RunStatus.Failed
                : RunStatus.Completed);
        }

        if (interrupted)
        {
            log.Warning("Stopped: {Trials} given back to the store, pending for other workers.", Counted.Of(returned, "running trial"));
            return ExitCodes.Interrupted;
        }

        return results.Any(r => r.Status == TrialStatus.Failed) ? ExitCodes.TrialsFailed : ExitCodes.Success;
    }

    /// <summary>The latest version of each experiment (or of the named one) with trials that are not finished.</summary>
    private IEnumerable<ExperimentSummary> Candidates(IResultStore store)
    {
        var versions = settings.Experiment is { } name
            ? store.FindExperiment(name) is { } found ? [found] : []
            : store.ListExperiments().GroupBy(e => e.Name, StringComparer.Ordinal).Select(g => g.MaxBy(e => e.Version)!);
        return versions.Where(v => v.Trials.Total > v.Trials.Finished && !refused.Contains(v.Id));
    }

    /// <summary>
    /// This worker's part in an experiment version: the experiment read from the store, with relative paths
    /// resolved against this machine's working directory joined with the folder of the file `sweep run` was
    /// given, and a run of its own. Null, with the reason logged once, when this machine cannot run it.
    /// </summary>
    private Joined? Join(IResultStore store, ExperimentSummary version, ILogger log, ConsoleLevels levels)
    {
        if (joined.TryGetValue(version.Id, out var work))
        {
            return work;
        }

        var title = $"'{version.Name}' v{version.Version}";
        var text = store.ReadExperimentText(version.Id) ?? "";
        var file = Path.GetFullPath(version.File);
        var loaded = ExperimentLoader.Parse(text, version.File, Path.GetDirectoryName(file)!);
        var plan = loaded.Experiment is { } parsed ? TrialPlanner.Plan(parsed) : null;
        if (loaded.Experiment is not { } experiment || plan is not { IsValid: true })
        {
            return Refuse(version, title, loaded.Errors.IsEmpty ? plan!.Errors : loaded.Errors, log);
        }

        if (DataCheck.Check(experiment, plan.Trials.Select(t => t.Configuration), datasets) is { IsEmpty: false } dataProblems)
        {
            return Refuse(version, title, dataProblems, log);
        }

        if (ExperimentFingerprint.Of(experiment.Definition.Search, plan.Trials) != version.Hash)
        {
            log.Error(
                "{Experiment} plans other trials here than in the store (another Sweep version, or another checkout of {File}), so this worker leaves it to others.",
                title, version.File);
            refused.Add(version.Id);
            return null;
        }

        var executor = TrialExecutors.For(experiment.Definition, datasets.For, settings.OutputFolder);
        // As in `sweep run`: the first trial's first epoch then runs compiled, on buffers already in memory.
        var warmUp = EngineWarmUp.Start(executor, plan.Trials.FirstOrDefault(), datasets.For, log);
        var runId = store.StartRun(version.Id, SweepVersion);
        var plans = TrialPlans.Of(experiment, plan.Trials, store, version.Id);
        warmUp.GetAwaiter().GetResult();
        var batch = new TrialBatch(store, version.Id, runId, plans, executor, log, levels, title);
        var workers = Math.Max(1, settings.Parallel ?? experiment.Definition.Search.Parallel ?? Environment.ProcessorCount);
        log.Information("Joined {Experiment} as run {RunId} on {Workers}.", title, runId, Counted.Of(workers, "worker"));
        clock.Mark($"joined {title}");
        work = new Joined(new SweepWork(output, settings.Log), batch, experiment, workers);
        joined.Add(version.Id, work);
        return work;
    }

    /// <summary>Leaves an experiment version this machine cannot run to other workers, saying why once.</summary>
    private Joined? Refuse(ExperimentSummary version, string title, IEnumerable<ValidationError> problems, ILogger log)
    {
        log.Error(
            "{Experiment} cannot run on this machine, so this worker leaves it to others: {Problem}",
            title, string.Join("; ", problems.Select(p => p.ToString())));
        refused.Add(version.Id);
        return null;
    }

    /// <summary>An experiment version this worker has joined, with its run.</summary>
    private sealed class Joined(SweepWork work, TrialBatch batch, LoadedExperiment experiment, int workers)
    {
        public long RunId => batch.RunId;

        public bool Failed { get; private set; }

        public async Task<ImmutableArray<TrialResult>> RunAsync(CancellationToken stop)
        {
            var results = experiment.Definition.Search.Strategy == SearchStrategy.CoarseToFine
                ? await work.RunSearchAsync(batch, experiment, workers, maxTrials: null, stop).ConfigureAwait(false)
                : await work.RunTrialsAsync(batch, stage: null, workers, maxTrials: null, stop).ConfigureAwait(false);
            Failed |= results.Any(r => r.Status == TrialStatus.Failed);
            return results;
        }
    }
}
