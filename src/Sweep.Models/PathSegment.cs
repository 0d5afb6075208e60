using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Sweep.Models;

/// <summary>
/// A name given as data (an experiment's name) as one file or folder name that stays inside the folder it is
/// put in, on Linux, macOS and Windows alike. A readable name is kept as it is; any other gets its unsafe
/// characters replaced and a short hash of the whole name appended, so two different names never share a folder.
/// </summary>
public static class PathSegment
{
    /// <summary>Longer names are cut (before the hash), well below the 255 bytes most file systems allow.</summary>
    private const int MaxLength = 64;

    private const char Replacement = '_';

    // Besides the separators, the characters Windows refuses in a file name.
    private static readonly SearchValues<char> Unsafe = SearchValues.Create("/\\:*?\"<>|");

    private static readonly HashSet<string> WindowsDeviceNames = new(
        ["CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
         "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The single path segment for <paramref name="name"/>: never empty, never <c>.</c> or <c>..</c>, without separators.</summary>
    public static string Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var safe = Replace(name);
        return safe == name ? name : $"{safe}-{Hash(name)}";
    }

    private static string Replace(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            var kept = IsUnsafe(rune) ? Replacement.ToString() : rune.ToString();
            if (text.Length + kept.Length > MaxLength)
            {
                break;
            }

            text.Append(kept);
        }

        // ".." anywhere reads as a way up; a leading dot hides the folder on Unix; Windows drops trailing dots and spaces.
        text.Replace("..", "__");
        if (text.Length > 0 && text[0] == '.')
        {
            text[0] = Replacement;
        }

        var trimmed = text.ToString().TrimEnd('.', ' ');
        if (trimmed.Length < text.Length || trimmed.Length == 0)
        {
            trimmed += Replacement;
        }

        return WindowsDeviceNames.Contains(trimmed.Split('.')[0]) ? Replacement + trimmed : trimmed;
    }

    private static bool IsUnsafe(Rune rune) =>
        Rune.IsControl(rune)
        || (rune.IsBmp && Unsafe.Contains((char)rune.Value))
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>Eight hex digits of the name's SHA-256: enough that two names of one store never meet.</summary>
    private static string Hash(string name) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)), 0, 4);
}
