using System.CommandLine;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace Sweep.Runner.Tests.Examples;

/// <summary>
/// The CI examples in examples/ci/ are YAML their CI system can read, and every `sweep ...` line in them parses
/// with the real command line: a renamed command or option fails here before it fails a user's nightly build.
/// </summary>
public sealed class CiExamplesTests
{
    public static TheoryData<string> Files => ["github-actions.yml", "gitlab-ci.yml"];

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_sweep_line_names_a_command_and_options_that_exist(string file)
    {
        var lines = SweepLines(file);

        Assert.Equal(["compare", "run", "worker"], lines.Select(l => l[0]).Distinct().Order(StringComparer.Ordinal));
        foreach (var args in lines)
        {
            var parsed = SweepCli.Build(TextWriter.Null, TextWriter.Null).Parse(args);
            Assert.True(parsed.Errors.Count == 0, $"{file}: sweep {string.Join(' ', args)}: {string.Join(" ", parsed.Errors.Select(e => e.Message))}");
            Assert.Equal(args[0], parsed.CommandResult.Command.Name);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_run_keeps_report_html_and_trials_csv_and_the_compare_gate_has_a_limit(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "examples", "ci", file));
        var compare = Assert.Single(SweepLines(file), l => l[0] == "compare");

        Assert.Contains("sweep-out/report.html", text, StringComparison.Ordinal);
        Assert.Contains("sweep-out/trials.csv", text, StringComparison.Ordinal);
        Assert.Contains("SWEEP_DB", text, StringComparison.Ordinal);
        Assert.Contains("--max-regression", compare);
    }

    [Fact]
    public void A_misspelt_option_in_a_line_is_caught_by_the_same_parse()
    {
        var parsed = SweepCli.Build(TextWriter.Null, TextWriter.Null).Parse(Words("worker --experiment grid-54 --idle-exits 2m"));

        Assert.NotEmpty(parsed.Errors);
    }

    /// <summary>The arguments of every line of a script that starts with `sweep`, from every string in the YAML file.</summary>
    private static List<string[]> SweepLines(string file)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(RepositoryFiles.Root, "examples", "ci", file)))
        {
            yaml.Load(reader);
        }

        return [.. Scalars(Assert.Single(yaml.Documents).RootNode)
            .SelectMany(text => text.Split('\n'))
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("sweep ", StringComparison.Ordinal))
            .Select(line => Words(line["sweep ".Length..]))];
    }

    private static IEnumerable<string> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode scalar => [scalar.Value ?? ""],
        YamlSequenceNode sequence => sequence.Children.SelectMany(Scalars),
        YamlMappingNode mapping => mapping.Children.SelectMany(pair => Scalars(pair.Key).Concat(Scalars(pair.Value))),
        _ => [],
    };

    /// <summary>A shell line's words as the shell would pass them: quotes removed, a redirection and what follows it dropped.</summary>
    private static string[] Words(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quote = '\0';
        foreach (var c in line + " ")
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                }
            }
            else
            {
                word.Append(c);
            }
        }

        var redirect = words.FindIndex(w => w.StartsWith('>') || w.StartsWith('|') || w.StartsWith('<'));
        return [.. redirect < 0 ? words : words[..redirect]];
    }
}
