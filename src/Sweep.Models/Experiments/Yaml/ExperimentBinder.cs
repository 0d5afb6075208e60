using YamlDotNet.RepresentationModel;

namespace Sweep.Models.Experiments.Yaml;

/// <summary>
/// Turns the YAML tree of an experiment into an <see cref="ExperimentDefinition"/>, reporting every problem
/// it finds to the <see cref="BindContext"/> rather than stopping at the first. Partial files by block.
/// </summary>
internal sealed partial class ExperimentBinder(BindContext context)
{
    /// <summary>The definition, or null when the context holds errors.</summary>
    public ExperimentDefinition? Bind(YamlMappingNode root)
    {
        var file = new YamlSection(context, root, "", ExperimentSchema.Root);
        var name = file.Required("name", "name: my-experiment") is { } nameNode ? context.Text(nameNode, "name") : null;
        var description = file.Text("description") ?? "";
        var seed = file.Integer("seed", s => s >= 0, "must be 0 or more") ?? 0;
        var trainer = BindTrainer(file);
        var programParameters = BindParams(file);
        BoundData? data = null;
        BoundModel? model = null;
        if (file.KeyNode("trainer") is null)
        {
            data = file.Required("data", "data: {synthetic: {kind: linear, n: 100}}") is { } dataNode ? BindData(dataNode) : null;
            model = file.Required("model", "model: {layers: [{units: 1}]}") is { } modelNode ? BindModel(modelNode, data) : null;
        }
        else
        {
            NotBesideTrainer(file, "data");
            NotBesideTrainer(file, "model");
        }

        var training = file.Required("training", "training: {epochs: 100}") is { } trainingNode ? BindTraining(trainingNode, model) : null;
        var search = file["search"] is { } searchNode ? BindSearch(searchNode, training, data?.Definition, commandTrials: file.KeyNode("trainer") is not null, programParameters) : SearchDefinition.Single;
        var engine = file.KeyNode("trainer") is not null || (data is not null && model is not null);
        if (context.HasErrors || name is null || !engine || training is null || search is null)
        {
            return null;
        }

        var definition = new ExperimentDefinition(name, description, seed, data?.Definition, model?.Definition, training, search)
        {
            Directory = context.Directory,
            Trainer = trainer,
            Params = programParameters,
        };
        CheckPlaceholders(definition);
        return context.HasErrors ? null : definition;
    }
}
