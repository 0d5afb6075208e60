using System.CommandLine;
using System.Text.Json;
using Sweep.Models.Data;
using Sweep.Models.Experiments;
using Sweep.Models.Search;
using Sweep.Models.Trials;
using Sweep.Models.Trials.Commands;

namespace Sweep.Runner.Commands;

/// <summary>`sweep plan FILE`: the trials the experiment expands into, as a table or JSON, without running anything.</summary>
internal static class PlanCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("experiment") { Description = "The experiment file (YAML)." };
        var format = new Option<string>("--format")
        {
            Description = "table for people, json for tools.",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("plan", "Print the trials an experiment expands into (for an adaptive strategy, its first stage) without running anything.") { file, format };
        command.SetAction(parsed =>
        {
            if (ExperimentFile.Load(parsed.GetRequiredValue(file), error, new DatasetCache()) is not { } loaded)
            {
                return ExitCodes.InvalidInput;
            }

            if (parsed.GetValue(format) == "json")
            {
                WriteJson(loaded.Plan, output);
            }
            else
            {
                WriteTable(loaded.Experiment.Definition, loaded.Plan, output);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteJson(TrialPlanResult plan, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var trial in plan.Trials)
            {
                json.WriteStartObject();
                json.WriteString("id", trial.Id);
                json.WriteNumber("number", trial.Number);
                json.WriteNumber("stage", trial.Stage);
                json.WriteNumber("repeat", trial.Repeat);
                json.WriteNumber("seed", trial.Seed);
                json.WriteStartObject("parameters");
                foreach (var (path, value) in trial.Parameters)
                {
                    if (value.Number is { } number)
                    {
                        // Shortest round-trip text with a lower-case exponent (1e-05): valid JSON, and what the table shows.
                        json.WritePropertyName(path);
                        json.WriteRawValue(ParameterValue.Of(number).Text);
                    }
                    else
                    {
                        json.WriteString(path, value.Text);
                    }
                }

                json.WriteEndObject();
                if (trial.Configuration.Trainer is not null)
                {
                    var command = CommandOf(trial);
                    json.WriteStartArray("command");
                    json.WriteStringValue(command.FileName);
                    foreach (var argument in command.Arguments)
                    {
                        json.WriteStringValue(argument);
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteTable(ExperimentDefinition experiment, TrialPlanResult plan, TextWriter output)
    {
        var paths = plan.Trials.SelectMany(t => t.Parameters.Select(p => p.Path)).Distinct().ToList();
        var header = new List<string> { "#", "trial" };
        header.AddRange(paths);
        header.Add("seed");
        var rows = plan.Trials.Select(trial =>
        {
            var row = new List<string> { trial.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), trial.Id };
            row.AddRange(paths.Select(path => trial.Parameters.FirstOrDefault(p => p.Path == path).Value.Text ?? ""));
            row.Add(trial.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return row;
        }).ToList();

        output.Write(TextTable.Format(header, rows));
        output.WriteLine(Summary(experiment, plan));
        if (experiment.Trainer is not null)
        {
            output.WriteLine($"Commands (with --out {RunCommand.DefaultOutput}; each trial runs in {CommandOf(plan.Trials[0]).WorkingDirectory}):");
            foreach (var trial in plan.Trials)
            {
                output.WriteLine($"{trial.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)}  {CommandOf(trial).Display}");
            }
        }
    }

    /// <summary>The exact command a trial runs, as `sweep run` with the default output folder would start it.</summary>
    private static TrialCommand CommandOf(TrialPlan trial) =>
        TrialCommand.For(trial, Path.Combine(RunCommand.DefaultOutput, TrialExecutors.TrialsFolderName, trial.Id));

    private static string Summary(ExperimentDefinition experiment, TrialPlanResult plan)
    {
        var count = plan.Trials.Length;
        var trials = $"{count} trial{(count == 1 ? "" : "s")}";
        var search = experiment.Search;
        return search.Strategy switch
        {
            SearchStrategy.CoarseToFine => $"{trials} in the coarse stage of a coarse-to-fine search of {search.CoarseToFine!.Target}; later stages follow from their results (budget {search.CoarseToFine.Budget} trials).",
            SearchStrategy.LrRangeTest => $"{trials}: a learning-rate range test from {search.RangeTest!.Min} to {search.RangeTest.Max} over {search.RangeTest.Steps} steps.",
            SearchStrategy.Random => $"{trials}: {search.Trials} random draw{(search.Trials == 1 ? "" : "s")} x {search.Repeats} repeat{(search.Repeats == 1 ? "" : "s")}.",
            _ when search.Parameters.IsEmpty => $"{trials}: no search parameters, the experiment as written x {search.Repeats} repeat{(search.Repeats == 1 ? "" : "s")}.",
            _ => $"{trials}: {string.Join(" x ", plan.Trials.SelectMany(t => t.Parameters).GroupBy(p => p.Path).Select(g => g.Select(p => p.Value).Distinct().Count()))}{(search.Repeats > 1 ? $" x {search.Repeats} repeats" : "")} (grid).",
        };
    }
}
