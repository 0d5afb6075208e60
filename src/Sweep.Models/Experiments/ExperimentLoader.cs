using System.Collections.Immutable;
using Sweep.Models.Experiments.Yaml;
using Sweep.Models.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sweep.Models.Experiments;

/// <summary>
/// Reads an experiment file and checks all of it: YAML syntax, keys, types, ranges, data files, and every
/// value of every search parameter against the key it sets. Either an experiment or every problem found.
/// </summary>
public static class ExperimentLoader
{
    public static ExperimentLoadResult Load(string path)
    {
        if (Directory.Exists(path))
        {
            return Failed(new ValidationError(path, 0, 0, "this is a folder, not a file; give the path of the experiment's YAML file"));
        }

        if (!System.IO.File.Exists(path))
        {
            return Failed(new ValidationError(path, 0, 0, "no such file; check the path"));
        }

        string text;
        try
        {
            text = System.IO.File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(new ValidationError(path, 0, 0, $"cannot be read: {e.Message}"));
        }

        return Parse(text, path, Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>Checks experiment text; <paramref name="file"/> names it in errors, <paramref name="directory"/> anchors data paths.</summary>
    public static ExperimentLoadResult Parse(string text, string file, string directory) => Parse(text, file, directory, checkFiles: true);

    /// <summary>
    /// An experiment's text as a store kept it, read again for its settings alone: data files are not looked
    /// for, since they may have moved since the sweep ran, and its data are never loaded from it.
    /// </summary>
    public static ExperimentLoadResult ParseStored(string text, string file) =>
        Parse(text, file, Path.GetDirectoryName(file) ?? "", checkFiles: false);

    private static ExperimentLoadResult Parse(string text, string file, string directory, bool checkFiles)
    {
        if (!ReadTree(text, file, out var root, out var treeError))
        {
            return Failed(treeError!);
        }

        var context = new BindContext(file, directory, checkFiles);
        var binder = new ExperimentBinder(context);
        var definition = binder.Bind(root!);
        if (definition is null)
        {
            return Failed(context.Errors);
        }

        var experiment = new LoadedExperiment(file, text, root!, definition, binder.Parameters, context.ValueLists);
        var valueErrors = CheckSearchValues(experiment);
        return valueErrors.IsEmpty ? new ExperimentLoadResult(experiment, []) : Failed(valueErrors);
    }

    /// <summary>Each value of each parameter, set alone on the experiment, must make a valid experiment.</summary>
    private static ImmutableArray<ValidationError> CheckSearchValues(LoadedExperiment experiment)
    {
        var errors = new List<ValidationError>();
        foreach (var bound in experiment.Parameters)
        {
            var parameter = bound.Parameter;
            var points = parameter.Space.IsDiscrete ? parameter.Space.Points() : [parameter.Space.Sample(new Random(0))];
            foreach (var point in points)
            {
                errors.AddRange(experiment.Resolve([new ParameterAssignment(parameter.Path, point)]).Errors);
            }
        }

        return [.. errors.Distinct()];
    }

    private static bool ReadTree(string text, string file, out YamlMappingNode? root, out ValidationError? error)
    {
        (root, error) = (null, null);
        if (text.Split('\n').All(line => line.Trim().Length == 0 || line.TrimStart().StartsWith('#')))
        {
            error = new ValidationError(file, 1, 1, "the file is empty; an experiment needs at least name, data, model and training");
            return false;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            // The parser reports a tab in the indentation at the top of the file and a bracket left open where
            // it gave up; the user needs the place of the tab or of the opening bracket.
            error = (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) ? IndentingTab(text, file) : null)
                ?? (e.Message.Contains("flow", StringComparison.OrdinalIgnoreCase) ? UnclosedBracket(text, file) : null)
                ?? new ValidationError(file, (int)e.Start.Line, (int)e.Start.Column, $"malformed YAML: {e.Message}");
            return false;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet gives up this way on a flow list or mapping left open at the end of the file.
            var lines = text.TrimEnd().Split('\n');
            error = UnclosedBracket(text, file)
                ?? new ValidationError(file, lines.Length, lines[^1].Length + 1, "malformed YAML: the file ends inside an open [ ] or { }; close it");
            return false;
        }

        if (stream.Documents.Count != 1)
        {
            error = new ValidationError(file, 1, 1, $"the file holds {stream.Documents.Count} YAML documents; an experiment is one");
            return false;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            var start = stream.Documents[0].RootNode.Start;
            error = new ValidationError(file, (int)start.Line, (int)start.Column, "an experiment must be a mapping of keys (name, data, model, training, search)");
            return false;
        }

        root = mapping;
        return true;
    }

    private static ValidationError? IndentingTab(string text, string file) =>
        YamlSyntaxPlace.FirstIndentingTab(text) is { } tab
            ? new ValidationError(file, tab.Line, tab.Column, "malformed YAML: a tab indents this line; YAML indents with spaces only, so replace the tab with spaces")
            : null;

    private static ValidationError? UnclosedBracket(string text, string file) =>
        YamlSyntaxPlace.UnclosedBracket(text) is { } open
            ? new ValidationError(file, open.Line, open.Column, $"malformed YAML: this {open.Bracket} is never closed; close it with {(open.Bracket == '{' ? '}' : ']')}")
            : null;

    private static ExperimentLoadResult Failed(IEnumerable<ValidationError> errors) =>
        new(null, [.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)]);

    private static ExperimentLoadResult Failed(ValidationError error) => Failed([error]);
}
