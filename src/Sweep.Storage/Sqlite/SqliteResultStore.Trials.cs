using System.Collections.Immutable;
using Dapper;
using Sweep.Models.Search;
using Sweep.Storage.Rows;

using Sweep.Storage.Sql;

namespace Sweep.Storage.Sqlite;

public sealed partial class SqliteResultStore
{
    /// <summary>The tables that hold a trial's epochs (packed epochs) and their further metrics, by <c>trial_key</c>.</summary>
    private static readonly string[] EpochTables = ["trial_epoch_chunks", "trial_epoch_metrics"];

    private const string InsertPlannedTrialSql = """
        INSERT INTO trials (experiment_id, id, number, stage, repeat, seed, parameters, configuration,
                            learning_rate, weight_decay_l1, weight_decay_l2, batch, status)
        VALUES (@ExperimentId, @Id, @Number, @Stage, @Repeat, @Seed, @Parameters, @Configuration,
                @LearningRate, @WeightDecayL1, @WeightDecayL2, @Batch, 'pending')
        ON CONFLICT (experiment_id, id) DO NOTHING
        """;

    private const string ClaimTrialSql = $"""
        UPDATE trials
        SET status = 'running', run_id = @RunId, started = @Now, ended = NULL, error = NULL,
            lease_token = @LeaseToken, lease_expires = {LeaseEnd}
        WHERE experiment_id = @ExperimentId AND id = @TrialId AND {TrialSql.ClaimableCondition}
        """;

    /// <summary>
    /// Adds the planned trials as pending; trials already in the store keep their status and results, so
    /// planning again on resume adds only what is new. With <paramref name="reuseFinished"/>, the new rows
    /// whose trial finished in an earlier version take that result in the same transaction. Each row's JSON texts
    /// are made as it is inserted, so a plan of any size is never held a second time as rows.
    /// </summary>
    public TrialPlanning PlanTrials(long experimentId, IEnumerable<TrialPlan> trials, bool reuseFinished)
    {
        var rows = trials.Select(t => new PlannedTrialRow(experimentId, t));
        return Write(transaction =>
        {
            var lastKey = connection.ExecuteScalar<long>(LastTrialKeySql, transaction: transaction);
            var added = connection.Execute(InsertPlannedTrialSql, rows, transaction);
            var reused = added > 0 && reuseFinished ? ReuseSql.Copy(connection, transaction, experimentId, lastKey, CopyReusedEpochsSql, CopyReusedRangeTestsSql) : [];
            return new TrialPlanning(added, reused);
        });
    }

    /// <summary>The trials of an experiment version with status and metrics, by stage and plan number.</summary>
    public ImmutableArray<TrialSummary> ListTrials(long experimentId) =>
        Read(c => c.Query<TrialRow>(TrialSql.List, new { ExperimentId = experimentId }).Select(r => r.ToSummary()).ToImmutableArray());

    /// <summary>How many trials of the version, or of one of its stages, are in each status.</summary>
    public TrialCounts CountTrials(long experimentId, int? stage = null) =>
        Read(c => c.QuerySingle<TrialCountsRow>(TrialSql.Count, new { ExperimentId = experimentId, Stage = stage }).ToCounts());

    /// <summary>
    /// Marks the trial running for <paramref name="runId"/> if it is claimable (pending, interrupted, or
    /// left running by an ended run). True for exactly one of several processes claiming the same trial.
    /// </summary>
    public bool TryClaimTrial(long experimentId, string trialId, long runId) => Write(transaction =>
    {
        RequeueLostTrials(transaction, experimentId);
        return connection.Execute(
            ClaimTrialSql,
            new { ExperimentId = experimentId, TrialId = trialId, RunId = runId, Now = StoredValues.Now(), LeaseToken = NewLeaseToken(), LeaseModifier },
            transaction) == 1;
    });

    /// <summary>Marks the trials a run still has running as interrupted (on Ctrl+C); returns how many.</summary>
    public int InterruptRunningTrials(long runId) => Write(transaction =>
        connection.Execute(TrialSql.InterruptRunning, new { RunId = runId, Ended = StoredValues.Now() }, transaction));

    /// <summary>
    /// Puts every trial of an experiment version back to pending and deletes its epochs, in one transaction,
    /// so the next claims run the whole sweep again (<c>sweep run --fresh</c>). Trials a live run is training
    /// are left to it. Returns how many trials were reset.
    /// </summary>
    public int ResetTrials(long experimentId) => Write(transaction =>
    {
        foreach (var table in EpochTables)
        {
            connection.Execute(TrialSql.ResetRows(table), new { ExperimentId = experimentId }, transaction);
        }

        return connection.Execute(TrialSql.Reset, new { ExperimentId = experimentId }, transaction);
    });

    public int ReturnTrials(long runId) => Write(transaction =>
    {
        foreach (var table in EpochTables)
        {
            connection.Execute(TrialSql.ReturnRows(table), new { RunId = runId }, transaction);
        }

        return connection.Execute(TrialSql.Return, new { RunId = runId }, transaction);
    });

    /// <summary>Stores the trials' curve diagnoses in one transaction; returns how many of the trials the version has.</summary>
    public int RecordDiagnoses(long experimentId, IReadOnlyCollection<DiagnosedTrial> diagnoses) => Write(transaction =>
        connection.Execute(TrialSql.RecordDiagnosis, DiagnosisJson.Rows(experimentId, diagnoses), transaction));

    /// <summary>One trial with its configuration, diagnosis details and epochs; null if the experiment has no such trial.</summary>
    public TrialDetail? GetTrial(long experimentId, string trialId) => ReadSnapshot(transaction =>
    {
        var row = connection.QuerySingleOrDefault<TrialRow>(TrialSql.Get, new { ExperimentId = experimentId, TrialId = trialId }, transaction);
        return row is null
            ? null
            : new TrialDetail(row.ToSummary(), row.Configuration, ReadEpochs(transaction, experimentId, trialId));
    });

    /// <summary>The trials, in any experiment, whose id starts with <paramref name="idPrefix"/> (for <c>sweep show</c>).</summary>
    public ImmutableArray<TrialSummary> FindTrials(string idPrefix) =>
        Read(c => c.Query<TrialRow>(TrialSql.Find, new { Prefix = idPrefix }).Select(r => r.ToSummary()).ToImmutableArray());
}
