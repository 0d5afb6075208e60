using System.Collections.Immutable;
using Dapper;
using Npgsql;
using NpgsqlTypes;
using Sweep.Models.Search;
using Sweep.Storage.Rows;
using Sweep.Storage.Sql;

namespace Sweep.Storage.Postgres;

public sealed partial class PostgresResultStore
{
    private const string RecordDiagnosesSql = """
        UPDATE trials AS t
        SET diagnosis = d.label, diagnosis_json = d.json
        FROM unnest(@TrialIds, @Labels, @Jsons) AS d(id, label, json)
        WHERE t.experiment_id = @ExperimentId AND t.id = d.id
        """;

    /// <summary>The tables that hold a trial's epochs (epoch rows) and their further metrics, by <c>trial_key</c>.</summary>
    private static readonly string[] EpochTables = ["trial_epochs", "trial_epoch_metrics"];

    private const string CreatePlannedSql = """
        CREATE TEMPORARY TABLE planned_trials (
            id text, number integer, stage integer, repeat integer, seed integer, parameters text, configuration text,
            learning_rate double precision, weight_decay_l1 double precision, weight_decay_l2 double precision, batch text
        ) ON COMMIT DROP
        """;

    private const string CopyPlannedSql = """
        COPY planned_trials (id, number, stage, repeat, seed, parameters, configuration, learning_rate, weight_decay_l1, weight_decay_l2, batch)
        FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>Rows are added in plan order, so their keys (and their epochs) follow it.</summary>
    private const string InsertPlannedSql = """
        INSERT INTO trials (experiment_id, id, number, stage, repeat, seed, parameters, configuration,
                            learning_rate, weight_decay_l1, weight_decay_l2, batch, status)
        SELECT @ExperimentId, id, number, stage, repeat, seed, parameters, configuration,
               learning_rate, weight_decay_l1, weight_decay_l2, batch, 'pending'
        FROM planned_trials
        ORDER BY number, id
        ON CONFLICT (experiment_id, id) DO NOTHING
        """;

    private const string ClaimTrialSql = $"""
        UPDATE trials
        SET status = 'running', run_id = @RunId, started = now(), ended = NULL, error = NULL,
            lease_token = @LeaseToken, lease_expires = {LeaseEnd}
        WHERE experiment_id = @ExperimentId AND id = @TrialId AND {TrialSql.ClaimableCondition}
        """;

    private const string LastTrialKeySql = "SELECT COALESCE(MAX(trial_key), 0) FROM trials";

    /// <summary>
    /// Adds the planned trials as pending in one transaction: they are copied into a temporary table and
    /// inserted from it in one statement, so 100,000 trials take a couple of seconds, not one round trip
    /// each. Trials already in the store keep their status and results.
    /// </summary>
    public TrialPlanning PlanTrials(long experimentId, IEnumerable<TrialPlan> trials, bool reuseFinished)
    {
        var rows = trials.Select(t => new PlannedTrialRow(experimentId, t));
        return Run((connection, transaction) =>
        {
            var lastKey = connection.ExecuteScalar<long>(LastTrialKeySql, transaction: transaction);
            connection.Execute(CreatePlannedSql, transaction: transaction);
            using (var writer = connection.BeginBinaryImport(CopyPlannedSql))
            {
                foreach (var row in rows)
                {
                    Write(writer, row);
                }

                writer.Complete();
            }

            var added = connection.Execute(InsertPlannedSql, new { ExperimentId = experimentId }, transaction);
            var reused = added > 0 && reuseFinished ? ReuseSql.Copy(connection, transaction, experimentId, lastKey, CopyReusedEpochsSql, CopyReusedRangeTestsSql) : [];
            return new TrialPlanning(added, reused);
        });
    }

    public ImmutableArray<TrialSummary> ListTrials(long experimentId) =>
        Read(c => c.Query<TrialRow>(TrialSql.List, new { ExperimentId = experimentId }).Select(r => r.ToSummary()).ToImmutableArray());

    public TrialCounts CountTrials(long experimentId, int? stage = null) =>
        Read(c => c.QuerySingle<TrialCountsRow>(TrialSql.Count, new { ExperimentId = experimentId, Stage = stage }).ToCounts());

    /// <summary>
    /// Marks the trial running for <paramref name="runId"/> if it is claimable. Of several claimers, the first
    /// update locks the row and the others, once it commits, find it no longer claimable.
    /// </summary>
    public bool TryClaimTrial(long experimentId, string trialId, long runId) => Run((connection, transaction) =>
    {
        RequeueLostTrials(connection, transaction, experimentId);
        return connection.Execute(
            ClaimTrialSql,
            new { ExperimentId = experimentId, TrialId = trialId, RunId = runId, LeaseToken = NewLeaseToken(), LeaseSeconds },
            transaction) == 1;
    });

    public int InterruptRunningTrials(long runId) => Run((connection, transaction) =>
        connection.Execute(TrialSql.InterruptRunning, new { RunId = runId, Ended = DateTimeOffset.UtcNow }, transaction));

    public int ResetTrials(long experimentId) => Run((connection, transaction) =>
    {
        foreach (var table in EpochTables)
        {
            connection.Execute(TrialSql.ResetRows(table), new { ExperimentId = experimentId }, transaction);
        }

        return connection.Execute(TrialSql.Reset, new { ExperimentId = experimentId }, transaction);
    });

    public int ReturnTrials(long runId) => Run((connection, transaction) =>
    {
        foreach (var table in EpochTables)
        {
            connection.Execute(TrialSql.ReturnRows(table), new { RunId = runId }, transaction);
        }

        return connection.Execute(TrialSql.Return, new { RunId = runId }, transaction);
    });

    /// <summary>
    /// All the diagnoses in one statement, as arrays: a statement per trial would cost a round trip to the
    /// server each, which for a sweep of short trials took longer than the rest of labelling them.
    /// </summary>
    public int RecordDiagnoses(long experimentId, IReadOnlyCollection<DiagnosedTrial> diagnoses)
    {
        var written = diagnoses.Select(d => (d.TrialId, Stored: DiagnosisJson.Write(d.Diagnosis))).ToList();
        return Run((connection, transaction) => connection.Execute(
            RecordDiagnosesSql,
            new
            {
                ExperimentId = experimentId,
                TrialIds = written.Select(d => d.TrialId).ToArray(),
                Labels = written.Select(d => d.Stored.Label).ToArray(),
                Jsons = written.Select(d => d.Stored.Json).ToArray(),
            },
            transaction));
    }

    public TrialDetail? GetTrial(long experimentId, string trialId) => ReadSnapshot((connection, transaction) =>
    {
        var row = connection.QuerySingleOrDefault<TrialRow>(TrialSql.Get, new { ExperimentId = experimentId, TrialId = trialId }, transaction);
        return row is null
            ? null
            : new TrialDetail(row.ToSummary(), row.Configuration, ReadEpochs(connection, transaction, experimentId, trialId));
    });

    public ImmutableArray<TrialSummary> FindTrials(string idPrefix) =>
        Read(c => c.Query<TrialRow>(TrialSql.Find, new { Prefix = idPrefix }).Select(r => r.ToSummary()).ToImmutableArray());

    /// <summary>Copies a planned trial into the temporary table.</summary>
    private static void Write(NpgsqlBinaryImporter writer, PlannedTrialRow row)
    {
        writer.StartRow();
        writer.Write(row.Id, NpgsqlDbType.Text);
        writer.Write(row.Number, NpgsqlDbType.Integer);
        writer.Write(row.Stage, NpgsqlDbType.Integer);
        writer.Write(row.Repeat, NpgsqlDbType.Integer);
        writer.Write(row.Seed, NpgsqlDbType.Integer);
        writer.Write(row.Parameters, NpgsqlDbType.Text);
        writer.Write(row.Configuration, NpgsqlDbType.Text);
        writer.Write(row.LearningRate, NpgsqlDbType.Double);
        writer.Write(row.WeightDecayL1, NpgsqlDbType.Double);
        writer.Write(row.WeightDecayL2, NpgsqlDbType.Double);
        writer.Write(row.Batch, NpgsqlDbType.Text);
    }
}
