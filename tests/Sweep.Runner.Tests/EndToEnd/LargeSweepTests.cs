using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sweep.Runner.Tests.EndToEnd;

/// <summary>
/// A sweep larger than a report shows, through the real executable on each kind of store: report.html holds the best
/// thousand trials and says where the rest are, while trials.csv, epochs.csv and report.json list every trial, the
/// same from `sweep run` and from `sweep report`.
/// </summary>
[Collection(nameof(SweepProcesses))]
public sealed partial class LargeSweepTests : IDisposable
{
    private const int Trials = 1_050;

    private const int Epochs = 3;

    private readonly SweepFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public async Task A_sweep_of_more_trials_than_the_page_shows_lists_them_all_in_the_files_and_the_best_on_the_page(string kind)
    {
        using var store = TestStores.Create(kind, folder);
        // 105 learning rates × 10 L2 penalties of y = 3x, three epochs each.
        var file = folder.Write("large.yaml", """
            name: large
            data:
              inline: {x: [[1], [2], [3], [4]], y: [[3], [6], [9], [12]]}
            model:
              layers: [{units: 1, activation: linear}]
              init: zeros
            training: {epochs: 3, loss: mse, optimizer: sgd, batch: full}
            search:
              strategy: grid
              parameters:
                training.learning_rate: {linear: {min: 0.0001, max: 0.0105, step: 0.0001}}
                training.weight_decay.l2: {linear: {min: 0, max: 0.0009, step: 0.0001}}
            """);
        using (var run = SweepProcess.StartIn(folder.Root, "run", file, "--db", store.Location, "--out", folder.OutPath, "--quiet"))
        {
            Assert.True(await run.ExitCodeAsync(TimeSpan.FromMinutes(10)) == 0, run.Error);
        }

        var reports = Path.Combine(folder.Root, "reports");
        using (var report = SweepProcess.StartIn(folder.Root, "report", "large", "--db", store.Location, "--out", reports))
        {
            Assert.True(await report.ExitCodeAsync(TimeSpan.FromMinutes(10)) == 0, report.Error);
        }

        Assert.Equal(Trials, store.Scalar<int>("SELECT COUNT(*) FROM trials"));
        foreach (var written in new[] { folder.OutPath, reports })
        {
            Assert.Equal(Trials + 1, File.ReadLines(Path.Combine(written, "trials.csv")).Count());
            Assert.Equal((Trials * Epochs) + 1, File.ReadLines(Path.Combine(written, "epochs.csv")).Count());
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(written, "report.json")));
            Assert.Equal(Trials, json.RootElement.GetProperty("trials").GetArrayLength());
            var best = json.RootElement.GetProperty("best_trial_id").GetString()!;

            var html = File.ReadAllText(Path.Combine(written, "report.html"));
            var rows = TableRow().Matches(html).Select(m => m.Groups[1].Value).ToList();
            // The best thousand, and those of the 105 trials with the best one's L2 (its line along the learning rate) not among them.
            Assert.InRange(rows.Count, 1_000, 1_000 + 105);
            Assert.Contains(best, rows);
            Assert.Contains($"This page shows {rows.Count} of the sweep's {Trials} trials", html, StringComparison.Ordinal);
            Assert.Contains("<a href=\"trials.csv\">trials.csv</a>", html, StringComparison.Ordinal);
            // Each label's example panel is titled with the numbers that decided its label, read with the shown trials.
            Assert.Contains("loss still falling", html, StringComparison.Ordinal);
        }

        Assert.Equal(File.ReadAllText(Path.Combine(folder.OutPath, "trials.csv")), File.ReadAllText(Path.Combine(reports, "trials.csv")));
        Assert.Equal(File.ReadAllText(Path.Combine(folder.OutPath, "epochs.csv")), File.ReadAllText(Path.Combine(reports, "epochs.csv")));
    }

    [GeneratedRegex("<tr><td>([0-9a-f]{16})</td>")]
    private static partial Regex TableRow();
}
