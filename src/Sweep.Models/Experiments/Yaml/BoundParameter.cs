using YamlDotNet.RepresentationModel;

namespace Sweep.Models.Experiments.Yaml;

/// <summary>
/// A search parameter with the places in the file it came from: its key, and for listed values the node of
/// each value, so that a value the experiment rejects is reported where it is written.
/// </summary>
internal sealed record BoundParameter(SearchParameter Parameter, YamlScalarNode KeyNode, IReadOnlyList<YamlNode>? ValueNodes);
