using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace AgentPath.Web.Features.Assessments.Formats;

/// <summary>
/// Moodle XML (docs.moodle.org "Moodle XML format"): a <c>&lt;quiz&gt;</c> of <c>&lt;question type="…"&gt;</c> elements.
/// </summary>
/// <remarks>
/// <para>Read: categories (<c>$course$/top/</c>-style prefixes dropped), multichoice (<c>single</c> true → single,
/// false → multiple; <c>fraction</c> in percent), truefalse, shortanswer (our fill-in), essay (our short answer,
/// <c>graderinfo</c> → rubric), <c>generalfeedback</c> → explanation, <c>defaultgrade</c> → points, <c>tags</c>.
/// Every other type (matching, numerical, cloze, calculated, ddwtos, description…) is reported as unsupported by
/// its Moodle name. Embedded files, feedback on true/false and fill-in answers and fill-in answers worth less than
/// full marks are left out with a notice. Combined feedback, hints, penalties and numbering are ignored.</para>
/// <para>A file that is not well-formed XML, or holds a DTD, gives one problem and no exception.</para>
/// <para>Written: what Moodle writes, plus <c>&lt;difficulty&gt;</c> and <c>&lt;scoring&gt;</c> elements that
/// Moodle ignores, so that AgentPath reads its own files back unchanged.</para>
/// </remarks>
public static class MoodleXmlFormat
{
    public const string FileExtension = ".xml";
    public const string ContentType = "application/xml";

    /// <summary>The deepest element nesting read: quiz/question/answer/feedback/text is 5; Moodle writes no more than 7.</summary>
    public const int MaxDepth = 32;

    /// <summary>The most characters read (the upload limit of 20 MB holds no more).</summary>
    public const long MaxCharacters = 20L * 1024 * 1024;

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 0,
    };

    /// <summary>
    /// The first pass: reads the file as a stream of nodes without building anything, and stops at the first
    /// document type declaration (reported as such; it is never expanded: the pass stops before the root
    /// element and no resolver is set), at a nesting deeper than <see cref="MaxDepth"/> or at more than
    /// <see cref="MaxCharacters"/> characters. Linear in the file; a deeply nested file is refused after
    /// <see cref="MaxDepth"/> elements.
    /// </summary>
    private static readonly XmlReaderSettings CheckSettings = new()
    {
        DtdProcessing = DtdProcessing.Parse,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 1,
    };

    public static ImportResult Read(Stream stream)
    {
        // A file saved by Chinese Windows tools may declare encoding="GBK" or "GB2312".
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = FormatText.ReadAll(stream);
        if (bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            return Empty();
        }

        return Read(settings => XmlReader.Create(new MemoryStream(bytes), settings));
    }

    public static ImportResult Read(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        xml = xml.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(xml))
        {
            return Empty();
        }

        return Read(settings => XmlReader.Create(new StringReader(xml), settings));
    }

    private static ImportResult Empty() => new([], [new ImportProblem(0, "", FormatMessages.EmptyFile, [])]);

    /// <summary>The refusal of the first pass (<see cref="CheckSettings"/>), or null when the file may be loaded.</summary>
    private static ImportProblem? Check(Func<XmlReaderSettings, XmlReader> open)
    {
        try
        {
            using var reader = open(CheckSettings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.DocumentType)
                {
                    return new ImportProblem(0, "", FormatMessages.DtdNotAllowed, []);
                }

                if (reader.Depth >= MaxDepth)
                {
                    return new ImportProblem(0, "", FormatMessages.TooDeep, [MaxDepth.ToString(CultureInfo.InvariantCulture)]);
                }
            }
        }
        catch (XmlException e) when (e.Message.Contains(nameof(XmlReaderSettings.MaxCharactersInDocument), StringComparison.Ordinal))
        {
            return new ImportProblem(0, "", FormatMessages.TooLong, [MaxCharacters.ToString(CultureInfo.InvariantCulture)]);
        }
        catch (XmlException e)
        {
            return new ImportProblem(0, "", FormatMessages.NotXml, [e.LineNumber.ToString(CultureInfo.InvariantCulture), e.LinePosition.ToString(CultureInfo.InvariantCulture)]);
        }

        return null;
    }

    private static ImportResult Read(Func<XmlReaderSettings, XmlReader> open)
    {
        if (Check(open) is { } refused)
        {
            return new ImportResult([], [refused]);
        }

        XDocument doc;
        try
        {
            using var reader = open(ReaderSettings);
            doc = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            return new ImportResult([], [new ImportProblem(0, "", FormatMessages.NotXml, [e.LineNumber.ToString(CultureInfo.InvariantCulture), e.LinePosition.ToString(CultureInfo.InvariantCulture)])]);
        }

        var root = doc.Root!;
        if (root.Name.LocalName != "quiz")
        {
            return new ImportResult([], [new ImportProblem(0, "", FormatMessages.NotMoodleXml, [root.Name.LocalName])]);
        }

        var questions = new List<QuestionDraft>();
        var problems = new ProblemList();
        string? category = null;
        var position = 0;
        foreach (var q in root.Elements("question"))
        {
            var type = q.Attribute("type")?.Value.Trim().ToLowerInvariant() ?? "";
            if (type == "category")
            {
                category = FormatText.CategoryFromMoodle(TextOf(q.Element("category")));
                continue;
            }

            position++;
            if (position > FormatText.MaxQuestionsPerFile)
            {
                return new ImportResult([], [new ImportProblem(0, "", FormatMessages.TooManyQuestions, [FormatText.MaxQuestionsPerFile.ToString(CultureInfo.InvariantCulture)])]);
            }

            ReadQuestion(position, type, q, category, questions, problems);
        }

        if (questions.Count == 0 && problems.Count == 0)
        {
            problems.Add(0, null, FormatMessages.NoQuestions);
        }

        return new ImportResult(questions, problems.Items);
    }

    private static void ReadQuestion(int position, string type, XElement q, string? category, List<QuestionDraft> questions, ProblemList problems)
    {
        var text = TextOf(q.Element("questiontext"));
        var name = TextOf(q.Element("name"));
        name = name.Length == 0 ? FormatText.DefaultName(text) : name;
        if (type.Length == 0)
        {
            problems.Add(position, name, FormatMessages.NoType);
            return;
        }

        if (type is not ("multichoice" or "truefalse" or "shortanswer" or "essay"))
        {
            problems.Unsupported(position, name, type);
            return;
        }

        var errors = new List<(string Message, string[] Args)>();
        var notices = new List<(string Message, string[] Args)>();
        var draft = new QuestionDraft
        {
            Name = name,
            Type = QuestionType.Short,
            Text = text,
            Explanation = NullIfEmpty(TextOf(q.Element("generalfeedback"))),
            Category = category,
            Tags = FormatText.DistinctTags(q.Element("tags")?.Elements("tag").Select(TextOf) ?? []),
        };

        if (q.Element("defaultgrade") is { } grade)
        {
            if (FormatText.ParsePoints(grade.Value) is { } points)
            {
                draft = draft with { DefaultPoints = points };
            }
            else
            {
                errors.Add((FormatMessages.Points, [grade.Value.Trim()]));
            }
        }

        if (q.Element("difficulty") is { } difficulty)
        {
            if (FormatText.ParseDifficulty(difficulty.Value) is { } d)
            {
                draft = draft with { Difficulty = d };
            }
            else
            {
                errors.Add((FormatMessages.Difficulty, [difficulty.Value.Trim()]));
            }
        }

        if (q.Element("scoring") is { } scoring)
        {
            if (FormatText.ParseScoring(scoring.Value) is { } s)
            {
                draft = draft with { MultipleScoring = s };
            }
            else
            {
                errors.Add((FormatMessages.Scoring, [scoring.Value.Trim()]));
            }
        }

        var answers = q.Elements("answer").Select(a => (Element: a, Fraction: Fraction(a, errors), Text: TextOf(a), Feedback: TextOf(a.Element("feedback")))).ToList();
        switch (type)
        {
            case "multichoice":
                var single = q.Element("single")?.Value.Trim().ToLowerInvariant() is not ("false" or "0");
                draft = draft with
                {
                    Type = single ? QuestionType.Single : QuestionType.Multiple,
                    Options = answers.Select(a => new OptionDraft(a.Text, a.Fraction, NullIfEmpty(a.Feedback))).ToArray(),
                };
                break;
            case "truefalse":
                // Moodle writes the answers as "true" and "false"; very old files only in that order.
                var right = answers.Where(a => a.Fraction == 1m).ToList();
                if (answers.Count != 2 || right.Count != 1 || answers.Any(a => a.Fraction is not (0m or 1m)))
                {
                    errors.Add((FormatMessages.TrueFalseKey, []));
                    break;
                }

                var key = right[0].Text.ToLowerInvariant() switch
                {
                    "true" => true,
                    "false" => false,
                    _ => answers.IndexOf(right[0]) == 0,
                };
                if (answers.Any(a => a.Feedback.Length > 0))
                {
                    notices.Add((FormatMessages.AnswerFeedbackLeftOut, []));
                }

                draft = draft with { Type = QuestionType.TrueFalse, TrueFalseAnswer = key };
                break;
            case "shortanswer":
                var accepted = new List<string>();
                var leftOut = new List<string>();
                foreach (var a in answers.Where(a => a.Text.Length > 0))
                {
                    if (a.Fraction != 1m)
                    {
                        leftOut.Add(a.Text + " (" + FormatText.Percent(a.Fraction) + "%)");
                    }
                    else if (a.Text.Contains('*', StringComparison.Ordinal))
                    {
                        errors.Add((FormatMessages.Wildcard, [a.Text]));
                    }
                    else if (!accepted.Contains(a.Text, StringComparer.Ordinal))
                    {
                        accepted.Add(a.Text);
                    }
                }

                if (accepted.Count == 0)
                {
                    errors.Add((FormatMessages.NoAcceptedAnswer, []));
                }

                if (leftOut.Count > 0)
                {
                    notices.Add((FormatMessages.PartialAnswersLeftOut, [string.Join(", ", leftOut)]));
                }

                if (answers.Any(a => a.Feedback.Length > 0))
                {
                    notices.Add((FormatMessages.AnswerFeedbackLeftOut, []));
                }

                draft = draft with { Type = QuestionType.FillIn, AcceptedAnswers = accepted };
                break;
            default:
                draft = draft with { Type = QuestionType.Short, Rubric = NullIfEmpty(TextOf(q.Element("graderinfo"))) };
                break;
        }

        var files = q.Descendants("file").Select(f => f.Attribute("name")?.Value ?? "").Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (files.Count > 0)
        {
            notices.Add((FormatMessages.FilesLeftOut, [string.Join(", ", files)]));
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

    private static decimal Fraction(XElement answer, List<(string, string[])> errors)
    {
        var raw = answer.Attribute("fraction")?.Value ?? "0";
        if (FormatText.TryParsePercent(raw, out var fraction))
        {
            // Moodle refuses a grade that is not one of its values (error_invalid_grades.xml: 33 where 33.33333 is due).
            if (!FormatText.IsMoodleGrade(fraction))
            {
                errors.Add((FormatMessages.InvalidGrade, [raw.Trim()]));
            }

            return fraction;
        }

        errors.Add((FormatMessages.BadFraction, [raw]));
        return 0m;
    }

    /// <summary>The text of a Moodle text element: its &lt;text&gt; child, or (old files) its own text.</summary>
    private static string TextOf(XElement? e)
    {
        if (e is null)
        {
            return "";
        }

        if (e.Element("text") is { } text)
        {
            return text.Value.Trim();
        }

        return e.HasElements ? "" : e.Value.Trim();
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>The questions as Moodle XML, with a category element wherever the category changes.</summary>
    public static string Write(IEnumerable<QuestionDraft> drafts)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false) };
        using var sw = new Utf8StringWriter();
        using (var w = XmlWriter.Create(sw, settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("quiz");
            string? category = null;
            foreach (var d in drafts)
            {
                if (!string.Equals(d.Category, category, StringComparison.Ordinal))
                {
                    w.WriteStartElement("question");
                    w.WriteAttributeString("type", "category");
                    w.WriteStartElement("category");
                    WriteTextElement(w, Clean(FormatText.CategoryToMoodle(d.Category)));
                    w.WriteEndElement();
                    w.WriteEndElement();
                    category = d.Category;
                }

                WriteQuestion(w, d);
            }

            w.WriteEndElement();
            w.WriteEndDocument();
        }

        return sw.ToString() + "\n";
    }

    private static void WriteQuestion(XmlWriter w, QuestionDraft d)
    {
        w.WriteStartElement("question");
        w.WriteAttributeString("type", d.Type switch
        {
            QuestionType.Single or QuestionType.Multiple => "multichoice",
            QuestionType.TrueFalse => "truefalse",
            QuestionType.FillIn => "shortanswer",
            _ => "essay",
        });
        w.WriteStartElement("name");
        WriteTextElement(w, Clean(d.Name));
        w.WriteEndElement();
        WriteText(w, "questiontext", d.Text);
        WriteText(w, "generalfeedback", d.Explanation ?? "");
        w.WriteElementString("defaultgrade", FormatText.Number(d.DefaultPoints));
        w.WriteElementString("penalty", d.Type switch
        {
            QuestionType.TrueFalse => "1",
            QuestionType.Short => "0",
            _ => "0.3333333",
        });
        w.WriteElementString("hidden", "0");
        switch (d.Type)
        {
            case QuestionType.Single or QuestionType.Multiple:
                w.WriteElementString("single", d.Type == QuestionType.Single ? "true" : "false");
                w.WriteElementString("shuffleanswers", "true");
                w.WriteElementString("answernumbering", "ABCD");
                foreach (var o in d.Options)
                {
                    WriteAnswer(w, o.Fraction, o.Text, o.Feedback);
                }

                break;
            case QuestionType.TrueFalse:
                WriteAnswer(w, d.TrueFalseAnswer == true ? 1m : 0m, "true", null);
                WriteAnswer(w, d.TrueFalseAnswer == true ? 0m : 1m, "false", null);
                break;
            case QuestionType.FillIn:
                w.WriteElementString("usecase", "0");
                foreach (var a in d.AcceptedAnswers)
                {
                    WriteAnswer(w, 1m, a, null);
                }

                break;
            default:
                w.WriteElementString("responseformat", "editor");
                w.WriteElementString("responserequired", "1");
                w.WriteElementString("responsefieldlines", "10");
                w.WriteElementString("attachments", "0");
                w.WriteElementString("attachmentsrequired", "0");
                WriteText(w, "graderinfo", d.Rubric ?? "");
                WriteText(w, "responsetemplate", "");
                break;
        }

        if (d.Tags.Count > 0)
        {
            w.WriteStartElement("tags");
            foreach (var tag in d.Tags)
            {
                w.WriteStartElement("tag");
                WriteTextElement(w, Clean(tag));
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        // AgentPath's own fields; Moodle ignores elements it does not know.
        if (d.Difficulty != 3)
        {
            w.WriteElementString("difficulty", d.Difficulty.ToString(CultureInfo.InvariantCulture));
        }

        if (d.MultipleScoring != MultipleScoring.Partial)
        {
            w.WriteElementString("scoring", d.MultipleScoring.ToString());
        }

        w.WriteEndElement();
    }

    private static void WriteAnswer(XmlWriter w, decimal fraction, string text, string? feedback)
    {
        w.WriteStartElement("answer");
        w.WriteAttributeString("fraction", FormatText.Percent(fraction));
        w.WriteAttributeString("format", FormatOf(text));
        WriteTextElement(w, Clean(text));
        WriteText(w, "feedback", feedback ?? "");
        w.WriteEndElement();
    }

    private static void WriteText(XmlWriter w, string element, string text)
    {
        w.WriteStartElement(element);
        w.WriteAttributeString("format", FormatOf(text));
        WriteTextElement(w, Clean(text));
        w.WriteEndElement();
    }

    /// <summary>A &lt;text&gt; element; HTML goes in a CDATA section, as Moodle writes it.</summary>
    private static void WriteTextElement(XmlWriter w, string text)
    {
        w.WriteStartElement("text");
        if (text.Contains('<', StringComparison.Ordinal) && !text.Contains("]]>", StringComparison.Ordinal))
        {
            w.WriteCData(text);
        }
        else
        {
            w.WriteString(text);
        }

        w.WriteFullEndElement();
    }

    private static string FormatOf(string text) => FormatText.LooksLikeHtml(text) ? "html" : "plain_text";

    /// <summary>Drops the characters XML cannot hold (control characters, lone surrogates).</summary>
    private static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                sb.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                sb.Append(text, i, 2);
                i++;
            }
        }

        return sb.ToString();
    }

    private sealed class Utf8StringWriter() : StringWriter(CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
