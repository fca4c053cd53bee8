namespace AgentPath.Web.Infrastructure.Lists;

/// <summary>
/// Orders names the way a person reads them: runs of digits (0-9, full-width ０-９) and of Chinese
/// numerals (一二三…十百千, 零/〇, 两) compare by their value, everything else by ordinal text, so teams
/// come as 一组, 二组, 三组, … 十组, 十一组 and "Team 2" before "Team 10". Equal values fall back to
/// ordinal text, so the order is total and stable.
/// </summary>
public sealed class NaturalOrder : IComparer<string?>
{
    public static readonly NaturalOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            var nx = ReadNumber(x, ref i, out var vx);
            var ny = ReadNumber(y, ref j, out var vy);
            if (nx && ny)
            {
                var c = vx.CompareTo(vy);
                if (c != 0)
                {
                    return c;
                }

                continue;
            }

            if (nx != ny)
            {
                // A number comes before text at the same place ("1组" before "A组").
                return nx ? -1 : 1;
            }

            var d = x[i].CompareTo(y[j]);
            if (d != 0)
            {
                return d;
            }

            i++;
            j++;
        }

        var rest = (x.Length - i).CompareTo(y.Length - j);
        return rest != 0 ? rest : string.CompareOrdinal(x, y);
    }

    /// <summary>Reads a run of digits or of Chinese numerals at <paramref name="at"/>, moving past it; false (and no move) when none starts there.</summary>
    private static bool ReadNumber(string s, ref int at, out long value)
    {
        value = 0;
        var start = at;
        if (DigitOf(s[at]) is not null)
        {
            while (at < s.Length && DigitOf(s[at]) is { } d)
            {
                value = Math.Min(value * 10 + d, long.MaxValue / 20);
                at++;
            }

            return true;
        }

        long section = 0;
        var pending = -1;
        while (at < s.Length)
        {
            var c = s[at];
            if (ChineseDigit(c) is { } d)
            {
                pending = d;
            }
            else if (ChineseUnit(c) is { } unit)
            {
                // 十一 = 11: a unit with no digit before it counts one of it.
                section += (pending < 0 ? 1 : pending) * unit;
                pending = -1;
            }
            else
            {
                break;
            }

            at++;
        }

        if (at == start)
        {
            return false;
        }

        value = section + Math.Max(pending, 0);
        return true;
    }

    private static int? DigitOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '０' and <= '９' => c - '０',
        _ => null,
    };

    private static int? ChineseDigit(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => null,
    };

    private static int? ChineseUnit(char c) => c switch
    {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        _ => null,
    };
}
