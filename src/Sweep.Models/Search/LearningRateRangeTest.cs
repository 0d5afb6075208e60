using System.Globalization;
using Sweep.Models.Data;
using Sweep.Models.Experiments;
using Sweep.Models.Training;

namespace Sweep.Models.Search;

/// <summary>
/// The learning-rate range test (Smith 2015): train for <see cref="RangeTestSettings.Steps"/>
/// mini-batches at a rate growing geometrically from Min to Max, smooth the loss and stop once it explodes.
/// <see cref="Run"/> does it on the engine; an instance records steps fed by any loop, one <see cref="Add"/>
/// per batch, which is also how the smoothing and stop rule are tested on hand-made losses.
/// </summary>
/// <remarks>
/// Smoothing is an exponential moving average with bias correction, as in fastai's LR finder:
/// a_i = β·a_(i−1) + (1 − β)·loss_i with a_(−1) = 0, smoothed_i = a_i / (1 − β^(i+1)); without the
/// correction the first smoothed losses would be pulled towards 0. The suggestion is the rate where the
/// smoothed loss falls fastest against log10 rate (central differences), looked for only up to the lowest
/// smoothed loss: past it the curve is on its way to divergence and its wiggles are not progress.
/// </remarks>
public sealed class LearningRateRangeTest
{
    private readonly RangeTestSettings settings;
    private readonly List<RangeTestStep> steps;
    private double average;
    private double minimum = double.PositiveInfinity;
    private RangeTestStop? stop;

    public LearningRateRangeTest(RangeTestSettings settings)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Steps, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.Min);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.Max, settings.Min);
        this.settings = settings;
        steps = new List<RangeTestStep>(settings.Steps);
    }

    /// <summary>
    /// Runs the test on a fresh model; the training definition's rate is replaced by the test's, everything else
    /// (batches, optimizer, loss) is used as it is. A test cancelled before its first step has nothing to report
    /// and throws <see cref="OperationCanceledException"/>; one cancelled later reports the steps it took.
    /// </summary>
    public static RangeTestResult Run(
        ModelDefinition model, TrainingDefinition training, Dataset data, int seed, RangeTestSettings settings,
        ThreadBudget? threads = null, CancellationToken cancellationToken = default)
    {
        var test = new LearningRateRangeTest(settings);
        using (var trainer = new Trainer(model, training, data, seed, threads))
        {
            trainer.RunBatches(test.RateAt, (_, rate, loss) => test.Add(rate, loss), cancellationToken);
        }

        if (test.steps.Count == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        return test.Finish();
    }

    /// <summary>The rate of step <paramref name="step"/> (from 0): Min·(Max/Min)^(step/(Steps − 1)).</summary>
    public double RateAt(int step) => settings.Min * Math.Pow(settings.Max / settings.Min, (double)step / (settings.Steps - 1));

    /// <summary>Records the next step's rate and loss; returns false once the test is over.</summary>
    public bool Add(double rate, double loss)
    {
        if (stop is not null)
        {
            throw new InvalidOperationException($"The range test has ended ({stop}).");
        }

        var index = steps.Count;
        var beta = settings.Smoothing;
        average = (beta * average) + ((1 - beta) * loss);
        var smoothed = average / (1 - Math.Pow(beta, index + 1));
        steps.Add(new RangeTestStep(index, rate, loss, smoothed));
        if (!double.IsFinite(loss))
        {
            stop = RangeTestStop.NonFinite;
        }
        else if (index > 0 && smoothed > settings.StopFactor * minimum)
        {
            stop = RangeTestStop.LossExploded;
        }
        else
        {
            minimum = Math.Min(minimum, smoothed);
            stop = steps.Count == settings.Steps ? RangeTestStop.Completed : null;
        }

        return stop is null;
    }

    /// <summary>The result of the steps so far; a test that did not end by itself was cancelled.</summary>
    public RangeTestResult Finish()
    {
        if (steps.Count == 0)
        {
            throw new InvalidOperationException("A range test needs at least one step to report on.");
        }

        var stoppedBy = stop ?? RangeTestStop.Cancelled;
        var usable = steps.Where(s => double.IsFinite(s.SmoothedLoss)).ToList();
        var lowest = usable.Count == 0 ? 0 : usable.IndexOf(usable.MinBy(s => s.SmoothedLoss));
        var (suggestion, slope) = Steepest(usable, lowest, WarmUpSteps(settings.Smoothing));
        var minLossRate = usable.Count == 0 ? steps[0].LearningRate : usable[lowest].LearningRate;
        var last = steps[^1];
        var ended = stoppedBy switch
        {
            RangeTestStop.Completed => $"ran all {steps.Count} steps up to rate {N(last.LearningRate)}",
            RangeTestStop.LossExploded => $"stopped at step {last.Step} (rate {N(last.LearningRate)}): the smoothed loss {N(last.SmoothedLoss)} exceeded {N(settings.StopFactor)} × its minimum {N(minimum)}",
            RangeTestStop.NonFinite => $"stopped at step {last.Step} (rate {N(last.LearningRate)}): the loss became {N(last.Loss)}",
            _ => $"cancelled after {steps.Count} steps",
        };
        var found = suggestion is { } s
            ? $"; the loss falls fastest at rate {N(s)} ({N(slope!.Value)} per decade), lowest at {N(minLossRate)} (/10: {N(minLossRate / 10)})"
            : $"; the smoothed loss never fell (lowest at {N(minLossRate)})";
        return new RangeTestResult([.. steps], suggestion, slope, minLossRate, stoppedBy, ended + found);
    }

    /// <summary>
    /// Steps whose bias-corrected average still rests on less than a fifth of its full weight (1 − β^(i+1) &lt; 0.2):
    /// there it follows single batches, and batch-to-batch differences look like steep falls. For β = 0.98
    /// that is the first 11 steps, close to the 10 fastai skips; without smoothing none.
    /// </summary>
    public static int WarmUpSteps(double smoothing) =>
        smoothing <= 0 ? 0 : (int)Math.Ceiling((Math.Log(0.8) / Math.Log(smoothing)) - 1);

    /// <summary>The rate of the most negative slope of smoothed loss against log10 rate, among steps after the warm-up up to the lowest.</summary>
    private static (double? Rate, double? Slope) Steepest(List<RangeTestStep> usable, int lowest, int warmUp)
    {
        (double? Rate, double? Slope) steepest = (null, null);
        for (var i = Math.Min(warmUp, lowest); i <= lowest && usable.Count > 1; i++)
        {
            var before = usable[Math.Max(i - 1, 0)];
            var after = usable[Math.Min(i + 1, usable.Count - 1)];
            var slope = (after.SmoothedLoss - before.SmoothedLoss) / Math.Log10(after.LearningRate / before.LearningRate);
            if (slope < 0 && (steepest.Slope is null || slope < steepest.Slope))
            {
                steepest = (usable[i].LearningRate, slope);
            }
        }

        return steepest;
    }

    private static string N(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}
