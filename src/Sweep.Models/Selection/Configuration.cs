using System.Collections.Immutable;
using Sweep.Models.Experiments;
using Sweep.Models.Results;

namespace Sweep.Models.Selection;

/// <summary>
/// One configuration of a sweep (the values of its searched keys) with the trials that ran it, one per repeat,
/// and its score: the mean over its finished repeats of the selection metric's score (lower is better; for an
/// accuracy the share of mistakes), +∞ when one of them did not complete with a finite number or none has finished.
/// </summary>
public sealed record Configuration(ImmutableArray<ParameterAssignment> Parameters, ImmutableArray<TrialRecord> Trials, double Score)
{
    /// <summary>The trial that stands for the configuration: its first repeat.</summary>
    public TrialRecord Representative => Trials.MinBy(t => (t.Repeat, t.Number))!;

    /// <summary>The configuration's learning rate (the same in every repeat).</summary>
    public double LearningRate => Representative.LearningRate;

    /// <summary>Whether the score is a finite number, so the configuration can be chosen.</summary>
    public bool IsScored => double.IsFinite(Score);
}
