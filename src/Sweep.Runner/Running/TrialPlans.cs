using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Search;
using Sweep.Storage;

namespace Sweep.Runner.Running;

/// <summary>
/// What each trial id of an experiment version trains. A coarse-to-fine stage may be planned by another
/// process sharing the store while this one runs, so a claim can name a trial this process never planned:
/// then the stages stored so far are planned again from the store (<paramref name="stored"/>) before the
/// trial is looked up a second time. Safe to use from several workers at once.
/// </summary>
internal sealed class TrialPlans(IEnumerable<TrialPlan> planned, Func<IEnumerable<TrialPlan>>? stored = null)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, TrialPlan> plans = planned.ToDictionary(t => t.Id, StringComparer.Ordinal);

    /// <summary>The plans of an experiment version: <paramref name="planned"/>, and for a coarse-to-fine search every stage the store holds.</summary>
    public static TrialPlans Of(LoadedExperiment experiment, IEnumerable<TrialPlan> planned, IResultStore store, long experimentId) =>
        new(planned, experiment.Definition.Search.Strategy == SearchStrategy.CoarseToFine
            ? () => StoredPlans(store.ReadSweep(experimentId, withEpochs: false), experiment)
            : null);

    public void Add(IEnumerable<TrialPlan> trials)
    {
        lock (gate)
        {
            foreach (var trial in trials)
            {
                plans.TryAdd(trial.Id, trial);
            }
        }
    }

    /// <summary>The plan of the trial, or null when neither this process nor the store's stages plan it.</summary>
    public TrialPlan? Find(string trialId)
    {
        lock (gate)
        {
            if (plans.TryGetValue(trialId, out var plan) || stored is null)
            {
                return plan;
            }
        }

        Add(stored());
        lock (gate)
        {
            return plans.GetValueOrDefault(trialId);
        }
    }

    /// <summary>Every plan known now, with the stored stages, by trial id.</summary>
    public Dictionary<string, TrialPlan> All()
    {
        if (stored is not null)
        {
            Add(stored());
        }

        lock (gate)
        {
            return new Dictionary<string, TrialPlan>(plans, StringComparer.Ordinal);
        }
    }

    /// <summary>The plans of the stored trials of every stage, rebuilt from their stage and value.</summary>
    private static IEnumerable<TrialPlan> StoredPlans(SweepRecord? sweep, LoadedExperiment experiment)
    {
        if (sweep is null)
        {
            return [];
        }

        var target = experiment.Definition.Search.CoarseToFine!.Target;
        return sweep.Trials
            .Where(t => t.Stage > 0 && t.ValueOf(target)?.Number is not null)
            .GroupBy(t => t.Stage)
            .SelectMany(g => TrialPlanner.PlanStage(
                experiment,
                new StageProposal(g.Key, StageKind.Fine, [.. g.Select(t => t.ValueOf(target)!.Value.Number!.Value).Distinct().Order()], [])).Trials);
    }
}
