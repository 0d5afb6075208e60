using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sweep.Storage.Rows;
using Sweep.Storage.Sql;

namespace Sweep.Storage.Sqlite;

/// <summary>
/// Reads epochs from their packed rows (<c>trial_epoch_chunks</c>, written by <see cref="EpochChunkJson"/>)
/// and unpacks them here, with the values the <c>epochs</c> view gives: null for a missing number, ±infinity
/// for ±9e999. The view unpacks with SQLite's JSON functions, one call per column of each epoch, and reading a
/// sweep of short trials back through it took longer than training them.
/// </summary>
internal static class EpochChunkReader
{
    private const string Chunks = """
        SELECT t.id, c.data
        FROM trials t JOIN trial_epoch_chunks c ON c.trial_key = t.trial_key
        """;

    private const string OfTrial = Chunks + """

        WHERE t.experiment_id = @ExperimentId AND t.id = @TrialId
        ORDER BY c.first_epoch
        """;

    private const string OfPage = Chunks + $"""

        WHERE t.experiment_id = @ExperimentId AND t.id IN ({TrialSql.PageIds})
        ORDER BY t.id, c.first_epoch
        """;

    /// <summary>A trial's epochs in order.</summary>
    public static List<EpochRow> Trial(SqliteConnection connection, SqliteTransaction transaction, long experimentId, string trialId) =>
        Read(connection, transaction, OfTrial, ("@ExperimentId", experimentId), ("@TrialId", trialId));

    /// <summary>The epochs of a page of trials, by trial id and then epoch.</summary>
    public static List<EpochRow> Page(SqliteConnection connection, SqliteTransaction transaction, TrialPages.PageKey after) =>
        Read(connection, transaction, OfPage, ("@ExperimentId", after.ExperimentId), ("@Key", after.Key), ("@Limit", after.Limit));

    private static List<EpochRow> Read(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = new SqliteCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var epochs = new List<EpochRow>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            // The JSON's UTF-8 bytes as SQLite holds them, without a detour through a string.
            Unpack(reader.GetString(0), reader.GetFieldValue<byte[]>(1), epochs);
        }

        return epochs;
    }

    /// <summary>Appends the epochs of one chunk, <c>[[epoch, train_loss, val_loss, accuracy, learning_rate, weight_norm, grad_norm, seconds], ...]</c>.</summary>
    internal static void Unpack(string trialId, ReadOnlySpan<byte> data, List<EpochRow> epochs)
    {
        var json = new Utf8JsonReader(data);
        Next(ref json, JsonTokenType.StartArray);
        while (Next(ref json) == JsonTokenType.StartArray)
        {
            Next(ref json, JsonTokenType.Number);
            var epoch = json.GetInt32();
            epochs.Add(new EpochRow
            {
                TrialId = trialId,
                Epoch = epoch,
                TrainLoss = Number(ref json),
                ValidationLoss = Number(ref json),
                Accuracy = Number(ref json),
                // Dapper leaves a NULL in a column it reads as a plain double at 0.
                LearningRate = Number(ref json) ?? 0,
                WeightNorm = Number(ref json),
                GradientNorm = Number(ref json),
                Seconds = Number(ref json) ?? 0,
            });
            Next(ref json, JsonTokenType.EndArray);
        }
    }

    private static double? Number(ref Utf8JsonReader json)
    {
        if (Next(ref json) == JsonTokenType.Null)
        {
            return null;
        }

        // .NET reads 9e999 as infinity, as SQLite does.
        var text = json.ValueSpan;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw new StoreException($"A stored epoch holds '{System.Text.Encoding.UTF8.GetString(text)}' where a number belongs; the store is damaged.");
    }

    private static JsonTokenType Next(ref Utf8JsonReader json, JsonTokenType? expected = null)
    {
        if (!json.Read() || (expected is { } type && json.TokenType != type))
        {
            throw new StoreException("A stored chunk of epochs is not the JSON it was written as; the store is damaged.");
        }

        return json.TokenType;
    }
}
