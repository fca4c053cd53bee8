using System.Text;

namespace AgentPath.Web.Infrastructure.Files;

/// <summary>
/// RFC 4180 CSV: quoted fields with doubled quotes, line breaks inside quotes, CRLF or LF rows.
/// The delimiter (comma, tab or semicolon) is the one that occurs most in the first line.
/// </summary>
public static class Csv
{
    public static IEnumerable<string[]> Read(string text) => Read(text, null);

    /// <summary>The rows, refusing a field or a row (record) beyond <paramref name="limits"/> as soon as it is seen.</summary>
    public static IEnumerable<string[]> Read(string text, SheetLimits? limits)
    {
        var delimiter = DetectDelimiter(text);
        var maxField = limits?.MaxCellChars ?? int.MaxValue;
        var maxLine = limits?.MaxLineChars ?? int.MaxValue;
        var rowStart = 0;
        var rows = 1;
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (field.Length > maxField)
            {
                throw new InputLimitException(InputLimitException.CellTooLong, maxField.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (i - rowStart > maxLine)
            {
                throw new InputLimitException(InputLimitException.LineTooLong, rows.ToString(System.Globalization.CultureInfo.InvariantCulture), maxLine.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            if (c == '"' && field.Length == 0)
            {
                quoted = true;
                any = true;
            }
            else if (c == delimiter)
            {
                row.Add(field.ToString());
                field.Clear();
                any = true;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                yield return row.ToArray();
                row.Clear();
                any = false;
                rowStart = i + 1;
                rows++;
            }
            else
            {
                field.Append(c);
                any = true;
            }
        }

        if (field.Length > maxField)
        {
            throw new InputLimitException(InputLimitException.CellTooLong, maxField.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (any || field.Length > 0)
        {
            row.Add(field.ToString());
            yield return row.ToArray();
        }
    }

    public static char DetectDelimiter(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var first = end < 0 ? text : text[..end];
        var candidates = new[] { ',', '\t', ';' };
        return candidates.OrderByDescending(c => first.Count(x => x == c)).First();
    }

    /// <summary>Quotes a field for writing when it holds a delimiter, quote or line break.</summary>
    public static string Quote(string value) => QuoteRaw(FormulaGuard.Neutralise(value));

    private static string QuoteRaw(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n\t;") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
