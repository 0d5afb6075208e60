using System.Text.Json.Serialization;
using Sweep.Models.Results;

namespace Sweep.Storage;

/// <summary>The serializer's metadata for the JSON columns of the store, generated at build time.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(SweepSettings))]
[JsonSerializable(typeof(DiagnosisJson.Written))]
[JsonSerializable(typeof(DiagnosisJson.Stored))]
internal sealed partial class StoredJsonContext : JsonSerializerContext;
