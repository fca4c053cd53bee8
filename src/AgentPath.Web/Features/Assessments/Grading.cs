using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AgentPath.Web.Features.Assessments;

/// <summary>What grading needs of a question version.</summary>
public sealed record QuestionKey(QuestionType Type, IReadOnlyList<QuestionOption> Options, IReadOnlyList<string> AcceptedAnswers, MultipleScoring MultipleScoring);

/// <summary>
/// Grades objective answers: the share of a question's points (0–1) that a response earns.
/// A response is stored as JSON: an option id (single, true/false), an array of option ids
/// (multiple), or a string (fill-in, short answer). Short answers are graded by hand (null here).
/// </summary>
public static class Grader
{
    public static decimal? Fraction(QuestionKey key, string? responseJson)
    {
        if (key.Type == QuestionType.Short)
        {
            return null;
        }

        if (string.IsNullOrEmpty(responseJson))
        {
            return 0m;
        }

        JsonElement r;
        try
        {
            r = JsonDocument.Parse(responseJson).RootElement;
        }
        catch (JsonException)
        {
            return 0m;
        }

        return key.Type switch
        {
            QuestionType.Single or QuestionType.TrueFalse => r.ValueKind == JsonValueKind.Number && r.TryGetInt32(out var id)
                ? Math.Clamp(key.Options.FirstOrDefault(o => o.Id == id)?.Fraction ?? 0m, 0m, 1m)
                : 0m,
            QuestionType.Multiple => Multiple(key, r.ValueKind == JsonValueKind.Array
                ? r.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Number).Select(e => e.GetInt32()).ToHashSet()
                : []),
            QuestionType.FillIn => r.ValueKind == JsonValueKind.String && Matches(key.AcceptedAnswers, r.GetString()!) ? 1m : 0m,
            _ => 0m,
        };
    }

    private static decimal Multiple(QuestionKey key, HashSet<int> chosen)
    {
        var valid = chosen.Where(id => key.Options.Any(o => o.Id == id)).ToHashSet();
        var right = key.Options.Where(o => o.Fraction > 0).Select(o => o.Id).ToHashSet();
        switch (key.MultipleScoring)
        {
            case MultipleScoring.AllOrNothing:
                return valid.SetEquals(right) ? 1m : 0m;
            case MultipleScoring.RightMinusWrong:
                var wrongCount = key.Options.Count - right.Count;
                var plus = right.Count == 0 ? 0 : (decimal)valid.Count(right.Contains) / right.Count;
                var minus = wrongCount == 0 ? 0 : (decimal)valid.Count(id => !right.Contains(id)) / wrongCount;
                return Math.Clamp(plus - minus, 0m, 1m);
            default:
                var sum = key.Options.Where(o => valid.Contains(o.Id)).Sum(o => o.Fraction);
                return Math.Clamp(sum, 0m, 1m);
        }
    }

    /// <summary>A typed answer matches when it equals an accepted answer after <see cref="Normalize"/>.</summary>
    public static bool Matches(IEnumerable<string> accepted, string typed)
    {
        var t = Normalize(typed);
        return t.Length > 0 && accepted.Any(a => Normalize(a) == t);
    }

    /// <summary>
    /// Width- and case-insensitive form of a typed answer: NFKC turns full-width letters, digits and
    /// punctuation (ＡＢＣ１２３，) into half-width; case is folded; spaces are trimmed and collapsed.
    /// </summary>
    public static string Normalize(string s)
    {
        var n = s.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture).Trim();
        var sb = new StringBuilder(n.Length);
        var space = false;
        foreach (var c in n)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && sb.Length > 0)
            {
                sb.Append(' ');
            }

            space = false;
            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Points for a fraction of a question worth <paramref name="points"/>, to two decimals.</summary>
    public static decimal Points(decimal fraction, decimal points) => Math.Round(fraction * points, 2, MidpointRounding.AwayFromZero);
}
