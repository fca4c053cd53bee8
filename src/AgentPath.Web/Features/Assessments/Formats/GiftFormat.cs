using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AgentPath.Web.Features.Assessments.Formats;

/// <summary>
/// Moodle's GIFT text format (docs.moodle.org "GIFT format"), read the way Moodle's own importer
/// (question/format/gift/format.php) reads it, and written so that both Moodle and <see cref="Read(string)"/>
/// read it back.
/// </summary>
/// <remarks>
/// <para>A question is a block of lines between blank lines. Read: <c>::name::</c>; <c>$CATEGORY: a/b</c>
/// (Moodle's <c>$course$/top/</c> prefix is dropped); the <c>[html]</c>, <c>[moodle]</c>, <c>[plain]</c>,
/// <c>[markdown]</c> markers (dropped; the text, HTML tags and all, is kept); <c>//</c> comment lines, and in
/// them Moodle's <c>[tag:x]</c>; the escapes <c>\~ \= \# \{ \} \: \\ \n</c>; multiple choice with one
/// <c>=</c> (single) or <c>~%50%</c> weights (multiple); true/false; short answer <c>{=a =b}</c> (our fill-in);
/// essay <c>{}</c> (our short answer); answer feedback after <c>#</c>; general feedback after <c>####</c>.</para>
/// <para>Matching, numerical, missing-word (text after the answers) and description (no answers) questions
/// are reported as unsupported. What our questions cannot hold — feedback on true/false and fill-in answers,
/// fill-in answers worth less than full marks — is left out with a notice (<see cref="FormatMessages.IsNotice"/>).</para>
/// <para>AgentPath's own fields travel in comments that Moodle ignores: <c>[points:2] [difficulty:4]
/// [scoring:AllOrNothing] [rubric:…]</c>.</para>
/// <para>Limits of the format: a fill-in answer cannot contain "->" (GIFT would read a matching question), and
/// texts lose leading and trailing white space.</para>
/// </remarks>
public static partial class GiftFormat
{
    public const string FileExtension = ".txt";
    public const string ContentType = "text/plain; charset=utf-8";

    // Escaped control characters are replaced by Unicode non-characters while the question is parsed, as
    // Moodle replaces them by "&&058;"-style placeholders; non-characters never occur in interchange text.
    private const string Controls = ":#={}~\\\n";
    private const char FirstPlaceholder = '\uFDD0';

    private static readonly string[] FormatNames = ["html", "moodle", "plain", "markdown"];

    [GeneratedRegex(@"^%(-?\d+(?:\.\d+)?)%")]
    private static partial Regex Weight();

    [GeneratedRegex(@"\[(tag|points|difficulty|scoring|rubric):((?:\\.|[^\]\\])*)\]", RegexOptions.IgnoreCase)]
    private static partial Regex Meta();

    [GeneratedRegex(@"^\[(html|moodle|plain|markdown)\]", RegexOptions.IgnoreCase)]
    private static partial Regex FormatMarker();

    public static ImportResult Read(Stream stream) => Read(FormatText.Decode(FormatText.ReadAll(stream)));

    public static ImportResult Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new ProblemList();
        var questions = new List<QuestionDraft>();
        text = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(0, null, FormatMessages.EmptyFile);
            return new ImportResult(questions, problems.Items);
        }

        string? category = null;
        var position = 0;
        foreach (var block in Blocks(text.Split('\n')))
        {
            var comments = block.Where(IsComment).ToList();
            var lines = block.Where(l => !IsComment(l)).Select(l => l.Trim()).ToList();
            if (lines.Count > 0 && lines[0].StartsWith("$CATEGORY:", StringComparison.Ordinal))
            {
                category = FormatText.CategoryFromMoodle(lines[0]["$CATEGORY:".Length..]);
                lines.RemoveAt(0);
            }

            if (lines.Count == 0)
            {
                continue;
            }

            position++;
            if (position > FormatText.MaxQuestionsPerFile)
            {
                // Stop at once: a file of millions of questions is not read (or previewed) to the end.
                return new ImportResult([], [new ImportProblem(0, "", FormatMessages.TooManyQuestions, [FormatText.MaxQuestionsPerFile.ToString(CultureInfo.InvariantCulture)])]);
            }

            ReadQuestion(position, Protect(string.Join('\n', lines).Trim()), comments, category, questions, problems);
        }

        if (questions.Count == 0 && problems.Count == 0)
        {
            problems.Add(0, null, FormatMessages.NoQuestions);
        }

        return new ImportResult(questions, problems.Items);
    }

    private static bool IsComment(string line) => line.TrimStart().StartsWith("//", StringComparison.Ordinal);

    private static IEnumerable<List<string>> Blocks(string[] lines)
    {
        var block = new List<string>();
        foreach (var line in lines)
        {
            if (line.Trim().Length == 0)
            {
                if (block.Count > 0)
                {
                    yield return block;
                    block = [];
                }
            }
            else
            {
                block.Add(line);
            }
        }

        if (block.Count > 0)
        {
            yield return block;
        }
    }

    private static void ReadQuestion(int position, string text, List<string> comments, string? category, List<QuestionDraft> questions, ProblemList problems)
    {
        string? name = null;
        if (text.StartsWith("::", StringComparison.Ordinal))
        {
            text = text[2..];
            var end = text.IndexOf("::", StringComparison.Ordinal);
            if (end >= 0)
            {
                name = Unprotect(text[..end]).Trim();
                text = text[(end + 2)..].Trim();
            }
        }

        var open = text.IndexOf('{', StringComparison.Ordinal);
        var close = text.IndexOf('}', StringComparison.Ordinal);
        if (open < 0 && close < 0)
        {
            problems.Unsupported(position, NameOr(name, Formatted(text)), "description");
            return;
        }

        var questionText = open >= 0 ? Formatted(text[..open]) : Formatted(text);
        name = NameOr(name, questionText);
        if (open < 0 || close < 0 || close < open)
        {
            problems.Add(position, name, FormatMessages.BraceMissing);
            return;
        }

        var answers = text[(open + 1)..close].Trim();
        var tail = text[(close + 1)..].Trim();
        string? explanation = null;
        var feedbackAt = answers.LastIndexOf("####", StringComparison.Ordinal);
        if (feedbackAt >= 0)
        {
            explanation = NullIfEmpty(Formatted(answers[(feedbackAt + 4)..]));
            answers = answers[..feedbackAt].Trim();
        }

        var kind = Kind(answers);
        var notices = new List<(string Message, string[] Args)>();
        if (kind is "numerical" or "matching")
        {
            problems.Unsupported(position, name, kind);
            return;
        }

        if (tail.Length > 0)
        {
            if (kind is "multichoice" or "shortanswer" || tail.Any(char.IsLetterOrDigit) || tail.Contains('{', StringComparison.Ordinal))
            {
                problems.Unsupported(position, name, "missing word");
                return;
            }

            // A true/false or essay question followed by stray punctuation, as in Moodle's own test file.
            notices.Add((FormatMessages.TailLeftOut, [Unprotect(tail)]));
        }

        var errors = new List<(string Message, string[] Args)>();
        var draft = new QuestionDraft { Name = name, Type = QuestionType.Short, Text = questionText, Explanation = explanation, Category = category };
        draft = ReadMeta(draft, comments, errors);
        switch (kind)
        {
            case "essay":
                break;
            case "truefalse":
                var bits = answers.Split('#', 3);
                if (bits.Skip(1).Any(b => Formatted(b).Length > 0))
                {
                    notices.Add((FormatMessages.AnswerFeedbackLeftOut, []));
                }

                draft = draft with { Type = QuestionType.TrueFalse, TrueFalseAnswer = bits[0].Trim() is "T" or "TRUE" };
                break;
            case "multichoice":
                draft = draft with { Type = answers.Contains('=', StringComparison.Ordinal) ? QuestionType.Single : QuestionType.Multiple, Options = Choices(answers) };
                break;
            default:
                draft = FillIn(draft, answers, notices, errors);
                break;
        }

        errors.AddRange(FormatText.Check(draft));
        foreach (var (message, args) in errors.Count > 0 ? errors : notices)
        {
            problems.Add(position, name, message, args);
        }

        if (errors.Count == 0)
        {
            questions.Add(draft);
        }
    }

    /// <summary>The question type as Moodle decides it, from the text between the braces.</summary>
    private static string Kind(string answers)
    {
        if (answers.Length == 0)
        {
            return "essay";
        }

        if (answers[0] == '#')
        {
            return "numerical";
        }

        if (answers.Contains('~', StringComparison.Ordinal))
        {
            return "multichoice";
        }

        if (answers.Contains('=', StringComparison.Ordinal) && answers.Contains("->", StringComparison.Ordinal))
        {
            return "matching";
        }

        var key = answers.Split('#', 2)[0].Trim();
        return key is "T" or "TRUE" or "F" or "FALSE" ? "truefalse" : "shortanswer";
    }

    private static List<OptionDraft> Choices(string answers)
    {
        var pieces = answers.Replace("=", "~=", StringComparison.Ordinal).Split('~').Select(p => p.Trim()).ToList();
        if (pieces.Count > 0 && pieces[0].Length == 0)
        {
            pieces.RemoveAt(0);
        }

        var options = new List<OptionDraft>();
        foreach (var piece in pieces)
        {
            var answer = piece;
            var fraction = 0m;
            if (answer.StartsWith('='))
            {
                fraction = 1m;
                answer = answer[1..];
            }
            else if (Weight().Match(answer) is { Success: true } m)
            {
                FormatText.TryParsePercent(m.Groups[1].Value, out fraction);
                answer = answer[m.Length..];
            }

            var bits = answer.Split('#', 2);
            options.Add(new OptionDraft(Formatted(bits[0]), fraction, bits.Length > 1 ? NullIfEmpty(Formatted(bits[1])) : null));
        }

        return options;
    }

    private static QuestionDraft FillIn(QuestionDraft draft, string answers, List<(string, string[])> notices, List<(string, string[])> errors)
    {
        var accepted = new List<string>();
        var leftOut = new List<string>();
        var feedback = false;
        foreach (var piece in answers.Split('=').Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            var answer = piece;
            var fraction = 1m;
            if (Weight().Match(answer) is { Success: true } m)
            {
                FormatText.TryParsePercent(m.Groups[1].Value, out fraction);
                answer = answer[m.Length..];
            }

            var bits = answer.Split('#', 2);
            var text = Formatted(bits[0]);
            feedback |= bits.Length > 1 && Formatted(bits[1]).Length > 0;
            if (text.Length == 0)
            {
                continue;
            }

            if (fraction != 1m)
            {
                leftOut.Add(text + " (" + FormatText.Percent(fraction) + "%)");
            }
            else if (text.Contains('*', StringComparison.Ordinal))
            {
                errors.Add((FormatMessages.Wildcard, [text]));
            }
            else if (!accepted.Contains(text, StringComparer.Ordinal))
            {
                accepted.Add(text);
            }
        }

        if (accepted.Count == 0)
        {
            errors.Add((FormatMessages.NoAcceptedAnswer, []));
        }
        else
        {
            if (leftOut.Count > 0)
            {
                notices.Add((FormatMessages.PartialAnswersLeftOut, [string.Join(", ", leftOut)]));
            }

            if (feedback)
            {
                notices.Add((FormatMessages.AnswerFeedbackLeftOut, []));
            }
        }

        return draft with { Type = QuestionType.FillIn, AcceptedAnswers = accepted };
    }

    /// <summary>Moodle's [tag:x] and AgentPath's [points:2] [difficulty:4] [scoring:…] [rubric:…] in the question's comments.</summary>
    private static QuestionDraft ReadMeta(QuestionDraft draft, List<string> comments, List<(string, string[])> errors)
    {
        var tags = new List<string>();
        foreach (Match m in comments.SelectMany(c => Meta().Matches(c)))
        {
            var value = MetaUnescape(m.Groups[2].Value).Trim();
            switch (m.Groups[1].Value.ToLowerInvariant())
            {
                case "tag":
                    tags.Add(value);
                    break;
                case "points":
                    if (FormatText.ParsePoints(value) is { } points)
                    {
                        draft = draft with { DefaultPoints = points };
                    }
                    else
                    {
                        errors.Add((FormatMessages.Points, [value]));
                    }

                    break;
                case "difficulty":
                    if (FormatText.ParseDifficulty(value) is { } difficulty)
                    {
                        draft = draft with { Difficulty = difficulty };
                    }
                    else
                    {
                        errors.Add((FormatMessages.Difficulty, [value]));
                    }

                    break;
                case "scoring":
                    if (FormatText.ParseScoring(value) is { } scoring)
                    {
                        draft = draft with { MultipleScoring = scoring };
                    }
                    else
                    {
                        errors.Add((FormatMessages.Scoring, [value]));
                    }

                    break;
                default:
                    draft = draft with { Rubric = NullIfEmpty(value) };
                    break;
            }
        }

        return draft with { Tags = FormatText.DistinctTags(tags) };
    }

    private static string NameOr(string? name, string text) => string.IsNullOrWhiteSpace(name) ? FormatText.DefaultName(text) : name;

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>A piece of text without its [html]-style format marker, with its escapes undone.</summary>
    private static string Formatted(string text)
    {
        text = text.Trim();
        if (text.StartsWith('['))
        {
            var end = text.IndexOf(']', StringComparison.Ordinal);
            if (end > 0 && FormatNames.Contains(text[1..end], StringComparer.OrdinalIgnoreCase))
            {
                text = text[(end + 1)..];
            }
        }

        return Unprotect(text).Trim();
    }

    /// <summary>Replaces each escaped control character (\: \# \= \{ \} \~ \\ \n) by a placeholder.</summary>
    private static string Protect(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                var k = text[i + 1] switch
                {
                    'n' => Controls.IndexOf('\n', StringComparison.Ordinal),
                    '\n' => -1,
                    var c => Controls.IndexOf(c, StringComparison.Ordinal),
                };
                if (k >= 0)
                {
                    sb.Append((char)(FirstPlaceholder + k));
                    i++;
                    continue;
                }
            }

            sb.Append(text[i]);
        }

        return sb.ToString();
    }

    private static string Unprotect(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var k = c - FirstPlaceholder;
            sb.Append(k >= 0 && k < Controls.Length ? Controls[k] : c);
        }

        return sb.ToString();
    }

    private static string MetaUnescape(string value)
    {
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                i++;
                sb.Append(value[i] == 'n' ? '\n' : value[i]);
            }
            else
            {
                sb.Append(value[i]);
            }
        }

        return sb.ToString();
    }

    /// <summary>The questions as GIFT: a <c>$CATEGORY:</c> line wherever the category changes, one block per question.</summary>
    public static string Write(IEnumerable<QuestionDraft> drafts)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var sb = new StringBuilder();
        string? category = null;
        foreach (var d in drafts)
        {
            if (!string.Equals(d.Category, category, StringComparison.Ordinal))
            {
                sb.Append("$CATEGORY: ").Append(FormatText.CategoryToMoodle(d.Category)).Append("\n\n");
                category = d.Category;
            }

            WriteQuestion(sb, d);
            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static void WriteQuestion(StringBuilder sb, QuestionDraft d)
    {
        var meta = new List<string>();
        meta.AddRange(d.Tags.Select(t => "[tag:" + MetaEscape(t) + "]"));
        if (d.DefaultPoints != 1m)
        {
            meta.Add("[points:" + FormatText.Number(d.DefaultPoints) + "]");
        }

        if (d.Difficulty != 3)
        {
            meta.Add("[difficulty:" + d.Difficulty.ToString(CultureInfo.InvariantCulture) + "]");
        }

        if (d.MultipleScoring != MultipleScoring.Partial)
        {
            meta.Add("[scoring:" + d.MultipleScoring + "]");
        }

        if (meta.Count > 0)
        {
            sb.Append("// ").AppendJoin(' ', meta).Append('\n');
        }

        if (!string.IsNullOrEmpty(d.Rubric))
        {
            sb.Append("// [rubric:").Append(MetaEscape(d.Rubric)).Append("]\n");
        }

        sb.Append("::").Append(Escape(d.Name)).Append("::");
        sb.Append(FormatText.LooksLikeHtml(d.Text) ? "[html]" + Escape(d.Text) : Piece(d.Text));
        var explanation = string.IsNullOrEmpty(d.Explanation) ? "" : "####" + Piece(d.Explanation);
        switch (d.Type)
        {
            case QuestionType.TrueFalse:
                sb.Append('{').Append(d.TrueFalseAnswer == true ? "TRUE" : "FALSE").Append(explanation).Append("}\n");
                break;
            case QuestionType.Short:
                sb.Append('{').Append(explanation).Append("}\n");
                break;
            case QuestionType.FillIn:
                sb.Append("{\n");
                foreach (var answer in d.AcceptedAnswers)
                {
                    // "%" would start a weight: an explicit %100% keeps it in the answer.
                    sb.Append("\t=").Append(answer.StartsWith('%') ? "%100%" : "").Append(Piece(answer)).Append('\n');
                }

                AppendExplanation(sb, explanation);
                break;
            default:
                sb.Append("{\n");
                foreach (var o in d.Options)
                {
                    var mark = d.Type == QuestionType.Single && o.Fraction == 1m ? "="
                        : o.Fraction != 0m ? "~%" + FormatText.Percent(o.Fraction) + "%"
                        : o.Text.StartsWith('%') ? "~%0%" : "~";
                    sb.Append('\t').Append(mark).Append(Piece(o.Text));
                    if (!string.IsNullOrEmpty(o.Feedback))
                    {
                        sb.Append('#').Append(Piece(o.Feedback));
                    }

                    sb.Append('\n');
                }

                AppendExplanation(sb, explanation);
                break;
        }
    }

    private static void AppendExplanation(StringBuilder sb, string explanation)
    {
        if (explanation.Length > 0)
        {
            sb.Append('\t').Append(explanation).Append('\n');
        }

        sb.Append("}\n");
    }

    /// <summary>An escaped piece of text; one that starts like a format marker gets an explicit [moodle] so the marker stays text.</summary>
    private static string Piece(string text) => (FormatMarker().IsMatch(text) ? "[moodle]" : "") + Escape(text);

    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    break;
                case '\\' or '~' or '=' or '#' or '{' or '}' or ':':
                    sb.Append('\\').Append(c);
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    private static string MetaEscape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal)
            .Replace("\r", "", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
