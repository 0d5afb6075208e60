namespace Sweep.Models.Experiments;

/// <summary>
/// How many samples each update sees: the full training set (one update per epoch), one sample (SGD,
/// n updates per epoch) or a mini-batch of <see cref="Size"/> (ceil(n / size) updates, the last batch partial).
/// </summary>
public readonly record struct BatchSize
{
    private BatchSize(BatchMode mode, int size) => (Mode, Size) = (mode, size);

    public BatchMode Mode { get; }

    /// <summary>The mini-batch size; 1 for SGD, 0 for full batch (the training set's size is not known here).</summary>
    public int Size { get; }

    public static BatchSize Full { get; } = new(BatchMode.Full, 0);

    public static BatchSize Single { get; } = new(BatchMode.Sgd, 1);

    public static BatchSize Of(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        return new(BatchMode.MiniBatch, size);
    }

    /// <summary>Samples per update for a training set of <paramref name="samples"/> samples.</summary>
    public int For(int samples) => Mode == BatchMode.Full ? samples : Math.Min(Size, samples);

    /// <summary>Updates per epoch over <paramref name="samples"/> samples: 1, ceil(n / size) or n.</summary>
    public int UpdatesPerEpoch(int samples) => (samples + For(samples) - 1) / For(samples);

    /// <summary>The text a user writes: <c>full</c>, <c>sgd</c> or the size.</summary>
    public override string ToString() => Mode switch
    {
        BatchMode.Full => "full",
        BatchMode.Sgd => "sgd",
        _ => Size.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
