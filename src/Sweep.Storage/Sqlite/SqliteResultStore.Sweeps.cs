using System.Collections.Immutable;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Storage.Sqlite.Rows;
using Sweep.Storage.Sqlite.Schema;

namespace Sweep.Storage.Sqlite;

public sealed partial class SqliteResultStore
{
    private const string SweepExperimentSql = """
        SELECT name AS Name, version AS Version, file AS File, yaml AS Yaml, settings AS Settings
        FROM experiments
        WHERE id = @Id
        """;

    private const int SettingsSchemaVersion = 6;

    private const string WriteSettingsSql = "UPDATE experiments SET settings = @Settings WHERE id = @Id";

    /// <summary>
    /// An experiment version as one read model: its settings as registered, every trial with its epochs and
    /// diagnosis, and its range test (its own, or else the newest stored by lr-find). Needs nothing but the store:
    /// a version registered before its settings were kept has its search block read from the stored text, without
    /// looking for its data files. Null when there is no such version.
    /// </summary>
    public SweepRecord? ReadSweep(long experimentId, bool withEpochs = true)
    {
        var experiment = Read(c => c.QuerySingleOrDefault<SweepExperimentRow>(SweepExperimentSql, new { Id = experimentId }));
        if (experiment is null)
        {
            return null;
        }

        var settings = SettingsOf(experiment);
        var epochs = (withEpochs || settings.RanksByEpochs ? ListEpochs(experimentId) : [])
            .ToLookup(e => e.TrialId, e => e.Epoch, StringComparer.Ordinal);
        var trials = ListTrials(experimentId).Select(t => RecordOf(t, [.. epochs[t.Id]])).ToImmutableArray();
        return new SweepRecord(experiment.Name, experiment.Version, settings, trials, RangeTestOf(experimentId, settings, trials));
    }

    /// <summary>
    /// Keeps what telling the sweep again needs beside a newly registered version; a store still at a schema
    /// before the settings column (opened with fewer migrations) keeps nothing and is read from its text.
    /// </summary>
    private void WriteSettings(long experimentId, LoadedExperiment experiment, SqliteTransaction transaction)
    {
        if (SchemaMigrator.UserVersion(connection, transaction) >= SettingsSchemaVersion)
        {
            connection.Execute(WriteSettingsSql, new { Id = experimentId, Settings = SweepSettingsJson.Write(SweepSettings.Of(experiment)) }, transaction);
        }
    }

    private static SweepSettings SettingsOf(SweepExperimentRow experiment)
    {
        if (experiment.Settings is { } json)
        {
            return SweepSettingsJson.Read(json);
        }

        return experiment.Yaml is { } yaml && ExperimentLoader.ParseStored(yaml, experiment.File).Experiment is { } loaded
            ? SweepSettings.Of(loaded)
            : SweepSettings.Unknown;
    }

    private RangeTestRecord? RangeTestOf(long experimentId, SweepSettings settings, ImmutableArray<TrialRecord> trials)
    {
        if (settings is { Strategy: SearchStrategy.LrRangeTest, RangeTest: { } own })
        {
            foreach (var trial in trials)
            {
                if (ReadRangeTest(experimentId, trial.Id) is { IsEmpty: false } steps)
                {
                    return new RangeTestRecord(trial.Id, own, steps, ByLrFind: false);
                }
            }
        }

        return LatestLrFindTest(experimentId) is { } test && ReadRangeTest(experimentId, test.Id) is { IsEmpty: false } found
            ? new RangeTestRecord(test.Id, test.Settings, found, ByLrFind: true)
            : null;
    }

    private static TrialRecord RecordOf(TrialSummary trial, ImmutableArray<EpochRecord> epochs) => new(
        trial.Id,
        trial.Number,
        trial.Stage,
        trial.Repeat,
        trial.Seed,
        ParametersOf(trial.ParametersJson),
        trial.LearningRate,
        trial.WeightDecayL1,
        trial.WeightDecayL2,
        trial.Batch,
        trial.Status,
        DiagnosisJson.Read(trial.Id, trial.Diagnosis, trial.DiagnosisJson),
        trial.FinalTrainLoss,
        trial.FinalValidationLoss,
        trial.BestTrainLoss,
        trial.BestValidationLoss,
        trial.Epochs,
        trial.Seconds,
        trial.Error,
        epochs)
    {
        Ended = trial.Ended,
    };

    private static ImmutableArray<ParameterAssignment> ParametersOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateObject().Select(p => new ParameterAssignment(
            p.Name,
            p.Value.ValueKind == JsonValueKind.Number ? ParameterValue.Of(p.Value.GetDouble()) : new ParameterValue(p.Value.ToString(), null)))];
    }
}
