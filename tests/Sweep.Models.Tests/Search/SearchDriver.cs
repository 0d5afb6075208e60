using Sweep.Models.Search;
using Sweep.Models.Selection;

namespace Sweep.Models.Tests.Search;

/// <summary>Runs a coarse-to-fine search to its decision, trying each proposed value with an objective, as the runner will.</summary>
internal static class SearchDriver
{
    public static (SearchDecision Decision, List<StageProposal> Stages, List<StagePoint> Tried) Drive(
        CoarseToFineSearch search, Func<double, RatePoint> objective) =>
        Drive(search, (values, _) => [.. values.Select(objective)]);

    /// <summary>
    /// Drives the search with an objective that sees a stage's values and everything tried before, so labels
    /// can be diagnosed against the siblings tried so far.
    /// </summary>
    public static (SearchDecision Decision, List<StageProposal> Stages, List<StagePoint> Tried) Drive(
        CoarseToFineSearch search, Func<IReadOnlyList<double>, IReadOnlyList<StagePoint>, IReadOnlyList<RatePoint>> objective)
    {
        var tried = new List<StagePoint>();
        var stages = new List<StageProposal>();
        for (var guard = 0; guard < 100; guard++)
        {
            switch (search.Next(tried))
            {
                case SearchDecision decision:
                    return (decision, stages, tried);
                case StageProposal proposal:
                    stages.Add(proposal);
                    tried.AddRange(objective(proposal.Values, tried).Select(p => new StagePoint(proposal.Stage, p.Rate, p.Metric, p.Label)));
                    break;
            }
        }

        throw new InvalidOperationException("The search did not decide within 100 stages.");
    }
}
