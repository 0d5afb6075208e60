using Sweep.Models.Search;

namespace Sweep.Storage.Rows;

/// <summary>
/// A planned trial as a new <c>trials</c> row takes it; Dapper binds its properties by name. Made as the row is
/// written, resolving the trial's configuration once, so a plan of any size is never held as rows.
/// </summary>
internal sealed class PlannedTrialRow
{
    public PlannedTrialRow(long experimentId, TrialPlan trial)
    {
        var configuration = trial.Configuration;
        ExperimentId = experimentId;
        Id = trial.Id;
        Number = trial.Number;
        Stage = trial.Stage;
        Repeat = trial.Repeat;
        Seed = trial.Seed;
        Parameters = ParametersJson.Of(trial.Parameters);
        Configuration = TrialIdentity.CanonicalJson(configuration, trial.Seed);
        LearningRate = configuration.Training.LearningRate;
        WeightDecayL1 = configuration.Training.WeightDecay.L1;
        WeightDecayL2 = configuration.Training.WeightDecay.L2;
        Batch = configuration.Training.Batch.ToString();
    }

    public long ExperimentId { get; }

    public string Id { get; }

    public int Number { get; }

    public int Stage { get; }

    public int Repeat { get; }

    public int Seed { get; }

    public string Parameters { get; }

    public string Configuration { get; }

    public double LearningRate { get; }

    public double WeightDecayL1 { get; }

    public double WeightDecayL2 { get; }

    public string Batch { get; }
}
