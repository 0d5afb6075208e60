using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Sweep.Models.Experiments;
using Sweep.Models.Selection;

namespace Sweep.Models.Search;

/// <summary>
/// The JSON form that identities are computed from (trial ids, experiment fingerprints, the data cache's
/// keys): snake_case names, enums as snake_case words, NaN and infinities by name. The serializer's metadata
/// for these types is generated at build time: built by reflection at run time it was most of the time a
/// short sweep took to plan its trials. The text is the same either way, and must stay so, since stored
/// trials are found by the ids hashed from it.
/// </summary>
internal static class IdentityJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        TypeInfoResolver = IdentityJsonContext.Default,
    };
}

/// <summary>What an engine trial's id hashes, in this order.</summary>
internal sealed record EngineTrialIdentity(DataDefinition? Data, ModelDefinition? Model, TrainingDefinition Training, int Seed);

/// <summary>What the id of a trial of the user's program hashes, in this order.</summary>
internal sealed record CommandTrialIdentity(
    TrainerDefinition? Trainer, ImmutableSortedDictionary<string, ProgramParameter> Params, TrainingDefinition Training, int Seed);

/// <summary>What an experiment's fingerprint hashes, in this order.</summary>
internal sealed record SearchIdentity(
    SearchStrategy Strategy,
    int Repeats,
    int Trials,
    CoarseToFineSettings? CoarseToFine,
    RangeTestSettings? RangeTest,
    DiagnosisThresholds Diagnosis,
    IEnumerable<string> Plan);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(EngineTrialIdentity))]
[JsonSerializable(typeof(CommandTrialIdentity))]
[JsonSerializable(typeof(SearchIdentity))]
[JsonSerializable(typeof(DataDefinition))]
internal sealed partial class IdentityJsonContext : JsonSerializerContext;
