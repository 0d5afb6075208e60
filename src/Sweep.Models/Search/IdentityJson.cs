using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sweep.Models.Search;

/// <summary>
/// The JSON form that identities are computed from (trial ids, experiment fingerprints, the data cache's
/// keys): snake_case names, enums as snake_case words, NaN and infinities by name. One options instance for
/// all of them, because the serializer builds its metadata for a type once per options instance, and that
/// first build is a large part of a short command's start-up.
/// </summary>
internal static class IdentityJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
