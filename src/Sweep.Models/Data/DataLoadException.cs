namespace Sweep.Models.Data;

/// <summary>
/// A problem in the user's data (a missing file or column, a cell that is not a number, a malformed IDX
/// file, an impossible split). <see cref="Exception.Message"/> is one line, "file:line: what is wrong", ready
/// to print without a stack trace.
/// </summary>
public sealed class DataLoadException : Exception
{
    public DataLoadException()
        : this("the data could not be loaded")
    {
    }

    public DataLoadException(string message)
        : this(message, innerException: null)
    {
    }

    public DataLoadException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Problem = message;
    }

    /// <summary>A problem at a place: a file, or the dot path of the experiment's key it is in (data.inline, data.validation), and an optional 1-based line.</summary>
    public DataLoadException(string where, int? line, string problem, Exception? innerException = null)
        : base(Format(where, line, problem), innerException)
    {
        Where = where;
        Line = line;
        Problem = problem;
    }

    /// <summary>The dot path of the experiment's key the problem is in, when it is in the experiment's own text rather than a data file.</summary>
    public string? Key { get; private init; }

    /// <summary>The file, or the dot path of the experiment's key, the problem is in; null when not known.</summary>
    public string? Where { get; }

    /// <summary>The 1-based line of a text file; null for binary files and generated data.</summary>
    public int? Line { get; }

    /// <summary>What is wrong, without the place.</summary>
    public string Problem { get; }

    /// <summary>A problem in the experiment's own text at the key <paramref name="key"/> (data.inline, data.validation), not in a data file.</summary>
    public static DataLoadException AtKey(string key, string problem) => new(key, line: null, problem) { Key = key };

    private static string Format(string where, int? line, string problem) =>
        line is { } number ? FormattableString.Invariant($"{where}:{number}: {problem}") : $"{where}: {problem}";
}
