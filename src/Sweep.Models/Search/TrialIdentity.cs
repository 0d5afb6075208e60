using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sweep.Models.Experiments;

namespace Sweep.Models.Search;

/// <summary>
/// A trial's id: the first 16 hex digits of the SHA-256 of its resolved data, model and training blocks
/// and its seed, serialised canonically (fixed property order, round-trip numbers). The same configuration
/// gets the same id whatever the key order or number spelling in the file (1e-3 or 0.001), on any machine.
/// Names, descriptions and the search block are not part of it. A trial of a user's program hashes the
/// trainer's command, folder, environment and metrics format as written, with its params, instead of data
/// and model: changing how the program is invoked makes new trials.
/// </summary>
public static class TrialIdentity
{
    public static string Of(ExperimentDefinition configuration, int seed) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson(configuration, seed))))[..16];

    /// <summary>The text the id hashes; also what the store keeps as the trial's resolved configuration.</summary>
    public static string CanonicalJson(ExperimentDefinition configuration, int seed)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.Trainer is null
            ? JsonSerializer.Serialize(new EngineTrialIdentity(configuration.Data, configuration.Model, configuration.Training, seed), IdentityJson.Options)
            : JsonSerializer.Serialize(new CommandTrialIdentity(configuration.Trainer, configuration.Params, configuration.Training, seed), IdentityJson.Options);
    }
}
