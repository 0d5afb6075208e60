using System.CommandLine;
using Sweep.Models;
using Sweep.Models.Selection;
using Sweep.Runner.Reporting;
using Sweep.Storage;

namespace Sweep.Runner.Commands;

/// <summary>
/// `sweep report`: writes the CSV, HTML, Markdown and JSON reports from the store, for one experiment (its latest
/// version) into --out, or for every experiment into --out/NAME.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var store = CommonOptions.Store();
        var experiment = new ExperimentName("The experiment's name (default: every experiment in the store, each in a folder of its own).", required: false);
        var formats = new Option<string>("--format") { Description = "Which reports, comma-separated: html,csv,md,json.", DefaultValueFactory = _ => "html,csv,md,json" };
        formats.Validators.Add(result =>
        {
            var unknown = Split(result.GetValueOrDefault<string>() ?? "").Where(f => !ReportWriter.Formats.ContainsKey(f)).ToList();
            if (unknown.Count > 0)
            {
                result.AddError($"--format takes html, csv, md and json; not {string.Join(", ", unknown)}.");
            }
        });
        var folder = new Option<string>("--out") { Description = "The folder to write into.", DefaultValueFactory = _ => "sweep-out" };
        var summary = CommonOptions.Summary();
        var command = new Command("report", "Write the CSV, HTML, Markdown and JSON reports of experiments from the store.") { store, formats, folder, summary };
        experiment.AddTo(command);
        command.SetAction((parsed, stop) =>
        {
            var path = parsed.GetValue(store)!;
            using var opened = StoreFile.OpenExisting(path, error);
            if (opened is null)
            {
                return Task.FromResult(ExitCodes.StoreError);
            }

            var name = experiment.Read(parsed);
            var experiments = name is null ? [.. opened.ListExperiments().GroupBy(e => e.Name).Select(g => g.MaxBy(e => e.Version)!)] : new[] { opened.FindExperiment(name) };
            if (experiments.Length == 0 || experiments[0] is null)
            {
                CliError.Write(error, name is null
                    ? $"the store '{opened.Location}' holds no experiments yet."
                    : $"the store '{opened.Location}' has no experiment '{name}'; 'sweep list' shows what it has.");
                return Task.FromResult(ExitCodes.InvalidInput);
            }

            // An experiment's name is data: its folder is one safe segment inside --out, whatever the name holds.
            var targets = experiments.OfType<ExperimentSummary>()
                .Select(found => (Found: found, Folder: name is null ? Path.Combine(parsed.GetValue(folder)!, PathSegment.Of(found.Name)) : parsed.GetValue(folder)!))
                .ToList();
            if (!OutputFolder.Prepare([parsed.GetValue(folder)!, .. targets.Select(t => t.Folder)], error))
            {
                return Task.FromResult(ExitCodes.InvalidInput);
            }

            foreach (var (found, target) in targets)
            {
                output.WriteLine($"{found.Name} (version {found.Version}): writing the reports to {target}");
                try
                {
                    var sweep = opened.ReadSweep(found.Id, withEpochs: false)!;
                    var report = ReportBuilder.Build(sweep, SweepSelector.Choose(sweep), opened, found.Id);
                    var written = ReportWriter.Write(report, target, failure => CliError.Write(error, $"the {failure.ExporterName} report could not be written: {failure.Error.Message}"), Split(parsed.GetValue(formats)!), stop);
                    output.WriteLine($"{found.Name} (version {found.Version}): {string.Join(", ", written)}");
                    JobSummary.Append(target, JobSummary.Targets(parsed.GetValue(summary)), (file, e) => CliError.Write(error, $"summary.md could not be appended to '{file}': {e.Message}"));
                }
                catch (OperationCanceledException)
                {
                    // A report is written whole or not at all, so the folder mixes new reports with older ones at worst.
                    CliError.Write(error, $"interrupted while writing the reports of '{found.Name}': each file in {target} is whole, either written now or as it was; run the same command again to write them all.");
                    return Task.FromResult(ExitCodes.Interrupted);
                }
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static string[] Split(string formats) =>
        formats.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
