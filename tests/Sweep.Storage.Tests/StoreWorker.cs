using System.Globalization;

namespace Sweep.Storage.Tests;

/// <summary>
/// The entry point when a test starts this assembly as another process: <c>store-worker DB EXPERIMENT</c>
/// starts a run, waits for the file <c>DB.go</c> so that both workers start together, then claims and
/// completes trials until none is left, printing each trial id it completed.
/// </summary>
internal static class StoreWorker
{
    public const string Command = "store-worker";

    public static int Main(string[] args)
    {
        if (args is not [Command, var path, var experiment])
        {
            return 2;
        }

        var experimentId = long.Parse(experiment, CultureInfo.InvariantCulture);
        using var store = ResultStore.Open(path);
        var runId = store.StartRun(experimentId, "worker");
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!File.Exists(path + ".go") && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }

        while (store.ClaimNextTrial(experimentId, runId) is { } trialId)
        {
            store.CompleteTrial(experimentId, trialId, runId, Some.Completed(1000));
            Console.WriteLine(trialId);
        }

        store.FinishRun(runId, RunStatus.Completed);
        return 0;
    }
}
