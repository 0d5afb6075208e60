using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Selection;

namespace Sweep.Storage.Tests;

/// <summary>
/// The JSON the store keeps of a sweep's settings and of a diagnosis, pinned: stores written by earlier
/// versions hold this text, and every version must read it and write the same.
/// </summary>
public sealed class StoredJsonTests
{
    private const string SettingsText =
        """{"description":"a sweep","strategy":"coarse-to-fine","repeats":2,"parameters":["training.learning_rate","training.l2"],"coarse_to_fine":{"target":"training.learning_rate","start":0.01,"min":1E-05,"max":10,"resolution":5,"budget":40,"decades":2,"metric":"epochs-to-target","target_loss":0.5,"tolerance":0.01},"range_test":{"min":1E-07,"max":1,"steps":100,"smoothing":0.05,"stop_factor":4},"diagnosis":{"tail_fraction":0.2,"still_falling":0.005,"steady_share":0.8,"material_step":0.005,"min_reversals":2,"margin":0.01,"converged_share":1E-06,"overfit_rise":0.05},"metric":"best-loss","target_loss":"NaN","ranks_by_epochs":true}""";

    private const string DiagnosisText =
        """{"label":"overfitting","reason":"validation loss rose","measures":{"start_loss":2.5,"final_loss":0.5,"best_loss":0.25,"all_finite":true,"tail_steps":4,"tail_fall":0.125,"falling_share":0.75,"reversals":1,"amplitude":0.0625,"gap_to_best":null,"validation_rise":"Infinity","train_fall":0.5}}""";

    private static readonly SweepSettings Settings = new(
        "a sweep",
        SearchStrategy.CoarseToFine,
        Repeats: 2,
        ["training.learning_rate", "training.l2"],
        new CoarseToFineSettings("training.learning_rate", 0.01, 1e-5, 10, 5, 40, 2, SelectionMetric.EpochsToTarget, 0.5),
        new RangeTestSettings(1e-7, 1, 100, 0.05, 4),
        DiagnosisThresholds.Default)
    {
        Metric = SelectionMetric.BestLoss,
        TargetLoss = double.NaN,
    };

    private static readonly TrialDiagnosis Diagnosis = new(
        CurveLabel.Overfitting,
        "validation loss rose",
        new CurveMeasures(2.5, 0.5, 0.25, true, 4, 0.125, 0.75, 1, 0.0625, null, double.PositiveInfinity, 0.5));

    [Fact]
    public void Sweep_settings_are_written_as_before() => Assert.Equal(SettingsText, SweepSettingsJson.Write(Settings));

    [Fact]
    public void Sweep_settings_read_back_as_written()
    {
        var read = SweepSettingsJson.Read(SettingsText);

        Assert.Equal(SettingsText, SweepSettingsJson.Write(read));
        Assert.Equal(["training.learning_rate", "training.l2"], read.Parameters.ToArray());
        Assert.Equal(Settings.CoarseToFine, read.CoarseToFine);
        Assert.Equal(SelectionMetric.BestLoss, read.Metric);
    }

    [Fact]
    public void A_diagnosis_is_written_as_before() => Assert.Equal(("overfitting", DiagnosisText), DiagnosisJson.Write(Diagnosis));

    [Fact]
    public void A_diagnosis_reads_back_as_written() => Assert.Equal(Diagnosis, DiagnosisJson.Read("t1", "overfitting", DiagnosisText));
}
