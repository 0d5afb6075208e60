using System.Collections.Immutable;
using Sweep.Models.Experiments;

namespace Sweep.Models.Search;

/// <summary>
/// One trial to run: its stable id, its place in the plan (1-based), which repeat it is, its seed, the
/// search values that make it, the stage of an adaptive search (0 for grid and random), and the resolved
/// experiment it trains.
/// </summary>
public sealed record TrialPlan(
    string Id,
    int Number,
    int Repeat,
    int Seed,
    int Stage,
    ImmutableArray<ParameterAssignment> Parameters,
    ExperimentDefinition Configuration);
