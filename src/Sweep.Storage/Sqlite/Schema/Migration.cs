namespace Sweep.Storage.Sqlite.Schema;

/// <summary>
/// One forward step of the schema: the SQL that takes a store from <c>Version - 1</c> to <see cref="Version"/>.
/// Applied once, in its own transaction, together with the new <c>PRAGMA user_version</c>.
/// </summary>
internal sealed record Migration(int Version, string Name, string Sql);
