using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.Assessments.Formats;

namespace AgentPath.Tests.Assessments.Formats;

/// <summary>Paths of the test files, and checks every question-format test makes.</summary>
internal static partial class FormatFixtures
{
    /// <summary>The folder holding AgentPath.slnx.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AgentPath.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("AgentPath.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A file of Moodle's own test suite, copied into tests/AgentPath.Tests/Fixtures/moodle (origin in its README).</summary>
    public static string SharedMoodle(string name) => Local(Path.Combine("moodle", name));

    /// <summary>A test data file of this project (tests/AgentPath.Tests/Fixtures).</summary>
    public static string Local(string relative) => Path.Combine(RepoRoot(), "tests", "AgentPath.Tests", "Fixtures", relative);

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();

    /// <summary>Every problem has a known message whose placeholders its arguments fill exactly.</summary>
    public static ImportResult Checked(ImportResult result)
    {
        foreach (var p in result.Problems)
        {
            Assert.Contains(p.Message, FormatMessages.All);
            var used = Placeholder().Matches(p.Message).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().Count();
            Assert.True(used == p.Args.Count, $"\"{p.Message}\" takes {used} arguments, not {p.Args.Count}");
            _ = string.Format(CultureInfo.InvariantCulture, p.Message, p.Args.Cast<object>().ToArray());
            Assert.False(p.Unsupported && p.Message != FormatMessages.Unsupported);
        }

        return result;
    }

    /// <summary>Problems that are neither notices nor unsupported questions.</summary>
    public static List<ImportProblem> Errors(ImportResult result) =>
        result.Problems.Where(p => !p.Unsupported && !FormatMessages.IsNotice(p)).ToList();

    /// <summary>Every field of a question, lists and decimals included, as text: records compare lists by reference.</summary>
    public static string Describe(QuestionDraft d)
    {
        static string N(decimal v) => (v / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        sb.Append("Name=").Append(d.Name).Append("\nType=").Append(d.Type).Append("\nText=").Append(d.Text);
        foreach (var o in d.Options)
        {
            sb.Append("\nOption=").Append(o.Text).Append(" | ").Append(N(o.Fraction)).Append(" | ").Append(o.Feedback ?? "(null)");
        }

        sb.Append("\nAccepted=").AppendJoin(" | ", d.AcceptedAnswers);
        sb.Append("\nTrueFalse=").Append(d.TrueFalseAnswer?.ToString() ?? "(null)");
        sb.Append("\nExplanation=").Append(d.Explanation ?? "(null)");
        sb.Append("\nRubric=").Append(d.Rubric ?? "(null)");
        sb.Append("\nCategory=").Append(d.Category ?? "(null)");
        sb.Append("\nDifficulty=").Append(d.Difficulty);
        sb.Append("\nTags=").AppendJoin(" | ", d.Tags);
        sb.Append("\nPoints=").Append(N(d.DefaultPoints));
        sb.Append("\nScoring=").Append(d.MultipleScoring);
        return sb.ToString();
    }

    public static void AssertSameQuestions(IReadOnlyList<QuestionDraft> expected, IReadOnlyList<QuestionDraft> actual)
    {
        Assert.Equal(expected.Select(q => q.Name), actual.Select(q => q.Name));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(Describe(expected[i]), Describe(actual[i]));
        }
    }

    /// <summary>Questions of every type and field, with Chinese text, full-width punctuation and every character GIFT and XML treat specially.</summary>
    public static IReadOnlyList<QuestionDraft> Rich { get; } =
    [
        new QuestionDraft
        {
            Name = "身份核实：开场（第 1 题）",
            Type = QuestionType.Single,
            Text = "客户说：“我要查余额！”——坐席第一步应该做什么？（单选）",
            Options =
            [
                new OptionDraft("核实身份（姓名＋证件号后四位）", 1m, "正确：先核实，后服务。"),
                new OptionDraft("直接报余额", 0m, "错误：有泄露风险～"),
                new OptionDraft("转人工#2", 0m),
            ],
            Explanation = "参见《服务规范》第 3.2 条：先核实，后服务。",
            Category = "服务规范/身份核实",
            Difficulty = 2,
            Tags = ["合规", "新人"],
            DefaultPoints = 2.5m,
        },
        new QuestionDraft
        {
            Name = "敏感信息",
            Type = QuestionType.Multiple,
            Text = "<p>以下哪些属于<b>敏感信息</b>？</p>",
            Options =
            [
                new OptionDraft("身份证号", 0.5m, "对"),
                new OptionDraft("银行卡密码", 0.5m),
                new OptionDraft("客服工号", -1m, "工号可以告知客户"),
                new OptionDraft("营业时间", -1m),
            ],
            Explanation = "<p>密码<strong>永远</strong>不能询问。</p>",
            Category = "服务规范/信息安全",
            Difficulty = 4,
            MultipleScoring = MultipleScoring.RightMinusWrong,
        },
        new QuestionDraft
        {
            Name = "Q::1: 符号 {测试}",
            Type = QuestionType.Multiple,
            Text = "哪些写法会被当作普通文字？ ~ = # { } : \\ 与 \\n",
            Options =
            [
                new OptionDraft("a ~ b", 0.3333333m),
                new OptionDraft("x = y # z", 0.3333333m, "井号 # 与 ####"),
                new OptionDraft("{花括号} 与 冒号: 和 ：", 0.3333333m),
                new OptionDraft("[plain]不是格式标记", 0m),
                new OptionDraft("%5 折扣", 0m),
            ],
            MultipleScoring = MultipleScoring.AllOrNothing,
            Category = "服务规范/信息安全",
        },
        new QuestionDraft
        {
            Name = "改密码",
            Type = QuestionType.TrueFalse,
            Text = "[注意] 客户可以在电话里直接修改密码。",
            TrueFalseAnswer = false,
            Explanation = "第一行\n第二行：须到柜台或 App 办理。",
            Difficulty = 1,
        },
        new QuestionDraft
        {
            Name = "结束语",
            Type = QuestionType.TrueFalse,
            Text = "通话结束前，应主动询问客户是否还有其他问题。",
            TrueFalseAnswer = true,
            Category = "服务规范/通话礼仪",
            Tags = ["礼仪"],
        },
        new QuestionDraft
        {
            Name = "指标缩写",
            Type = QuestionType.FillIn,
            Text = "首次来电解决率的英文缩写是____。",
            AcceptedAnswers = ["FCR", "First Call Resolution", "首次来电解决率", "%5 折扣", "T"],
            Explanation = "FCR：First Call Resolution。",
            Category = "运营指标",
            DefaultPoints = 1.5m,
        },
        new QuestionDraft
        {
            Name = "情绪安抚",
            Type = QuestionType.Short,
            Text = "-5 分钟内，客户情绪激动并威胁投诉时，请简述安抚步骤。",
            Rubric = "1. 倾听；\n2. 致歉；\n3. 方案 ]]> [x] \\ 结束",
            Category = "投诉处理",
            Difficulty = 5,
            Tags = ["投诉", "情绪, 安抚"],
            DefaultPoints = 10m,
        },
        new QuestionDraft
        {
            Name = "开放题",
            Type = QuestionType.Short,
            Text = "=你如何理解“以客户为中心”？",
            Explanation = "无标准答案。",
        },
    ];
}
