using System.Collections.Immutable;
using Sweep.Models.Trials.Commands;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sweep.Models.Experiments.Yaml;

internal sealed partial class ExperimentBinder
{
    private static readonly IReadOnlyDictionary<string, MetricsFormat> MetricsFormats = EnumWords.Lower<MetricsFormat>();

    /// <summary>The scalars of the trainer that may hold placeholders, checked once the whole file is read.</summary>
    private readonly List<YamlScalarNode> templated = [];

    private TrainerDefinition? BindTrainer(YamlSection file)
    {
        if (file.KeyNode("trainer") is not { } key)
        {
            return null;
        }

        if (file["trainer"] is not { } node || context.Section(node, "trainer", ExperimentSchema.Trainer) is not { } trainer)
        {
            context.Error(file["trainer"] ?? key, "trainer must be a mapping with at least command, e.g. trainer: {command: [python3, train.py, \"{args}\"]}");
            return null;
        }

        var (command, shell) = BindCommand(trainer);
        var cwd = trainer.Text("cwd") ?? ".";
        if (trainer["cwd"] is { } cwdNode && !Directory.Exists(Path.Combine(context.Directory, cwd)))
        {
            context.Error(cwdNode, $"trainer.cwd '{cwd}' is not a folder (it is relative to the experiment file's folder, {context.Directory}); create it or fix the path");
        }

        var environment = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (trainer.Section("env", SchemaNode.Free) is { } env)
        {
            foreach (var (name, value) in env.Entries)
            {
                if (value is YamlScalarNode { Value: { } text } scalar && !BindContext.IsNull(value))
                {
                    environment[name.Value!] = text;
                    templated.Add(scalar);
                }
                else
                {
                    context.Error(value, $"trainer.env.{name.Value} must be text (quote numbers: \"1\"), got {BindContext.Describe(value)}");
                }
            }
        }

        var metrics = trainer.Choice("metrics", MetricsFormats) ?? MetricsFormat.Json;
        var timeout = Duration(trainer, "timeout");
        var idle = Duration(trainer, "idle_timeout");
        var grace = Duration(trainer, "kill_grace");
        return command is null ? null : new TrainerDefinition(command.Value, shell, cwd, environment.ToImmutable(), metrics)
        {
            Timeout = timeout,
            IdleTimeout = idle,
            KillGrace = grace ?? TrainerDefinition.DefaultKillGrace,
        };
    }

    private (ImmutableArray<string>? Command, bool Shell) BindCommand(YamlSection trainer)
    {
        const string Example = "command: [python3, train.py, --lr, \"{training.learning_rate}\"]";
        if (trainer.KeyNode("command") is null)
        {
            context.Error(trainer.Node, $"trainer.command is missing; add e.g. '{Example}'");
            return (null, false);
        }

        switch (trainer["command"])
        {
            case YamlScalarNode { Value: { } line } scalar when line.Trim().Length > 0:
                templated.Add(scalar);
                return ([line], true);
            case YamlSequenceNode { Children.Count: > 0 } list when list.Children[0] is YamlScalarNode { Value: { Length: > 0 } }:
                var items = ImmutableArray.CreateBuilder<string>(list.Children.Count);
                foreach (var item in list.Children)
                {
                    if (item is YamlScalarNode { Value: { } text } scalar && !BindContext.IsNull(item))
                    {
                        items.Add(text);
                        templated.Add(scalar);
                    }
                    else
                    {
                        context.Error(item, $"each item of trainer.command must be one word of text, got {BindContext.Describe(item)}");
                        return (null, false);
                    }
                }

                return (items.MoveToImmutable(), false);
            default:
                context.Error(trainer["command"] ?? trainer.KeyNode("command")!, $"trainer.command is empty; give the program and its arguments as a list ('{Example}') or one line for /bin/sh -c");
                return (null, false);
        }
    }

    private ImmutableSortedDictionary<string, ProgramParameter> BindParams(YamlSection file)
    {
        var values = ImmutableSortedDictionary.CreateBuilder<string, ProgramParameter>(StringComparer.Ordinal);
        if (file["params"] is null || file.Section("params", SchemaNode.Free) is not { } section)
        {
            return values.ToImmutable();
        }

        if (file.KeyNode("trainer") is null)
        {
            context.Error(file.KeyNode("params")!, "params are the hyperparameters of a trainer's own program; the built-in engine takes training and model keys. Add a trainer block or remove params");
        }

        foreach (var (name, value) in section.Entries)
        {
            if (value is YamlScalarNode { Value: { } text } scalar && !BindContext.IsNull(value))
            {
                values[name.Value!] = ProgramParameter.Of(text, quoted: scalar.Style is not ScalarStyle.Plain);
            }
            else
            {
                context.Error(value, $"params.{name.Value} must be a number, a word or true/false, got {BindContext.Describe(value)}");
            }
        }

        return values.ToImmutable();
    }

    private void NotBesideTrainer(YamlSection file, string block)
    {
        if (file.KeyNode(block) is { } key)
        {
            context.Error(key, $"{block} is not allowed beside trainer: the program owns its data and model. Remove the {block} block (hand the program its settings through params), or remove trainer to train on the built-in engine");
        }
    }

    /// <summary>Every placeholder of the command and the environment must name something a trial has.</summary>
    private void CheckPlaceholders(ExperimentDefinition definition)
    {
        var known = TrialValues.Paths(definition).ToHashSet(StringComparer.Ordinal);
        foreach (var scalar in templated)
        {
            foreach (var (name, offset) in Placeholders.In(scalar.Value!))
            {
                if (!Placeholders.IsKnown(name, known))
                {
                    var start = scalar.Start;
                    var shift = scalar.Style is ScalarStyle.Plain ? 0 : 1;
                    var singleLine = !scalar.Value!.Contains('\n', StringComparison.Ordinal);
                    context.ErrorAt(
                        (int)start.Line,
                        (int)start.Column + (singleLine ? offset + shift : 0),
                        $"unknown placeholder {{{name}}} in trainer; known: {{{Placeholders.TrialId}}}, {{{Placeholders.TrialDir}}}, {{{Placeholders.Args}}}, {{seed}}, {{training.*}} keys and {{params.NAME}} for each of params{Validation.Suggestions.DidYouMean(name, known)}");
                }
            }
        }
    }

    private TimeSpan? Duration(YamlSection trainer, string key)
    {
        if (trainer[key] is not { } node)
        {
            return null;
        }

        if (DurationText.TryRead((node as YamlScalarNode)?.Value ?? "", out var duration) && (duration > TimeSpan.Zero || key == "kill_grace"))
        {
            return duration;
        }

        context.Error(node, $"trainer.{key} must be a duration such as 90s, 10m, 2h or 1h30m, got {BindContext.Describe(node)}");
        return null;
    }
}
