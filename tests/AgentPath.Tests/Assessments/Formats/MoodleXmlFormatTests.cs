using System.Text;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.Assessments.Formats;
using static AgentPath.Tests.Assessments.Formats.FormatFixtures;

namespace AgentPath.Tests.Assessments.Formats;

public class MoodleXmlFormatTests
{
    private static ImportResult Read(string xml) => Checked(MoodleXmlFormat.Read(xml));

    private static ImportResult ReadFile(string name)
    {
        using var file = File.OpenRead(Local("moodle-xml/" + name));
        return Checked(MoodleXmlFormat.Read(file));
    }

    private static string Quiz(string questions) => "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n" + questions + "\n</quiz>\n";

    [Fact]
    public void A_Moodle_export_imports_every_supported_question()
    {
        var r = ReadFile("questions.xml");

        Assert.Equal(["核实身份（单选）", "敏感信息（多选）", "主动升级", "指标缩写", "情绪安抚", "旧文件"], r.Questions.Select(q => q.Name));

        var single = r.Questions[0];
        Assert.Equal(QuestionType.Single, single.Type);
        Assert.Equal("<p>客户来电要求查询余额，坐席<b>首先</b>应该做什么？ <img src=\"@@PLUGINFILE@@/logo.png\" alt=\"logo\" /></p>", single.Text);
        Assert.Equal(
            [new OptionDraft("<p>直接告知余额</p>", 0m, "<p>有泄露风险。</p>"), new OptionDraft("<p>核实客户身份（姓名＋证件号后四位）</p>", 1m, "<p>正确！</p>"), new OptionDraft("转接主管", 0m)],
            single.Options);
        Assert.Equal("<p>先核实，后服务。</p>", single.Explanation);
        Assert.Equal(2m, single.DefaultPoints);
        Assert.Equal(["合规", "新人必考"], single.Tags);
        Assert.Equal("服务规范/身份核实", single.Category);
        Assert.Equal(3, single.Difficulty);

        var multiple = r.Questions[1];
        Assert.Equal(QuestionType.Multiple, multiple.Type);
        Assert.Equal(
            [new OptionDraft("身份证号", 0.3333333m), new OptionDraft("银行卡密码", 0.3333333m), new OptionDraft("手机验证码", 0.3333333m), new OptionDraft("营业时间", -1m, "营业时间可以公开。")],
            multiple.Options);
        Assert.Null(multiple.Explanation);
        Assert.Equal(3m, multiple.DefaultPoints);
        Assert.Equal("服务规范/身份核实", multiple.Category);

        var tf = r.Questions[2];
        Assert.Equal(QuestionType.TrueFalse, tf.Type);
        Assert.True(tf.TrueFalseAnswer);
        Assert.Equal("<p>客户第二次就同一问题来电时，应升级为投诉工单。</p>", tf.Text);
        Assert.Equal("见《投诉处理办法》第五条。", tf.Explanation);
        Assert.Equal("投诉处理", tf.Category);

        var fillIn = r.Questions[3];
        Assert.Equal(QuestionType.FillIn, fillIn.Type);
        Assert.Equal(["FCR", "First Call Resolution"], fillIn.AcceptedAnswers);
        Assert.Equal(1.5m, fillIn.DefaultPoints);
        Assert.Equal(["运营指标"], fillIn.Tags);

        var essay = r.Questions[4];
        Assert.Equal(QuestionType.Short, essay.Type);
        Assert.Equal("<p>倾听、致歉、给出方案和时限、跟进。</p>", essay.Rubric);
        Assert.Equal(5m, essay.DefaultPoints);

        // An old export: the answers are not named true and false, and the category is not in a text element.
        var old = r.Questions[5];
        Assert.False(old.TrueFalseAnswer);
        Assert.Equal("旧格式／分类", old.Category);

        Assert.Equal(
            [(6, "业务配对", "matching"), (7, "服务时长", "numerical"), (8, "完形填空", "cloze"), (9, "计算题", "calculated"), (10, "拖放题", "ddwtos"), (11, "说明", "description")],
            r.Problems.Where(p => p.Unsupported).Select(p => (p.Position, p.Name, p.Args[0])));
        Assert.Empty(Errors(r));
        Assert.Equal(
            [
                (1, FormatMessages.FilesLeftOut, "logo.png"),
                (3, FormatMessages.AnswerFeedbackLeftOut, ""),
                (4, FormatMessages.PartialAnswersLeftOut, "FCRR (50%)"),
                (4, FormatMessages.AnswerFeedbackLeftOut, ""),
            ],
            r.Problems.Where(FormatMessages.IsNotice).Select(p => (p.Position, p.Message, p.Args.FirstOrDefault() ?? "")));
    }

    [Fact]
    public void Malformed_XML_gives_one_clear_problem()
    {
        var r = ReadFile("malformed.xml");
        Assert.Empty(r.Questions);
        var p = Assert.Single(r.Problems);
        Assert.Equal(FormatMessages.NotXml, p.Message);
        Assert.Equal("13", p.Args[0]);
        Assert.Equal(0, p.Position);
    }

    [Theory]
    [InlineData("", FormatMessages.EmptyFile)]
    [InlineData("  \n ", FormatMessages.EmptyFile)]
    [InlineData("not xml at all", FormatMessages.NotXml)]
    [InlineData("<quiz><question type=\"truefalse\">", FormatMessages.NotXml)]
    [InlineData("<?xml version=\"1.0\"?><html><body/></html>", FormatMessages.NotMoodleXml)]
    [InlineData("<quiz></quiz>", FormatMessages.NoQuestions)]
    [InlineData("<quiz><question type=\"category\"><category><text>$course$/top/A</text></category></question></quiz>", FormatMessages.NoQuestions)]
    public void A_file_that_is_not_a_question_file_says_why(string xml, string message)
    {
        var r = Read(xml);
        Assert.Empty(r.Questions);
        Assert.Equal(message, Assert.Single(r.Problems).Message);
    }

    [Fact]
    public void A_DTD_is_refused_without_expanding_entities()
    {
        const string laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE quiz [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
            <quiz><question type="essay"><name><text>&c;</text></name><questiontext><text>x</text></questiontext></question></quiz>
            """;
        Assert.Equal(FormatMessages.DtdNotAllowed, Assert.Single(Read(laughs).Problems).Message);
        Assert.Equal(FormatMessages.DtdNotAllowed, Assert.Single(MoodleXmlFormat.Read(new MemoryStream(Encoding.UTF8.GetBytes(laughs))).Problems).Message);
    }

    [Theory]
    [InlineData("<question><name><text>坏</text></name><questiontext><text>x</text></questiontext></question>", FormatMessages.NoType, "")]
    [InlineData("<question type=\"essay\"><name><text>坏</text></name><questiontext><text> </text></questiontext></question>", FormatMessages.NoText, "")]
    [InlineData("<question type=\"essay\"><name><text>坏</text></name><questiontext><text>x</text></questiontext><defaultgrade>0</defaultgrade></question>", FormatMessages.Points, "0")]
    [InlineData("<question type=\"essay\"><name><text>坏</text></name><questiontext><text>x</text></questiontext><difficulty>难上加难</difficulty></question>", FormatMessages.Difficulty, "难上加难")]
    [InlineData("<question type=\"truefalse\"><name><text>坏</text></name><questiontext><text>x</text></questiontext><answer fraction=\"100\"><text>true</text></answer><answer fraction=\"100\"><text>false</text></answer></question>", FormatMessages.TrueFalseKey, "")]
    [InlineData("<question type=\"multichoice\"><name><text>坏</text></name><questiontext><text>x</text></questiontext><answer fraction=\"abc\"><text>甲</text></answer><answer fraction=\"100\"><text>乙</text></answer></question>", FormatMessages.BadFraction, "abc")]
    [InlineData("<question type=\"multichoice\"><name><text>坏</text></name><questiontext><text>x</text></questiontext><single>true</single><answer fraction=\"100\"><text>甲</text></answer><answer fraction=\"100\"><text>乙</text></answer></question>", FormatMessages.SingleManyRight, "2")]
    [InlineData("<question type=\"multichoice\"><name><text>坏</text></name><questiontext><text>x</text></questiontext><single>false</single><answer fraction=\"50\"><text>甲</text></answer><answer fraction=\"0\"><text>乙</text></answer></question>", FormatMessages.MultipleSum, "50")]
    [InlineData("<question type=\"multichoice\"><name><text>坏</text></name><questiontext><text>x</text></questiontext><answer fraction=\"100\"><text>甲</text></answer></question>", FormatMessages.TooFewOptions, "")]
    [InlineData("<question type=\"shortanswer\"><name><text>坏</text></name><questiontext><text>x</text></questiontext><answer fraction=\"100\"><text>颜*色</text></answer></question>", FormatMessages.Wildcard, "颜*色")]
    [InlineData("<question type=\"shortanswer\"><name><text>坏</text></name><questiontext><text>x</text></questiontext><answer fraction=\"90\"><text>甲</text></answer></question>", FormatMessages.NoAcceptedAnswer, "")]
    public void A_broken_question_is_reported_and_the_next_one_still_read(string broken, string message, string arg)
    {
        var r = Read(Quiz(broken + "<question type=\"truefalse\"><name><text>好</text></name><questiontext><text>对吗？</text></questiontext>"
                                  + "<answer fraction=\"100\"><text>true</text></answer><answer fraction=\"0\"><text>false</text></answer></question>"));

        var p = Assert.Single(r.Problems, p => p.Message == message);
        Assert.Equal(1, p.Position);
        Assert.Equal("坏", p.Name);
        Assert.Equal(arg, p.Args.FirstOrDefault() ?? "");
        Assert.Equal("好", Assert.Single(r.Questions).Name);
    }

    [Fact]
    public void Garbage_never_throws()
    {
        var random = new Random(7);
        var pieces = new[] { "<quiz>", "</quiz>", "<question type=\"multichoice\">", "<question type=\"truefalse\">", "<question type=\"shortanswer\">", "</question>", "<answer fraction=\"100\">", "<answer fraction=\"-x\">", "</answer>", "<text>", "</text>", "甲", "&amp;", "<![CDATA[<b>]]>", "<single>false</single>", "<defaultgrade>-1</defaultgrade>" };
        for (var i = 0; i < 500; i++)
        {
            var xml = string.Concat(Enumerable.Range(0, random.Next(1, 30)).Select(_ => pieces[random.Next(pieces.Length)]));
            Checked(MoodleXmlFormat.Read(xml));
            var bytes = new byte[random.Next(1, 200)];
            random.NextBytes(bytes);
            Checked(MoodleXmlFormat.Read(new MemoryStream(bytes)));
        }
    }

    [Fact]
    public void A_file_declared_as_GBK_keeps_its_Chinese()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var xml = "<?xml version=\"1.0\" encoding=\"GBK\"?><quiz><question type=\"essay\"><name><text>问候</text></name><questiontext><text>请用“您好”开场：为什么？</text></questiontext></question></quiz>";
        var r = Checked(MoodleXmlFormat.Read(new MemoryStream(Encoding.GetEncoding("GBK").GetBytes(xml))));
        Assert.Equal("请用“您好”开场：为什么？", Assert.Single(r.Questions).Text);
    }

    [Fact]
    public void Written_Moodle_XML_reads_back_to_the_same_questions()
    {
        var xml = MoodleXmlFormat.Write(Rich);
        var r = Read(xml);

        Assert.Empty(r.Problems);
        AssertSameQuestions(Rich, r.Questions);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", xml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<text>$course$/top/服务规范/身份核实</text>", xml, StringComparison.Ordinal);
        Assert.Contains("<question type=\"multichoice\">", xml, StringComparison.Ordinal);
        Assert.Contains("<answer fraction=\"33.33333\" format=\"plain_text\">", xml, StringComparison.Ordinal);
        Assert.Contains("<questiontext format=\"html\">", xml, StringComparison.Ordinal);
        Assert.Contains("<graderinfo format=\"plain_text\">", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Characters_XML_cannot_hold_are_dropped_when_writing()
    {
        var draft = new QuestionDraft { Name = "控制字符", Type = QuestionType.TrueFalse, Text = "响铃\u0007符与𠮷字", TrueFalseAnswer = true };
        var r = Read(MoodleXmlFormat.Write([draft]));
        Assert.Equal("响铃符与𠮷字", Assert.Single(r.Questions).Text);
    }
}
