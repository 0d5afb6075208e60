namespace Sweep.Models.Experiments;

/// <summary>How a training program reports its epochs on stdout or in its metrics file.</summary>
public enum MetricsFormat
{
    /// <summary>One JSON object per epoch with a numeric <c>epoch</c>.</summary>
    Json,

    /// <summary>Guild-style <c>key: value</c> lines; an <c>epoch: N</c> line starts epoch N.</summary>
    KeyValue,
}
