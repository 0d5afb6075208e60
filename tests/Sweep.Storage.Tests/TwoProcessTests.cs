using System.Diagnostics;
using Sweep.Models.Results;

namespace Sweep.Storage.Tests;

public abstract class TwoProcessTests(StoreKind kind) : StoreTestBase(kind)
{
    [Fact]
    public async Task Two_processes_sharing_a_store_complete_every_trial_once_without_a_locked_error()
    {
        var store = OpenStore();
        var (experimentId, _, trials) = Planned(store, rates: 20, decays: 5);

        var workers = new[] { StartWorker(experimentId), StartWorker(experimentId) };
        var finished = workers.Select(Finish).ToList();
        while (store.ListRuns(experimentId).Length < 3 && !finished.Any(f => f.IsCompleted))
        {
            await Task.Delay(10);
        }

        await File.WriteAllTextAsync(GoFile, "");
        var outputs = await Task.WhenAll(finished);

        Assert.All(outputs, o => Assert.True(o.ExitCode == 0, $"worker exited with {o.ExitCode}: {o.Error}"));
        var completed = outputs.SelectMany(o => o.Lines).ToList();
        Assert.Equal(trials.Select(t => t.Id).Order(), completed.Order());
        Assert.All(outputs, o => Assert.NotEmpty(o.Lines));
        Assert.All(store.ListTrials(experimentId), t => Assert.Equal(TrialStatus.Completed, t.Status));
        Assert.Equal(100 * 1000, Scalar<int>("SELECT COUNT(*) FROM epochs"));
        if (Kind == StoreKind.Sqlite)
        {
            Assert.Equal("ok", Scalar<string>("PRAGMA integrity_check"));
        }
    }

    /// <summary>The file whose creation starts both workers at once.</summary>
    private string GoFile => Path.Combine(Folder, "go");

    private Process StartWorker(long experimentId)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])["exec", typeof(StoreWorker).Assembly.Location, StoreWorker.Command, Location, GoFile, experimentId.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    private static async Task<(int ExitCode, string[] Lines, string Error)> Finish(Process worker)
    {
        using (worker)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var output = worker.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = worker.StandardError.ReadToEndAsync(timeout.Token);
            await worker.WaitForExitAsync(timeout.Token);
            return (worker.ExitCode, (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries), await error);
        }
    }
}

public sealed class TwoProcessTestsOnSqlite() : TwoProcessTests(StoreKind.Sqlite);

public sealed class TwoProcessTestsOnPostgres() : TwoProcessTests(StoreKind.Postgres);
