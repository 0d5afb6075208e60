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

    /// <summary>A problem at a place: a file (or a part of the experiment such as "inline data") and an optional 1-based line.</summary>
    public DataLoadException(string where, int? line, string problem, Exception? innerException = null)
        : base(Format(where, line, problem), innerException)
    {
        Where = where;
        Line = line;
        Problem = problem;
    }

    /// <summary>The file, or the part of the experiment, the problem is in; null when not known.</summary>
    public string? Where { get; }

    /// <summary>The 1-based line of a text file; null for binary files and generated data.</summary>
    public int? Line { get; }

    /// <summary>What is wrong, without the place.</summary>
    public string Problem { get; }

    private static string Format(string where, int? line, string problem) =>
        line is { } number ? FormattableString.Invariant($"{where}:{number}: {problem}") : $"{where}: {problem}";
}
