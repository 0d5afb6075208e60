using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace Sweep.Bench;

/// <summary>
/// A sweep spread over processes on one PostgreSQL server, beside Optuna's RDB storage on the same server in
/// the same run (../shared/peers/optuna_pg.py): the grid of 400 learning rates of y = 3x, 20 epochs each, on
/// two processes (`sweep run` and one `sweep worker`, each one trial at a time; Optuna: two workers of one
/// study), `sweep` as the tool package installs it on linux-x64. Sweep's time is the whole `sweep run` process: start-up, planning, training, waiting for the
/// worker, and writing every report (and, apart, until every trial had a result); the worker starts with it and waits up to 5 s for work. Both are checked
/// for trials run twice. Each side gets a new database. Diverging rates stop early in Sweep (a result, not a
/// failure), so Sweep records fewer epochs than Optuna's 20 reports a trial.
/// </summary>
internal static class WorkersWorkload
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static int Run(TextWriter output, string serverUrl, int trials, bool withOptuna)
    {
        var root = EngineWorkload.RepositoryRoot();
        var folder = Directory.CreateTempSubdirectory("sweep-bench-workers-");
        try
        {
            var file = Path.Combine(folder.FullName, "y3x-grid.yaml");
            File.WriteAllText(file, Experiment(trials));
            var sweep = Sweep(root, folder.FullName, file, CreateDatabase(serverUrl, "sweep"), trials);
            output.WriteLine(JsonSerializer.Serialize(sweep, Json));
            if (withOptuna)
            {
                var optuna = Optuna(CreateDatabase(serverUrl, "optuna"), trials);
                output.WriteLine(optuna);
                var optunaWall = JsonDocument.Parse(optuna).RootElement.GetProperty("wall_s").GetDouble();
                output.WriteLine(JsonSerializer.Serialize(new { Comparison = "optuna_wall / sweep_wall", Ratio = Math.Round(optunaWall / sweep.WallSeconds, 1) }, Json));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        return 0;
    }

    private static SweepResult Sweep(string root, string folder, string file, string url, int trials)
    {
        // The build users install as a tool: published for this platform with its own runtime, precompiled (ReadyToRun).
        var sweep = Path.Combine(root, "src", "Sweep.Runner", "bin", "Release", "net10.0", "linux-x64", "publish", "sweep");
        if (!File.Exists(sweep))
        {
            throw new FileNotFoundException("Publish sweep first: dotnet publish src/Sweep.Runner -c Release -r linux-x64", sweep);
        }

        var clock = Stopwatch.StartNew();
        using var run = Start(folder, sweep, "run", file, "--db", url, "--parallel", "1", "--out", Path.Combine(folder, "run"), "--quiet");
        using var worker = Start(folder, sweep, "worker", "--db", url, "--parallel", "1", "--idle-exit", "5s", "--out", Path.Combine(folder, "worker"), "--quiet");
        var trialsDone = WhenAllFinished(url, trials, run, clock);
        run.WaitForExit();
        var wall = clock.Elapsed.TotalSeconds;
        worker.WaitForExit();
        if (run.ExitCode != 0 || worker.ExitCode != 0)
        {
            throw new InvalidOperationException($"sweep run exited {run.ExitCode}, the worker {worker.ExitCode}");
        }

        using var connection = new NpgsqlConnection(ConnectionString(url));
        connection.Open();
        long Count(string sql)
        {
            using var command = new NpgsqlCommand(sql, connection);
            return (long)command.ExecuteScalar()!;
        }

        return new SweepResult(
            "sweep-postgres",
            Workers: 2,
            Trials: Count("SELECT COUNT(*) FROM trials WHERE status IN ('completed', 'diverged')"),
            RunTwice: Count("SELECT COUNT(*) FROM trials WHERE attempt > 1"),
            Epochs: Count("SELECT COUNT(*) FROM epochs"),
            DistinctEpochs: Count("SELECT COUNT(*) FROM (SELECT DISTINCT trial_id, epoch FROM epochs) AS e"),
            ByWorker: Count("SELECT COUNT(*) FROM trials t JOIN runs r ON r.id = t.run_id WHERE r.id <> (SELECT MIN(id) FROM runs)"),
            TrialsSeconds: Math.Round(trialsDone, 3),
            WallSeconds: Math.Round(wall, 3),
            MsPerTrialPerWorker: Math.Round(1000 * wall * 2 / trials, 2),
            RunPhasesMs: Phases(Path.Combine(folder, "run", "sweep.log")));
    }

    /// <summary>The run's phases from its log ("Phase: store opened at 412 ms after the process started"), in order.</summary>
    private static Dictionary<string, double> Phases(string log)
    {
        var phases = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(log))
        {
            var start = line.IndexOf("Phase: ", StringComparison.Ordinal);
            var at = line.LastIndexOf(" at ", StringComparison.Ordinal);
            if (start >= 0 && at > start)
            {
                var ms = line[(at + 4)..].Split(' ')[0];
                phases[line[(start + 7)..at]] = double.Parse(ms, CultureInfo.InvariantCulture);
            }
        }

        return phases;
    }

    /// <summary>When every trial had a result, looking every 20 ms (the rest of the run's time is writing the reports).</summary>
    private static double WhenAllFinished(string url, int trials, Process run, Stopwatch clock)
    {
        // One connection for all the looks: a new PostgreSQL connection is a new server process, which would
        // take from the run the time being measured.
        using var connection = new NpgsqlConnection(ConnectionString(url));
        connection.Open();
        using var created = new NpgsqlCommand("SELECT COUNT(*) FROM pg_tables WHERE tablename = 'trials' AND schemaname = current_schema()", connection);
        using var finished = new NpgsqlCommand("SELECT COUNT(*) FROM trials WHERE status IN ('completed', 'diverged', 'failed')", connection);
        var exists = false;
        while (!run.HasExited)
        {
            exists = exists || (long)created.ExecuteScalar()! > 0;
            if (exists && (long)finished.ExecuteScalar()! >= trials)
            {
                return clock.Elapsed.TotalSeconds;
            }

            Thread.Sleep(20);
        }

        return clock.Elapsed.TotalSeconds;
    }

    private static string Optuna(string url, int trials)
    {
        // SQLAlchemy knows the scheme only by its long name (and needs Debian's python3-psycopg2).
        var sqlAlchemyUrl = "postgresql://" + url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        return Peers.LastLine("optuna_pg.py", sqlAlchemyUrl, "--workers", "2", "--trials", trials.ToString(CultureInfo.InvariantCulture), "--reports", "20");
    }

    /// <summary>y = 3x, full batch, 20 epochs, at <paramref name="trials"/> rates from 1e-5 to 10 evenly on a log scale (Optuna's grid).</summary>
    private static string Experiment(int trials)
    {
        var rates = string.Join(", ", Enumerable.Range(0, trials).Select(i => Math.Pow(10, -5 + (6.0 * i / (trials - 1))).ToString("R", CultureInfo.InvariantCulture)));
        return $$"""
            name: y3x-grid
            data:
              inline: {x: [[1], [2], [3], [4]], y: [[3], [6], [9], [12]]}
            model:
              layers: [{units: 1}]
              init: zeros
            training: {epochs: 20, batch: full, learning_rate: 0.01}
            search:
              parameters:
                training.learning_rate: [{{rates}}]
            """;
    }

    private static string CreateDatabase(string serverUrl, string prefix)
    {
        var name = $"bench_{prefix}_{DateTime.UtcNow:yyyyMMddHHmmss}_{Environment.ProcessId}";
        using (var connection = new NpgsqlConnection(ConnectionString(serverUrl)))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }

        return new UriBuilder(serverUrl) { Path = "/" + name }.Uri.ToString();
    }

    private static string ConnectionString(string url)
    {
        var uri = new Uri(url);
        var user = uri.UserInfo.Split(':');
        return new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port > 0 ? uri.Port : 5432,
            Username = Uri.UnescapeDataString(user[0]),
            Password = user.Length > 1 ? Uri.UnescapeDataString(user[1]) : null,
            Database = uri.AbsolutePath.TrimStart('/'),
            Pooling = false,
        }.ConnectionString;
    }

    private static Process Start(string directory, string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CI"] = "true";
        return Process.Start(start)!;
    }

    private sealed record SweepResult(string Impl, int Workers, long Trials, long RunTwice, long Epochs, long DistinctEpochs, long ByWorker, double TrialsSeconds, double WallSeconds, double MsPerTrialPerWorker, Dictionary<string, double> RunPhasesMs);
}
