using System.Collections.Immutable;
using System.Text.Json;
using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Storage.Rows;

namespace Sweep.Storage;

/// <summary>
/// Builds an experiment version's read model from what any store returns: the settings as registered (or,
/// for a version registered before they were kept, its search block read from the stored text without
/// looking for its data files), its trials with their epochs, and its range test.
/// </summary>
internal static class SweepRecords
{
    public static SweepRecord Read(IResultStore store, long experimentId, SweepExperimentRow experiment, bool withEpochs)
    {
        var settings = SettingsOf(experiment);
        var trials = store.ReadTrials(experimentId, withEpochs || settings.RanksByEpochs).ToImmutableArray();
        return new SweepRecord(experiment.Name, experiment.Version, settings, trials, RangeTestOf(store, experimentId, settings, trials));
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

    private static RangeTestRecord? RangeTestOf(IResultStore store, long experimentId, SweepSettings settings, ImmutableArray<TrialRecord> trials)
    {
        if (settings is { Strategy: SearchStrategy.LrRangeTest, RangeTest: { } own })
        {
            foreach (var trial in trials)
            {
                if (store.ReadRangeTest(experimentId, trial.Id) is { IsEmpty: false } steps)
                {
                    return new RangeTestRecord(trial.Id, own, steps, ByLrFind: false);
                }
            }
        }

        return store.LatestLrFindTest(experimentId) is { } test && store.ReadRangeTest(experimentId, test.Id) is { IsEmpty: false } found
            ? new RangeTestRecord(test.Id, test.Settings, found, ByLrFind: true)
            : null;
    }

    /// <summary>
    /// A stored trial as the read model holds it, with the epochs given; with <paramref name="labelOnly"/> its diagnosis
    /// is the label alone, which is all a choice reads: the reason and the measures cost about 350 bytes a trial, more
    /// than the rest of its record, and only the reports' shown trials and <c>sweep show</c> print them.
    /// </summary>
    public static TrialRecord RecordOf(TrialSummary trial, ImmutableArray<EpochRecord> epochs, bool labelOnly = false) => new(
        trial.Id,
        trial.Number,
        trial.Stage,
        trial.Repeat,
        trial.Seed,
        ParametersOf(trial.ParametersJson),
        trial.LearningRate,
        trial.WeightDecayL1,
        trial.WeightDecayL2,
        // A sweep's trials share a few batch modes and searched keys: one string each, not one a trial.
        string.Intern(trial.Batch),
        trial.Status,
        DiagnosisJson.Read(trial.Id, trial.Diagnosis, labelOnly ? null : trial.DiagnosisJson),
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
            string.Intern(p.Name),
            p.Value.ValueKind == JsonValueKind.Number ? ParameterValue.Of(p.Value.GetDouble()) : new ParameterValue(p.Value.ToString(), null)))];
    }
}
