namespace Sweep.Storage.Tests;

/// <summary>Which implementation of the store a parameterised test runs against.</summary>
public enum StoreKind
{
    Sqlite,
    Postgres,
}
