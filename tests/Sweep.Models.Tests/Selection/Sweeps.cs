using System.Collections.Immutable;
using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Search;
using Sweep.Models.Selection;

namespace Sweep.Models.Tests.Selection;

/// <summary>Stored sweeps made by hand: trials of a learning rate (and a unit count) with final losses and labels.</summary>
internal static class Sweeps
{
    public static SweepSettings Grid { get; } = new("", SearchStrategy.Grid, 1, ["training.learning_rate"], null, null, DiagnosisThresholds.Default);

    public static SweepRecord Of(params TrialRecord[] trials) => Of(Grid, trials);

    public static SweepRecord Of(SweepSettings settings, params TrialRecord[] trials) => new("some", 1, settings, [.. trials], null);

    public static TrialRecord Trial(
        string id, double rate, double? loss, int repeat = 0, int stage = 0, TrialStatus status = TrialStatus.Completed,
        CurveLabel? label = CurveLabel.Good, int? units = null)
    {
        ImmutableArray<ParameterAssignment> parameters = units is { } u
            ? [new("training.learning_rate", ParameterValue.Of(rate)), new("model.layers.0.units", ParameterValue.Of(u))]
            : [new("training.learning_rate", ParameterValue.Of(rate))];
        var epochs = loss is { } final ? Curves.Of([1.0, final]) : [];
        return new TrialRecord(
            id, int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture), stage, repeat, repeat, parameters, rate, 0, 0, "full", status,
            label is { } l ? new TrialDiagnosis(l, null, null) : null,
            loss, null, loss, null, epochs.Length, 1, null, epochs);
    }

    public static RangeTestRecord RangeTest(string id, bool byLrFind) => new(
        id,
        new RangeTestSettings(1e-4, 1, 5, 0.0, 4),
        [new RangeTestStep(0, 1e-4, 1.0, 1.0), new RangeTestStep(1, 1e-3, 0.9, 0.9), new RangeTestStep(2, 1e-2, 0.5, 0.5), new RangeTestStep(3, 1e-1, 0.45, 0.45), new RangeTestStep(4, 1, 9, 9)],
        byLrFind);
}
