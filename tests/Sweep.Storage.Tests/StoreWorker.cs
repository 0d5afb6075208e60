using System.Globalization;
using Sweep.Storage.Sqlite;

namespace Sweep.Storage.Tests;

/// <summary>
/// The entry point when a test starts this assembly as another process: <c>store-worker DB EXPERIMENT</c>
/// starts a run, waits for the file <c>DB.go</c> so that both workers start together, then claims, "trains"
/// for 5 ms and completes trials until none is left, printing each trial id it completed.
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
        using var store = SqliteResultStore.Open(path);
        var runId = store.StartRun(experimentId, "worker");
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!File.Exists(path + ".go") && DateTime.UtcNow < deadline)
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
