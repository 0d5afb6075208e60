using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Sweep.Models.Experiments;

/// <summary>
/// One experiment file, read and checked: what to train on, what to train, how, and what to search.
/// <see cref="Directory"/> is where the file lives; data paths are relative to it. An experiment either
/// trains on the built-in engine (<see cref="Data"/> and <see cref="Model"/> set) or runs the user's own
/// program (<see cref="Trainer"/> set, with its <see cref="Params"/>); never both.
/// </summary>
public sealed record ExperimentDefinition(
    string Name,
    string Description,
    int Seed,
    DataDefinition? Data,
    ModelDefinition? Model,
    TrainingDefinition Training,
    SearchDefinition Search)
{
    [JsonIgnore]
    public string Directory { get; init; } = ".";

    /// <summary>The user's training program; null when the built-in engine trains.</summary>
    public TrainerDefinition? Trainer { get; init; }

    /// <summary>The program's own hyperparameters by name (the <c>params</c> block); empty for the built-in engine.</summary>
    public ImmutableSortedDictionary<string, ProgramParameter> Params { get; init; } = ImmutableSortedDictionary<string, ProgramParameter>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>The data block of an engine experiment; asking a command experiment for it is a programmer error.</summary>
    [JsonIgnore]
    public DataDefinition EngineData => Data ?? throw new InvalidOperationException($"Experiment '{Name}' runs its own trainer and has no data block.");

    /// <summary>The model block of an engine experiment; asking a command experiment for it is a programmer error.</summary>
    [JsonIgnore]
    public ModelDefinition EngineModel => Model ?? throw new InvalidOperationException($"Experiment '{Name}' runs its own trainer and has no model block.");
}
