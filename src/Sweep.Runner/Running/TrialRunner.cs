using System.Diagnostics;
using Serilog;
using Sweep.Models.Results;
using Sweep.Models.Search;
using Sweep.Models.Training;

namespace Sweep.Runner.Running;

/// <summary>
/// Trains one planned trial. A trial that throws becomes a failed result with its error text, and the
/// sweep goes on; the stack trace goes to the debug log (shown with --verbose).
/// </summary>
internal sealed class TrialRunner(DatasetCache datasets, ILogger log)
{
    public TrialResult Run(TrialPlan trial, Action<EpochRecord>? onEpoch, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var configuration = trial.Configuration;
            var trainer = new Trainer(configuration.Model, configuration.Training, datasets.For(configuration), trial.Seed);
            var result = trainer.Run(onEpoch, cancellationToken);
            return new TrialResult(trial.Id, result.Status, result.Epochs, null, clock.Elapsed.TotalSeconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.Debug(e, "Trial {TrialId} threw {ExceptionType}", trial.Id, e.GetType().Name);
            return new TrialResult(trial.Id, TrialStatus.Failed, [], e.Message, clock.Elapsed.TotalSeconds);
        }
    }
}
