namespace AgentPath.Web.Features.Assessments.Formats;

/// <summary>
/// Every <see cref="ImportProblem.Message"/> the question formats produce: English texts that are
/// also the resource keys of Resources/zh-CN.assessments-formats.json, with {0}-style placeholders
/// filled from <see cref="ImportProblem.Args"/>. A message never holds a literal brace, so
/// <c>string.Format</c> can always fill it.
/// </summary>
/// <remarks>
/// Three kinds of problem: <see cref="ImportProblem.Unsupported"/> ones (a question of a type
/// AgentPath does not have; the question is not in <see cref="ImportResult.Questions"/>), errors
/// (the question or file is broken; not imported), and notices (<see cref="IsNotice"/>: the question
/// <em>is</em> imported, but something AgentPath cannot keep was left out).
/// </remarks>
public static class FormatMessages
{
    // Any format.
    public const string Unsupported = "Question type \"{0}\" is not supported; skip it or remove it from the file.";
    public const string EmptyFile = "The question file is empty.";
    public const string NoQuestions = "The file holds no questions.";
    public const string NoText = "The question has no text.";
    public const string TooFewOptions = "A choice question needs at least two options.";
    public const string OptionEmpty = "Option {0} has no text.";
    public const string FractionRange = "Option {0} is worth {1}%; use a value from -100% to 100%.";
    public const string NoRightOption = "No option is marked as the right answer.";
    public const string SingleManyRight = "A single-choice question has {0} right options; keep one, or make it a multiple-choice question.";
    public const string MultipleSum = "The right options add up to {0}%; they must add up to 100%.";
    public const string NoAcceptedAnswer = "The fill-in question has no answer worth full marks.";
    public const string Wildcard = "Answer \"{0}\" uses the * wildcard, which is not supported; list every accepted answer instead.";
    public const string Points = "Points must be a positive number, not \"{0}\".";
    public const string Difficulty = "Difficulty must be 1 to 5 or 易/中/难, not \"{0}\".";
    public const string TooManyQuestions = "The file holds more than {0} questions; split it into several files.";
    public const string Scoring = "Unknown scoring rule \"{0}\"; use 全对得分, 少选得部分分 or 对减错.";

    // Notices: the question is imported without something.
    public const string AnswerFeedbackLeftOut = "Feedback on individual answers was left out; only the general feedback is kept.";
    public const string PartialAnswersLeftOut = "Answers worth less than full marks were left out: {0}.";
    public const string TailLeftOut = "Text after the answers was left out: \"{0}\".";
    public const string FilesLeftOut = "Embedded images and files were left out: {0}.";

    // GIFT.
    public const string BraceMissing = "An opening or closing brace around the answers is missing.";

    // Moodle XML.
    public const string NotXml = "The file is not well-formed XML (line {0}, position {1}).";
    public const string NotMoodleXml = "The file is not a Moodle XML question file: its root element is \"{0}\", not \"quiz\".";
    public const string NoType = "The question has no type.";
    public const string BadFraction = "Answer fraction \"{0}\" is not a number.";
    public const string DtdNotAllowed = "DTD not allowed: the file declares a document type (<!DOCTYPE>); Moodle XML question files have none. Remove it and upload again.";
    public const string TooDeep = "The XML is nested more than {0} levels deep; a Moodle XML question file needs far fewer. The file was not read further.";
    public const string TooLong = "The XML holds more than {0} characters; split it into several files.";
    public const string InvalidGrade = "Answer grade {0}% is not one of Moodle's grade values (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0, or the same negative); Moodle refuses it too.";
    public const string TrueFalseKey = "A true/false question must mark exactly one of true and false as right.";

    // The question sheet (.xlsx).
    public const string NotXlsx = "The file is not a readable .xlsx workbook.";
    public const string MissingColumn = "The sheet has no column \"{0}\".";
    public const string HeaderOnly = "The sheet has a header but no questions.";
    public const string TooManyRows = "The sheet has more than {0} rows; split it into several files.";
    public const string UnknownType = "Unknown question type \"{0}\"; use 单选, 多选, 判断, 填空 or 简答.";
    public const string AnswerEmpty = "The answer is empty.";
    public const string NotALetter = "\"{0}\" is not an option letter; write letters such as A or ACD.";
    public const string LetterWithoutOption = "Answer letter {0} has no option.";
    public const string SingleOneLetter = "A single-choice question takes one answer letter, not \"{0}\".";
    public const string NotTrueFalse = "\"{0}\" is not true or false; write 对 or 错.";
    public const string Formula = "{0}: \"{1}\" starts with a character a spreadsheet would run as a formula; put an apostrophe (') before it.";

    /// <summary>Every message, for checks and translations.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(FormatMessages)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    private static readonly HashSet<string> Notices = new(StringComparer.Ordinal) { AnswerFeedbackLeftOut, PartialAnswersLeftOut, TailLeftOut, FilesLeftOut };

    private static readonly HashSet<string> Limits = new(StringComparer.Ordinal) { TooManyQuestions, DtdNotAllowed, TooDeep, TooLong, TooManyRows };

    /// <summary>True when the whole file is refused for a limit (size, nesting, questions per file) or a DTD: nothing of it is kept.</summary>
    public static bool IsLimit(ImportProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return Limits.Contains(problem.Message);
    }

    /// <summary>True when the problem's question was imported anyway and the problem only says what was left out.</summary>
    public static bool IsNotice(ImportProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return Notices.Contains(problem.Message);
    }
}
