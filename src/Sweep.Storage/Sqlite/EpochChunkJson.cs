using System.Globalization;
using Sweep.Models.Results;

namespace Sweep.Storage.Sqlite;

/// <summary>
/// Writes the <c>data</c> of a <c>trial_epoch_chunks</c> row as UTF-8: a JSON array with one array per epoch,
/// <c>[epoch, train_loss, val_loss, accuracy, learning_rate, weight_norm, grad_norm, seconds]</c>. Numbers are
/// written by <see cref="RoundTripJsonNumber"/>, to read back as the same double. SQLite has no NaN and JSON no infinity: a value that
/// was not a number is null, like a missing one, and ±infinity is ±9e999, which SQLite's JSON functions read as
/// infinity. The buffer is reused from chunk to chunk, so writing allocates only when a chunk outgrows it.
/// </summary>
internal sealed class EpochChunkJson
{
    /// <summary>The longest number written: a double, or an epoch number.</summary>
    private const int LongestNumber = RoundTripJsonNumber.MaxLength;

    private static readonly byte[] Null = "null"u8.ToArray();
    private static readonly byte[] PositiveInfinity = "9e999"u8.ToArray();
    private static readonly byte[] NegativeInfinity = "-9e999"u8.ToArray();

    /// <summary>The seven numbers after the epoch's.</summary>
    private const int Columns = 7;

    /// <summary>
    /// Each column's number in the epoch before, and where its text lies in the buffer: a value equal to it (a
    /// learning rate held for many epochs) is copied instead of written again.
    /// </summary>
    private readonly (ulong Bits, int Start, int Length)[] previous = new (ulong, int, int)[Columns];

    private byte[] buffer = new byte[64 * 1024];
    private int length;

    /// <summary>The JSON of <paramref name="epochs"/>, valid until the next call.</summary>
    public ReadOnlySpan<byte> Write(ReadOnlySpan<EpochRecord> epochs)
    {
        length = 0;
        Array.Clear(previous);
        Append((byte)'[');
        for (var index = 0; index < epochs.Length; index++)
        {
            var epoch = epochs[index];
            if (index > 0)
            {
                Append((byte)',');
            }

            Append((byte)'[');

            Reserve(LongestNumber);
            epoch.Epoch.TryFormat(buffer.AsSpan(length), out var written, provider: CultureInfo.InvariantCulture);
            length += written;
            AppendReal(0, epoch.TrainLoss);
            AppendReal(1, epoch.ValidationLoss);
            AppendReal(2, epoch.Accuracy);
            AppendReal(3, epoch.LearningRate);
            AppendReal(4, epoch.WeightNorm);
            AppendReal(5, epoch.GradientNorm);
            AppendReal(6, epoch.Seconds);
            Append((byte)']');
        }

        Append((byte)']');
        return buffer.AsSpan(0, length);
    }

    /// <summary>A comma, then the value of <paramref name="column"/>.</summary>
    private void AppendReal(int column, double? value)
    {
        Reserve(LongestNumber + 1);
        buffer[length++] = (byte)',';
        if (value is not { } number || double.IsNaN(number))
        {
            AppendBytes(Null);
        }
        else if (double.IsInfinity(number))
        {
            AppendBytes(number > 0 ? PositiveInfinity : NegativeInfinity);
        }
        else
        {
            var bits = BitConverter.DoubleToUInt64Bits(number);
            var (previousBits, start, written) = previous[column];
            if (written > 0 && bits == previousBits)
            {
                buffer.AsSpan(start, written).CopyTo(buffer.AsSpan(length));
            }
            else
            {
                written = RoundTripJsonNumber.Write(number, buffer.AsSpan(length));
            }

            previous[column] = (bits, length, written);
            length += written;
        }
    }

    private void AppendBytes(byte[] bytes)
    {
        bytes.CopyTo(buffer.AsSpan(length));
        length += bytes.Length;
    }

    private void Append(byte value)
    {
        Reserve(1);
        buffer[length++] = value;
    }

    private void Reserve(int bytes)
    {
        if (length + bytes > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + bytes));
        }
    }
}
