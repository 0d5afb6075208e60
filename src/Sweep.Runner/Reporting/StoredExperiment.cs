using Sweep.Models.Experiments;
using Sweep.Storage;

namespace Sweep.Runner.Reporting;

/// <summary>An experiment version's file as the store keeps it, loaded again so its search settings can retell what ran.</summary>
internal static class StoredExperiment
{
    /// <summary>Null when the store has no text for the version or it no longer loads (its data moved, say).</summary>
    public static LoadedExperiment? Load(IResultStore store, long experimentId, string file)
    {
        var text = store.ReadExperimentText(experimentId);
        var directory = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
        return text is null ? null : ExperimentLoader.Parse(text, file, directory).Experiment;
    }
}
