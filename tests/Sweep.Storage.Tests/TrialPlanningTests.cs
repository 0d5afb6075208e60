using System.Text.Json;
using Sweep.Models.Results;
using Sweep.Models.Search;
using Sweep.Models.Selection;

namespace Sweep.Storage.Tests;

public abstract class TrialPlanningTests(StoreKind kind) : StoreTestBase(kind)
{
    [Fact]
    public void Planned_trials_are_added_once_and_keep_their_status_when_planned_again()
    {
        var store = OpenStore();
        var (experimentId, runId, trials) = Planned(store);
        store.TryClaimTrial(experimentId, trials[0].Id, runId);
        store.CompleteTrial(experimentId, trials[0].Id, runId, Some.Completed(5));

        var added = store.AddPlannedTrials(experimentId, trials);

        Assert.Equal(0, added);
        var listed = store.ListTrials(experimentId);
        Assert.Equal(trials.Select(t => t.Id), listed.Select(t => t.Id));
        Assert.Equal(TrialStatus.Completed, listed[0].Status);
        Assert.All(listed.Skip(1), t => Assert.Equal(TrialStatus.Pending, t.Status));
    }

    [Fact]
    public void A_trial_row_holds_its_plan_parameters_and_indexed_hyperparameters()
    {
        var store = OpenStore();
        var (experimentId, _, trials) = Planned(store);
        var plan = trials[3];

        var trial = store.GetTrial(experimentId, plan.Id)!;

        Assert.Equal((plan.Number, plan.Stage, plan.Repeat, plan.Seed), (trial.Trial.Number, trial.Trial.Stage, trial.Trial.Repeat, trial.Trial.Seed));
        Assert.Equal((0.002, 0.0, 0.01, "full"), (trial.Trial.LearningRate, trial.Trial.WeightDecayL1, trial.Trial.WeightDecayL2, trial.Trial.Batch));
        Assert.Equal("""{"training.learning_rate":0.002,"training.weight_decay.l2":0.01}""", trial.Trial.ParametersJson);
        Assert.Equal(TrialIdentity.CanonicalJson(plan.Configuration, plan.Seed), trial.ConfigurationJson);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(trial.ConfigurationJson).RootElement.ValueKind);
        Assert.Null(trial.Trial.RunId);
        Assert.Empty(trial.Epochs);
    }

    [Fact]
    public void The_same_trial_in_two_experiment_versions_is_two_rows()
    {
        var store = OpenStore();
        var first = store.RegisterExperiment(Some.Experiment());
        var second = store.RegisterExperiment(Some.Experiment(rates: 5));
        var trials = Some.Trials(Some.Experiment());

        store.AddPlannedTrials(first.Id, trials);
        store.AddPlannedTrials(second.Id, trials);

        Assert.Equal(16, Scalar<int>("SELECT COUNT(*) FROM trials"));
        Assert.Equal(2, store.FindTrials(trials[0].Id).Length);
        Assert.Equal(2, store.FindTrials(trials[0].Id[..6]).Length);
    }

    [Fact]
    public void A_diagnosis_is_stored_with_the_numbers_that_decided_it()
    {
        var store = OpenStore();
        var (experimentId, _, trials) = Planned(store);

        var diagnosis = new TrialDiagnosis(CurveLabel.Slow, "loss still falling 5.61% over the last 12 epochs", null);

        var recorded = store.RecordDiagnosis(experimentId, trials[0].Id, diagnosis);

        var trial = store.GetTrial(experimentId, trials[0].Id)!;
        Assert.True(recorded);
        Assert.Equal("slow", trial.Trial.Diagnosis);
        Assert.Equal("""{"label":"slow","reason":"loss still falling 5.61% over the last 12 epochs","measures":null}""", trial.Trial.DiagnosisJson);
        Assert.Equal(diagnosis, store.ReadSweep(experimentId)!.Trials.Single(t => t.Id == trials[0].Id).Diagnosis);
        Assert.False(store.RecordDiagnosis(experimentId, "0000000000000000", diagnosis));
    }

    [Fact]
    public void The_trials_of_a_version_or_of_one_stage_are_counted_by_status()
    {
        var store = OpenStore();
        var (experimentId, runId, trials) = Planned(store);
        foreach (var (trial, outcome) in new[] { (trials[0], Some.Completed(2)), (trials[1], Some.Interrupted(1)), (trials[2], new TrialOutcome(TrialStatus.Failed, [], 0.1, "boom")) })
        {
            store.TryClaimTrial(experimentId, trial.Id, runId);
            store.CompleteTrial(experimentId, trial.Id, runId, outcome);
        }

        store.TryClaimTrial(experimentId, trials[3].Id, runId);

        var counts = store.CountTrials(experimentId);

        Assert.Equal(new TrialCounts(Pending: 4, Running: 1, Completed: 1, Diverged: 0, Failed: 1, Interrupted: 1), counts);
        Assert.Equal((8, 2, 6), (counts.Total, counts.Finished, counts.Unfinished));
        Assert.Equal(8, store.CountTrials(experimentId, stage: 0).Total);
        Assert.Equal(0, store.CountTrials(experimentId, stage: 1).Total);
    }

    [Fact]
    public void Diagnoses_of_many_trials_are_stored_at_once_and_only_trials_of_the_version_count()
    {
        var store = OpenStore();
        var (experimentId, _, trials) = Planned(store);
        DiagnosedTrial[] diagnoses =
        [
            new(trials[0].Id, new TrialDiagnosis(CurveLabel.Slow, "loss still falling", null)),
            new(trials[1].Id, new TrialDiagnosis(CurveLabel.Good, "flat at the lowest loss", null)),
            new("0000000000000000", new TrialDiagnosis(CurveLabel.Diverging, "loss rose", null)),
        ];

        var recorded = store.RecordDiagnoses(experimentId, diagnoses);

        Assert.Equal(2, recorded);
        var read = store.ReadTrials(experimentId).ToDictionary(t => t.Id, t => t.Diagnosis);
        Assert.Equal(diagnoses[0].Diagnosis, read[trials[0].Id]);
        Assert.Equal(diagnoses[1].Diagnosis, read[trials[1].Id]);
        Assert.Null(read[trials[2].Id]);
    }

    [Fact]
    public void An_overfitting_diagnosis_is_stored_and_read_back_with_its_validation_rise_and_training_fall()
    {
        var store = OpenStore();
        var (experimentId, _, trials) = Planned(store);
        var measures = new CurveMeasures(1.1, 0.118, 0.0207, true, 40, -0.02, 0.4, 3, 0.05, 0.73, ValidationRise: 0.8335, TrainFall: 0.2367);
        var diagnosis = new TrialDiagnosis(CurveLabel.Overfitting, "over the last 40 epochs the validation loss averaged 83.35% above its lowest stretch of as many", measures);

        store.RecordDiagnosis(experimentId, trials[0].Id, diagnosis);

        Assert.Equal("overfitting", store.GetTrial(experimentId, trials[0].Id)!.Trial.Diagnosis);
        Assert.Equal(diagnosis, store.ReadSweep(experimentId)!.Trials.Single(t => t.Id == trials[0].Id).Diagnosis);
    }
}

public sealed class TrialPlanningTestsOnSqlite() : TrialPlanningTests(StoreKind.Sqlite);

public sealed class TrialPlanningTestsOnPostgres() : TrialPlanningTests(StoreKind.Postgres);
