using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Sweep.Models.Experiments;

namespace Sweep.Storage;

/// <summary>A trial's search values as one JSON object, path to value: numbers as numbers, words as strings.</summary>
internal static class ParametersJson
{
    public static string Of(ImmutableArray<ParameterAssignment> parameters)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (path, value) in parameters)
            {
                if (value.Number is { } number)
                {
                    writer.WriteNumber(path, number);
                }
                else
                {
                    writer.WriteString(path, value.Text);
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
