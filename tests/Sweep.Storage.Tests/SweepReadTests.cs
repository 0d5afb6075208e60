using System.Collections.Immutable;
using System.Globalization;
using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Search;
using Sweep.Models.Selection;

namespace Sweep.Storage.Tests;

public abstract class SweepReadTests(StoreKind kind) : StoreTestBase(kind)
{
    [Fact]
    public void A_sweep_reads_back_with_its_registered_settings_and_typed_trials()
    {
        using var store = OpenStore();
        var (experimentId, trials) = FirstTrialDiagnosed(store, decays: 2, new TrialDiagnosis(CurveLabel.Slow, "loss still falling", null));

        var sweep = store.ReadSweep(experimentId)!;

        Assert.Equal("store-test", sweep.Name);
        Assert.Equal(SearchStrategy.Grid, sweep.Settings.Strategy);
        Assert.Equal(["training.learning_rate", "training.weight_decay.l2"], sweep.Settings.Parameters.ToArray());
        Assert.Equal(4, sweep.Trials.Length);
        var first = sweep.Trials.Single(t => t.Id == trials[0].Id);
        Assert.Equal(ParameterValue.Of(0.001), first.ValueOf("training.learning_rate"));
        Assert.Equal(new TrialDiagnosis(CurveLabel.Slow, "loss still falling", null), first.Diagnosis);
        Assert.Equal(5, first.Epochs.Length);
        Assert.Equal(1.1 / 5, first.FinalLoss!.Value, 12);
    }

    [Fact]
    public void A_sweep_read_for_its_choice_alone_leaves_out_the_epochs_and_the_diagnosis_details_its_ranking_does_not_read()
    {
        using var store = OpenStore();
        var (experimentId, trials) = FirstTrialDiagnosed(store, decays: 1, new TrialDiagnosis(CurveLabel.Slow, "loss still falling", Measures));

        var sweep = store.ReadSweep(experimentId, withEpochs: false)!;

        var first = sweep.Trials.Single(t => t.Id == trials[0].Id);
        Assert.Empty(first.Epochs);
        Assert.Equal(5, first.EpochsRun);
        Assert.Equal(1.1 / 5, first.FinalLoss!.Value, 12);
        Assert.Equal(new TrialDiagnosis(CurveLabel.Slow, null, null), first.Diagnosis);
    }

    [Fact]
    public void A_trial_read_alone_is_the_read_model_record_with_its_epochs_and_whole_diagnosis()
    {
        using var store = OpenStore();
        var diagnosis = new TrialDiagnosis(CurveLabel.Slow, "loss still falling", Measures);
        var (experimentId, trials) = FirstTrialDiagnosed(store, decays: 1, diagnosis);

        var record = store.GetTrial(experimentId, trials[0].Id)!.ToRecord();

        var paged = store.ReadTrials(experimentId).Single(t => t.Id == trials[0].Id);
        Assert.Equal(diagnosis, record.Diagnosis);
        Assert.Equal(paged.Epochs.Select(e => (e.Epoch, e.TrainLoss)), record.Epochs.Select(e => (e.Epoch, e.TrainLoss)));
        Assert.Equal(paged.Parameters.ToArray(), record.Parameters.ToArray());
        Assert.Equal((paged.Status, paged.FinalLoss, paged.EpochsRun), (record.Status, record.FinalLoss, record.EpochsRun));
    }

    [Fact]
    public void Trials_read_a_page_at_a_time_come_in_plan_order_each_with_its_own_epochs()
    {
        using var store = OpenStore();
        // 2,050 trials: many pages, with finished trials on both sides of two page boundaries and in the last, short page.
        var (experimentId, runId, trials) = Planned(store, rates: 41, decays: 50);
        int[] finished = [0, 999, 1000, 1999, 2000, 2049];
        foreach (var index in finished)
        {
            store.TryClaimTrial(experimentId, trials[index].Id, runId);
            store.CompleteTrial(experimentId, trials[index].Id, runId, Some.Completed((index % 7) + 1, offset: index));
        }

        var read = store.ReadTrials(experimentId).ToList();

        Assert.Equal(trials.Select(t => t.Id), read.Select(t => t.Id));
        Assert.Equal(finished, read.Select((t, i) => (t, i)).Where(p => !p.t.Epochs.IsEmpty).Select(p => p.i));
        foreach (var index in finished)
        {
            Assert.Equal(Some.Epochs((index % 7) + 1, offset: index).Select(e => (e.Epoch, e.TrainLoss)), read[index].Epochs.Select(e => (e.Epoch, e.TrainLoss)));
        }

        Assert.All(store.ReadTrials(experimentId, withEpochs: false), t => Assert.Empty(t.Epochs));
    }

    [Theory]
    [InlineData("final_loss", 0)]
    [InlineData("best_loss", 5)]
    public void A_search_ranked_by_its_epochs_reads_them_even_for_its_choice_alone(string metric, int epochs)
    {
        using var store = OpenStore();
        var yaml = $$"""
            name: by-epochs
            data:
              inline: { x: [[1],[2]], y: [[3],[6]] }
            model:
              layers: [{units: 1}]
            training: {epochs: 5, batch: full, learning_rate: 0.01}
            search:
              strategy: coarse-to-fine
              metric: {{metric}}
            """;
        var experiment = ExperimentLoader.Parse(yaml, Path.Combine(Folder, "by-epochs.yaml"), Folder).Experiment!;
        var experimentId = store.RegisterExperiment(experiment).Id;
        var trial = TrialPlanner.Plan(experiment).Trials[0];
        store.AddPlannedTrials(experimentId, [trial]);
        var runId = store.StartRun(experimentId, "test");
        store.TryClaimTrial(experimentId, trial.Id, runId);
        store.CompleteTrial(experimentId, trial.Id, runId, Some.Completed(5));

        var sweep = store.ReadSweep(experimentId, withEpochs: false)!;

        Assert.Equal(epochs, sweep.Trials.Single().Epochs.Length);
    }

    [Fact]
    public void A_version_registered_before_its_settings_were_kept_reads_them_from_its_text_without_its_data_files()
    {
        using var store = OpenStore();
        var yaml = """
            name: moved
            data:
              csv: {path: gone/data.csv, target: y}
            model:
              layers: [{units: 1}]
            training: {epochs: 5, batch: full, learning_rate: 0.01}
            search:
              strategy: coarse-to-fine
              max: 1
            """;
        var data = Directory.CreateDirectory(Path.Combine(Folder, "gone")).FullName;
        File.WriteAllText(Path.Combine(data, "data.csv"), "x,y\n1,3\n2,6\n");
        var experiment = ExperimentLoader.Parse(yaml, Path.Combine(Folder, "moved.yaml"), Folder).Experiment!;
        var registration = store.RegisterExperiment(experiment);
        Directory.Delete(data, recursive: true);
        Execute($"UPDATE experiments SET settings = NULL WHERE id = {registration.Id}");

        var sweep = store.ReadSweep(registration.Id)!;

        Assert.Equal(SearchStrategy.CoarseToFine, sweep.Settings.Strategy);
        Assert.Equal(TrialPlanner.CoarseToFine(experiment).Search!.Start, sweep.Settings.CoarseToFine!.Start);
        Assert.NotNull(sweep.Settings.CreateSearch());
    }

    [Fact]
    public void An_unknown_stored_label_is_an_error_that_names_the_trial()
    {
        using var store = OpenStore();
        var (experimentId, runId, trials) = Planned(store, rates: 1, decays: 1);
        store.TryClaimTrial(experimentId, trials[0].Id, runId);
        store.CompleteTrial(experimentId, trials[0].Id, runId, Some.Completed(3));
        Execute($"UPDATE trials SET diagnosis = 'splendid', diagnosis_json = '{{}}' WHERE id = '{trials[0].Id}'");

        var error = Assert.Throws<StoreException>(() => store.ReadSweep(experimentId));

        Assert.Contains($"Trial {trials[0].Id} has the diagnosis 'splendid'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_are_kept_at_registration_with_the_coarse_to_fine_start_resolved()
    {
        using var store = OpenStore();
        var yaml = """
            name: c2f
            data:
              inline: {x: [[1], [2]], y: [[3], [6]]}
            model:
              layers: [{units: 1}]
            training: {epochs: 5, batch: full, learning_rate: 0.02}
            search:
              strategy: coarse-to-fine
              max: 1
              repeats: 2
            """;
        var experiment = ExperimentLoader.Parse(yaml, "c2f.yaml", ".").Experiment!;
        var registration = store.RegisterExperiment(experiment);

        var settings = store.ReadSweep(registration.Id)!.Settings;

        var start = TrialPlanner.CoarseToFine(experiment).Search!.Start;
        Assert.Contains($"\"start\":{start.ToString("R", CultureInfo.InvariantCulture)}", Scalar<string>("SELECT settings FROM experiments"), StringComparison.Ordinal);
        Assert.Equal(2, settings.Repeats);
        Assert.Equal(start, settings.CoarseToFine!.Start);
        Assert.Equal(DiagnosisThresholds.Default, settings.Diagnosis);
    }

    /// <summary>A grid of two rates and <paramref name="decays"/> decays whose first trial completed 5 epochs and was diagnosed.</summary>
    private static (long ExperimentId, ImmutableArray<TrialPlan> Trials) FirstTrialDiagnosed(IResultStore store, int decays, TrialDiagnosis diagnosis)
    {
        var (experimentId, runId, trials) = Planned(store, rates: 2, decays: decays);
        store.TryClaimTrial(experimentId, trials[0].Id, runId);
        store.CompleteTrial(experimentId, trials[0].Id, runId, Some.Completed(5));
        store.RecordDiagnosis(experimentId, trials[0].Id, diagnosis);
        return (experimentId, trials);
    }

    private static CurveMeasures Measures => new(1.1, 0.118, 0.0207, true, 40, -0.02, 0.4, 3, 0.05, 0.73, ValidationRise: 0.8335, TrainFall: 0.2367);
}

public sealed class SweepReadTestsOnSqlite() : SweepReadTests(StoreKind.Sqlite);

public sealed class SweepReadTestsOnPostgres() : SweepReadTests(StoreKind.Postgres);
