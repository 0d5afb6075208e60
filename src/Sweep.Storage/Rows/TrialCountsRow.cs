namespace Sweep.Storage.Rows;

/// <summary>How many trials are in each status, as <see cref="Sql.TrialSql.Count"/> returns it.</summary>
internal sealed class TrialCountsRow
{
    public int Pending { get; init; }

    public int Running { get; init; }

    public int Completed { get; init; }

    public int Diverged { get; init; }

    public int Failed { get; init; }

    public int Interrupted { get; init; }

    public TrialCounts ToCounts() => new(Pending, Running, Completed, Diverged, Failed, Interrupted);
}
