namespace Sweep.Reports.Exporters;

/// <summary>Writes one sweep report in one format into a directory.</summary>
public interface IExporter
{
    /// <summary>What the logs call this exporter.</summary>
    string Name { get; }

    /// <summary>Writes the report's files into <paramref name="directory"/> (created if missing) and returns their paths.</summary>
    IReadOnlyList<string> Export(SweepReport report, string directory);
}
