using System.Globalization;
using System.Text.Json;

namespace AgentPath.Web.Features.Assessments;

/// <summary>
/// What a saved answer may look like for each question type, checked against the question as shown in
/// the attempt (its option ids). Anything else is refused before it is stored: a single-choice answer
/// is one option id of that question, a multiple-choice answer an array of distinct option ids of that
/// question, true/false one of its two option ids (the exam page sends the chosen radio's id), a
/// fill-in or short answer a string within its length limit. <c>null</c> is no answer of any shape and
/// is refused: the exam page clears a multiple-choice answer with <c>[]</c> and a text with <c>""</c>,
/// and a chosen radio button cannot be unchosen.
/// </summary>
public static class AnswerShape
{
    /// <summary>The longest short answer kept (characters).</summary>
    public const int ShortMax = 4000;

    /// <summary>The longest fill-in answer kept (characters): a blank is a word or a phrase.</summary>
    public const int FillInMax = 500;

    /// <summary>The highest sequence number a save may carry (a JavaScript client counts up from 1 per change).</summary>
    public const long SeqMax = int.MaxValue;

    public static bool IsValidSeq(long seq) => seq is >= 1 and <= SeqMax;

    /// <summary>What the question type takes, as a text key with the length limit as {0}: the message of a refused answer.</summary>
    public static string Expectation(QuestionType type) => type switch
    {
        QuestionType.Single => "This single-choice question takes the id of one of its own options.",
        QuestionType.TrueFalse => "This true/false question takes the id of one of its two options.",
        QuestionType.Multiple => "This multiple-choice question takes a list of distinct ids of its own options.",
        QuestionType.FillIn => "This fill-in question takes a text of at most {0} characters.",
        _ => "This short-answer question takes a text of at most {0} characters.",
    };

    /// <summary>The length limit named in <see cref="Expectation"/> (0 for the choice types).</summary>
    public static int LengthLimit(QuestionType type) => type switch
    {
        QuestionType.FillIn => FillInMax,
        QuestionType.Short => ShortMax,
        _ => 0,
    };

    /// <summary>The response in its stored form, or null when it is not of the question's shape.</summary>
    public static string? Canonical(QuestionType type, IReadOnlyCollection<int> optionIds, JsonElement r)
    {
        switch (type)
        {
            case QuestionType.Single or QuestionType.TrueFalse:
                return r.ValueKind == JsonValueKind.Number && r.TryGetInt32(out var id) && optionIds.Contains(id)
                    ? id.ToString(CultureInfo.InvariantCulture) : null;
            case QuestionType.Multiple:
                if (r.ValueKind != JsonValueKind.Array || r.GetArrayLength() > optionIds.Count)
                {
                    return null;
                }

                var ids = new List<int>();
                foreach (var e in r.EnumerateArray())
                {
                    if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out var oid) || !optionIds.Contains(oid) || ids.Contains(oid))
                    {
                        return null;
                    }

                    ids.Add(oid);
                }

                return JsonSerializer.Serialize(ids.Order());
            case QuestionType.FillIn:
                return r.ValueKind == JsonValueKind.String && r.GetString()!.Length <= FillInMax ? JsonSerializer.Serialize(r.GetString()) : null;
            default:
                return r.ValueKind == JsonValueKind.String && r.GetString()!.Length <= ShortMax ? JsonSerializer.Serialize(r.GetString()) : null;
        }
    }
}
