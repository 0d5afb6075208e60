using System.Reflection;
using NetArchTest.Rules;
using Sweep.Models.Experiments;
using Sweep.Reports;
using Sweep.Runner.Running;
using Sweep.Storage;

namespace Sweep.Runner.Tests.Architecture;

/// <summary>
/// The layers' boundaries, checked on the built assemblies: each database provider stays inside its store,
/// reports never read a store, and the domain model depends on no other project of ours.
/// </summary>
public sealed class DependencyRulesTests
{
    private const string SqliteNamespace = "Sweep.Storage.Sqlite";

    private static readonly string[] SqliteProvider = ["Microsoft.Data.Sqlite", "SQLitePCL"];

    private const string PostgresNamespace = "Sweep.Storage.Postgres";

    private static readonly string[] PostgresProvider = ["Npgsql", "NpgsqlTypes"];

    private static readonly Assembly Models = typeof(ExperimentDefinition).Assembly;

    private static readonly Assembly Storage = typeof(IResultStore).Assembly;

    private static readonly Assembly Reports = typeof(SweepReport).Assembly;

    private static readonly Assembly Runner = typeof(SweepRun).Assembly;

    [Fact]
    public void No_type_outside_the_sqlite_store_uses_a_sqlite_type()
    {
        var result = Types.InAssemblies([Models, Storage, Reports, Runner])
            .That().DoNotResideInNamespace(SqliteNamespace)
            .ShouldNot().HaveDependencyOnAny(SqliteProvider)
            .GetResult();

        Assert.True(result.IsSuccessful, Offenders(result));
    }

    [Fact]
    public void The_rule_sees_the_sqlite_types_the_sqlite_store_does_use()
    {
        var users = Types.InAssembly(Storage)
            .That().ResideInNamespace(SqliteNamespace)
            .And().HaveDependencyOnAny(SqliteProvider)
            .GetTypes()
            .Select(t => t.Name)
            .ToList();

        Assert.Contains("SqliteResultStore", users);
        Assert.Contains("OutcomeWriter", users);
    }

    [Fact]
    public void No_type_outside_the_postgres_store_uses_an_npgsql_type()
    {
        var result = Types.InAssemblies([Models, Storage, Reports, Runner])
            .That().DoNotResideInNamespace(PostgresNamespace)
            .ShouldNot().HaveDependencyOnAny(PostgresProvider)
            .GetResult();

        Assert.True(result.IsSuccessful, Offenders(result));
    }

    [Fact]
    public void The_rule_sees_the_npgsql_types_the_postgres_store_does_use()
    {
        var users = Types.InAssembly(Storage)
            .That().ResideInNamespace(PostgresNamespace)
            .And().HaveDependencyOnAny(PostgresProvider)
            .GetTypes()
            .Select(t => t.Name)
            .ToList();

        Assert.Contains("PostgresResultStore", users);
        Assert.Contains("PostgresLocation", users);
    }

    [Fact]
    public void The_store_port_exposes_no_sqlite_type()
    {
        var exposed = typeof(IResultStore).GetMethods()
            .SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType))
            .Where(t => t.Namespace is { } ns && SqliteProvider.Any(ns.StartsWith))
            .ToList();

        Assert.Empty(exposed);
    }

    [Fact]
    public void Reports_do_not_reference_the_store()
    {
        var result = Types.InAssembly(Reports).ShouldNot().HaveDependencyOn("Sweep.Storage").GetResult();

        Assert.True(result.IsSuccessful, Offenders(result));
        Assert.DoesNotContain(Reports.GetReferencedAssemblies(), a => a.Name == Storage.GetName().Name);
    }

    [Fact]
    public void Models_reference_no_other_project_of_ours()
    {
        var ours = new[] { Storage, Reports, Runner }.Select(a => a.GetName().Name!).ToList();

        var result = Types.InAssembly(Models).ShouldNot().HaveDependencyOnAny(["Sweep.Storage", "Sweep.Reports", "Sweep.Runner"]).GetResult();

        Assert.True(result.IsSuccessful, Offenders(result));
        Assert.DoesNotContain(Models.GetReferencedAssemblies(), a => ours.Contains(a.Name!));
    }

    private static string Offenders(TestResult result) =>
        "These types break the rule: " + string.Join(", ", result.FailingTypeNames ?? []);
}
