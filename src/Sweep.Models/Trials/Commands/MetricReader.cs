using System.Collections.Immutable;
using Sweep.Models.Experiments;

namespace Sweep.Models.Trials.Commands;

/// <summary>
/// Turns a training program's output lines into epochs. Lines that are not metrics are the program's log
/// and are skipped here; an epoch number that does not increase is skipped too, so a stray line cannot
/// rewrite history.
/// </summary>
public abstract class MetricReader
{
    private int lastEpoch;

    public static MetricReader For(MetricsFormat format) => format switch
    {
        MetricsFormat.KeyValue => new KeyValueMetricReader(),
        _ => new JsonMetricReader(),
    };

    /// <summary>What a user is told to print when the program reported no epoch at all.</summary>
    public abstract string Example { get; }

    /// <summary>Reads one line; the epoch it completes, if any.</summary>
    public ReportedEpoch? Read(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return Accept(Parse(line));
    }

    /// <summary>At the end of the output: the epoch still open, if the format leaves one open.</summary>
    public ReportedEpoch? Finish() => Accept(Close());

    protected abstract ReportedEpoch? Parse(string line);

    protected virtual ReportedEpoch? Close() => null;

    /// <summary>The epoch made of named numbers, or null without an epoch number or a train loss.</summary>
    protected static ReportedEpoch? From(IEnumerable<KeyValuePair<string, double>> values)
    {
        int? epoch = null;
        double? train = null, validation = null, accuracy = null, rate = null, weightNorm = null, gradientNorm = null, seconds = null;
        var extra = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            switch (key)
            {
                case "epoch" when double.IsFinite(value) && value == Math.Floor(value) && value is >= 1 and <= int.MaxValue:
                    epoch = (int)value;
                    break;
                case "epoch":
                    return null;
                case "train_loss": train = value; break;
                case "val_loss": validation = value; break;
                case "accuracy": accuracy = value; break;
                case "learning_rate": rate = value; break;
                case "weight_norm": weightNorm = value; break;
                case "grad_norm": gradientNorm = value; break;
                case "seconds": seconds = value; break;
                default: extra[key] = value; break;
            }
        }

        return epoch is { } e && train is { } loss
            ? new ReportedEpoch(e, loss, validation, accuracy, rate, weightNorm, gradientNorm, seconds, extra.ToImmutable())
            : null;
    }

    private ReportedEpoch? Accept(ReportedEpoch? epoch)
    {
        if (epoch is null || epoch.Epoch <= lastEpoch)
        {
            return null;
        }

        lastEpoch = epoch.Epoch;
        return epoch;
    }
}
