using System.Collections.Immutable;
using Sweep.Models.Selection;

namespace Sweep.Models.Search;

/// <summary>The value a coarse-to-fine search picked, its metric and label, why it stopped and how many trials it spent.</summary>
public sealed record SearchDecision(
    double Value,
    double Metric,
    CurveLabel Label,
    SearchStopReason Reason,
    int Trials,
    ImmutableArray<string> Story) : SearchStep(Story);
