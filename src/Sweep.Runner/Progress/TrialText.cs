using Sweep.Models.Search;

namespace Sweep.Runner.Progress;

/// <summary>A trial's search values as people read them: <c>training.learning_rate=0.01, training.batch=32</c>.</summary>
internal static class TrialText
{
    public static string Parameters(TrialPlan trial) =>
        trial.Parameters.IsEmpty ? "as written" : string.Join(", ", trial.Parameters.Select(p => $"{p.Path}={p.Value}"));

    public static string Describe(TrialPlan trial) => $"trial {trial.Id} ({Parameters(trial)})";
}
