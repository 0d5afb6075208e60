namespace Sweep.Storage.Rows;

/// <summary>An experiment with its run and trial counts, as the summary query returns it.</summary>
internal sealed class ExperimentRow
{
    public long Id { get; init; }

    public string Name { get; init; } = "";

    public int Version { get; init; }

    public string Hash { get; init; } = "";

    public string File { get; init; } = "";

    public DateTime Created { get; init; }

    public int Runs { get; init; }

    public DateTime? LastRun { get; init; }

    public int Pending { get; init; }

    public int Running { get; init; }

    public int Completed { get; init; }

    public int Diverged { get; init; }

    public int Failed { get; init; }

    public int Interrupted { get; init; }

    public double? BestTrainLoss { get; init; }

    public double? BestValidationLoss { get; init; }

    public ExperimentSummary ToSummary() => new(
        Id,
        Name,
        Version,
        Hash,
        File,
        StoredValues.Utc(Created),
        Runs,
        StoredValues.Utc(LastRun),
        new TrialCounts(Pending, Running, Completed, Diverged, Failed, Interrupted),
        BestTrainLoss,
        BestValidationLoss);
}
