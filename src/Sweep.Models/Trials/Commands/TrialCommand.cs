using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Sweep.Models.Experiments;
using Sweep.Models.Search;

namespace Sweep.Models.Trials.Commands;

/// <summary>
/// The exact process one trial starts: program, arguments, folder and the variables added to its
/// environment, with every placeholder expanded.
/// </summary>
public sealed record TrialCommand(
    string FileName,
    ImmutableArray<string> Arguments,
    string WorkingDirectory,
    ImmutableSortedDictionary<string, string> Environment,
    string TrialDirectory,
    string MetricsFile)
{
    /// <summary>The name of the file in the trial's folder that the program may append metric lines to.</summary>
    public const string MetricsFileName = "metrics.log";

    /// <summary>The command of <paramref name="trial"/>, whose own folder is <paramref name="trialDirectory"/>.</summary>
    public static TrialCommand For(TrialPlan trial, string trialDirectory)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var configuration = trial.Configuration;
        var trainer = configuration.Trainer ?? throw new ArgumentException("The trial's experiment has no trainer.", nameof(trial));
        var folder = Path.GetFullPath(trialDirectory);
        var arguments = SearchedArguments(trial, configuration);
        string Value(string name, bool quote) => name switch
        {
            Placeholders.TrialId => trial.Id,
            Placeholders.TrialDir => quote ? ShellWord(folder) : folder,
            Placeholders.Args => string.Join(' ', quote ? arguments.Select(ShellWord) : arguments),
            _ => TrialValues.TextOf(configuration, name) is { } text ? (quote ? ShellWord(text) : text)
                : throw new ArgumentException($"The placeholder {{{name}}} names no key; the experiment's validation lets none through.", nameof(trial)),
        };

        ImmutableArray<string> line = trainer.Shell
            ? ["/bin/sh", "-c", Placeholders.Expand(trainer.Command[0], name => Value(name, quote: true))]
            : [.. trainer.Command.SelectMany(item => item == $"{{{Placeholders.Args}}}"
                ? arguments
                : [Placeholders.Expand(item, name => Value(name, quote: false))])];
        var metricsFile = Path.Combine(folder, MetricsFileName);
        var environment = trainer.Environment
            .Select(pair => KeyValuePair.Create(pair.Key, Placeholders.Expand(pair.Value, name => Value(name, quote: false))))
            .Concat(
            [
                KeyValuePair.Create("SWEEP_TRIAL_ID", trial.Id),
                KeyValuePair.Create("SWEEP_TRIAL_DIR", folder),
                KeyValuePair.Create("SWEEP_SEED", trial.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                KeyValuePair.Create("SWEEP_PARAMS", ParamsJson(configuration)),
                KeyValuePair.Create("SWEEP_METRICS_FILE", metricsFile),
                KeyValuePair.Create("PYTHONUNBUFFERED", "1"),
            ]);
        return new TrialCommand(
            line[0],
            line[1..],
            Path.GetFullPath(Path.Combine(configuration.Directory, trainer.WorkingDirectory)),
            ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, environment),
            folder,
            metricsFile);
    }

    /// <summary>The command as one line a shell would run the same way: what `sweep plan` shows.</summary>
    public string Display => string.Join(' ', new[] { FileName }.Concat(Arguments).Select(ShellWord));

    /// <summary><c>--NAME=VALUE</c> per searched parameter, NAME being its dot path without training. or params.</summary>
    private static ImmutableArray<string> SearchedArguments(TrialPlan trial, ExperimentDefinition configuration) =>
    [
        .. trial.Parameters.Select(p =>
        {
            var name = p.Path.StartsWith("training.", StringComparison.Ordinal) ? p.Path["training.".Length..]
                : p.Path.StartsWith("params.", StringComparison.Ordinal) ? p.Path["params.".Length..]
                : p.Path;
            return $"--{name}={TrialValues.TextOf(configuration, p.Path) ?? p.Value.Text}";
        }),
    ];

    /// <summary>The trial's resolved training and params blocks as one JSON object.</summary>
    private static string ParamsJson(ExperimentDefinition configuration)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var path in TrialValues.Paths(configuration).Where(p => p.StartsWith("training.", StringComparison.Ordinal) && p != "training.optimizer.name"))
            {
                WriteValue(json, path["training.".Length..], TrialValues.TextOf(configuration, path)!);
            }

            foreach (var (key, value) in configuration.Params)
            {
                json.WritePropertyName(key);
                if (value.Number is not null)
                {
                    json.WriteRawValue(value.Text);
                }
                else if (value.Flag is { } flag)
                {
                    json.WriteBooleanValue(flag);
                }
                else
                {
                    json.WriteStringValue(value.Text);
                }
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter json, string name, string text)
    {
        json.WritePropertyName(name);
        if (text.Length == 0)
        {
            json.WriteNullValue();
        }
        else if (text is "true" or "false")
        {
            json.WriteBooleanValue(text == "true");
        }
        else if (ParameterValue.Parse(text).Number is not null)
        {
            json.WriteRawValue(text);
        }
        else
        {
            json.WriteStringValue(text);
        }
    }

    /// <summary>A word as /bin/sh reads it back unchanged: bare when it is safe, else in single quotes.</summary>
    private static string ShellWord(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,+@%".Contains(c, StringComparison.Ordinal))
            ? word
            : $"'{word.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
