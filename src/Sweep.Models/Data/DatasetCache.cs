using System.Collections.Concurrent;
using System.Text.Json;
using Sweep.Models.Experiments;
using Sweep.Models.Search;

namespace Sweep.Models.Data;

/// <summary>
/// Loads each distinct data configuration once per sweep: trials that differ only in training settings
/// share one read-only <see cref="Dataset"/>. The seed is part of the key because it drives the split and
/// synthetic data.
/// </summary>
public sealed class DatasetCache
{
    private readonly ConcurrentDictionary<string, Lazy<Dataset>> datasets = new(StringComparer.Ordinal);

    /// <summary>The data of <paramref name="configuration"/>, loaded on the first call for its data block, folder and seed.</summary>
    public Dataset For(ExperimentDefinition configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var key = $"{configuration.Directory}\n{configuration.Seed}\n{JsonSerializer.Serialize(configuration.Data, IdentityJson.Options)}";
        return datasets.GetOrAdd(key, _ => new Lazy<Dataset>(() => DatasetLoader.Load(configuration.EngineData, configuration.Directory, configuration.Seed))).Value;
    }
}
