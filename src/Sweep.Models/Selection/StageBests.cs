using Sweep.Models.Results;

namespace Sweep.Models.Selection;

/// <summary>
/// The lowest final losses a trial is judged against: per stage, the two lowest finite final losses of its completed
/// trials with epochs, so the best of a trial's siblings (the other trials of its stage and the stages before it) is
/// found without holding the trials. Two are kept because a trial is never its own sibling.
/// </summary>
internal sealed class StageBests
{
    private readonly SortedDictionary<int, (Entry First, Entry Second)> byStage = [];

    /// <summary>The table of <paramref name="trials"/>, read once, one trial at a time.</summary>
    public static StageBests Of(IEnumerable<TrialRecord> trials)
    {
        var bests = new StageBests();
        foreach (var trial in trials)
        {
            if (trial.Status == TrialStatus.Completed && FinalLoss(trial) is { } loss && double.IsFinite(loss))
            {
                bests.Add(trial.Stage, new Entry(loss, trial.Id));
            }
        }

        return bests;
    }

    /// <summary>
    /// The last epoch's loss, validation before training; a trial read without its epochs has the same numbers
    /// as its final losses. Null when it has no epoch.
    /// </summary>
    private static double? FinalLoss(TrialRecord trial) => !trial.Epochs.IsEmpty ? trial.Epochs[^1].Loss
        : trial.EpochsRun > 0 ? trial.FinalValidationLoss ?? trial.FinalTrainLoss
        : null;

    /// <summary>The lowest final loss among <paramref name="trial"/>'s siblings; null when it has none.</summary>
    public double? BestBesides(TrialRecord trial)
    {
        double? best = null;
        foreach (var (stage, (first, second)) in byStage)
        {
            if (stage > trial.Stage)
            {
                break;
            }

            var other = first.TrialId == trial.Id ? second : first;
            if (other.TrialId is not null && (best is not { } low || other.Loss < low))
            {
                best = other.Loss;
            }
        }

        return best;
    }

    private void Add(int stage, Entry entry)
    {
        var (first, second) = byStage.GetValueOrDefault(stage, (Entry.None, Entry.None));
        byStage[stage] = entry.IsBelow(first) ? (entry, first) : entry.IsBelow(second) ? (first, entry) : (first, second);
    }

    private readonly record struct Entry(double Loss, string? TrialId)
    {
        public static Entry None => new(double.PositiveInfinity, null);

        public bool IsBelow(Entry other) => other.TrialId is null || Loss < other.Loss;
    }
}
