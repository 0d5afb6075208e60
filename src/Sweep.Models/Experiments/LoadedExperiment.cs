using System.Collections.Concurrent;
using System.Collections.Immutable;
using Sweep.Models.Experiments.Yaml;
using Sweep.Models.Validation;
using YamlDotNet.RepresentationModel;

namespace Sweep.Models.Experiments;

/// <summary>
/// A valid experiment file: its text, its definition, and the YAML tree from which each trial's
/// configuration is resolved by setting the trial's parameter values at their dot paths.
/// </summary>
public sealed class LoadedExperiment
{
    private readonly YamlMappingNode root;
    private readonly ConcurrentDictionary<YamlNode, ValueList> valueLists;

    internal LoadedExperiment(
        string file, string text, YamlMappingNode root, ExperimentDefinition definition, IReadOnlyList<BoundParameter> parameters, ConcurrentDictionary<YamlNode, ValueList> valueLists)
    {
        this.valueLists = valueLists;
        File = file;
        Text = text;
        this.root = root;
        Definition = definition;
        Parameters = parameters;
    }

    /// <summary>The file's path as the user gave it.</summary>
    public string File { get; }

    public string Text { get; }

    public ExperimentDefinition Definition { get; }

    internal IReadOnlyList<BoundParameter> Parameters { get; }

    private YamlNode SearchNode => root.Children.TryGetValue(new YamlScalarNode("search"), out var search) ? search : root;

    /// <summary>
    /// The experiment with the given values set, or the problems that makes (a value out of range for its
    /// key, reported where the value is written).
    /// </summary>
    public (ExperimentDefinition? Definition, ImmutableArray<ValidationError> Errors) Resolve(IEnumerable<ParameterAssignment> assignments)
    {
        var context = new BindContext(File, Definition.Directory, valueLists: valueLists);
        YamlMappingNode? tree = root;
        foreach (var assignment in assignments)
        {
            // Values an adaptive search picks have no parameter of their own; their problems belong to the search block.
            var bound = Parameters.FirstOrDefault(p => p.Parameter.Path == assignment.Path);
            var origin = bound?.KeyNode ?? SearchNode;
            var value = NodeFor(bound, assignment.Value, origin, context);
            tree = tree is null ? null : ExperimentTree.With(tree, assignment.Path, value, context, origin);
        }

        var definition = tree is null ? null : new ExperimentBinder(context).Bind(tree);
        return (definition, [.. context.Errors]);
    }

    /// <summary>The number written at a dot path of the file, if there is one.</summary>
    internal double? NumberAt(string path) =>
        NodeAt(path) is YamlScalarNode { Value: { } text } && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    /// <summary>The line and column where a dot path of the file (a list item by its index) is written, if it is.</summary>
    internal (int Line, int Column)? PlaceOf(string path) =>
        NodeAt(path) is { } node ? ((int)node.Start.Line, (int)node.Start.Column) : null;

    private YamlNode? NodeAt(string path)
    {
        YamlNode? node = root;
        foreach (var segment in path.Split('.'))
        {
            node = node switch
            {
                YamlMappingNode mapping => mapping.Children.TryGetValue(new YamlScalarNode(segment), out var child) ? child : null,
                YamlSequenceNode list when int.TryParse(segment, out var index) && index < list.Children.Count => list.Children[index],
                _ => null,
            };
        }

        return node;
    }

    /// <summary>The node a value is written as: the one in the file for listed values, else a new one reported at the parameter's key.</summary>
    private static YamlNode NodeFor(BoundParameter? bound, ParameterValue value, YamlNode origin, BindContext context)
    {
        if (bound?.ValueNodes?.FirstOrDefault(n => n is YamlScalarNode s && s.Value == value.Text) is { } written)
        {
            return written;
        }

        var made = new YamlScalarNode(value.Text);
        context.Place(made, origin);
        return made;
    }
}
