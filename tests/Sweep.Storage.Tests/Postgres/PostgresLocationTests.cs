using Npgsql;
using Sweep.Storage.Postgres;

namespace Sweep.Storage.Tests.Postgres;

public sealed class PostgresLocationTests
{
    [Theory]
    [InlineData("postgres://sweep:s3cret@db.example.org:6543/sweeps", "postgres://sweep@db.example.org:6543/sweeps")]
    [InlineData("postgresql://sweep@db.example.org/sweeps", "postgres://sweep@db.example.org:5432/sweeps")]
    [InlineData("POSTGRES://sweep:s3cret@10.0.0.5/sweeps?sslmode=require", "postgres://sweep@10.0.0.5:5432/sweeps")]
    [InlineData("Host=db.example.org;Port=6543;Username=sweep;Password=s3cret;Database=sweeps", "postgres://sweep@db.example.org:6543/sweeps")]
    public void A_location_prints_as_a_url_without_its_password(string given, string printed)
    {
        var location = PostgresLocation.Parse(given);

        Assert.Equal(printed, location.Display);
        Assert.DoesNotContain("s3cret", location.Display, StringComparison.Ordinal);
    }

    [Fact]
    public void A_url_gives_npgsql_its_user_password_host_port_database_and_parameters()
    {
        var location = PostgresLocation.Parse("postgres://sweep%40team:p%3Ass%2Fw0rd@db.example.org:6543/my%20sweeps?sslmode=require&timeout=7");

        var builder = new NpgsqlConnectionStringBuilder(location.ConnectionString);
        Assert.Equal(
            ("sweep@team", "p:ss/w0rd", "db.example.org", 6543, "my sweeps", SslMode.Require, 7),
            (builder.Username, builder.Password, builder.Host, builder.Port, builder.Database, builder.SslMode, builder.Timeout));
        Assert.Equal("postgres://sweep%40team@db.example.org:6543/my sweeps", location.Display);
    }

    [Fact]
    public void A_url_without_a_database_names_the_users_database_as_psql_does()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresLocation.Parse("postgres://sweep@localhost").ConnectionString);

        Assert.Equal(("sweep", 5432, null), (builder.Database, builder.Port, builder.Password));
    }

    [Fact]
    public void A_url_without_a_password_leaves_it_to_pgpassword_or_the_password_file()
    {
        var location = PostgresLocation.Parse("postgres://sweep@localhost/sweeps");

        Assert.Null(location.Password);
        Assert.DoesNotContain("Password", location.ConnectionString, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("postgres://sweep@localhost/sweeps", true)]
    [InlineData("postgresql://localhost/sweeps", true)]
    [InlineData("Host=localhost;Database=sweeps", true)]
    [InlineData("host=localhost; database=sweeps", true)]
    [InlineData("sweep.db", false)]
    [InlineData("/var/lib/sweep/results.db", false)]
    [InlineData("runs/a=b.db", false)]
    public void Only_urls_and_connection_strings_name_a_postgres_store(string location, bool isPostgres) =>
        Assert.Equal(isPostgres, PostgresLocation.Names(location));

    [Fact]
    public void An_unknown_url_parameter_is_refused_without_repeating_the_password()
    {
        var error = Assert.Throws<StoreException>(() => PostgresLocation.Parse("postgres://sweep:s3cret@localhost/sweeps?colour=blue"));

        Assert.Equal(
            "The --db value looks like a PostgreSQL database but the URL cannot be read: Npgsql knows no parameter 'colour' (or not the value 'blue').",
            error.Message);
        Assert.DoesNotContain("s3cret", error.ToString(), StringComparison.Ordinal);
    }
}
