namespace AgentPath.Web.Features.Assessments;

/// <summary>试题类型 — the question types AgentPath grades.</summary>
public enum QuestionType
{
    /// <summary>单选题 — one right option.</summary>
    Single,
    /// <summary>多选题 — several right options; partial credit per <see cref="MultipleScoring"/>.</summary>
    Multiple,
    /// <summary>判断题 — true or false.</summary>
    TrueFalse,
    /// <summary>填空题 — typed answer compared with accepted answers, case- and width-insensitive.</summary>
    FillIn,
    /// <summary>简答题 — graded by hand against a rubric.</summary>
    Short,
}

/// <summary>How a multiple-choice question gives credit.</summary>
public enum MultipleScoring
{
    /// <summary>Full points only for exactly the right set.</summary>
    AllOrNothing,
    /// <summary>Moodle's rule: the sum of the chosen options' fractions, never below zero.</summary>
    Partial,
    /// <summary>Each right choice adds 1/(right options), each wrong choice subtracts 1/(wrong options); never below zero.</summary>
    RightMinusWrong,
}

/// <summary>An option as imported or edited. <see cref="Fraction"/> is Moodle's: 1 = all the points, 0.5 = half, negative for a penalised wrong choice.</summary>
public sealed record OptionDraft(string Text, decimal Fraction, string? Feedback = null);

/// <summary>
/// A question as the import formats (xlsx, GIFT, Moodle XML) read and write it, before it enters
/// the bank. <see cref="Category"/> is a path of knowledge areas separated by "/".
/// </summary>
public sealed record QuestionDraft
{
    public required string Name { get; init; }
    public required QuestionType Type { get; init; }
    public required string Text { get; init; }

    /// <summary>Single and multiple choice. Empty for the other types.</summary>
    public IReadOnlyList<OptionDraft> Options { get; init; } = [];

    /// <summary>Fill-in: every accepted answer. Empty for the other types.</summary>
    public IReadOnlyList<string> AcceptedAnswers { get; init; } = [];

    /// <summary>True/false: the right answer. Null for the other types.</summary>
    public bool? TrueFalseAnswer { get; init; }

    /// <summary>Shown after the attempt as the paper allows (Moodle's general feedback).</summary>
    public string? Explanation { get; init; }

    /// <summary>Short answer: what the grader looks for.</summary>
    public string? Rubric { get; init; }

    public string? Category { get; init; }

    /// <summary>1 (easy) to 5 (hard); 3 when the source does not say.</summary>
    public int Difficulty { get; init; } = 3;

    public IReadOnlyList<string> Tags { get; init; } = [];

    public decimal DefaultPoints { get; init; } = 1m;

    public MultipleScoring MultipleScoring { get; init; } = MultipleScoring.Partial;
}

/// <summary>
/// A problem found while reading a question file: its position (1-based question number in the
/// file, or the spreadsheet row), the question's name when known, and a message that is an English
/// resource key with {0}-style <see cref="Args"/>. <see cref="Unsupported"/> marks a question of a
/// type AgentPath does not support (matching, numerical, cloze…): the user may skip those explicitly.
/// </summary>
public sealed record ImportProblem(int Position, string Name, string Message, IReadOnlyList<string> Args, bool Unsupported = false);

/// <summary>What a question file held: the questions that can be imported, and every problem.</summary>
public sealed record ImportResult(IReadOnlyList<QuestionDraft> Questions, IReadOnlyList<ImportProblem> Problems);
