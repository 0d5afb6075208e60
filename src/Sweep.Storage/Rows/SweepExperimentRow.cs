namespace Sweep.Storage.Rows;

/// <summary>An experiment version as reading its sweep needs it: name, version, file, stored text and settings.</summary>
internal sealed class SweepExperimentRow
{
    public string Name { get; init; } = "";

    public int Version { get; init; }

    public string File { get; init; } = "";

    public string? Yaml { get; init; }

    public string? Settings { get; init; }
}
