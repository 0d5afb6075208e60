using System.Globalization;
using CsvHelper;
using Sweep.Reports.Columns;

namespace Sweep.Reports.Exporters;

/// <summary>
/// <c>trials.csv</c>: one row per trial of the sweep, however many the page shows, a column per <see cref="TrialColumns"/> entry shown in files, exact, under
/// its id; an empty cell means no value.
/// </summary>
public sealed class TrialsCsvExporter : ExporterBase
{
    private static readonly CsvWriterOptions Options = new() { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture };

    protected override string FileName => "trials.csv";

    protected override void Write(SweepReport report, TextWriter writer)
    {
        using var csv = CsvWriter.Create(writer, Options, leaveOpen: true);
        var columns = TrialColumns.Of(report, TrialOutputs.Csv);
        csv.WriteHeader([.. columns.Select(c => c.Id)]);
        foreach (var trial in report.AllTrials())
        {
            foreach (var column in columns)
            {
                csv.WriteField(column.Exact(trial));
            }

            csv.EndRecord();
        }
    }
}
