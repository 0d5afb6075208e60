using System.Collections.Immutable;

namespace Sweep.Storage.Sqlite.Schema;

/// <summary>Every migration this code knows, in order; the last one's version is the schema it writes.</summary>
internal static class Migrations
{
    public static ImmutableArray<Migration> All { get; } =
    [
        new(1, "initial schema", Migration001InitialSchema.Sql),
        new(2, "claim index", Migration002ClaimIndex.Sql),
        new(3, "lean epochs", Migration003LeanEpochs.Sql),
        new(4, "lr-find tests", Migration004LrFindTests.Sql),
        new(5, "leases", Migration005Leases.Sql),
        new(6, "sweep settings", Migration006SweepSettings.Sql),
        new(7, "epoch metrics", Migration007EpochMetrics.Sql),
        new(8, "packed epochs", Migration008PackedEpochs.Sql),
    ];

    public static int Latest => All[^1].Version;
}
