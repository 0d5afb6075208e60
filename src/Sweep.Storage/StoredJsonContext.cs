using System.Text.Json.Serialization;
using Sweep.Models.Results;

namespace Sweep.Storage;

/// <summary>
/// The serializer's metadata for the JSON columns of the store, generated at build time, and the options they
/// share: snake_case keys, NaN and infinities by name. Each column adds how it names enums.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(SweepSettings))]
[JsonSerializable(typeof(TrialDiagnosis))]
[JsonSerializable(typeof(DiagnosisJson.Stored))]
internal sealed partial class StoredJsonContext : JsonSerializerContext;
