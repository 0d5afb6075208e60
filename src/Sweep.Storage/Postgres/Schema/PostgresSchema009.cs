namespace Sweep.Storage.Postgres.Schema;

/// <summary>
/// Tells waiting processes when trials change, so a worker with nothing to do starts on new trials at once and
/// `sweep run` sees at once that the trials a worker held have ended: every statement that adds trials, and every
/// trial that moves to a status other than running (back to pending, or ended), notifies the channel
/// <see cref="Channel"/> at commit; PostgreSQL sends it once per transaction. Claims and lease renewals notify
/// nobody. Tables and columns are unchanged; SQLite has no notifications, so it has no version 9.
/// </summary>
internal static class PostgresSchema009
{
    public const string Channel = "sweep_trials";

    public const string Sql = $"""
        CREATE FUNCTION sweep_trials_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{Channel}', '');
            RETURN NULL;
        END
        $$;

        CREATE TRIGGER trials_added AFTER INSERT ON trials
            FOR EACH STATEMENT EXECUTE FUNCTION sweep_trials_changed();

        CREATE TRIGGER trials_moved AFTER UPDATE OF status ON trials
            FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status AND NEW.status <> 'running')
            EXECUTE FUNCTION sweep_trials_changed();
        """;
}
