using System.Collections.Immutable;
using Sweep.Storage.Schema;

namespace Sweep.Storage.Tests.Schema;

public sealed class SchemaMigratorTests : StoreTestBase
{
    private static readonly Migration AddNotes = new(Migrations.Latest + 1, "notes", "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);");

    private static readonly Migration FirstNote = new(Migrations.Latest + 2, "first note", "INSERT INTO notes (text) VALUES ('after notes');");

    [Fact]
    public void Migrations_are_numbered_from_one_upwards()
    {
        // Version 5 (leases) is written on another branch; each number keeps its meaning across branches.
        Assert.Equal(1, Migrations.All[0].Version);
        Assert.True(Migrations.All.Zip(Migrations.All.Skip(1)).All(pair => pair.First.Version < pair.Second.Version));
    }

    [Fact]
    public void Migrations_above_the_file_version_are_applied_in_order_up_to_the_last()
    {
        ResultStore.Open(DbPath).Dispose();

        ResultStore.Open(DbPath, [.. Migrations.All, AddNotes, FirstNote]).Dispose();

        Assert.Equal(Migrations.Latest + 2, Scalar<int>("PRAGMA user_version"));
        Assert.Equal("after notes", Scalar<string>("SELECT text FROM notes"));
    }

    [Fact]
    public void Opening_at_the_latest_version_applies_nothing_again()
    {
        ImmutableArray<Migration> migrations = [.. Migrations.All, AddNotes, FirstNote];
        ResultStore.Open(DbPath, migrations).Dispose();

        ResultStore.Open(DbPath, migrations).Dispose();

        Assert.Equal(1, Scalar<int>("SELECT COUNT(*) FROM notes"));
    }

    [Fact]
    public void A_failing_migration_leaves_the_store_at_the_version_before_it()
    {
        var broken = new Migration(Migrations.Latest + 2, "broken", "INSERT INTO notes (text) VALUES ('half'); INSERT INTO missing_table VALUES (1);");

        var error = Assert.Throws<StoreException>(() => ResultStore.Open(DbPath, [.. Migrations.All, AddNotes, broken]));

        Assert.Contains(DbPath, error.Message, StringComparison.Ordinal);
        Assert.Equal(Migrations.Latest + 1, Scalar<int>("PRAGMA user_version"));
        Assert.Equal(0, Scalar<int>("SELECT COUNT(*) FROM notes"));
    }
}
