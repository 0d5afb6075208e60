using System.Globalization;

namespace Sweep.Storage.Tests;

/// <summary>
/// The entry point when a test starts this assembly as another process: <c>store-worker LOCATION GO-FILE EXPERIMENT</c>
/// opens the store at LOCATION (a SQLite path or a PostgreSQL URL), starts a run, waits for GO-FILE to exist so
/// that both workers start together, then claims, "trains"
/// for 5 ms and completes trials until none is left, printing each trial id it completed.
/// </summary>
internal static class StoreWorker
{
    public const string Command = "store-worker";

    public static int Main(string[] args)
    {
        if (args is not [Command, var location, var goFile, var experiment])
        {
            return 2;
        }

        var experimentId = long.Parse(experiment, CultureInfo.InvariantCulture);
        using var store = ResultStores.Open(location);
        var runId = store.StartRun(experimentId, "worker");
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!File.Exists(goFile) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }

        while (store.ClaimNextTrial(experimentId, runId) is { } trialId)
        {
            // A real trial trains between its claim and its completion, outside any transaction. Without that
            // pause one process can take every write lock in a row while SQLite's busy handler keeps the other
            // asleep, and the test would not see them share the work.
            Thread.Sleep(5);
            store.CompleteTrial(experimentId, trialId, runId, Some.Completed(1000));
            Console.WriteLine(trialId);
        }

        store.FinishRun(runId, RunStatus.Completed);
        return 0;
    }
}
