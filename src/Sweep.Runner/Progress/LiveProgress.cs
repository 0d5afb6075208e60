using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Serilog;
using Spectre.Console;
using Spectre.Console.Rendering;
using Sweep.Models;
using Sweep.Models.Results;
using Sweep.Models.Search;
using Sweep.Runner.Logging;

namespace Sweep.Runner.Progress;

/// <summary>
/// The live display on an interactive terminal: trials done of total, each running trial with its epoch
/// and loss, the last few that finished, and an estimate of the time left. Every event still goes to the
/// log (file) through <see cref="PlainProgress"/>; the console shows only errors meanwhile.
/// </summary>
internal sealed class LiveProgress : ISweepProgress, IAsyncDisposable
{
    private const int RecentShown = 5;
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromMilliseconds(250);

    private readonly PlainProgress events;
    private readonly IDisposable consolePause;
    private readonly ILogger log;
    private readonly string title;
    private readonly int total;
    private readonly int finishedBefore;
    private readonly long started = Stopwatch.GetTimestamp();
    private readonly ConcurrentDictionary<string, RunningTrial> running = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> recent = new();
    private readonly CancellationTokenSource finished = new();
    private readonly Task display;

    public LiveProgress(PlainProgress events, ConsoleLevels levels, ILogger log, string title, int total, int finishedBefore)
    {
        this.events = events;
        this.log = log;
        this.title = title;
        this.total = total;
        this.finishedBefore = finishedBefore;
        consolePause = levels.Pause();
        display = ShowAsync(AnsiConsole.Console);
    }

    /// <summary>A live display only on a terminal a person watches: not when output is redirected, on CI, quiet or logging JSON.</summary>
    public static bool IsWanted(TextWriter output, LogSettings settings) =>
        settings is { Quiet: false, Format: LogFormat.Text }
        && ReferenceEquals(output, Console.Out)
        && !Console.IsOutputRedirected
        && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public Action<EpochRecord>? TrialStarted(TrialPlan trial)
    {
        events.TrialStarted(trial);
        var slot = new RunningTrial(trial);
        running[trial.Id] = slot;
        return slot.Record;
    }

    public void TrialFinished(TrialPlan trial, TrialResult result)
    {
        events.TrialFinished(trial, result);
        running.TryRemove(trial.Id, out _);
        var outcome = result.Status switch
        {
            TrialStatus.Completed when result.RangeTest is { } test =>
                string.Create(CultureInfo.InvariantCulture, $"[green]range test done[/], {test.Steps.Length} steps"),
            TrialStatus.Failed => $"[red]failed[/]: {Markup.Escape(result.Error ?? "")}",
            TrialStatus.Diverged => "[yellow]diverged[/]",
            TrialStatus.Interrupted => "[grey]interrupted[/]",
            _ => string.Create(CultureInfo.InvariantCulture, $"[green]completed[/], loss {result.FinalLoss:G4}"),
        };
        recent.Enqueue($"{trial.Id} ({Markup.Escape(TrialText.Parameters(trial))}): {outcome}");
        while (recent.Count > RecentShown && recent.TryDequeue(out _))
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await finished.CancelAsync().ConfigureAwait(false);
        await display.ConfigureAwait(false);
        finished.Dispose();
        consolePause.Dispose();
    }

    private async Task ShowAsync(IAnsiConsole console)
    {
        try
        {
            await console.Live(Render()).AutoClear(false).StartAsync(async context =>
            {
                while (!finished.IsCancellationRequested)
                {
                    context.UpdateTarget(Render());
                    await Task.Delay(RefreshEvery, CancellationToken.None).ConfigureAwait(false);
                }

                context.UpdateTarget(Render());
            }).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            // A terminal that cannot be redrawn must not stop the sweep; the log still has every trial.
            log.Debug(e, "The live display stopped: {Problem}", e.Message);
        }
    }

    private Rows Render()
    {
        var done = events.Done;
        var table = new Table().Border(TableBorder.Simple).AddColumns("trial", "parameters", "epoch", "loss");
        foreach (var slot in running.Values.OrderBy(s => s.Trial.Number))
        {
            table.AddRow(slot.Trial.Id, Markup.Escape(TrialText.Parameters(slot.Trial)), slot.EpochText, slot.LossText);
        }

        var lines = new List<IRenderable>
        {
            new Markup($"[bold]{Markup.Escape(title)}[/]  {done}/{total} trials done, {running.Count} running, {Eta(done)}"),
            table,
        };
        lines.AddRange(recent.Select(line => new Markup(line)));
        return new Rows(lines);
    }

    private string Eta(int done)
    {
        var finishedNow = done - finishedBefore;
        if (finishedNow <= 0)
        {
            return "time left unknown yet";
        }

        var perTrial = Stopwatch.GetElapsedTime(started) / finishedNow;
        return $"about {DurationText.Format(perTrial * (total - done))} left";
    }

    /// <summary>A running trial's last epoch, written by its worker and read by the display (a torn read only shows an older number).</summary>
    private sealed class RunningTrial(TrialPlan trial)
    {
        private int epoch;
        private double loss = double.NaN;

        public TrialPlan Trial => trial;

        public string EpochText => string.Create(CultureInfo.InvariantCulture, $"{Volatile.Read(ref epoch)}/{trial.Configuration.Training.Epochs}");

        public string LossText => Volatile.Read(ref epoch) == 0 ? "" : Volatile.Read(ref loss).ToString("G4", CultureInfo.InvariantCulture);

        public void Record(EpochRecord record)
        {
            Volatile.Write(ref loss, record.Loss);
            Volatile.Write(ref epoch, record.Epoch);
        }
    }
}
