using System.Text;
using System.Text.Json;

namespace Sweep.Models.Trials.Commands;

/// <summary>
/// Metrics as JSON lines: an object with a numeric <c>epoch</c> and <c>train_loss</c> is one epoch. NaN,
/// Infinity and -Infinity are read both bare (as Python's json module writes them) and as strings.
/// </summary>
public sealed class JsonMetricReader : MetricReader
{
    public override string Example => "print one JSON line per epoch, e.g. {\"epoch\": 1, \"train_loss\": 0.52, \"val_loss\": 0.61}";

    protected override ReportedEpoch? Parse(string line)
    {
        var text = line.AsSpan().Trim();
        if (text.Length < 2 || text[0] != '{' || text[^1] != '}')
        {
            return null;
        }

        return Numbers(text.ToString()) is { } numbers ? From(numbers)
            : Numbers(QuoteBareLiterals(text)) is { } quoted ? From(quoted)
            : null;
    }

    private static List<KeyValuePair<string, double>>? Numbers(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes);
        var values = new List<KeyValuePair<string, double>>(8);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                switch (reader.TokenType)
                {
                    case JsonTokenType.Number:
                        values.Add(KeyValuePair.Create(name, reader.GetDouble()));
                        break;
                    case JsonTokenType.String when Named(reader.GetString()) is { } named:
                        values.Add(KeyValuePair.Create(name, named));
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        reader.Skip();
                        break;
                }
            }

            return reader.TokenType == JsonTokenType.EndObject && !reader.Read() ? values : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static double? Named(string? text) => text switch
    {
        "NaN" or "nan" => double.NaN,
        "Infinity" or "inf" => double.PositiveInfinity,
        "-Infinity" or "-inf" => double.NegativeInfinity,
        _ => null,
    };

    /// <summary>The line with NaN, Infinity and -Infinity outside strings put in quotes.</summary>
    private static string QuoteBareLiterals(ReadOnlySpan<char> line)
    {
        var quoted = new StringBuilder(line.Length + 8);
        var inString = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (inString)
            {
                quoted.Append(c);
                if (c == '\\' && i + 1 < line.Length)
                {
                    quoted.Append(line[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            var word = line[i..] is var rest && rest.StartsWith("NaN") ? "NaN"
                : rest.StartsWith("Infinity") ? "Infinity"
                : rest.StartsWith("-Infinity") ? "-Infinity"
                : null;
            if (word is not null)
            {
                quoted.Append('"').Append(word).Append('"');
                i += word.Length - 1;
                continue;
            }

            inString = c == '"';
            quoted.Append(c);
        }

        return quoted.ToString();
    }
}
