namespace Sweep.Reports.Exporters;

/// <summary>An exporter that threw: its name and the error, for the caller to log with its own template.</summary>
public sealed record ExporterFailure(string ExporterName, Exception Error);
