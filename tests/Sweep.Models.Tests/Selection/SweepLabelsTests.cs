using Sweep.Models.Results;
using Sweep.Models.Selection;
using static Sweep.Models.Tests.Selection.Sweeps;

namespace Sweep.Models.Tests.Selection;

public class SweepLabelsTests
{
    [Fact]
    public void A_stage_is_judged_against_itself_and_earlier_stages_so_a_better_later_stage_does_not_relabel_it()
    {
        var early = Trial("t1", 0.01, 0.01, stage: 1) with { Epochs = Curves.Falling(20, 0.5, floor: 0.1) };
        var late = Trial("t2", 0.02, 0.001, stage: 2) with { Epochs = Curves.Falling(20, 0.5, floor: 0.01) };

        var alone = SweepLabels.Of([early], DiagnosisThresholds.Default);
        var both = SweepLabels.Of([early, late], DiagnosisThresholds.Default);

        Assert.Equal(alone["t1"].Label, both["t1"].Label);
        Assert.Equal(CurveLabel.Good, both["t1"].Label);
        Assert.Equal(CurveLabel.Good, both["t2"].Label);
    }

    [Fact]
    public void Trials_of_one_stage_are_judged_against_each_other()
    {
        var worse = Falling("t1", 0.01, 0.1);
        var better = Falling("t2", 0.02, 0.01);

        var labels = SweepLabels.Of([worse, better], DiagnosisThresholds.Default);

        Assert.NotEqual(CurveLabel.Good, labels["t1"].Label);
        Assert.Equal(CurveLabel.Good, labels["t2"].Label);
    }

    [Fact]
    public void A_sweep_labelled_as_a_stream_is_read_twice_and_labelled_as_the_whole_sweep_at_once()
    {
        TrialRecord[] trials =
        [
            Falling("t1", 0.01, 0.1),
            Falling("t2", 0.02, 0.01),
            Falling("t3", 0.04, 0.011),
            Trial("t4", 0.08, null, status: TrialStatus.Failed, label: null),
        ];
        var reads = new List<bool>();

        var streamed = SweepLabels.Stream(withEpochs => { reads.Add(withEpochs); return trials; }, DiagnosisThresholds.Default).ToList();

        Assert.Equal([false, true], reads);
        var whole = CurveDiagnosis.OfSweep([.. trials.Take(3).Select(t => new TrialResult(t.Id, t.Status, t.Epochs, null, 0))]);
        Assert.Equal(["t1", "t2", "t3"], streamed.Select(d => d.TrialId));
        Assert.Equal(whole.Select(d => d.Reason), streamed.Select(d => d.Diagnosis.Reason));
    }

    [Fact]
    public void A_first_read_without_epochs_finds_the_same_stage_bests_from_the_final_losses()
    {
        TrialRecord[] trials =
        [
            Falling("t1", 0.01, 0.1),
            Falling("t2", 0.02, 0.01),
            Falling("t3", 0.04, 0.011, stage: 1),
        ];

        // As the store reads a trial without its epochs: the final losses are its last epoch's.
        var finalsOnly = trials.Select(t => t with { Epochs = [], FinalTrainLoss = t.Epochs[^1].TrainLoss, FinalValidationLoss = t.Epochs[^1].ValidationLoss }).ToList();
        var streamed = SweepLabels.Stream(withEpochs => withEpochs ? trials : finalsOnly, DiagnosisThresholds.Default).ToList();

        var whole = SweepLabels.Of(trials, DiagnosisThresholds.Default);
        Assert.Equal(whole.Count, streamed.Count);
        Assert.All(streamed, d => Assert.Equal(whole[d.TrialId].Reason, d.Diagnosis.Reason));
    }

    [Fact]
    public void A_failed_trial_has_no_label_and_counts_as_diverging()
    {
        var failed = Trial("t1", 0.01, null, status: TrialStatus.Failed, label: null);

        Assert.Empty(SweepLabels.Of([failed], DiagnosisThresholds.Default));
        Assert.Equal(CurveLabel.Diverging, SweepLabels.LabelOf(failed));
    }

    /// <summary>A completed trial whose loss falls from 1 toward <paramref name="floor"/> over 20 epochs, with <paramref name="floor"/> as its final loss.</summary>
    private static TrialRecord Falling(string id, double rate, double floor, int stage = 0) =>
        Trial(id, rate, floor, stage: stage) with { Epochs = Curves.Falling(20, 0.5, floor: floor) };
}
