using System.Diagnostics;
using Sweep.Models.Results;
using Sweep.Models.Search;
using Sweep.Models.Training;

namespace Sweep.Runner.Running;

/// <summary>Trains one planned trial. A trial that throws becomes a failed result with its error text; the sweep goes on.</summary>
internal sealed class TrialRunner(DatasetCache datasets)
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
            return new TrialResult(trial.Id, TrialStatus.Failed, [], e.Message, clock.Elapsed.TotalSeconds);
        }
    }
}
