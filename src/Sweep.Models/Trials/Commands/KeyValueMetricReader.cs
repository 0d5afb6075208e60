using System.Globalization;

namespace Sweep.Models.Trials.Commands;

/// <summary>
/// Guild-style metrics: <c>key: value</c> lines with a numeric value. <c>epoch: N</c> starts epoch N; the
/// numbers that follow belong to it until the next <c>epoch:</c> line or the end of the output.
/// </summary>
public sealed class KeyValueMetricReader : MetricReader
{
    private readonly List<KeyValuePair<string, double>> open = new(8);

    public override string Example => "print 'epoch: N' and then 'train_loss: 0.52' (one key: value per line) for each epoch";

    protected override ReportedEpoch? Parse(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        var key = line.AsSpan(0, colon).Trim();
        if (key.IsEmpty || key.ContainsAny(" \t") || !TryNumber(line.AsSpan(colon + 1).Trim(), out var value))
        {
            return null;
        }

        if (key.SequenceEqual("epoch"))
        {
            var finished = Close();
            open.Add(KeyValuePair.Create("epoch", value));
            return finished;
        }

        if (open.Count > 0)
        {
            open.Add(KeyValuePair.Create(key.ToString(), value));
        }

        return null;
    }

    protected override ReportedEpoch? Close()
    {
        if (open.Count == 0)
        {
            return null;
        }

        var epoch = From(open);
        open.Clear();
        return epoch;
    }

    private static bool TryNumber(ReadOnlySpan<char> text, out double value)
    {
        switch (text)
        {
            case "nan" or "NaN":
                value = double.NaN;
                return true;
            case "inf" or "Infinity":
                value = double.PositiveInfinity;
                return true;
            case "-inf" or "-Infinity":
                value = double.NegativeInfinity;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }
}
