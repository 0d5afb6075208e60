using Sweep.Models.Experiments;

namespace Sweep.Models.Tests.Experiments;

public sealed class ExperimentValidationTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("sweep-validation-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Theory]
    [MemberData(nameof(MalformedExperiments.Cases), MemberType = typeof(MalformedExperiments))]
    public void Malformed_file_reports_its_problem_at_the_right_place(string what, string yaml, string expected)
    {
        var result = ExperimentLoader.Parse(yaml, "exp.yaml", directory);

        Assert.False(result.IsValid, what);
        Assert.Equal($"exp.yaml:{expected.Replace("{dir}", directory, StringComparison.Ordinal)}", result.Errors[0].ToString());
    }

    [Fact]
    public void Every_problem_in_a_file_is_reported_in_file_order()
    {
        const string yaml = """
            name: t
            seed: -1
            data:
              inline: {x: [[1]], y: [[3]]}
              validaton: 0.2
            model:
              layers: [{units: 1}]
            training:
              epochs: ten
              learning_rate: -0.1
              batch: 0
            """;

        var errors = ExperimentLoader.Parse(yaml, "exp.yaml", directory).Errors.Select(e => $"{e.Line}:{e.Column}").ToList();

        Assert.Equal(["2:7", "5:3", "9:11", "10:18", "11:10"], errors);
    }

    [Fact]
    public void Missing_file_is_reported_without_a_place()
    {
        var result = ExperimentLoader.Load(Path.Combine(directory, "absent.yaml"));

        Assert.Equal($"{Path.Combine(directory, "absent.yaml")}: no such file; check the path", result.Errors.Single().ToString());
    }

    [Fact]
    public void Data_files_are_found_relative_to_the_experiment_file()
    {
        File.WriteAllText(Path.Combine(directory, "points.csv"), "x,y\n1,3\n");
        var path = Path.Combine(directory, "exp.yaml");
        File.WriteAllText(path, "name: t\ndata: {csv: {path: points.csv, target: y}}\nmodel: {layers: [{units: 1}]}\ntraining: {epochs: 1}\n");

        var result = ExperimentLoader.Load(path);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var source = Assert.IsType<CsvSource>(result.Experiment!.Definition.EngineData.Source);
        Assert.Equal(("points.csv", "y"), (source.Path, source.Targets.Single()));
    }
}
