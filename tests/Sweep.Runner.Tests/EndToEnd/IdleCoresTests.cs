namespace Sweep.Runner.Tests.EndToEnd;

/// <summary>Trials that get the threads of idle workers, or take turns on the workers' cores, make the same epochs as trials run one at a time.</summary>
[Collection(nameof(SweepProcesses))]
public sealed class IdleCoresTests : IDisposable
{
    /// <summary>
    /// Three rates of a 64-256-4 classifier in batches of 128: its first layer's products are big enough to
    /// be split over threads.
    /// </summary>
    private const string Blobs = """
        name: idle-cores
        seed: 3
        data:
          synthetic: {kind: blobs, n: 800, features: 64, classes: 4}
          validation: 0.2
        model:
          layers:
            - {units: 256, activation: relu}
            - {units: 4, activation: softmax}
        training: {epochs: 6, batch: 128, loss: cce, optimizer: adam}
        search:
          parameters:
            training.learning_rate: [0.0003, 0.001, 0.003]
        """;

    private readonly SweepFolder alone = new();
    private readonly SweepFolder shared = new();

    public void Dispose()
    {
        alone.Dispose();
        shared.Dispose();
    }

    [Theory]
    [InlineData("4")] // one worker's thread left over to share
    [InlineData("2")] // three trials taking turns on two workers
    public async Task Three_trials_on_more_workers_make_the_same_epochs_as_on_one_worker(string workers)
    {
        await RunAsync(alone, "1");
        await RunAsync(shared, workers);

        var one = Epochs(alone);
        Assert.Equal(3 * 6, one.Count);
        Assert.Equal(one, Epochs(shared));
    }

    /// <summary>Four cores whatever the machine has, so three trials on four workers leave one worker's thread to share.</summary>
    private static async Task RunAsync(SweepFolder folder, string parallel)
    {
        var file = folder.Write("idle-cores.yaml", Blobs);
        var fourCores = new Dictionary<string, string> { ["DOTNET_PROCESSOR_COUNT"] = "4", ["SWEEP_LEND_CORES"] = "1" };
        using var run = SweepProcess.StartIn(
            folder.Root, fourCores, "run", file, "--db", folder.DbPath, "--out", folder.OutPath, "--parallel", parallel);
        Assert.True(await run.ExitCodeAsync() == 0, run.Error);
    }

    private static List<(string Trial, int Epoch, double TrainLoss, double ValidationLoss)> Epochs(SweepFolder folder) =>
        folder.Query<(string, int, double, double)>("SELECT trial_id, epoch, train_loss, val_loss FROM epochs ORDER BY trial_id, epoch");
}
