namespace AgentPath.Web.Features.People;

/// <summary>
/// A phone number of a person in mainland China: a mobile number (11 digits starting 13–19, optionally written
/// with +86, spaces or dashes) or a landline with its area code (0 + 2–3 digits, then 7–8 digits).
/// </summary>
public static class PhoneNumber
{
    /// <summary>The number as stored: a mobile number as its 11 digits, a landline as area code-number; null when it is neither.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        if (t.Length > Employee.PhoneMax)
        {
            return null;
        }

        var digits = new System.Text.StringBuilder(t.Length);
        for (var i = 0; i < t.Length; i++)
        {
            var c = t[i];
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c == '+' && i == 0)
            {
                continue;
            }
            else if (c is not (' ' or '-' or '(' or ')' or '（' or '）' or '\u3000'))
            {
                return null;
            }
        }

        var d = digits.ToString();
        if (t.StartsWith('+') && !d.StartsWith("86", StringComparison.Ordinal))
        {
            return null;
        }

        if (d.Length == 13 && d.StartsWith("86", StringComparison.Ordinal))
        {
            d = d[2..];
        }
        else if (d.Length == 15 && d.StartsWith("0086", StringComparison.Ordinal))
        {
            d = d[4..];
        }

        if (d.Length == 11 && d[0] == '1' && d[1] is >= '3' and <= '9')
        {
            return d;
        }

        // Landline: 0 + area code (2 digits for 010, 02x; else 3) + 7–8 digits.
        if (d.Length is >= 10 and <= 12 && d[0] == '0' && d[1] != '0')
        {
            var area = d[1] is '1' or '2' ? 3 : 4;
            var local = d.Length - area;
            return local is 7 or 8 ? d[..area] + "-" + d[area..] : null;
        }

        return null;
    }
}
