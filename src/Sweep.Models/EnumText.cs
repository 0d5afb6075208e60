namespace Sweep.Models;

/// <summary>
/// The word files, the store and reports use for an enum value: its name in lower case (completed,
/// interrupted, oscillating). One rule, so a new value cannot be spelt differently in two places.
/// </summary>
public static class EnumText
{
    /// <exception cref="ArgumentOutOfRangeException">The value has no name (a cast from an unknown number).</exception>
    public static string Lower<T>(T value)
        where T : struct, Enum =>
        Enum.IsDefined(value)
            ? value.ToString().ToLowerInvariant()
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(T).Name} has no value {value}.");
}
