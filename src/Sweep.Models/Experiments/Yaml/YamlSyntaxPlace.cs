namespace Sweep.Models.Experiments.Yaml;

/// <summary>
/// Finds the place of the two syntax mistakes the YAML parser reports far from where they are: a tab in a
/// line's indentation (reported at the top of the file) and a <c>{</c> or <c>[</c> never closed (reported
/// where the parser gave up, often the end of the file). Lines and columns are 1-based.
/// </summary>
internal static class YamlSyntaxPlace
{
    /// <summary>The first tab in the indentation of a line: YAML indents with spaces only.</summary>
    public static (int Line, int Column)? FirstIndentingTab(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indentation = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indentation);
            if (tab >= 0)
            {
                return (i + 1, tab + 1);
            }
        }

        return null;
    }

    /// <summary>
    /// The latest <c>{</c> or <c>[</c> left open at the end of the text. Brackets inside quoted scalars and
    /// comments do not count; a quote only opens a quoted scalar where a scalar can start, and a backslash
    /// escapes the next character in double quotes.
    /// </summary>
    public static (int Line, int Column, char Bracket)? UnclosedBracket(string text)
    {
        var open = new Stack<(char Bracket, int Line, int Column)>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            char? quote = null;
            for (var j = 0; j < line.Length; j++)
            {
                var c = line[j];
                var startsScalar = j == 0 || line[j - 1] is ' ' or '\t' or ':' or ',' or '[' or '{';
                if (quote is '"' && c == '\\')
                {
                    j++;
                }
                else if (quote is { } q)
                {
                    quote = c == q ? null : quote;
                }
                else if (c == '#' && (j == 0 || line[j - 1] is ' ' or '\t'))
                {
                    break;
                }
                else if (c is '"' or '\'' && startsScalar)
                {
                    quote = c;
                }
                else if (c is '{' or '[')
                {
                    open.Push((c, i + 1, j + 1));
                }
                else if (c is '}' or ']' && open.Count > 0 && open.Peek().Bracket == (c == '}' ? '{' : '['))
                {
                    open.Pop();
                }
            }
        }

        return open.TryPeek(out var unclosed) ? (unclosed.Line, unclosed.Column, unclosed.Bracket) : null;
    }
}
