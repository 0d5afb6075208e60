using System.Text.Json.Serialization;

namespace Sweep.Models.Experiments;

/// <summary>
/// One experiment file, read and checked: what to train on, what to train, how, and what to search.
/// <see cref="Directory"/> is where the file lives; data paths are relative to it.
/// </summary>
public sealed record ExperimentDefinition(
    string Name,
    string Description,
    int Seed,
    DataDefinition Data,
    ModelDefinition Model,
    TrainingDefinition Training,
    SearchDefinition Search)
{
    [JsonIgnore]
    public string Directory { get; init; } = ".";
}
