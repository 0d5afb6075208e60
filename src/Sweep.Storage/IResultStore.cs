using System.Collections.Immutable;
using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Search;

namespace Sweep.Storage;

/// <summary>
/// Where a sweep's results live: experiment versions, runs, trials with their epochs, range tests. Every
/// implementation keeps the same rules. A trial is claimed under a lease (a token and an expiry judged by
/// the database's clock, <see cref="Lease"/> long) that its claimer renews while it trains; a lease not
/// renewed in time is lost, its trial goes back to pending with the next attempt number (failed after
/// <see cref="TrialLeases.MaxAttempts"/> lost attempts), and an outcome is recorded only under the lease
/// it was claimed with. Failures surface as <see cref="StoreException"/>. Open one with <see cref="ResultStores.Open"/>.
/// </summary>
public interface IResultStore : IDisposable
{
    /// <summary>Where the store is, as it was given to <see cref="ResultStores.Open"/>; safe to print.</summary>
    string Location { get; }

    /// <summary>How long a claim holds its trial unless renewed.</summary>
    TimeSpan Lease { get; }

    /// <summary>
    /// Stores the experiment under its name. The same <see cref="ExperimentFingerprint"/> as a stored version
    /// keeps that version (its text becomes this file's); another fingerprint is the next version.
    /// </summary>
    ExperimentRegistration RegisterExperiment(LoadedExperiment experiment, string fingerprint);

    /// <summary>Registers the experiment under the fingerprint of what it plans now.</summary>
    ExperimentRegistration RegisterExperiment(LoadedExperiment experiment) =>
        RegisterExperiment(experiment, ExperimentFingerprint.Of(experiment));

    /// <summary>Every experiment version with its run count, trials by status and best losses, by name and version.</summary>
    ImmutableArray<ExperimentSummary> ListExperiments();

    /// <summary>The latest version of the experiment called <paramref name="name"/>, or null if the store has none.</summary>
    ExperimentSummary? FindExperiment(string name);

    /// <summary>The YAML text an experiment version was registered with (the newest file of that version).</summary>
    string? ReadExperimentText(long experimentId);

    /// <summary>Records the start of a run of this process on an experiment version; returns the run id.</summary>
    long StartRun(long experimentId, string sweepVersion);

    /// <summary>Records how a run ended; its trials still running are left as they are.</summary>
    void FinishRun(long runId, RunStatus status);

    /// <summary>The runs of an experiment version, oldest first.</summary>
    ImmutableArray<RunSummary> ListRuns(long experimentId);

    /// <summary>Marks runs of this machine whose process is gone as interrupted, with their running trials; returns how many.</summary>
    int ReleaseAbandonedRuns();

    /// <summary>
    /// Adds the planned trials as pending (trials already in this version keep their state). With
    /// <paramref name="reuseFinished"/>, a new trial whose id finished (completed or diverged) in an earlier
    /// version of the same experiment takes that result, epochs and range-test steps instead of running again.
    /// </summary>
    TrialPlanning PlanTrials(long experimentId, IEnumerable<TrialPlan> trials, bool reuseFinished);

    /// <summary>Adds the planned trials as pending, reusing finished ones of earlier versions; returns how many rows were added.</summary>
    int AddPlannedTrials(long experimentId, IEnumerable<TrialPlan> trials) => PlanTrials(experimentId, trials, reuseFinished: true).Added;

    /// <summary>Claims up to <paramref name="count"/> claimable trials in plan order under one new lease.</summary>
    ImmutableArray<TrialClaim> ClaimTrials(long experimentId, long runId, int count);

    /// <summary>Claims one given trial for the run if it is claimable; true for exactly one of several claimers.</summary>
    bool TryClaimTrial(long experimentId, string trialId, long runId);

    /// <summary>Claims the first claimable trial by stage and plan number; null when none is left.</summary>
    string? ClaimNextTrial(long experimentId, long runId) => ClaimTrials(experimentId, runId, 1).FirstOrDefault()?.TrialId;

    /// <summary>
    /// One transaction of a run's writer: records the finished trials whose lease still holds, gives back
    /// the released claims, and claims up to <see cref="RunBatch.Claim"/> more.
    /// </summary>
    RunBatchResult WriteBatch(long experimentId, long runId, RunBatch batch);

    /// <summary>Extends the leases of <paramref name="claims"/>; for each, in order, whether it still held.</summary>
    ImmutableArray<bool> RenewLeases(long experimentId, IReadOnlyList<TrialClaim> claims);

    /// <summary>
    /// Records the outcome of a trial the run claimed one at a time, with its epochs; false, and nothing
    /// written, when the trial is no longer running for <paramref name="runId"/>.
    /// </summary>
    bool CompleteTrial(long experimentId, string trialId, long runId, TrialOutcome outcome);

    /// <summary>Marks the trials a run still has running as interrupted (on Ctrl+C); returns how many.</summary>
    int InterruptRunningTrials(long runId);

    /// <summary>Puts every trial of a version not being trained by a live run back to pending, without epochs; returns how many.</summary>
    int ResetTrials(long experimentId);

    /// <summary>
    /// Gives back the trials the run holds running or left interrupted: pending again, without epochs, with
    /// their attempt unchanged (a worker stopped on Ctrl+C hands its work to the others). Returns how many.
    /// </summary>
    int ReturnTrials(long runId);

    /// <summary>
    /// Waits until the store's trials may have changed (trials added or back to pending, a trial ended) or
    /// <paramref name="longest"/> has passed, whichever is first; a process with nothing to do waits here before
    /// it looks again. It may return early and without a change, so callers look and wait in a loop.
    /// </summary>
    Task WaitForTrialChangesAsync(TimeSpan longest, CancellationToken stop);

    /// <summary>
    /// Waits until this process alone may plan the next stage of the experiment's adaptive search, so a stage
    /// is planned once however many processes see the one before it end. Disposing it, or the process
    /// ending, lets the next planner in.
    /// </summary>
    IDisposable HoldPlanningLock(long experimentId);

    /// <summary>
    /// Stores the trials' curve diagnoses (each label and the numbers that decided it, as JSON) in one transaction;
    /// returns how many of the trials the version has.
    /// </summary>
    int RecordDiagnoses(long experimentId, IReadOnlyCollection<DiagnosedTrial> diagnoses);

    /// <summary>Stores a trial's curve diagnosis; false when the version has no such trial.</summary>
    bool RecordDiagnosis(long experimentId, string trialId, TrialDiagnosis diagnosis) =>
        RecordDiagnoses(experimentId, [new DiagnosedTrial(trialId, diagnosis)]) == 1;

    /// <summary>
    /// An experiment version as one read model: its settings as registered, every trial with its epochs and
    /// diagnosis, and its range test (its own, or else the newest stored by lr-find). Needs nothing but the
    /// store, never the experiment's data files. Null when there is no such version. Without
    /// <paramref name="withEpochs"/>, trials carry no epochs unless ranking them needs them
    /// (<see cref="SweepSettings.RanksByEpochs"/>), and a trial read without epochs has its diagnosis's label
    /// without the reason and the measures: enough for the choice, not for charts or diagnosis.
    /// </summary>
    SweepRecord? ReadSweep(long experimentId, bool withEpochs = true);

    /// <summary>The trials of an experiment version with status and metrics, by stage and plan number.</summary>
    ImmutableArray<TrialSummary> ListTrials(long experimentId);

    /// <summary>How many trials of the version, or of one of its stages, are in each status: one query, whatever the version's size.</summary>
    TrialCounts CountTrials(long experimentId, int? stage = null);

    /// <summary>One trial with its configuration, diagnosis details and epochs; null if the version has no such trial.</summary>
    TrialDetail? GetTrial(long experimentId, string trialId);

    /// <summary>The trials, in any experiment, whose id starts with <paramref name="idPrefix"/>.</summary>
    ImmutableArray<TrialSummary> FindTrials(string idPrefix);

    /// <summary>A trial's epochs in order.</summary>
    ImmutableArray<EpochRecord> ReadEpochs(long experimentId, string trialId);

    /// <summary>
    /// Every trial of an experiment version in the order it was planned (stage by stage, by plan number), with its epochs unless
    /// <paramref name="withEpochs"/> is false (then each diagnosis is its label alone, as ranking reads it), read from
    /// the store a page at a time as it is enumerated: a sweep of any size streams in bounded memory. Each page is one
    /// consistent snapshot; enumerate again to read afresh.
    /// </summary>
    IEnumerable<TrialRecord> ReadTrials(long experimentId, bool withEpochs = true);

    /// <summary>The names of the further metrics the version's epochs hold, each once, in no set order: one query, without reading the epochs.</summary>
    ImmutableArray<string> ReadMetricNames(long experimentId);

    /// <summary>Stores the steps of a range test, replacing earlier steps of the same test.</summary>
    void WriteRangeTest(long experimentId, string trialId, IEnumerable<RangeTestStep> steps);

    /// <summary>The steps of a range test in order; empty when there is none.</summary>
    ImmutableArray<RangeTestStep> ReadRangeTest(long experimentId, string trialId);

    /// <summary>Registers the experiment and stores a `sweep lr-find` range test on it, all or nothing.</summary>
    (ExperimentRegistration Experiment, LrFindTest Test) StoreLrFindTest(
        LoadedExperiment experiment, RangeTestSettings settings, IEnumerable<RangeTestStep> steps);

    /// <summary>The range test stored last by `sweep lr-find` for an experiment version; null when there is none.</summary>
    LrFindTest? LatestLrFindTest(long experimentId);
}
