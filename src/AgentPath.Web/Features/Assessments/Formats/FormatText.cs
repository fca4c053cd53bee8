using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace AgentPath.Web.Features.Assessments.Formats;

/// <summary>What the three question formats share: names, categories, fractions, checks and text decoding.</summary>
internal static partial class FormatText
{
    public const int DefaultNameLength = 30;

    /// <summary>Moodle keeps fractions to seven decimals (0.3333333); so do we, so that every format reads back the same number.</summary>
    /// <summary>The most questions one file may hold, in every format (the sheet's row cap is the same number).</summary>
    public const int MaxQuestionsPerFile = 10_000;

    /// <summary>Moodle's grade values (question_bank::fraction_options_full), positive side.</summary>
    private static readonly decimal[] MoodleGrades = [1m, 0.9m, 0.8333333m, 0.8m, 0.75m, 0.7m, 0.6666667m, 0.6m, 0.5m, 0.4m, 0.3333333m, 0.3m, 0.25m, 0.2m, 0.1666667m, 0.1428571m, 0.125m, 0.1111111m, 0.1m, 0.05m, 0m];

    /// <summary>
    /// A fraction Moodle accepts on import (its "error" grade matching: within 0.00001 of one of its grade values,
    /// or the same negative), or an equal share 1/n (n ≤ 100) as AgentPath writes for n right options.
    /// </summary>
    public static bool IsMoodleGrade(decimal fraction)
    {
        var f = Math.Abs(fraction);
        if (MoodleGrades.Any(g => Math.Abs(f - g) < 0.00001m))
        {
            return true;
        }

        return f > 0 && f <= 1 && Math.Abs(1m / f - Math.Round(1m / f)) * f < 0.00001m && Math.Round(1m / f) <= 100;
    }

    public static decimal Fraction(decimal value) => Normalize(Math.Round(value, 7, MidpointRounding.AwayFromZero));

    /// <summary>The same number without trailing zeros ("1.0000000" → 1), as Moodle writes its grades.</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>A fraction as a percentage without needless zeros: 1 → "100", -0.5 → "-50", 0.3333333 → "33.33333".</summary>
    public static string Percent(decimal fraction) => (fraction * 100m).ToString("0.#####", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString("0.#######", CultureInfo.InvariantCulture);

    /// <summary>A percentage such as "50", "-33.33333" or "100.0000000" as a fraction.</summary>
    public static bool TryParsePercent(string text, out decimal fraction)
    {
        if (decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) && Math.Abs(percent) < 1_000_000m)
        {
            fraction = Fraction(percent / 100m);
            return true;
        }

        fraction = 0;
        return false;
    }

    /// <summary>A positive number of points: "2", "1.5", or "2分" as a Chinese sheet may say.</summary>
    public static decimal? ParsePoints(string text)
    {
        var s = text.Trim();
        if (s.EndsWith('分'))
        {
            s = s[..^1].TrimEnd();
        }

        return decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var points) && points > 0 && points <= 10_000m
            ? Normalize(points)
            : null;
    }

    private static readonly Dictionary<string, int> DifficultyWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["易"] = 1, ["容易"] = 1, ["简单"] = 1, ["easy"] = 1,
        ["较易"] = 2, ["偏易"] = 2,
        ["中"] = 3, ["中等"] = 3, ["一般"] = 3, ["适中"] = 3, ["medium"] = 3,
        ["较难"] = 4, ["偏难"] = 4,
        ["难"] = 5, ["困难"] = 5, ["hard"] = 5,
    };

    /// <summary>1 (easy) to 5 (hard), written as a number or as 易/较易/中/较难/难.</summary>
    public static int? ParseDifficulty(string text)
    {
        var s = text.Trim();
        if (DifficultyWords.TryGetValue(s, out var word))
        {
            return word;
        }

        return decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && d is >= 1 and <= 5
            ? (int)d
            : null;
    }

    private static readonly Dictionary<string, MultipleScoring> ScoringWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["allornothing"] = MultipleScoring.AllOrNothing, ["全对得分"] = MultipleScoring.AllOrNothing, ["全对"] = MultipleScoring.AllOrNothing,
        ["全部选对得分"] = MultipleScoring.AllOrNothing,
        ["partial"] = MultipleScoring.Partial, ["少选得部分分"] = MultipleScoring.Partial, ["少选得分"] = MultipleScoring.Partial,
        ["部分得分"] = MultipleScoring.Partial, ["按比例"] = MultipleScoring.Partial, ["moodle"] = MultipleScoring.Partial,
        ["rightminuswrong"] = MultipleScoring.RightMinusWrong, ["对减错"] = MultipleScoring.RightMinusWrong, ["对加错减"] = MultipleScoring.RightMinusWrong,
    };

    /// <summary>A scoring rule by its English name (AllOrNothing, all-or-nothing…) or the words a Chinese sheet uses.</summary>
    public static MultipleScoring? ParseScoring(string text)
    {
        var key = new string(text.Where(c => !char.IsWhiteSpace(c) && c is not '-' and not '_').ToArray());
        return ScoringWords.TryGetValue(key, out var scoring) ? scoring : null;
    }

    public static string ScoringLabel(MultipleScoring scoring) => scoring switch
    {
        MultipleScoring.AllOrNothing => "全对得分",
        MultipleScoring.RightMinusWrong => "对减错",
        _ => "少选得部分分",
    };

    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?\s*>|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")]
    private static partial Regex HtmlMarkup();

    [GeneratedRegex(@"<[^<>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    public static bool LooksLikeHtml(string text) => HtmlMarkup().IsMatch(text);

    /// <summary>The name a question gets when its file gives none: the first 30 characters of its text, without HTML tags.</summary>
    public static string DefaultName(string text)
    {
        var plain = LooksLikeHtml(text) ? WebUtility.HtmlDecode(Tag().Replace(text, " ")) : text;
        plain = Spaces().Replace(plain, " ").Trim();
        var elements = StringInfo.GetTextElementEnumerator(plain);
        var result = new StringBuilder();
        var count = 0;
        while (count < DefaultNameLength && elements.MoveNext())
        {
            result.Append(elements.GetTextElement());
            count++;
        }

        return result.ToString().TrimEnd();
    }

    /// <summary>A short excerpt of a value for a message.</summary>
    public static string Excerpt(string text, int max = 40)
    {
        var info = new StringInfo(text);
        return info.LengthInTextElements <= max ? text : info.SubstringByTextElements(0, max) + "…";
    }

    /// <summary>"A" for the first option, "B" for the second… as the sheet and the messages name options.</summary>
    public static string Letter(int index) => index < 26 ? ((char)('A' + index)).ToString() : (index + 1).ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\$[a-z]*\$/?", RegexOptions.IgnoreCase)]
    private static partial Regex MoodleContext();

    /// <summary>
    /// A Moodle category path as ours: "$course$/top/Products/Cards" → "Products/Cards". Moodle writes a "/"
    /// inside a category name as "//"; it becomes a full-width "／" so that it does not split the path.
    /// </summary>
    public static string? CategoryFromMoodle(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var s = MoodleContext().Replace(path.Trim(), "");
        s = s.Replace("//", "／", StringComparison.Ordinal);
        var parts = s.Split('/').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (parts.Count > 0 && parts[0].Equals("top", StringComparison.OrdinalIgnoreCase))
        {
            parts.RemoveAt(0);
        }

        return parts.Count == 0 ? null : string.Join('/', parts);
    }

    /// <summary>Our category path as Moodle writes it.</summary>
    public static string CategoryToMoodle(string? category) =>
        string.IsNullOrEmpty(category) ? "$course$/top" : "$course$/top/" + category;

    /// <summary>A category as typed in a sheet: "/" or "／" between levels, spaces around them ignored.</summary>
    public static string? Category(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Split(['/', '／'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 0 ? null : string.Join('/', parts);
    }

    public static IReadOnlyList<string> DistinctTags(IEnumerable<string> tags) =>
        tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The checks every format makes on a question it built: text, and options that can be graded.</summary>
    public static List<(string Message, string[] Args)> Check(QuestionDraft draft)
    {
        var errors = new List<(string, string[])>();
        if (string.IsNullOrWhiteSpace(draft.Text))
        {
            errors.Add((FormatMessages.NoText, []));
        }

        if (draft.Type is not (QuestionType.Single or QuestionType.Multiple))
        {
            return errors;
        }

        var options = draft.Options;
        if (options.Count < 2)
        {
            errors.Add((FormatMessages.TooFewOptions, []));
        }

        for (var i = 0; i < options.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options[i].Text))
            {
                errors.Add((FormatMessages.OptionEmpty, [Letter(i)]));
            }

            if (options[i].Fraction is < -1m or > 1m)
            {
                errors.Add((FormatMessages.FractionRange, [Letter(i), Percent(options[i].Fraction)]));
            }
        }

        if (draft.Type == QuestionType.Single)
        {
            var right = options.Count(o => o.Fraction == 1m);
            if (right == 0)
            {
                errors.Add((FormatMessages.NoRightOption, []));
            }
            else if (right > 1)
            {
                errors.Add((FormatMessages.SingleManyRight, [right.ToString(CultureInfo.InvariantCulture)]));
            }
        }
        else
        {
            var sum = options.Where(o => o.Fraction > 0).Sum(o => o.Fraction);
            if (sum == 0)
            {
                errors.Add((FormatMessages.NoRightOption, []));
            }
            else if (Math.Abs(sum - 1m) > 0.01m)
            {
                errors.Add((FormatMessages.MultipleSum, [Percent(sum)]));
            }
        }

        return errors;
    }

    /// <summary>Text bytes as UTF-8 (with or without BOM) or UTF-16 with BOM; bytes that are not valid UTF-8 are read as GB18030, as Chinese Windows saves text.</summary>
    public static string Decode(byte[] bytes)
    {
        Encoding encoding;
        var skip = 0;
        if (bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
        {
            encoding = new UTF8Encoding(false);
            skip = 3;
        }
        else if (bytes.AsSpan().StartsWith(new byte[] { 0xFF, 0xFE }))
        {
            encoding = Encoding.Unicode;
            skip = 2;
        }
        else if (bytes.AsSpan().StartsWith(new byte[] { 0xFE, 0xFF }))
        {
            encoding = Encoding.BigEndianUnicode;
            skip = 2;
        }
        else
        {
            try
            {
                return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                encoding = Encoding.GetEncoding("GB18030");
            }
        }

        return encoding.GetString(bytes, skip, bytes.Length - skip);
    }

    public static byte[] ReadAll(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}

/// <summary>Collects the problems of one file.</summary>
internal sealed class ProblemList
{
    public List<ImportProblem> Items { get; } = [];

    public int Count => Items.Count;

    public void Add(int position, string? name, string message, params string[] args) =>
        Items.Add(new ImportProblem(position, name ?? "", message, args));

    public void Unsupported(int position, string? name, string type) =>
        Items.Add(new ImportProblem(position, name ?? "", FormatMessages.Unsupported, [type], Unsupported: true));
}
