using System.Collections.Immutable;
using Sweep.Models.Selection;
using YamlDotNet.RepresentationModel;

namespace Sweep.Models.Experiments.Yaml;

internal sealed partial class ExperimentBinder
{
    private static readonly IReadOnlyDictionary<string, SearchStrategy> Strategies = EnumWords.Kebab<SearchStrategy>();

    private static readonly IReadOnlyDictionary<string, SelectionMetric> Metrics = EnumWords.Snake<SelectionMetric>();

    private static readonly string[] SpaceKeys = ["values", "log", "linear", "loguniform", "uniform"];

    private readonly List<BoundParameter> parameters = [];

    /// <summary>The search parameters with their places in the file, after <see cref="Bind"/>.</summary>
    public IReadOnlyList<BoundParameter> Parameters => parameters;

    private SearchDefinition? BindSearch(YamlNode node, TrainingDefinition? training, DataDefinition? data, bool commandTrials, IReadOnlyDictionary<string, ProgramParameter> programParameters)
    {
        if (context.Section(node, "search", ExperimentSchema.Search) is not { } search)
        {
            return null;
        }

        var strategy = search.Choice("strategy", Strategies) ?? SearchStrategy.Grid;
        var parallel = search["parallel"] is YamlScalarNode { Value: "auto" } ? null : search.Integer("parallel", p => p >= 1, "must be auto or at least 1");
        var repeats = search.Integer("repeats", r => r >= 1, "must be at least 1") ?? 1;
        var trials = search.Integer("trials", t => t >= 1, "must be at least 1") ?? 20;

        if (commandTrials && strategy == SearchStrategy.LrRangeTest)
        {
            context.Error(search["strategy"]!, "strategy lr-range-test needs the built-in engine (it changes the rate batch by batch inside one run), so it cannot run a trainer's program; search training.learning_rate with strategy coarse-to-fine instead");
        }

        var adaptive = strategy is SearchStrategy.CoarseToFine or SearchStrategy.LrRangeTest;
        OnlyFor(search, "trials", strategy == SearchStrategy.Random, "strategy random");
        foreach (var key in new[] { "target", "start", "resolution", "budget", "decades", "tolerance" })
        {
            OnlyFor(search, key, strategy == SearchStrategy.CoarseToFine, "strategy coarse-to-fine");
        }

        foreach (var key in new[] { "metric", "target_loss" })
        {
            OnlyFor(search, key, strategy != SearchStrategy.LrRangeTest, "strategies grid, random and coarse-to-fine");
        }

        foreach (var key in new[] { "steps", "smoothing", "stop_factor" })
        {
            OnlyFor(search, key, strategy == SearchStrategy.LrRangeTest, "strategy lr-range-test");
        }

        OnlyFor(search, "min", adaptive, "strategies coarse-to-fine and lr-range-test");
        OnlyFor(search, "max", adaptive, "strategies coarse-to-fine and lr-range-test");
        if (adaptive && search.KeyNode("parameters") is { } parametersKey)
        {
            context.Error(parametersKey, $"search.parameters does not apply to strategy {Strategies.First(s => s.Value == strategy).Key}, which tunes one rate; use strategy grid or random to search parameters");
        }
        else if (search.Section("parameters", SchemaNode.Free) is { } parameterSection)
        {
            foreach (var (key, value) in parameterSection.Entries)
            {
                BindParameter(key, value, strategy, commandTrials, programParameters);
            }
        }

        var min = search.Number("min", v => v > 0, "must be greater than 0") ?? 1e-7;
        var max = search.Number("max", v => v > min, $"must be greater than search.min ({min})") ?? 10;
        var (metric, targetLoss) = BindMetric(search, training, data, commandTrials);
        var coarseToFine = strategy == SearchStrategy.CoarseToFine ? BindCoarseToFine(search, min, max, training, metric, targetLoss) : null;
        var rangeTest = strategy == SearchStrategy.LrRangeTest
            ? new RangeTestSettings(
                min,
                max,
                search.Integer("steps", s => s >= 2, "must be at least 2") ?? 100,
                search.Number("smoothing", s => s is >= 0 and < 1, "must be at least 0 and below 1") ?? 0.98,
                search.Number("stop_factor", s => s > 1, "must be greater than 1") ?? 4)
            : null;

        var diagnosis = search.Section("diagnosis", ExperimentSchema.Search.Keys!["diagnosis"]) is { } thresholds
            ? BindDiagnosis(thresholds)
            : DiagnosisThresholds.Default;
        return new SearchDefinition(strategy, parallel, repeats, trials, [.. parameters.Select(p => p.Parameter)], coarseToFine, rangeTest)
        {
            Diagnosis = diagnosis,
            Metric = metric,
            TargetLoss = targetLoss,
        };
    }

    /// <summary>
    /// The selection metric and its target loss. An accuracy is the built-in engine's validation accuracy of a
    /// classifier, so it needs a cross-entropy loss, classes and a validation set; a trainer's program may report
    /// one or not (a trial without it has no score).
    /// </summary>
    private (SelectionMetric Metric, double? TargetLoss) BindMetric(YamlSection search, TrainingDefinition? training, DataDefinition? data, bool commandTrials)
    {
        var metric = search.Choice("metric", Metrics) ?? SelectionMetric.FinalLoss;
        var targetLoss = search.Number("target_loss", t => t > 0, "must be greater than 0");
        if (metric == SelectionMetric.EpochsToTarget && targetLoss is null && search.KeyNode("target_loss") is null)
        {
            context.Error(search["metric"]!, "search.metric epochs_to_target needs search.target_loss, the loss to reach");
        }

        if (metric.Maximises() && !commandTrials && search["metric"] is { } node)
        {
            var word = Metrics.First(m => m.Value == metric).Key;
            if (training is { Loss: LossKind.Mse or LossKind.Mae })
            {
                context.Error(node, $"search.metric {word} needs a classifier's accuracy, but training.loss {EnumText.Lower(training.Loss)} is a regression loss, which gives none; choose by final_loss, best_loss or epochs_to_target, or classify with loss cce (softmax output) or bce (sigmoid output)");
            }
            else if (data?.Source is IdxSource { Labels: null })
            {
                context.Error(node, $"search.metric {word} needs classes, and data.idx has no labels (the model reproduces its images); choose by final_loss, best_loss or epochs_to_target");
            }
            else if (data is { Validation: <= 0 } && data.Source is not IdxSource { TestImages: not null })
            {
                context.Error(node, $"search.metric {word} is measured on the validation set, and data holds none back; set data.validation (for example 0.2)");
            }
        }

        return (metric, targetLoss);
    }

    private static DiagnosisThresholds BindDiagnosis(YamlSection thresholds)
    {
        const string Share = "must be between 0 and 1";
        var defaults = DiagnosisThresholds.Default;
        return new DiagnosisThresholds(
            thresholds.Number("tail_fraction", v => v is > 0 and <= 1, "must be above 0 and at most 1") ?? defaults.TailFraction,
            thresholds.Number("still_falling", v => v is >= 0 and <= 1, Share) ?? defaults.StillFalling,
            thresholds.Number("steady_share", v => v is >= 0 and <= 1, Share) ?? defaults.SteadyShare,
            thresholds.Number("material_step", v => v is >= 0 and <= 1, Share) ?? defaults.MaterialStep,
            thresholds.Integer("min_reversals", v => v >= 1, "must be at least 1") ?? defaults.MinReversals,
            thresholds.Number("margin", v => v >= 0, "must be 0 or more") ?? defaults.Margin,
            thresholds.Number("converged_share", v => v is >= 0 and < 1, "must be at least 0 and below 1") ?? defaults.ConvergedShare,
            thresholds.Number("overfit_rise", v => v >= 0, "must be 0 or more") ?? defaults.OverfitRise);
    }

    private CoarseToFineSettings BindCoarseToFine(YamlSection search, double min, double max, TrainingDefinition? training, SelectionMetric metric, double? targetLoss)
    {
        var target = search.Text("target") ?? CoarseToFineSettings.DefaultTarget;
        if (search["target"] is { } targetNode && !ExperimentPaths.Names(target))
        {
            context.Error(targetNode, $"search.target '{target}' names no key of the experiment{ExperimentPaths.DidYouMean(target)}");
        }

        var start = search.Number("start", s => s >= min && s <= max, $"must lie between search.min ({min}) and search.max ({max})");
        return new CoarseToFineSettings(
            target,
            start ?? (target == CoarseToFineSettings.DefaultTarget ? training?.Optimizer.DefaultLearningRate : null),
            min,
            max,
            search.Integer("resolution", r => r is >= 1 and <= 6, "must be between 1 and 6 significant digits") ?? 2,
            search.Integer("budget", b => b >= 3, "must be at least 3") ?? 40,
            search.Integer("decades", d => d >= 1, "must be at least 1") ?? 2,
            metric,
            targetLoss,
            search.Number("tolerance", t => t is >= 0 and < 1, "must be at least 0 and below 1") ?? CoarseToFineSettings.DefaultTolerance);
    }

    private void BindParameter(YamlScalarNode keyNode, YamlNode value, SearchStrategy strategy, bool commandTrials, IReadOnlyDictionary<string, ProgramParameter> programParameters)
    {
        var path = keyNode.Value!;
        var where = $"search.parameters.{path}";
        if (commandTrials && !path.StartsWith("training.", StringComparison.Ordinal) && !path.StartsWith("params.", StringComparison.Ordinal))
        {
            context.Error(keyNode, $"search parameter '{path}' is neither a training.* nor a params.* key; with a trainer the program owns its data and model, so search its own settings as params.NAME (and add NAME to params)");
            return;
        }

        if (path.StartsWith("params.", StringComparison.Ordinal) && !programParameters.ContainsKey(path["params.".Length..]))
        {
            context.Error(keyNode, $"search parameter '{path}' names no key of params{Validation.Suggestions.DidYouMean(path, programParameters.Keys.Select(k => $"params.{k}"))}; add it to params with its default value");
            return;
        }

        if (!ExperimentPaths.Names(path))
        {
            context.Error(keyNode, $"search parameter '{path}' names no key of the experiment{ExperimentPaths.DidYouMean(path)}");
            return;
        }

        if (value is YamlSequenceNode listed)
        {
            AddValues(keyNode, listed, where, includeZero: false);
            return;
        }

        if (context.Section(value, where, ExperimentSchema.ParameterSpace) is not { } space)
        {
            return;
        }

        var kinds = SpaceKeys.Where(space.Has).ToList();
        if (kinds.Count != 1)
        {
            context.Error(kinds.Count == 0 ? space.Node : space.KeyNode(kinds[1])!, $"{where} needs exactly one of {string.Join(", ", SpaceKeys)}");
            return;
        }

        var includeZero = space.Flag("include_zero") ?? false;
        if (kinds[0] == "values")
        {
            AddValues(keyNode, space["values"]!, $"{where}.values", includeZero);
            return;
        }

        if (space.Section(kinds[0], ExperimentSchema.ParameterSpace.Keys![kinds[0]]) is not { } range)
        {
            return;
        }

        ParameterSpace? bound = kinds[0] switch
        {
            "log" => BindLogRange(range),
            "linear" => BindLinearRange(range),
            "loguniform" => BindContinuousRange(range, positive: true) is { } r ? new LogUniformRange(r.Min, r.Max) : null,
            _ => BindContinuousRange(range, positive: false) is { } r ? new UniformRange(r.Min, r.Max) : null,
        };
        if (bound is { IsDiscrete: false } && strategy != SearchStrategy.Random)
        {
            context.Error(space.KeyNode(kinds[0])!, $"{where}.{kinds[0]} draws random values, so it needs strategy random; a grid takes values, log or linear");
            return;
        }

        if (bound is not null)
        {
            parameters.Add(new BoundParameter(new SearchParameter(path, bound, includeZero), keyNode, null));
        }
    }

    private void AddValues(YamlScalarNode keyNode, YamlNode node, string where, bool includeZero)
    {
        if (node is not YamlSequenceNode { Children.Count: > 0 } list)
        {
            context.Error(node, $"{where} must be a non-empty list of values, got {BindContext.Describe(node)}");
            return;
        }

        if (!context.ValueLists.TryGetValue(list, out var valueList))
        {
            var values = ImmutableArray.CreateBuilder<ParameterValue>(list.Children.Count);
            foreach (var item in list.Children)
            {
                if (item is YamlScalarNode { Value: { } text })
                {
                    values.Add(ParameterValue.Parse(text));
                }
                else
                {
                    context.Error(item, $"{where} must list plain values (numbers or words), got {BindContext.Describe(item)}");
                    return;
                }
            }

            valueList = context.ValueLists.GetOrAdd(list, new ValueList(values.MoveToImmutable()));
        }

        parameters.Add(new BoundParameter(new SearchParameter(keyNode.Value!, valueList, includeZero), keyNode, [.. list.Children]));
    }

    private LogRange? BindLogRange(YamlSection range)
    {
        var min = range.Required("min", "min: 1e-5") is { } minNode ? context.Rule(minNode, $"{range.Path}.min", context.Number(minNode, $"{range.Path}.min"), v => v > 0, "must be greater than 0") : null;
        var max = range.Required("max", "max: 1") is { } maxNode ? context.Number(maxNode, $"{range.Path}.max") : null;
        var perDecade = range.Integer("per_decade", p => p >= 1, "must be at least 1") ?? 1;
        if (min is { } lo && max is { } hi && hi <= lo)
        {
            context.Error(range["max"]!, $"{range.Path}.max must be greater than {range.Path}.min ({lo}), got {BindContext.Describe(range["max"]!)}");
            return null;
        }

        return min is { } a && max is { } b ? Limited(range, new LogRange(a, b, perDecade)) : null;
    }

    private LinearRange? BindLinearRange(YamlSection range)
    {
        var min = range.Required("min", "min: 0.001") is { } minNode ? context.Number(minNode, $"{range.Path}.min") : null;
        var max = range.Required("max", "max: 0.01") is { } maxNode ? context.Number(maxNode, $"{range.Path}.max") : null;
        var step = range.Required("step", "step: 0.001") is { } stepNode ? context.Rule(stepNode, $"{range.Path}.step", context.Number(stepNode, $"{range.Path}.step"), s => s > 0, "must be greater than 0") : null;
        if (min is { } lo && max is { } hi && hi < lo)
        {
            context.Error(range["max"]!, $"{range.Path}.max must be at least {range.Path}.min ({lo}), got {BindContext.Describe(range["max"]!)}");
            return null;
        }

        return min is { } a && max is { } b && step is { } s ? Limited(range, new LinearRange(a, b, s)) : null;
    }

    private (double Min, double Max)? BindContinuousRange(YamlSection range, bool positive)
    {
        var min = range.Required("min", "min: 1e-5") is { } minNode
            ? context.Rule(minNode, $"{range.Path}.min", context.Number(minNode, $"{range.Path}.min"), v => !positive || v > 0, "must be greater than 0")
            : null;
        var max = range.Required("max", "max: 1") is { } maxNode ? context.Number(maxNode, $"{range.Path}.max") : null;
        if (min is { } lo && max is { } hi && hi <= lo)
        {
            context.Error(range["max"]!, $"{range.Path}.max must be greater than {range.Path}.min ({lo}), got {BindContext.Describe(range["max"]!)}");
            return null;
        }

        return min is { } a && max is { } b ? (a, b) : null;
    }

    /// <summary>A range that would expand into an absurd number of points is a typo, not a plan.</summary>
    private T? Limited<T>(YamlSection range, T space)
        where T : ParameterSpace
    {
        const int MaxPoints = 10_000;
        if ((space is LinearRange linear && (linear.Max - linear.Min) / linear.Step >= MaxPoints) ||
            (space is LogRange log && log.PerDecade * Math.Log10(log.Max / log.Min) >= MaxPoints))
        {
            context.Error(range.Node, $"{range.Path} would give more than {MaxPoints} values; widen the step or narrow the range");
            return null;
        }

        return space;
    }
}
