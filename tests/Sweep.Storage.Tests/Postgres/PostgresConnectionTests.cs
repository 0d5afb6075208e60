using System.Diagnostics;
using Npgsql;
using Sweep.Models.Results;

namespace Sweep.Storage.Tests.Postgres;

/// <summary>A PostgreSQL store keeps its password to itself, and rides out a server that goes away for a while.</summary>
public sealed class PostgresConnectionTests
{
    private const string Password = "n0t-in-any-message";

    private static readonly StoreOptions BriefRetries = new() { RetryFor = TimeSpan.FromSeconds(1) };

    [Fact]
    public void A_server_that_is_not_there_fails_with_a_message_naming_the_database_without_the_password()
    {
        var error = Assert.Throws<StoreException>(() => ResultStores.Open($"postgres://sweep:{Password}@127.0.0.1:1/sweeps", BriefRetries));

        Assert.StartsWith("Cannot connect to postgres://sweep@127.0.0.1:1/sweeps (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(
            "); check that the server runs and accepts this user and password (from the URL, PGPASSWORD or ~/.pgpass), or pass another --db.",
            error.Message,
            StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_the_server_does_not_have_fails_at_once_without_the_password()
    {
        var url = TestPostgres.UrlOf(TestPostgres.ServerUrl, "sweep_no_such_database").Replace("postgres@", $"postgres:{Password}@", StringComparison.Ordinal);
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<StoreException>(() => ResultStores.Open(url));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}: a missing database is not worth retrying");
        Assert.Contains("sweep_no_such_database", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Cannot connect to postgres://postgres@", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_opened_with_a_password_in_its_url_prints_its_location_without_it()
    {
        var database = TestPostgres.CreateDatabase();
        try
        {
            using var store = ResultStores.Open(database.Replace("postgres@", $"postgres:{Password}@", StringComparison.Ordinal));

            Assert.Equal(database.TrimEnd('/'), store.Location);
        }
        finally
        {
            TestPostgres.DropDatabase(database);
        }
    }

    [Fact]
    public async Task A_server_restarting_while_the_store_is_in_use_is_waited_for_and_the_next_calls_succeed()
    {
        // A server of its own: the shared one is never restarted.
        var server = TestPostgres.StartServer();
        try
        {
            using var store = ResultStores.Open(server);
            var experiment = Some.Experiment(rates: 4, decays: 1);
            var experimentId = store.RegisterExperiment(experiment).Id;
            store.AddPlannedTrials(experimentId, Some.Trials(experiment));
            var runId = store.StartRun(experimentId, "test");
            var first = store.ClaimTrials(experimentId, runId, 1).Single();

            var restart = Task.Run(() => TestPostgres.RestartServer(server, TimeSpan.FromSeconds(2)));
            await ServerDown(server);
            var clock = Stopwatch.StartNew();
            var result = store.WriteBatch(experimentId, runId, new RunBatch(
                [new FinishedTrial(first, Some.Completed(5), DateTimeOffset.UtcNow)], [], Claim: 2));
            clock.Stop();
            await restart;

            Assert.True(clock.Elapsed > TimeSpan.FromSeconds(0.5), $"the batch took {clock.Elapsed}: it should have waited for the server");
            Assert.True(Assert.Single(result.Recorded));
            Assert.Equal(2, result.Claimed.Length);
            Assert.Equal(
                [TrialStatus.Completed, TrialStatus.Running, TrialStatus.Running, TrialStatus.Pending],
                store.ListTrials(experimentId).Select(t => t.Status));
            Assert.Equal(5, store.ReadEpochs(experimentId, first.TrialId).Length);
        }
        finally
        {
            TestPostgres.StopServer(server);
        }
    }

    /// <summary>Returns once the server refuses connections.</summary>
    private static async Task ServerDown(string server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var connection = TestPostgres.Connect(server);
            }
            catch (NpgsqlException)
            {
                return;
            }

            await Task.Delay(20);
        }

        Assert.Fail("the server did not go down within 60 s");
    }
}
