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

    internal TrialPlan(
        LoadedExperiment experiment, string id, int number, int repeat, int seed, int stage, ImmutableArray<ParameterAssignment> parameters,
        ExperimentDefinition? configuration = null)
    {
        this.experiment = experiment;
        this.configuration = configuration;
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
    /// The experiment with the trial's values and seed: kept from planning, or in a plan of more than
    /// <see cref="KeptConfigurations"/> trials resolved from the file anew at each read (read it once per use).
    /// </summary>
    public ExperimentDefinition Configuration => configuration ?? Resolve();

    /// <summary>
    /// Up to this many trials, a plan keeps each trial's configuration as planned (a few kilobytes each);
    /// a larger plan holds only ids and values and resolves a configuration from the file at each read,
    /// which costs about a millisecond.
    /// </summary>
    public const int KeptConfigurations = 10_000;

    /// <summary>The configuration as planned or <see cref="Resolved"/>; null in a plan too large to keep them.</summary>
    private ExperimentDefinition? configuration;

    /// <summary>
    /// A copy that keeps its configuration, for the length of one use (a trial while it runs reads it at its
    /// start, for its progress and for each epoch's checks), never for every trial of a plan at once.
    /// </summary>
    public TrialPlan Resolved() => configuration is null ? this with { configuration = Resolve() } : this;

    private ExperimentDefinition Resolve() =>
        (experiment.Resolve(Parameters).Definition ?? throw new InvalidOperationException($"Trial {Id} no longer resolves from {experiment.File}."))
        with
        { Seed = Seed };
}
