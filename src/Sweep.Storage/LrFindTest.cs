using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Sweep.Models.Experiments;

namespace Sweep.Storage;

/// <summary>
/// A learning-rate range test that <c>sweep lr-find --db</c> stored beside an experiment version's trials: its
/// id (the <c>range_tests.trial_id</c> of its steps), the settings it ran with and when it was stored.
/// </summary>
public sealed record LrFindTest(string Id, long ExperimentId, RangeTestSettings Settings, DateTimeOffset Created)
{
    /// <summary>
    /// The test's stable 16-hex id: the SHA-256 of the experiment version's fingerprint and the settings, so the same file
    /// with the same settings is the same test (stored again, it replaces itself) and other settings another.
    /// </summary>
    public static string IdOf(string experimentHash, RangeTestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var key = string.Create(
            CultureInfo.InvariantCulture,
            $"lr-find\n{experimentHash}\n{settings.Min:R}\n{settings.Max:R}\n{settings.Steps}\n{settings.Smoothing:R}\n{settings.StopFactor:R}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
    }
}
