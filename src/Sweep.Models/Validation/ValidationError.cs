namespace Sweep.Models.Validation;

/// <summary>A mistake in a user's file, where it is and what to do about it: <c>file:line:column: message</c>.</summary>
public sealed record ValidationError(string File, int Line, int Column, string Message)
{
    /// <summary>A problem with the file as a whole (it is missing or unreadable) has line 0 and prints without a place.</summary>
    public override string ToString() => Line == 0 ? $"{File}: {Message}" : $"{File}:{Line}:{Column}: {Message}";
}
