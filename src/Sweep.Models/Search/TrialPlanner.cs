using System.Collections.Immutable;
using Sweep.Models.Experiments;
using Sweep.Models.Validation;

namespace Sweep.Models.Search;

/// <summary>
/// Expands an experiment's search block into trials: the cartesian product of the parameters (grid), draws
/// from their spaces (random), the coarse stage of a coarse-to-fine search, or the one run of a range
/// test; each configuration once per repeat. Later parameters vary fastest, as in nested loops. The later
/// stages of a coarse-to-fine search come from <see cref="PlanStage"/> once the earlier ones have results.
/// </summary>
public static class TrialPlanner
{
    public static TrialPlanResult Plan(LoadedExperiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var definition = experiment.Definition;
        var search = definition.Search;
        if (search.Strategy == SearchStrategy.CoarseToFine)
        {
            var (coarse, problem) = CoarseToFine(experiment);
            return coarse is null ? new TrialPlanResult([], [problem!]) : PlanStage(experiment, (StageProposal)coarse.Next([]));
        }

        var configurations = search.Strategy switch
        {
            SearchStrategy.Grid => Grid(search.Parameters),
            SearchStrategy.Random => Draws(search, definition.Seed),
            _ => [[]],
        };
        return Expand(experiment, configurations, stage: 0);
    }

    /// <summary>The trials of one stage of a coarse-to-fine search: each proposed value of the target once per repeat.</summary>
    public static TrialPlanResult PlanStage(LoadedExperiment experiment, StageProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(proposal);
        var target = experiment.Definition.Search.CoarseToFine!.Target;
        return Expand(
            experiment,
            [.. proposal.Values.Select(value => ImmutableArray.Create(new ParameterAssignment(target, ParameterValue.Of(value))))],
            proposal.Stage);
    }

    /// <summary>
    /// The search of a coarse-to-fine experiment, starting at search.start or else at the target's value in the
    /// file; null with the problem when there is no positive start inside [min, max].
    /// </summary>
    public static (CoarseToFineSearch? Search, ValidationError? Problem) CoarseToFine(LoadedExperiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var settings = experiment.Definition.Search.CoarseToFine
            ?? throw new ArgumentException("The experiment's strategy is not coarse-to-fine.", nameof(experiment));
        var start = settings.Start ?? experiment.NumberAt(settings.Target);
        if (start is not > 0)
        {
            return (null, new ValidationError(experiment.File, 0, 0, $"search.start is needed: {settings.Target} has no positive value in the experiment to start from"));
        }

        if (start < settings.Min || start > settings.Max)
        {
            return (null, new ValidationError(experiment.File, 0, 0, $"search.start {ParameterValue.Of(start.Value).Text} lies outside search.min {ParameterValue.Of(settings.Min).Text} .. search.max {ParameterValue.Of(settings.Max).Text}; move one of them"));
        }

        return (new CoarseToFineSearch(settings, start.Value), null);
    }

    private static TrialPlanResult Expand(LoadedExperiment experiment, List<ImmutableArray<ParameterAssignment>> configurations, int stage)
    {
        var search = experiment.Definition.Search;
        var errors = new List<ValidationError>();
        var trials = ImmutableArray.CreateBuilder<TrialPlan>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var keep = (long)configurations.Count * search.Repeats <= TrialPlan.KeptConfigurations;
        foreach (var assignments in configurations)
        {
            var (configuration, problems) = experiment.Resolve(assignments);
            errors.AddRange(problems);
            if (configuration is null)
            {
                continue;
            }

            for (var repeat = 0; repeat < search.Repeats; repeat++)
            {
                var seed = SeedSequence.ForRepeat(configuration.Seed, repeat);
                var id = TrialIdentity.Of(configuration, seed);
                // The same configuration reached twice (values [0.1, 0.10]) is one trial.
                if (seen.Add(id))
                {
                    trials.Add(new TrialPlan(experiment, id, trials.Count + 1, repeat, seed, stage, assignments, keep ? configuration with { Seed = seed } : null));
                }
            }
        }

        return new TrialPlanResult(trials.ToImmutable(), [.. errors.Distinct()]);
    }

    private static List<ImmutableArray<ParameterAssignment>> Grid(ImmutableArray<SearchParameter> parameters)
    {
        List<ImmutableArray<ParameterAssignment>> combinations = [[]];
        foreach (var parameter in parameters)
        {
            var points = PointsOf(parameter);
            combinations = [.. combinations.SelectMany(prefix => points.Select(point => prefix.Add(new ParameterAssignment(parameter.Path, point))))];
        }

        return combinations;
    }

    private static ImmutableArray<ParameterValue> PointsOf(SearchParameter parameter)
    {
        var points = parameter.Space.Points();
        return parameter.IncludeZero && !points.Any(p => p.Number == 0) ? points.Insert(0, ParameterValue.Of(0)) : points;
    }

    private static List<ImmutableArray<ParameterAssignment>> Draws(SearchDefinition search, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, search.Trials).Select(_ => search.Parameters.Select(p => Draw(p, random)).ToImmutableArray())];
    }

    private static ParameterAssignment Draw(SearchParameter parameter, Random random)
    {
        // include_zero gives zero the same chance as one listed value.
        if (parameter.IncludeZero && parameter.Space.IsDiscrete)
        {
            var points = PointsOf(parameter);
            return new ParameterAssignment(parameter.Path, points[random.Next(points.Length)]);
        }

        return new ParameterAssignment(parameter.Path, parameter.Space.Sample(random));
    }
}
