using System.Text;

namespace Sweep.Reports.Exporters;

/// <summary>
/// Owns the file: its name, UTF-8 without a byte-order mark, <c>\n</c> line ends on every platform, and a
/// write to a temporary file moved into place, so a failing exporter never leaves half a report behind.
/// Concrete exporters only format.
/// </summary>
public abstract class ExporterBase : IExporter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The file this exporter writes, fixed for users (<c>trials.csv</c>, <c>summary.md</c>, …).</summary>
    protected abstract string FileName { get; }

    public string Name => FileName;

    public IReadOnlyList<string> Export(SweepReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        WholeFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8) { NewLine = "\n" };
            Write(report, writer);
        });
        return [path];
    }

    /// <summary>Formats the report into the file's writer; <see cref="TextWriter.NewLine"/> is <c>\n</c>.</summary>
    protected abstract void Write(SweepReport report, TextWriter writer);
}
