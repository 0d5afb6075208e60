using System.Collections.Immutable;
using Sweep.Models.Data;
using Sweep.Models.Experiments;

namespace Sweep.Models.Validation;

/// <summary>
/// Checks what the experiment file alone cannot show: that the data of every trial the built-in engine trains
/// loads (each CSV cell a finite number, each row as wide as the header, the named columns present, IDX
/// files whole, inline values float32 numbers) and that the model fits it (first-layer weights one per
/// feature, one output unit per target value or class). The data goes through the sweep's
/// <see cref="DatasetCache"/>, so a run that trains after the check loads it only once.
/// </summary>
public static class DataCheck
{
    /// <summary>
    /// A problem in a data file is reported at its file and line (<c>data.csv:3: column 'b' holds 'x'…</c>);
    /// one in the experiment's own text, or a model that does not fit, at its key in the experiment file.
    /// </summary>
    public static ImmutableArray<ValidationError> Check(LoadedExperiment experiment, IEnumerable<ExperimentDefinition> configurations, DatasetCache datasets)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(configurations);
        ArgumentNullException.ThrowIfNull(datasets);
        var errors = new List<ValidationError>();
        foreach (var configuration in configurations.Where(c => c.Trainer is null))
        {
            try
            {
                errors.AddRange(ShapeProblems(experiment, configuration.EngineModel, datasets.For(configuration)));
            }
            catch (DataLoadException e)
            {
                errors.Add(Placed(experiment, e));
            }
        }

        return [.. errors.Distinct()];
    }

    private static IEnumerable<ValidationError> ShapeProblems(LoadedExperiment experiment, ModelDefinition model, Dataset data)
    {
        // An autoencoder's output layer is built as wide as its input, so it always fits.
        if (model.Kind == ModelKind.Autoencoder)
        {
            yield break;
        }

        if (model.Layers[0].Weights is { } weights && ModelShape.InputProblem("model.layers[0].weights", weights[0].Length, data.Features) is { } input)
        {
            yield return At(experiment, "model.layers.0.weights", input);
        }

        if (ModelShape.OutputProblem(model.Layers[^1].Units, data.Targets) is { } output)
        {
            yield return At(experiment, $"model.layers.{model.Layers.Length - 1}", output);
        }
    }

    private static ValidationError Placed(LoadedExperiment experiment, DataLoadException problem) => problem switch
    {
        { Key: { } key } => At(experiment, key, $"{key}: {problem.Problem}"),
        { Where: { } file } => new ValidationError(file, problem.Line ?? 0, 0, problem.Problem),
        _ => new ValidationError(experiment.File, 0, 0, problem.Message),
    };

    private static ValidationError At(LoadedExperiment experiment, string path, string message) =>
        experiment.PlaceOf(path) is { } place
            ? new ValidationError(experiment.File, place.Line, place.Column, message)
            : new ValidationError(experiment.File, 0, 0, message);
}
