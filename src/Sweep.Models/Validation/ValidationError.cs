namespace Sweep.Models.Validation;

/// <summary>A mistake in a user's file, where it is and what to do about it: <c>file:line:column: message</c>.</summary>
public sealed record ValidationError(string File, int Line, int Column, string Message)
{
    /// <summary>
    /// A problem with the file as a whole (it is missing or unreadable) has line 0 and prints without a place;
    /// one in a line of a data file (a CSV row) has column 0 and prints the line alone, as its message names the column.
    /// </summary>
    public override string ToString() => (Line, Column) switch
    {
        (0, _) => $"{File}: {Message}",
        (_, 0) => FormattableString.Invariant($"{File}:{Line}: {Message}"),
        _ => FormattableString.Invariant($"{File}:{Line}:{Column}: {Message}"),
    };
}
