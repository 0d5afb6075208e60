using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace Sweep.Models.Experiments.Yaml;

internal sealed partial class ExperimentBinder
{
    private static readonly string[] SourceKeys = ["inline", "csv", "idx", "synthetic"];

    private static readonly IReadOnlyDictionary<string, Normalization> Normalizations = EnumWords.Lower<Normalization>();

    private static readonly IReadOnlyDictionary<string, SyntheticKind> SyntheticKinds = EnumWords.Lower<SyntheticKind>();

    /// <summary>The data block, with the input and target widths when the file alone tells them.</summary>
    private sealed record BoundData(DataDefinition Definition, int? Inputs, int? Targets);

    private BoundData? BindData(YamlNode node)
    {
        if (context.Section(node, "data", ExperimentSchema.Data) is not { } data)
        {
            return null;
        }

        var sources = SourceKeys.Where(data.Has).ToList();
        if (sources.Count == 0)
        {
            context.Error(data.Node, "data needs a source: one of inline, csv, idx, synthetic");
        }
        else if (sources.Count > 1)
        {
            context.Error(data.KeyNode(sources[1])!, $"data has more than one source ({string.Join(" and ", sources)}); keep one");
        }

        (DataSource Source, int? Inputs, int? Targets)? source = sources.Count == 1
            ? sources[0] switch
            {
                "inline" => BindInline(data.Section("inline", ExperimentSchema.Data.Keys!["inline"])!),
                "csv" => BindCsv(data.Section("csv", ExperimentSchema.Data.Keys!["csv"])),
                "idx" => BindIdx(data.Section("idx", ExperimentSchema.Data.Keys!["idx"])),
                _ => BindSynthetic(data.Section("synthetic", ExperimentSchema.Data.Keys!["synthetic"])),
            }
            : null;

        var validation = data.Number("validation", v => v is >= 0 and < 1, "must be at least 0 and below 1") ?? 0;
        var normalize = data.Choice("normalize", Normalizations) ?? Normalization.None;
        var limit = data.Integer("limit", v => v >= 1, "must be at least 1");
        return source is { } s ? new BoundData(new DataDefinition(s.Source, validation, normalize, limit), s.Inputs, s.Targets) : null;
    }

    private (DataSource, int?, int?)? BindInline(YamlSection? inline)
    {
        if (inline is null)
        {
            return null;
        }

        var x = inline.Required("x", "x: [[1], [2], [3]]") is { } xNode ? Matrix(xNode, "data.inline.x") : null;
        var y = inline.Required("y", "y: [[3], [6], [9]]") is { } yNode ? Matrix(yNode, "data.inline.y") : null;
        if (x is null || y is null)
        {
            return null;
        }

        if (x.Value.Length != y.Value.Length)
        {
            context.Error(inline["y"]!, $"data.inline.y has {y.Value.Length} rows but data.inline.x has {x.Value.Length}; give one target row per sample");
            return null;
        }

        return (new InlineSource(x.Value, y.Value), x.Value[0].Length, y.Value[0].Length);
    }

    private (DataSource, int?, int?)? BindCsv(YamlSection? csv)
    {
        if (csv is null)
        {
            return null;
        }

        var path = DataFile(csv, "path", required: true);
        var target = csv.Required("target", "target: y") is { } targetNode ? Texts(targetNode, "data.csv.target") : null;
        var features = csv["features"] is { } featuresNode ? Texts(featuresNode, "data.csv.features") : [];
        var oneHot = csv.Flag("one_hot") ?? false;
        if (oneHot && target is { Length: > 1 })
        {
            context.Error(csv["target"]!, "data.csv.one_hot needs a single target column holding class labels");
        }

        return path is null || target is null || features is null
            ? null
            : (new CsvSource(path, [.. features], [.. target], oneHot), features.Length > 0 ? features.Length : null, oneHot ? null : target.Length);
    }

    private (DataSource, int?, int?)? BindIdx(YamlSection? idx)
    {
        if (idx is null)
        {
            return null;
        }

        var images = DataFile(idx, "images", required: true);
        var labels = DataFile(idx, "labels", required: false);
        var testImages = DataFile(idx, "test_images", required: false);
        var testLabels = DataFile(idx, "test_labels", required: false);
        if (idx.Has("test_labels") && !idx.Has("test_images"))
        {
            context.Error(idx["test_labels"]!, "data.idx.test_labels needs data.idx.test_images");
        }

        if (idx.Has("test_labels") != idx.Has("labels") && idx.Has("test_images"))
        {
            context.Error(idx.Node, "data.idx needs labels and test_labels together (classification) or neither (autoencoder)");
        }

        return images is null ? null : (new IdxSource(images, labels, testImages, testLabels), null, null);
    }

    private (DataSource, int?, int?)? BindSynthetic(YamlSection? synthetic)
    {
        if (synthetic is null)
        {
            return null;
        }

        var kind = synthetic.Required("kind", "kind: linear") is { } kindNode ? context.Choice(kindNode, "data.synthetic.kind", SyntheticKinds) : null;
        var samples = synthetic.Integer("n", v => v >= 1, "must be at least 1") ?? 1000;
        var noise = synthetic.Number("noise", v => v >= 0, "must be 0 or more") ?? 0.1;
        var features = synthetic.Integer("features", v => v >= 1, "must be at least 1");
        var classes = synthetic.Integer("classes", v => v >= 2, "must be at least 2");
        var slope = synthetic.Number("slope");
        var intercept = synthetic.Number("intercept");
        if (kind is not { } k)
        {
            return null;
        }

        OnlyFor(synthetic, "features", k is SyntheticKind.Linear or SyntheticKind.Blobs, "kinds linear and blobs");
        OnlyFor(synthetic, "classes", k is SyntheticKind.Blobs or SyntheticKind.Spiral, "kinds blobs and spiral");
        OnlyFor(synthetic, "slope", k is SyntheticKind.Linear, "kind linear");
        OnlyFor(synthetic, "intercept", k is SyntheticKind.Linear, "kind linear");

        var inputs = k switch
        {
            SyntheticKind.Linear => features ?? 1,
            SyntheticKind.Blobs => features ?? 2,
            SyntheticKind.Spiral => 2,
            _ => 1,
        };
        var classCount = classes ?? 3;
        var targets = k is SyntheticKind.Blobs or SyntheticKind.Spiral ? classCount : 1;
        return (new SyntheticSource(k, samples, noise, inputs, classCount, slope ?? 3, intercept ?? 0), inputs, targets);
    }

    /// <summary>Reports a key that has no meaning in the configuration around it.</summary>
    private void OnlyFor(YamlSection section, string key, bool applies, string where)
    {
        if (!applies && section.KeyNode(key) is { } keyNode)
        {
            context.Error(keyNode, $"{section.PathOf(key)} applies only to {where}");
        }
    }

    /// <summary>A path to a data file, which must exist relative to the experiment file.</summary>
    private string? DataFile(YamlSection section, string key, bool required)
    {
        var node = required ? section.Required(key, $"{key}: data/file") : section[key];
        if (node is null || context.Text(node, section.PathOf(key)) is not { } path)
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(context.Directory, path));
        if (context.ChecksFiles && Directory.Exists(full))
        {
            context.Error(node, $"{section.PathOf(key)} names {path}, which is a folder, not a file (looked for {full})");
            return null;
        }

        if (context.ChecksFiles && !File.Exists(full))
        {
            context.Error(node, $"{section.PathOf(key)} names a file that does not exist: {path} (looked for {full})");
            return null;
        }

        return path;
    }

    /// <summary>Rows of numbers, all the same width; a bare number is a row of one.</summary>
    private ImmutableArray<ImmutableArray<double>>? Matrix(YamlNode node, string path)
    {
        var rows = context.List(node, path, (item, itemPath) => item is YamlSequenceNode ? context.Numbers(item, itemPath) : context.Number(item, itemPath) is { } v ? new[] { v } : null);
        if (rows is null)
        {
            return null;
        }

        if (rows.Count == 0)
        {
            context.Error(node, $"{path} is empty; give at least one row");
            return null;
        }

        var sequence = (YamlSequenceNode)node;
        for (var i = 1; i < rows.Count; i++)
        {
            if (rows[i].Length != rows[0].Length)
            {
                context.Error(sequence.Children[i], $"{path}[{i}] has {rows[i].Length} values but {path}[0] has {rows[0].Length}; every row needs the same number");
                return null;
            }
        }

        return [.. rows.Select(row => row.ToImmutableArray())];
    }

    /// <summary>A list of words, or one word standing for a list of one.</summary>
    private string[]? Texts(YamlNode node, string path) =>
        node is YamlSequenceNode
            ? context.List(node, path, context.Text)?.ToArray()
            : context.Text(node, path) is { } text ? [text] : null;
}
