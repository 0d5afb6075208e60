namespace Sweep.Runner;

/// <summary>
/// How every error of the command line reaches the user: one line on stderr that starts with <see cref="Prefix"/>,
/// as Unix tools name themselves, whether it comes from parsing, a command or the log.
/// </summary>
internal static class CliError
{
    public const string Prefix = "sweep: ";

    public static void Write(TextWriter error, string sentence) => error.WriteLine(Prefix + sentence);
}
