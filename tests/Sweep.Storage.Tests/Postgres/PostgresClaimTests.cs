using System.Collections.Concurrent;
using System.Diagnostics;
using Xunit.Abstractions;

namespace Sweep.Storage.Tests.Postgres;

/// <summary>Many workers claiming from one PostgreSQL store at once.</summary>
public sealed class PostgresClaimTests(ITestOutputHelper output) : StoreTestBase(StoreKind.Postgres)
{
    [Fact]
    public void Eight_workers_claiming_at_once_claim_every_trial_exactly_once()
    {
        var setup = OpenStore();
        var (experimentId, _, trials) = Planned(setup, rates: 100, decays: 20);
        var stores = Enumerable.Range(0, 8).Select(_ => OpenStore()).ToList();
        var runs = stores.Select(s => s.StartRun(experimentId, "worker")).ToList();
        var claimed = new ConcurrentBag<(string TrialId, int Worker)>();
        using var start = new Barrier(8);
        var clock = new Stopwatch();

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, worker =>
        {
            if (start.SignalAndWait(TimeSpan.FromSeconds(30)) && worker == 0)
            {
                clock.Start();
            }

            // Small claims, so the workers meet on the same rows again and again.
            while (stores[worker].ClaimTrials(experimentId, runs[worker], 3) is { IsEmpty: false } claims)
            {
                foreach (var claim in claims)
                {
                    claimed.Add((claim.TrialId, worker));
                }
            }
        });
        clock.Stop();

        output.WriteLine($"{claimed.Count:N0} trials claimed 3 at a time by 8 workers in {clock.Elapsed.TotalSeconds:F2} s: {claimed.Count / clock.Elapsed.TotalSeconds:N0} claims/s");
        Assert.Equal(trials.Select(t => t.Id).Order(), claimed.Select(c => c.TrialId).Order());
        Assert.True(claimed.Select(c => c.Worker).Distinct().Count() > 1, "one worker took every trial");
        Assert.Equal(trials.Length, Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'running' AND lease_token IS NOT NULL"));
        Assert.Equal(0, Scalar<int>("SELECT COUNT(*) FROM trials WHERE attempt <> 1"));
    }
}
