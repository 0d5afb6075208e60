using Sweep.Models.Experiments;
using Sweep.Models.Search;
using Sweep.Runner.Running;
using Sweep.Storage;

namespace Sweep.Runner.Reporting;

/// <summary>
/// The coarse-to-fine search of a stored experiment version, retold from the store: its file as stored and
/// its trials by stage give the same steps the run took (<see cref="CoarseToFineHistory"/>), so `sweep best`
/// and the reports print the story without a table of their own.
/// </summary>
internal sealed record StoredSearch(CoarseToFineSettings Settings, SearchStep Step, IReadOnlyList<TrialSummary> Trials)
{
    /// <summary>Null when the version is not a coarse-to-fine search, or its stored file no longer loads (<paramref name="experiment"/> null).</summary>
    public static StoredSearch? Of(IResultStore store, long experimentId, LoadedExperiment? experiment)
    {
        if (experiment?.Definition.Search.CoarseToFine is not { } settings
            || TrialPlanner.CoarseToFine(experiment).Search is not { } search)
        {
            return null;
        }

        return new StoredSearch(settings, CoarseToFineHistory.Of(store, experimentId, experiment, search).Step, store.ListTrials(experimentId));
    }

    /// <summary>The decision, when the search has reached one.</summary>
    public SearchDecision? Decision => Step as SearchDecision;

    /// <summary>The picked value's trial (its first repeat), when the search has decided.</summary>
    public TrialSummary? PickedTrial => Decision is { } decision
        ? CoarseToFineHistory.Searched(Trials, Settings.Target).Where(t => FineGrid.SameValue(t.Value, decision.Value))
            .Select(t => t.Trial).OrderBy(t => t.Repeat).FirstOrDefault()
        : null;

    /// <summary>The story so far; an unfinished search says so in its last line.</summary>
    public IReadOnlyList<string> Story => Step is StageProposal proposal
        ? [.. proposal.Story, $"The search is not finished: stage {proposal.Stage} is still to run; run the same command again to go on."]
        : Step.Story;
}
