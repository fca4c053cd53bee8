using System.IO.Compression;
using System.Text;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.Assessments.Formats;
using MiniExcelLibs;
using static AgentPath.Tests.Assessments.Formats.FormatFixtures;

namespace AgentPath.Tests.Assessments.Formats;

public class QuestionSheetTests
{
    private static readonly object?[] Header =
    [
        "题型 / Type", "题干 / Question", "选项A / Option A", "选项B / Option B", "选项C / Option C", "选项D / Option D",
        "答案 / Answer", "计分方式 / Scoring", "分值 / Points", "难度 / Difficulty", "知识点 / Category", "解析 / Explanation", "标签 / Tags", "题目名称 / Name",
    ];

    /// <summary>An .xlsx whose first sheet holds exactly these rows (no header of MiniExcel's own).</summary>
    private static MemoryStream Xlsx(params object?[][] rows)
    {
        var width = rows.Max(r => r.Length);
        var list = rows.Select(r => Enumerable.Range(0, width).ToDictionary(i => "c" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), i => i < r.Length ? r[i] : null)).ToList();
        var stream = new MemoryStream();
        stream.SaveAs(list, printHeader: false);
        stream.Position = 0;
        return stream;
    }

    private static ImportResult Read(Stream stream) => Checked(QuestionSheet.Read(stream));

    private static ImportResult Read(byte[] bytes) => Read(new MemoryStream(bytes));

    [Fact]
    public void The_template_has_bilingual_headers_an_example_of_each_type_and_reads_back_to_them()
    {
        var template = QuestionSheet.Template();
        var r = Read(template);

        Assert.Empty(r.Problems);
        AssertSameQuestions(QuestionSheet.Examples, r.Questions);
        Assert.Equal(Enum.GetValues<QuestionType>(), r.Questions.Select(q => q.Type));

        using var stream = new MemoryStream(template);
        Assert.Equal([QuestionSheet.QuestionsSheetName, QuestionSheet.InstructionsSheetName], MiniExcel.GetSheetNames(stream));
        stream.Position = 0;
        var header = ((IDictionary<string, object?>)MiniExcel.Query(stream, useHeaderRow: false).First()).Values.Select(v => v?.ToString()).ToList();
        Assert.Equal("题型 / Type", header[0]);
        Assert.Equal("题干 / Question", header[1]);
        Assert.Equal("选项A / Option A", header[2]);
        Assert.Equal("选项H / Option H", header[9]);
        Assert.Equal(
            ["答案 / Answer", "计分方式 / Scoring", "分值 / Points", "难度 / Difficulty", "知识点 / Category", "解析 / Explanation", "标签 / Tags", "题目名称 / Name"],
            header.Skip(10));
    }

    [Fact]
    public void Headers_in_either_language_in_any_order_under_a_title_row_and_the_usual_spellings_of_values_are_understood()
    {
        var r = Read(Xlsx(
            ["2025 年第四季度新人考试题库（请勿修改表头）"],
            ["Question", "Type", "A", "B", "C", "D", "Answer", "Points", "Difficulty", "Category", "Explanation", "Tags", "Name", "Scoring"],
            ["坐席接听电话时的标准问候语是？", "单选题", "您好，很高兴为您服务", "喂", "什么事", "说吧", "a", 2d, "易", " 服务规范／通话礼仪 / ", "先问候。", "礼仪，新人, 礼仪", null],
            ["哪些属于投诉？", "多选", "要求赔偿", "询问网点", "威胁曝光", null, "Ａ、c", "3分", "中", null, null, null, "投诉识别", "全对得分"],
            ["客户可以在电话里改密码。", "判断题", null, null, null, null, "×", null, 4d],
            ["营业厅周日照常营业。", "true/false", "正确", "错误", null, null, "A"],
            ["VIP 客户优先接入。", "判断", null, null, null, null, true],
            ["FCR 的中文是____。", "填空题", null, null, null, null, "首次来电解决率；一次解决率|首解率 ; 首次来电解决率"],
            ["请简述投诉处理的四个步骤。", "简答题", null, null, null, null, "倾听、致歉、解决、跟进", 5d, "难"],
            ["以下哪项正确？", "Single", "甲", null, "丙", null, "C"]));

        Assert.Empty(r.Problems);
        var q = r.Questions;
        Assert.Equal(8, q.Count);

        Assert.Equal(QuestionType.Single, q[0].Type);
        Assert.Equal("坐席接听电话时的标准问候语是？", q[0].Name);
        Assert.Equal([new OptionDraft("您好，很高兴为您服务", 1m), new OptionDraft("喂", 0m), new OptionDraft("什么事", 0m), new OptionDraft("说吧", 0m)], q[0].Options);
        Assert.Equal(2m, q[0].DefaultPoints);
        Assert.Equal(1, q[0].Difficulty);
        Assert.Equal("服务规范/通话礼仪", q[0].Category);
        Assert.Equal("先问候。", q[0].Explanation);
        Assert.Equal(["礼仪", "新人"], q[0].Tags);

        Assert.Equal(QuestionType.Multiple, q[1].Type);
        Assert.Equal("投诉识别", q[1].Name);
        Assert.Equal([new OptionDraft("要求赔偿", 0.5m), new OptionDraft("询问网点", -1m), new OptionDraft("威胁曝光", 0.5m)], q[1].Options);
        Assert.Equal(MultipleScoring.AllOrNothing, q[1].MultipleScoring);
        Assert.Equal(3m, q[1].DefaultPoints);
        Assert.Equal(3, q[1].Difficulty);

        Assert.Equal([false, true, true], q.Skip(2).Take(3).Select(x => x.TrueFalseAnswer));
        Assert.All(q.Skip(2).Take(3), x => Assert.Equal(QuestionType.TrueFalse, x.Type));
        Assert.All(q.Skip(2).Take(3), x => Assert.Empty(x.Options));
        Assert.Equal(4, q[2].Difficulty);

        Assert.Equal(QuestionType.FillIn, q[5].Type);
        Assert.Equal(["首次来电解决率", "一次解决率", "首解率"], q[5].AcceptedAnswers);

        Assert.Equal(QuestionType.Short, q[6].Type);
        Assert.Equal("倾听、致歉、解决、跟进", q[6].Rubric);
        Assert.Equal(5, q[6].Difficulty);
        Assert.Equal(5m, q[6].DefaultPoints);

        // Options A and C only: the answer letter names the column, the question keeps the two options.
        Assert.Equal([new OptionDraft("甲", 0m), new OptionDraft("丙", 1m)], q[7].Options);
    }

    [Fact]
    public void Each_bad_row_is_reported_with_its_row_number_and_the_good_rows_are_read()
    {
        var r = Read(Xlsx(
            Header,
            ["单选", null, "甲", "乙", null, null, "A"],
            ["论述", "请论述服务的意义。", null, null, null, null, "无"],
            ["单选", "答案没有选项", "甲", "乙", null, null, "C"],
            ["多选", "多选没有答案", "甲", "乙", "丙", null, null],
            ["单选", "单选两个答案", "甲", "乙", null, null, "AB"],
            ["判断", "分值为零", null, null, null, null, "对", null, 0d],
            ["判断", "分值不是数", null, null, null, null, "对", null, "两分"],
            ["判断", "难度超出", null, null, null, null, "对", null, null, 6d],
            ["判断", "难度不认识", null, null, null, null, "对", null, null, "很难"],
            ["判断", "=HYPERLINK(\"http://example.com\",\"点我\")", null, null, null, null, "对"],
            ["单选", "选项是公式", "+86 138 0000 0000", "@坐席", null, null, "A"],
            ["判断", "判断题答案不对", null, null, null, null, "也许"],
            ["单选", "答案不是字母", "甲", "乙", null, null, "A1"],
            ["单选", "只有一个选项", "甲", null, null, null, "A"],
            ["填空", "填空没有答案", null, null, null, null, " | ；"],
            ["多选", "计分方式不认识", "甲", "乙", null, null, "AB", "随便"],
            [null, null, null, null, null, null, null],
            ["判断", "这一行没有问题。", null, null, null, null, "对"]));

        Assert.Equal(
            [
                (2, "", FormatMessages.NoText, ""),
                (3, "请论述服务的意义。", FormatMessages.UnknownType, "论述"),
                (4, "答案没有选项", FormatMessages.LetterWithoutOption, "C"),
                (5, "多选没有答案", FormatMessages.AnswerEmpty, ""),
                (6, "单选两个答案", FormatMessages.SingleOneLetter, "AB"),
                (7, "分值为零", FormatMessages.Points, "0"),
                (8, "分值不是数", FormatMessages.Points, "两分"),
                (9, "难度超出", FormatMessages.Difficulty, "6"),
                (10, "难度不认识", FormatMessages.Difficulty, "很难"),
                (11, "=HYPERLINK(\"http://example.com", FormatMessages.Formula, "题干 / Question"),
                (12, "选项是公式", FormatMessages.Formula, "选项A / Option A"),
                (12, "选项是公式", FormatMessages.Formula, "选项B / Option B"),
                (13, "判断题答案不对", FormatMessages.NotTrueFalse, "也许"),
                (14, "答案不是字母", FormatMessages.NotALetter, "A1"),
                (15, "只有一个选项", FormatMessages.TooFewOptions, ""),
                (16, "填空没有答案", FormatMessages.AnswerEmpty, ""),
                (17, "计分方式不认识", FormatMessages.Scoring, "随便"),
            ],
            r.Problems.Select(p => (p.Position, p.Name, p.Message, p.Args.FirstOrDefault() ?? "")));
        Assert.Equal("+86 138 0000 0000", r.Problems.Single(p => p.Position == 12 && p.Args[0].StartsWith("选项A", StringComparison.Ordinal)).Args[1]);
        Assert.All(r.Problems, p => Assert.False(p.Unsupported));
        Assert.Equal("这一行没有问题。", Assert.Single(r.Questions).Text);
    }

    [Fact]
    public void Missing_columns_are_named()
    {
        var r = Read(Xlsx(["题型", "选项A", "说明"], ["单选", "甲", "x"]));
        Assert.Equal(
            [(1, FormatMessages.MissingColumn, "题干 / Question"), (1, FormatMessages.MissingColumn, "答案 / Answer")],
            r.Problems.Select(p => (p.Position, p.Message, p.Args[0])));
        Assert.Empty(r.Questions);

        r = Read(Xlsx(["说明：请按模板填写"], ["Type", "Question"], ["单选", "甲"]));
        Assert.Equal((2, FormatMessages.MissingColumn, "答案 / Answer"), r.Problems.Select(p => (p.Position, p.Message, p.Args[0])).Single());
    }

    [Fact]
    public void A_header_without_rows_or_an_empty_workbook_says_so()
    {
        var r = Read(Xlsx(Header));
        Assert.Equal((1, FormatMessages.HeaderOnly), r.Problems.Select(p => (p.Position, p.Message)).Single());

        Assert.Equal(FormatMessages.HeaderOnly, Assert.Single(Read(QuestionSheet.Write([])).Problems).Message);
        Assert.Equal(FormatMessages.EmptyFile, Assert.Single(Read(new MemoryStream()).Problems).Message);
        Assert.Equal(FormatMessages.EmptyFile, Assert.Single(Read(Xlsx([null, ""])).Problems).Message);
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_gives_one_problem_and_no_exception()
    {
        var random = new Random(3);
        var template = QuestionSheet.Template();
        var samples = new List<byte[]>
        {
            Encoding.UTF8.GetBytes("::问候::坐席应使用“您好”开场。{TRUE}"),
            Encoding.UTF8.GetBytes("题型,题干,答案\n单选,甲,A\n"),
            template[..(template.Length / 2)],
            new byte[] { 0x50, 0x4B, 0x03, 0x04 },
        };
        using (var zip = new MemoryStream())
        {
            using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            {
                using var entry = new StreamWriter(archive.CreateEntry("hello.txt").Open());
                entry.Write("不是工作簿");
            }

            samples.Add(zip.ToArray());
        }

        // A real workbook with a broken part: read as far as MiniExcel can, or one problem; never an exception.
        foreach (var part in new[] { "xl/worksheets/sheet1.xml", "xl/workbook.xml", "[Content_Types].xml" })
        {
            using var copy = new MemoryStream();
            copy.Write(template);
            using (var archive = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
            {
                var entry = archive.GetEntry(part) ?? throw new InvalidOperationException(part);
                entry.Delete();
                using var writer = new StreamWriter(archive.CreateEntry(part).Open());
                writer.Write("<x:worksheet><x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>99</x:v>");
            }

            var r = Read(copy.ToArray());
            Assert.True(r.Questions.Count == QuestionSheet.Examples.Count || r.Problems.Single().Message == FormatMessages.NotXlsx, part);
        }

        for (var i = 0; i < 50; i++)
        {
            var bytes = new byte[random.Next(1, 4000)];
            random.NextBytes(bytes);
            samples.Add(bytes);
        }

        foreach (var bytes in samples)
        {
            var r = Read(bytes);
            Assert.Empty(r.Questions);
            Assert.Equal(FormatMessages.NotXlsx, Assert.Single(r.Problems).Message);
        }
    }

    [Fact]
    public void A_written_sheet_reads_back_to_the_same_questions()
    {
        IReadOnlyList<QuestionDraft> drafts =
        [
            new QuestionDraft
            {
                Name = "十个选项：哪个是正确的客服热线？",
                Type = QuestionType.Single,
                Text = "客户问：“你们的热线是多少？”（请选择正确号码）",
                Options = Enumerable.Range(0, 10).Select(i => new OptionDraft("9558" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "（全天）", i == 9 ? 1m : 0m)).ToArray(),
                Explanation = "热线：95589；全年无休。",
                Category = "产品知识/热线",
                Difficulty = 2,
                Tags = ["热线", "新人"],
                DefaultPoints = 2m,
            },
            new QuestionDraft
            {
                Name = "少选得部分分",
                Type = QuestionType.Multiple,
                Text = "哪些属于敏感信息？",
                Options = [new("身份证号", 0.5m), new("营业时间", -1m), new("银行卡密码", 0.5m), new("网点地址", -1m)],
            },
            new QuestionDraft
            {
                Name = "全对得分",
                Type = QuestionType.Multiple,
                Text = "哪些情况要升级？",
                Options = [new("赔偿", 0.3333333m), new("曝光", 0.3333333m), new("咨询", -1m), new("重复来电", 0.3333333m), new("问路", -1m)],
                MultipleScoring = MultipleScoring.AllOrNothing,
            },
            new QuestionDraft
            {
                Name = "对减错",
                Type = QuestionType.Multiple,
                Text = "哪些是服务禁语？",
                Options = [new("不知道", 0.5m), new("您好", -0.3333333m), new("请稍等", -0.3333333m), new("这不归我管", 0.5m), new("谢谢", -0.3333333m)],
                MultipleScoring = MultipleScoring.RightMinusWrong,
            },
            new QuestionDraft
            {
                Name = "+加分题",
                Type = QuestionType.TrueFalse,
                Text = "=1+1 等于 2 吗？",
                TrueFalseAnswer = false,
                Explanation = "-见说明：这是一道“陷阱题”。",
            },
            new QuestionDraft
            {
                Name = "负一",
                Type = QuestionType.FillIn,
                Text = "零减一等于____。",
                AcceptedAnswers = ["-1", "负一", "－1"],
                Category = "a/b/c",
                DefaultPoints = 0.5m,
                Difficulty = 5,
            },
            new QuestionDraft
            {
                Name = "简答",
                Type = QuestionType.Short,
                Text = "请简述你对“首问负责制”的理解。\n（不少于 50 字）",
                Rubric = "@所有人：要点——\n1. 首问即负责；\n2. 不推诿。",
                Tags = ["服务理念"],
                DefaultPoints = 10m,
                Difficulty = 4,
            },
            new QuestionDraft
            {
                Name = "单选也可以写计分方式",
                Type = QuestionType.Single,
                Text = "选哪个？",
                Options = [new("甲", 0m), new("乙", 1m)],
                MultipleScoring = MultipleScoring.AllOrNothing,
            },
        ];

        var r = Read(QuestionSheet.Write(drafts));

        Assert.Empty(r.Problems);
        AssertSameQuestions(drafts, r.Questions);
    }

    [Fact]
    public void Questions_from_Moodle_keep_what_the_sheet_can_hold()
    {
        // Option feedback and the fractions of single-choice options that are not right cannot be written.
        var moodle = Checked(GiftFormat.Read(File.ReadAllText(SharedMoodle("questions.gift.txt")))).Questions;
        var r = Read(QuestionSheet.Write(moodle));

        Assert.Empty(r.Problems);
        Assert.Equal(moodle.Select(q => (q.Name, q.Type, q.Text)), r.Questions.Select(q => (q.Name, q.Type, q.Text)));
        Assert.Equal(moodle.Select(q => q.Options.Select(o => o.Text).ToArray()), r.Questions.Select(q => q.Options.Select(o => o.Text).ToArray()));
        Assert.Equal(moodle.Select(q => string.Join("|", q.Options.Select(o => o.Fraction > 0))), r.Questions.Select(q => string.Join("|", q.Options.Select(o => o.Fraction > 0))));
        Assert.All(r.Questions.SelectMany(q => q.Options), o => Assert.Null(o.Feedback));
    }
}
