using System.Globalization;
using System.Text;
using AgentPath.Web.Infrastructure.Files;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace AgentPath.Web.Features.Assessments.Formats;

/// <summary>
/// The .xlsx question template Chinese training teams fill in: one row per question under bilingual headers
/// (<c>题型 / Type</c>, <c>题干 / Question</c>, <c>选项A / Option A</c>…, <c>答案 / Answer</c>, <c>计分方式 / Scoring</c>,
/// <c>分值 / Points</c>, <c>难度 / Difficulty</c>, <c>知识点 / Category</c>, <c>解析 / Explanation</c>, <c>标签 / Tags</c>,
/// <c>题目名称 / Name</c>). A header is recognised by any of its Chinese or English words, in any order; a title
/// row above the header is skipped.
/// </summary>
/// <remarks>
/// <para>Answers: option letters (<c>B</c>, <c>ACD</c>, <c>A,C,D</c>) for 单选/多选; 对/错/正确/错误/T/F/true/false
/// (or the letter of an option that says so) for 判断; accepted answers separated by <c>|</c> or <c>；</c> for 填空;
/// the grading points (rubric) for 简答.</para>
/// <para>A multiple-choice question's right options share the marks equally (1/k each); its wrong options are
/// worth -1 (少选得部分分 / 全对得分: any wrong choice scores nothing) or -1/(wrong options) (对减错), so that the
/// fractions grade the same in Moodle. Option feedback and other fractions cannot be written to a sheet.</para>
/// <para>Each bad row becomes problems with its row number (as the spreadsheet shows it) and is not imported.</para>
/// </remarks>
public static class QuestionSheet
{
    public const string FileExtension = ".xlsx";
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const int MaxRows = FormatText.MaxQuestionsPerFile;
    public const string QuestionsSheetName = "题目 Questions";
    public const string InstructionsSheetName = "填写说明 Instructions";

    private const int HeaderSearchRows = 20;
    private const int MinOptionColumns = 8;

    private sealed record Column(string Key, string Header, double Width, string[] Aliases, string Help);

    private static readonly Column[] Columns =
    [
        new("Type", "题型 / Type", 10, ["题型", "类型", "题目类型", "试题类型", "type", "questiontype"],
            "单选、多选、判断、填空、简答（也可写 single / multiple / truefalse / fillin / short）。"),
        new("Text", "题干 / Question", 50, ["题干", "题目", "试题", "题目内容", "试题内容", "question", "questiontext", "stem"],
            "题目正文，必填。"),
        new("Answer", "答案 / Answer", 14, ["答案", "正确答案", "参考答案", "标准答案", "answer", "key", "correctanswer"],
            "单选写一个字母（B）；多选写多个字母（ACD）；判断写 对/错；填空写所有可接受的答案，用 | 或 ； 分隔；简答写评分要点。"),
        new("Scoring", "计分方式 / Scoring", 14, ["计分方式", "计分规则", "多选计分", "scoring"],
            "仅多选题：少选得部分分（默认，错选不得分）、全对得分、对减错。"),
        new("Points", "分值 / Points", 8, ["分值", "分数", "points", "score", "marks"],
            "正数，默认 1。"),
        new("Difficulty", "难度 / Difficulty", 10, ["难度", "难易度", "难易程度", "difficulty"],
            "1（易）到 5（难），或 易/较易/中/较难/难，默认 3。"),
        new("Category", "知识点 / Category", 20, ["知识点", "分类", "题库分类", "category", "topic"],
            "知识点路径，层级用 / 分隔，如 产品知识/信用卡。"),
        new("Explanation", "解析 / Explanation", 40, ["解析", "答案解析", "试题解析", "explanation", "analysis"],
            "作答后显示的解析。"),
        new("Tags", "标签 / Tags", 16, ["标签", "tags", "tag"],
            "用 , 或 ， 分隔。"),
        new("Name", "题目名称 / Name", 24, ["题目名称", "名称", "标题", "name", "title"],
            "可不填，默认取题干前 30 个字。"),
    ];

    private static readonly string[] Required = ["Type", "Text", "Answer"];

    private static readonly Dictionary<string, QuestionType> TypeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["单选"] = QuestionType.Single, ["单选题"] = QuestionType.Single, ["单项选择"] = QuestionType.Single, ["单项选择题"] = QuestionType.Single,
        ["single"] = QuestionType.Single, ["singlechoice"] = QuestionType.Single,
        ["多选"] = QuestionType.Multiple, ["多选题"] = QuestionType.Multiple, ["多项选择"] = QuestionType.Multiple, ["多项选择题"] = QuestionType.Multiple,
        ["不定项选择"] = QuestionType.Multiple, ["不定项选择题"] = QuestionType.Multiple, ["multiple"] = QuestionType.Multiple,
        ["multiplechoice"] = QuestionType.Multiple, ["multi"] = QuestionType.Multiple,
        ["判断"] = QuestionType.TrueFalse, ["判断题"] = QuestionType.TrueFalse, ["是非题"] = QuestionType.TrueFalse,
        ["truefalse"] = QuestionType.TrueFalse, ["tf"] = QuestionType.TrueFalse,
        ["填空"] = QuestionType.FillIn, ["填空题"] = QuestionType.FillIn, ["fillin"] = QuestionType.FillIn, ["fillintheblank"] = QuestionType.FillIn,
        ["简答"] = QuestionType.Short, ["简答题"] = QuestionType.Short, ["问答"] = QuestionType.Short, ["问答题"] = QuestionType.Short,
        ["short"] = QuestionType.Short, ["essay"] = QuestionType.Short,
    };

    private static readonly Dictionary<string, bool> TrueFalseWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["对"] = true, ["正确"] = true, ["是"] = true, ["√"] = true, ["✓"] = true, ["✔"] = true, ["t"] = true, ["true"] = true, ["y"] = true, ["yes"] = true,
        ["错"] = false, ["错误"] = false, ["否"] = false, ["×"] = false, ["✗"] = false, ["✘"] = false, ["x"] = false, ["f"] = false, ["false"] = false,
        ["n"] = false, ["no"] = false,
    };

    /// <summary>One example question of each type, as <see cref="Template"/> writes them.</summary>
    public static IReadOnlyList<QuestionDraft> Examples { get; } =
    [
        new QuestionDraft
        {
            Name = "身份核实（单选示例）",
            Type = QuestionType.Single,
            Text = "客户来电要求查询账户余额，坐席首先应该做什么？",
            Options =
            [
                new OptionDraft("直接告知余额", 0m), new OptionDraft("核实客户身份", 1m),
                new OptionDraft("转接主管", 0m), new OptionDraft("请客户稍后再打", 0m),
            ],
            Explanation = "查询账户信息前，必须先按规定核实客户身份。",
            Category = "服务规范/身份核实",
            Difficulty = 2,
            Tags = ["合规", "新人必考"],
            DefaultPoints = 2m,
        },
        new QuestionDraft
        {
            Name = "投诉升级（多选示例）",
            Type = QuestionType.Multiple,
            Text = "以下哪些情况应当升级为投诉工单？",
            Options =
            [
                new OptionDraft("客户明确要求找主管", 0.3333333m), new OptionDraft("同一问题 24 小时内第二次来电", 0.3333333m),
                new OptionDraft("客户询问营业时间", -1m), new OptionDraft("涉及资金损失", 0.3333333m),
            ],
            Explanation = "询问营业时间属于一般咨询，其余三项均需升级。",
            Category = "投诉处理",
            Difficulty = 3,
            Tags = ["投诉"],
            DefaultPoints = 3m,
        },
        new QuestionDraft
        {
            Name = "结束语（判断示例）",
            Type = QuestionType.TrueFalse,
            Text = "通话结束前，坐席应主动询问客户是否还有其他问题。",
            TrueFalseAnswer = true,
            Category = "服务规范/通话礼仪",
            Difficulty = 1,
        },
        new QuestionDraft
        {
            Name = "指标缩写（填空示例）",
            Type = QuestionType.FillIn,
            Text = "首次来电解决率的英文缩写是____。",
            AcceptedAnswers = ["FCR", "First Call Resolution"],
            Explanation = "FCR：First Call Resolution。",
            Category = "运营指标",
            Difficulty = 2,
        },
        new QuestionDraft
        {
            Name = "情绪安抚（简答示例）",
            Type = QuestionType.Short,
            Text = "客户情绪激动并威胁投诉时，请简述你的安抚步骤。",
            Rubric = "1. 倾听并确认客户情绪；2. 致歉并表达理解；3. 给出明确的处理方案和时限；4. 记录并按时回访。",
            Category = "投诉处理",
            Difficulty = 4,
            Tags = ["投诉", "情绪安抚"],
            DefaultPoints = 5m,
        },
    ];

    /// <summary>The template: the headers, one example row per question type, and a sheet that explains each column.</summary>
    public static byte[] Template() => Write(Examples);

    /// <summary>The questions in the template's layout; <see cref="Read"/> gives them back.</summary>
    public static byte[] Write(IEnumerable<QuestionDraft> drafts)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var list = drafts.ToList();
        var optionCount = Math.Max(MinOptionColumns, list.Count == 0 ? 0 : list.Max(d => d.Options.Count));
        List<string> headers = [Header("Type"), Header("Text")];
        for (var i = 0; i < optionCount; i++)
        {
            headers.Add(OptionHeader(i));
        }

        headers.AddRange(Columns.Skip(2).Select(c => c.Header));

        var rows = new List<Dictionary<string, object?>>();
        foreach (var d in list)
        {
            var row = headers.ToDictionary(h => h, _ => (object?)null, StringComparer.Ordinal);
            row[Header("Type")] = d.Type switch
            {
                QuestionType.Single => "单选",
                QuestionType.Multiple => "多选",
                QuestionType.TrueFalse => "判断",
                QuestionType.FillIn => "填空",
                _ => "简答",
            };
            row[Header("Text")] = Safe(d.Text);
            if (d.Type is QuestionType.Single or QuestionType.Multiple)
            {
                for (var i = 0; i < d.Options.Count; i++)
                {
                    row[OptionHeader(i)] = Safe(d.Options[i].Text);
                }
            }

            row[Header("Answer")] = d.Type switch
            {
                QuestionType.Single => string.Concat(d.Options.Select((o, i) => o.Fraction == 1m ? FormatText.Letter(i) : "")),
                QuestionType.Multiple => string.Concat(d.Options.Select((o, i) => o.Fraction > 0 ? FormatText.Letter(i) : "")),
                QuestionType.TrueFalse => d.TrueFalseAnswer == true ? "对" : "错",
                QuestionType.FillIn => Safe(string.Join("|", d.AcceptedAnswers)),
                _ => Safe(d.Rubric ?? ""),
            };
            if (d.Type == QuestionType.Multiple || d.MultipleScoring != MultipleScoring.Partial)
            {
                row[Header("Scoring")] = FormatText.ScoringLabel(d.MultipleScoring);
            }

            row[Header("Points")] = d.DefaultPoints;
            row[Header("Difficulty")] = d.Difficulty;
            row[Header("Category")] = Safe(d.Category ?? "");
            row[Header("Explanation")] = Safe(d.Explanation ?? "");
            row[Header("Tags")] = Safe(string.Join(", ", d.Tags));
            row[Header("Name")] = Safe(d.Name);
            rows.Add(row);
        }

        var help = Columns.Take(2).Select(c => (c.Header, c.Help))
            .Append((OptionHeader(0) + " … " + OptionHeader(optionCount - 1), "单选、多选的选项，至少两个；其他题型留空。判断题也可写 选项A 正确、选项B 错误，答案写字母。"))
            .Concat(Columns.Skip(2).Select(c => (c.Header, c.Help)))
            .Select(x => new Dictionary<string, object?> { ["列 / Column"] = x.Item1, ["填写说明 / How to fill it in"] = x.Item2 })
            .ToList();

        var columns = headers.Select(h => new DynamicExcelColumn(h) { Width = WidthOf(h) })
            .Append(new DynamicExcelColumn("列 / Column") { Width = 24 })
            .Append(new DynamicExcelColumn("填写说明 / How to fill it in") { Width = 90 })
            .ToArray();
        var config = new OpenXmlConfiguration { FreezeRowCount = 1, DynamicColumns = columns, TableStyles = TableStyles.None };
        using var stream = new MemoryStream();
        var sheets = new Dictionary<string, object> { [QuestionsSheetName] = rows.Count > 0 ? rows : EmptySheet(headers), [InstructionsSheetName] = help };
        stream.SaveAs(sheets, printHeader: true, excelType: ExcelType.XLSX, configuration: config);
        return stream.ToArray();
    }

    /// <summary>MiniExcel writes the headers of an empty sheet from a DataTable.</summary>
    private static System.Data.DataTable EmptySheet(List<string> headers)
    {
        var table = new System.Data.DataTable();
        foreach (var h in headers)
        {
            table.Columns.Add(h, typeof(string));
        }

        return table;
    }

    private static string Header(string key) => Columns.First(c => c.Key == key).Header;

    private static string OptionHeader(int index) => "选项" + FormatText.Letter(index) + " / Option " + FormatText.Letter(index);

    private static double WidthOf(string header) => Columns.FirstOrDefault(c => c.Header == header)?.Width ?? 20;

    /// <summary>A text that a spreadsheet would run as a formula gets a leading apostrophe, which reading takes off.</summary>
    private static string? Safe(string text) => text.Length == 0 ? null : FormulaGuard.Neutralise(text);

    private static bool IsFormula(string text) => FormulaGuard.IsFormulaLike(text);

    /// <summary>Reads the first sheet that has the question headers; a file that is not an .xlsx gives one problem, never an exception.</summary>
    public static ImportResult Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        List<object?[]> table;
        try
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            if (buffer.Length == 0)
            {
                return new ImportResult([], [new ImportProblem(0, "", FormatMessages.EmptyFile, [])]);
            }

            table = ReadTable(buffer);
        }
        catch (InputLimitException e)
        {
            return new ImportResult([], [new ImportProblem(0, "", e.Message, e.Args)]);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or ArgumentException
                                      or FormatException or NotSupportedException or KeyNotFoundException or IndexOutOfRangeException
                                      or NullReferenceException or InvalidCastException or OverflowException)
        {
            return new ImportResult([], [new ImportProblem(0, "", FormatMessages.NotXlsx, [])]);
        }

        return ReadTable(table);
    }

    private static List<object?[]> ReadTable(MemoryStream buffer)
    {
        var sheets = BoundedXlsx.SheetNames(buffer, SheetLimits.Questions);
        List<object?[]>? first = null;
        foreach (var sheet in sheets)
        {
            buffer.Position = 0;
            var rows = new List<object?[]>();
            foreach (var row in BoundedXlsx.Rows(buffer, sheet))
            {
                rows.Add(row);
                if (rows.Count > MaxRows + HeaderSearchRows + 1)
                {
                    break;
                }
            }

            first ??= rows;
            if (FindHeader(rows) is not null)
            {
                return rows;
            }
        }

        return first ?? [];
    }

    /// <summary>The index of the header row: the first of the top rows that names both the type and the question columns.</summary>
    private static int? FindHeader(List<object?[]> table)
    {
        for (var i = 0; i < Math.Min(table.Count, HeaderSearchRows); i++)
        {
            var map = MapHeader(table[i]);
            if (map.ContainsKey("Type") && map.ContainsKey("Text"))
            {
                return i;
            }
        }

        return null;
    }

    private static Dictionary<string, int> MapHeader(object?[] header)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < header.Length; c++)
        {
            var words = HeaderWords(CellText(header[c]));
            if (words.Count == 0)
            {
                continue;
            }

            var col = Columns.FirstOrDefault(k => k.Aliases.Any(words.Contains));
            if (col is not null)
            {
                map.TryAdd(col.Key, c);
            }
            else if (words.Select(OptionIndex).FirstOrDefault(i => i >= 0, -1) is var option and >= 0)
            {
                map.TryAdd("Option" + option.ToString("D2", CultureInfo.InvariantCulture), c);
            }
        }

        return map;
    }

    /// <summary>"选项a", "optiona" or "a" (header words are lower case) → 0.</summary>
    private static int OptionIndex(string word)
    {
        var letter = word.StartsWith("选项", StringComparison.Ordinal) ? word[2..]
            : word.StartsWith("option", StringComparison.Ordinal) ? word[6..]
            : word;
        return letter.Length == 1 && letter[0] is >= 'a' and <= 'z' ? letter[0] - 'a' : -1;
    }

    private static HashSet<string> HeaderWords(string header)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        if (header.Trim().Length == 0)
        {
            return words;
        }

        foreach (var part in header.Split(['/', '|', '(', ')', '（', '）', '\n', ' ', '\u3000', ',', '，', '／'], StringSplitOptions.RemoveEmptyEntries))
        {
            words.Add(part.Trim().ToLowerInvariant());
        }

        words.Add(new string(header.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant());
        return words;
    }

    private static ImportResult ReadTable(List<object?[]> table)
    {
        var problems = new ProblemList();
        var questions = new List<QuestionDraft>();
        var headerIndex = FindHeader(table) ?? table.FindIndex(r => !IsBlank(r));
        if (headerIndex < 0)
        {
            problems.Add(0, null, FormatMessages.EmptyFile);
            return new ImportResult(questions, problems.Items);
        }

        var map = MapHeader(table[headerIndex]);
        foreach (var key in Required.Where(k => !map.ContainsKey(k)))
        {
            problems.Add(headerIndex + 1, null, FormatMessages.MissingColumn, Header(key));
        }

        if (problems.Count > 0)
        {
            return new ImportResult(questions, problems.Items);
        }

        var options = map.Where(kv => kv.Key.StartsWith("Option", StringComparison.Ordinal))
            .Select(kv => (Index: int.Parse(kv.Key[6..], CultureInfo.InvariantCulture), Column: kv.Value))
            .OrderBy(x => x.Index)
            .ToList();
        var dataRows = 0;
        for (var i = headerIndex + 1; i < table.Count; i++)
        {
            if (IsBlank(table[i]))
            {
                continue;
            }

            dataRows++;
            if (dataRows > MaxRows)
            {
                problems.Add(i + 1, null, FormatMessages.TooManyRows, MaxRows.ToString(CultureInfo.InvariantCulture));
                break;
            }

            var (draft, errors) = ReadRow(table[i], map, options);
            foreach (var (message, args) in errors)
            {
                problems.Add(i + 1, draft.Name, message, args);
            }

            if (errors.Count == 0)
            {
                questions.Add(draft);
            }
        }

        if (dataRows == 0)
        {
            problems.Add(headerIndex + 1, null, FormatMessages.HeaderOnly);
        }

        return new ImportResult(questions, problems.Items);
    }

    private static (QuestionDraft Draft, List<(string Message, string[] Args)> Errors) ReadRow(object?[] cells, Dictionary<string, int> map, List<(int Index, int Column)> optionColumns)
    {
        var errors = new List<(string Message, string[] Args)>();
        object? Cell(string key) => map.TryGetValue(key, out var idx) ? At(idx) : null;
        object? At(int idx) => idx < cells.Length ? cells[idx] : null;
        string Text(string key) => CellText(Cell(key));

        foreach (var (key, idx) in map.OrderBy(kv => kv.Value))
        {
            if (At(idx) is string s && IsFormula(s))
            {
                var label = key.StartsWith("Option", StringComparison.Ordinal) ? OptionHeader(int.Parse(key[6..], CultureInfo.InvariantCulture)) : Header(key);
                errors.Add((FormatMessages.Formula, [label, FormatText.Excerpt(s)]));
            }
        }

        var text = Text("Text");
        var name = Text("Name");
        var rawType = Text("Type");
        QuestionType? type = TypeWords.TryGetValue(new string(rawType.Where(c => !char.IsWhiteSpace(c) && c is not '-' and not '_' and not '/').ToArray()), out var t) ? t : null;
        if (type is null)
        {
            errors.Add((FormatMessages.UnknownType, [rawType]));
        }

        var draft = new QuestionDraft
        {
            Name = name.Length > 0 ? name : FormatText.DefaultName(text),
            Type = type ?? QuestionType.Short,
            Text = text,
            Explanation = NullIfEmpty(Text("Explanation")),
            Category = FormatText.Category(Text("Category")),
            Tags = FormatText.DistinctTags(Text("Tags").Split([',', '，', '、', ';', '；'])),
        };

        var points = Text("Points");
        if (points.Length > 0)
        {
            if (FormatText.ParsePoints(points) is { } p)
            {
                draft = draft with { DefaultPoints = p };
            }
            else
            {
                errors.Add((FormatMessages.Points, [points]));
            }
        }

        var difficulty = Text("Difficulty");
        if (difficulty.Length > 0)
        {
            if (FormatText.ParseDifficulty(difficulty) is { } d)
            {
                draft = draft with { Difficulty = d };
            }
            else
            {
                errors.Add((FormatMessages.Difficulty, [difficulty]));
            }
        }

        var scoring = Text("Scoring");
        if (scoring.Length > 0)
        {
            if (FormatText.ParseScoring(scoring) is { } s)
            {
                draft = draft with { MultipleScoring = s };
            }
            else
            {
                errors.Add((FormatMessages.Scoring, [scoring]));
            }
        }

        var options = optionColumns.Select(o => (o.Index, Text: CellText(At(o.Column)))).Where(o => o.Text.Length > 0).ToList();
        var answerCell = Cell("Answer");
        var answer = CellText(answerCell);
        var before = errors.Count;
        switch (type)
        {
            case QuestionType.Single or QuestionType.Multiple:
                draft = Choice(draft, type.Value, options, answer, errors);
                break;
            case QuestionType.TrueFalse:
                var key = answerCell is bool b ? b : TrueFalse(answer, options);
                if (answer.Length == 0)
                {
                    errors.Add((FormatMessages.AnswerEmpty, []));
                }
                else if (key is null)
                {
                    errors.Add((FormatMessages.NotTrueFalse, [answer]));
                }

                draft = draft with { TrueFalseAnswer = key };
                break;
            case QuestionType.FillIn:
                var accepted = answer.Split(['|', '；', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();
                if (accepted.Length == 0)
                {
                    errors.Add((FormatMessages.AnswerEmpty, []));
                }

                draft = draft with { AcceptedAnswers = accepted };
                break;
            case QuestionType.Short:
                draft = draft with { Rubric = NullIfEmpty(answer) };
                break;
            default:
                break;
        }

        if (type is not null && errors.Count == before)
        {
            errors.AddRange(FormatText.Check(draft));
        }
        else if (text.Length == 0)
        {
            errors.Add((FormatMessages.NoText, []));
        }

        return (draft, errors);
    }

    private static QuestionDraft Choice(QuestionDraft draft, QuestionType type, List<(int Index, string Text)> options, string answer, List<(string, string[])> errors)
    {
        var letters = new List<int>();
        var normalized = answer.Normalize(NormalizationForm.FormKC).ToUpperInvariant();
        foreach (var c in normalized.Where(c => !char.IsWhiteSpace(c) && c is not (',' or '，' or '、' or ';' or '；' or '/' or '|')))
        {
            if (c is < 'A' or > 'Z')
            {
                errors.Add((FormatMessages.NotALetter, [answer]));
                return draft;
            }

            if (!letters.Contains(c - 'A'))
            {
                letters.Add(c - 'A');
            }
        }

        if (letters.Count == 0)
        {
            errors.Add((FormatMessages.AnswerEmpty, []));
            return draft;
        }

        foreach (var l in letters.Where(l => options.All(o => o.Index != l)))
        {
            errors.Add((FormatMessages.LetterWithoutOption, [FormatText.Letter(l)]));
        }

        if (type == QuestionType.Single && letters.Count > 1)
        {
            errors.Add((FormatMessages.SingleOneLetter, [answer]));
        }

        var right = options.Count(o => letters.Contains(o.Index));
        var wrong = options.Count - right;
        var rightFraction = type == QuestionType.Single ? 1m : FormatText.Fraction(1m / Math.Max(1, right));
        var wrongFraction = type == QuestionType.Single ? 0m
            : draft.MultipleScoring == MultipleScoring.RightMinusWrong ? FormatText.Fraction(-1m / Math.Max(1, wrong))
            : -1m;
        return draft with
        {
            Type = type,
            Options = options.Select(o => new OptionDraft(o.Text, letters.Contains(o.Index) ? rightFraction : wrongFraction)).ToArray(),
        };
    }

    private static bool? TrueFalse(string answer, List<(int Index, string Text)> options)
    {
        var word = answer.Normalize(NormalizationForm.FormKC).Trim();
        if (TrueFalseWords.TryGetValue(word, out var value))
        {
            return value;
        }

        // 选项A 正确 / 选项B 错误, answer "A".
        if (word.Length == 1 && char.ToUpperInvariant(word[0]) is >= 'A' and <= 'Z' and var letter
            && options.FirstOrDefault(o => o.Index == letter - 'A').Text is { } option
            && TrueFalseWords.TryGetValue(option, out var byOption))
        {
            return byOption;
        }

        return null;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static bool IsBlank(object?[] row) => row.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s)));

    private static string CellText(object? value) => value switch
    {
        null => "",
        string s => FormulaGuard.Unneutralise(s.Trim()),
        bool b => b ? "TRUE" : "FALSE",
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime dt => dt.TimeOfDay == TimeSpan.Zero ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? "",
    };
}
