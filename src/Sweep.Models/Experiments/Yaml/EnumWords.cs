using System.Text.Json;

namespace Sweep.Models.Experiments.Yaml;

/// <summary>The words a file uses for an enum's values, derived from the names so the two cannot drift apart.</summary>
internal static class EnumWords
{
    /// <summary>rmsprop, minmax, adamw: the name in lower case.</summary>
    public static IReadOnlyDictionary<string, T> Lower<T>()
        where T : struct, Enum => Of<T>(name => name.ToLowerInvariant());

    /// <summary>coarse-to-fine, lr-range-test.</summary>
    public static IReadOnlyDictionary<string, T> Kebab<T>()
        where T : struct, Enum => Of<T>(JsonNamingPolicy.KebabCaseLower.ConvertName);

    /// <summary>final_loss, epochs_to_target.</summary>
    public static IReadOnlyDictionary<string, T> Snake<T>()
        where T : struct, Enum => Of<T>(JsonNamingPolicy.SnakeCaseLower.ConvertName);

    private static Dictionary<string, T> Of<T>(Func<string, string> word)
        where T : struct, Enum => Enum.GetValues<T>().ToDictionary(value => word(value.ToString()), StringComparer.Ordinal);
}
