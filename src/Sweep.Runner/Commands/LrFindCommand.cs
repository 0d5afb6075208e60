using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sweep.Models.Data;
using Sweep.Models.Experiments;
using Sweep.Models.Search;
using Sweep.Storage;

namespace Sweep.Runner.Commands;

/// <summary>
/// `sweep lr-find FILE`: the learning-rate range test on the experiment's model, data, batches
/// and optimizer: the rate grows each mini-batch; prints the loss against the rate and the suggested rate.
/// With --db it also stores the test beside the experiment's trials, all at once when it has ended, so an
/// interrupted test stores nothing; without --db it never touches a store.
/// </summary>
internal static class LrFindCommand
{
    private const int RowsShown = 20;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("experiment") { Description = "The experiment file (YAML)." };
        var steps = new Option<int?>("--steps") { Description = "Mini-batches the rate grows over (default: search.steps, else 100)." };
        var min = new Option<double?>("--min") { Description = "The first rate (default: search.min, else 1e-7)." };
        var max = new Option<double?>("--max") { Description = "The last rate (default: search.max, else 10)." };
        var format = new Option<string>("--format") { Description = "text for people, json for tools.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var store = new Option<string?>("--db") { Description = "Also store the test in this result store (SQLite file), beside the experiment's trials; without it nothing is stored." };
        store.Validators.Add(CommonOptions.RefuseFolder);
        var command = new Command("lr-find", "Run the learning-rate range test on an experiment's model and data, and suggest a rate.") { file, steps, min, max, format, store };
        command.SetAction((parsed, cancellationToken) =>
        {
            var datasets = new DatasetCache();
            if (ExperimentFile.Load(parsed.GetRequiredValue(file), error, datasets) is not { } loaded)
            {
                return Task.FromResult(ExitCodes.InvalidInput);
            }

            if (loaded.Experiment.Definition.Trainer is not null)
            {
                error.WriteLine($"{loaded.Experiment.File}: lr-find needs the built-in engine's model and data; an experiment with a trainer runs its program whole per trial. Search training.learning_rate with strategy coarse-to-fine instead.");
                return Task.FromResult(ExitCodes.InvalidInput);
            }

            var trial = loaded.Plan.Trials[0];
            var configuration = trial.Configuration;
            var written = configuration.Search.RangeTest ?? new RangeTestSettings(1e-7, 10, 100, 0.98, 4);
            var settings = written with
            {
                Steps = parsed.GetValue(steps) ?? written.Steps,
                Min = parsed.GetValue(min) ?? written.Min,
                Max = parsed.GetValue(max) ?? written.Max,
            };
            if (settings.Steps < 2 || settings.Min <= 0 || settings.Max <= settings.Min)
            {
                CliError.Write(error, "lr-find needs --steps of at least 2 and 0 < --min < --max.");
                return Task.FromResult(ExitCodes.InvalidInput);
            }

            var data = datasets.For(configuration);

            // Opened before the test, so a store that cannot be used fails at once, not after the test.
            var storePath = parsed.GetValue(store);
            using var opened = storePath is null ? null : ResultStores.Open(storePath);
            RangeTestResult result;
            try
            {
                result = LearningRateRangeTest.Run(configuration.EngineModel, configuration.Training, data, trial.Seed, settings, cancellationToken: cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Stopped before its first step: there is no result to print.
                return Task.FromResult(Interrupted(opened?.Location, error));
            }

            var interrupted = cancellationToken.IsCancellationRequested;
            (ExperimentRegistration Experiment, LrFindTest Test)? stored = opened is not null && !interrupted
                ? Store(opened, loaded.Experiment, settings, result)
                : null;
            if (parsed.GetValue(format) == "json")
            {
                WriteJson(result, stored, output);
            }
            else
            {
                WriteText(result, output);
                if (stored is { } s)
                {
                    output.WriteLine($"Stored as range test {s.Test.Id} of '{s.Experiment.Name}' version {s.Experiment.Version} in {opened!.Location}; see it with: {SweepInvocation.Command($"best --experiment {s.Experiment.Name} --db {opened.Location}")}");
                }
            }

            return Task.FromResult(interrupted ? Interrupted(opened?.Location, error) : ExitCodes.Success);
        });
        return command;
    }

    private static int Interrupted(string? storePath, TextWriter error)
    {
        if (storePath is not null)
        {
            CliError.Write(error, $"lr-find was interrupted; nothing was stored in '{storePath}'.");
        }

        return ExitCodes.Interrupted;
    }

    private static (ExperimentRegistration Experiment, LrFindTest Test) Store(IResultStore store, LoadedExperiment experiment, RangeTestSettings settings, RangeTestResult result) =>
        store.StoreLrFindTest(experiment, settings, result.Steps);

    /// <summary>The result as it always was, plus where it was stored when it was.</summary>
    private static void WriteJson(RangeTestResult result, (ExperimentRegistration Experiment, LrFindTest Test)? stored, TextWriter output)
    {
        var json = JsonSerializer.SerializeToNode(result, Json)!.AsObject();
        if (stored is { } s)
        {
            json["stored"] = new JsonObject
            {
                ["experiment"] = s.Experiment.Name,
                ["version"] = s.Experiment.Version,
                ["range_test_id"] = s.Test.Id,
            };
        }

        output.WriteLine(json.ToJsonString(Json));
    }

    private static void WriteText(RangeTestResult result, TextWriter output)
    {
        // An even sample of the steps keeps the table readable; the json form has them all.
        var every = Math.Max(1, (int)Math.Ceiling(result.Steps.Length / (double)RowsShown));
        var rows = result.Steps.Where((_, i) => i % every == 0 || i == result.Steps.Length - 1)
            .Select(s => (IReadOnlyList<string>)[Text(s.Step), Text(s.LearningRate), Text(s.Loss), Text(s.SmoothedLoss)])
            .ToList();
        output.Write(TextTable.Format(["step", "learning rate", "loss", "smoothed loss"], rows));
        output.WriteLine(result.Reason);
        output.WriteLine(result.Suggestion is { } rate
            ? $"Suggested learning rate: {Text(rate)} (steepest fall of the smoothed loss); lowest-loss rate / 10: {Text(result.MinLossRateOverTen)}."
            : $"The loss never fell; no steepest point. Lowest-loss rate / 10: {Text(result.MinLossRateOverTen)}.");
    }

    private static string Text(double value) => value.ToString("G4", CultureInfo.InvariantCulture).ToLowerInvariant();

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
