using System.Collections.Immutable;

namespace Sweep.Reports.Exporters;

/// <summary>
/// Runs several exporters in order. One that throws is reported to <c>onFailure</c> and the rest still
/// write; cancellation still stops: <paramref name="stop"/> is looked at before each exporter starts, and one
/// that is started finishes its file or leaves none. Returns the paths the successful ones wrote.
/// </summary>
public sealed class CompositeExporter(IEnumerable<IExporter> exporters, Action<ExporterFailure> onFailure, CancellationToken stop = default) : IExporter
{
    private readonly ImmutableArray<IExporter> exporters = [.. exporters];

    public string Name => "composite";

    public IReadOnlyList<string> Export(SweepReport report, string directory)
    {
        var written = new List<string>();
        foreach (var exporter in exporters)
        {
            stop.ThrowIfCancellationRequested();
            try
            {
                written.AddRange(exporter.Export(report, directory));
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                onFailure(new ExporterFailure(exporter.Name, error));
            }
        }
        return written;
    }
}
