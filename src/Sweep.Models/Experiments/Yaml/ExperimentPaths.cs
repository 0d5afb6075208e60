using Sweep.Models.Validation;

namespace Sweep.Models.Experiments.Yaml;

/// <summary>Dot paths into the experiment (<c>training.weight_decay.l2</c>, <c>model.layers.0.units</c>) that a search may set.</summary>
internal static class ExperimentPaths
{
    private static readonly Lazy<string[]> All = new(() => [.. ExperimentSchema.Searchable.Paths()]);

    public static bool Names(string path) => Resolve(path) is not null;

    /// <summary>The schema of the key a path names, or null.</summary>
    public static SchemaNode? Resolve(string path)
    {
        var node = ExperimentSchema.Searchable;
        foreach (var segment in path.Split('.'))
        {
            if (node.AnyKeys)
            {
                // A free mapping (params) takes any key; whether the file has it is the binder's question.
                node = SchemaNode.Leaf;
            }
            else if (node.Item is not null)
            {
                node = int.TryParse(segment, out var index) && index >= 0 ? node.Item : null;
            }
            else
            {
                node = node.Keys is not null && node.Keys.TryGetValue(segment, out var child) ? child : null;
            }

            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    public static string DidYouMean(string path) => Suggestions.DidYouMean(path, All.Value);
}
