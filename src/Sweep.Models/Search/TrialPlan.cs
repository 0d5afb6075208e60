using System.Collections.Immutable;
using Sweep.Models.Experiments;

namespace Sweep.Models.Search;

/// <summary>
/// One trial to run: its stable id, its place in the plan (1-based), which repeat it is, its seed, the
/// search values that make it, the stage of an adaptive search (0 for grid and random), and the resolved
/// experiment it trains.
/// </summary>
public sealed record TrialPlan
{
    private readonly LoadedExperiment experiment;

    internal TrialPlan(LoadedExperiment experiment, string id, int number, int repeat, int seed, int stage, ImmutableArray<ParameterAssignment> parameters)
    {
        this.experiment = experiment;
        Id = id;
        Number = number;
        Repeat = repeat;
        Seed = seed;
        Stage = stage;
        Parameters = parameters;
    }

    public string Id { get; init; }

    public int Number { get; init; }

    public int Repeat { get; init; }

    public int Seed { get; init; }

    public int Stage { get; init; }

    public ImmutableArray<ParameterAssignment> Parameters { get; init; }

    /// <summary>
    /// The experiment with the trial's values and seed. It is resolved from the file anew at each read rather than
    /// kept, so a plan of any size holds only ids and values: read it once per use.
    /// </summary>
    public ExperimentDefinition Configuration =>
        (experiment.Resolve(Parameters).Definition ?? throw new InvalidOperationException($"Trial {Id} no longer resolves from {experiment.File}."))
        with
        { Seed = Seed };
}
