using System.Text;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.Assessments.Formats;
using static AgentPath.Tests.Assessments.Formats.FormatFixtures;

namespace AgentPath.Tests.Assessments.Formats;

public class GiftFormatTests
{
    private static ImportResult Read(string gift) => Checked(GiftFormat.Read(gift));

    private static QuestionDraft Q(ImportResult r, string name) => Assert.Single(r.Questions, q => q.Name == name);

    [Fact]
    public void Moodles_own_test_file_imports_every_supported_question()
    {
        using var file = File.OpenRead(SharedMoodle("questions.gift.txt"));
        var r = Checked(GiftFormat.Read(file));

        Assert.Equal(["Q8", "Q2", "colours", "Shortanswer", "Q1", "2-08 TSL", "2-08 TSL"], r.Questions.Select(q => q.Name));
        Assert.All(r.Questions, q => Assert.Null(q.Category));

        var essay = Q(r, "Q8");
        Assert.Equal(QuestionType.Short, essay.Type);
        Assert.Equal("How are you?", essay.Text);

        var single = Q(r, "Q2");
        Assert.Equal(QuestionType.Single, single.Type);
        Assert.Equal("What's between orange and green in the spectrum?", single.Text);
        Assert.Equal(
            [new OptionDraft("yellow", 1m, "right; good!"), new OptionDraft("red", 0m, "wrong, it's yellow"), new OptionDraft("blue", 0m, "wrong, it's yellow")],
            single.Options);

        var multiple = Q(r, "colours");
        Assert.Equal(QuestionType.Multiple, multiple.Type);
        Assert.Equal(
            [new OptionDraft("yellow", 0.5m, "right; good!"), new OptionDraft("red", -1m, "wrong"), new OptionDraft("off-beige", 0.5m, "right; good!"), new OptionDraft("blue", -1m, "wrong")],
            multiple.Options);
        Assert.Equal(MultipleScoring.Partial, multiple.MultipleScoring);

        var fillIn = Q(r, "Shortanswer");
        Assert.Equal(QuestionType.FillIn, fillIn.Type);
        Assert.Equal("Which is the best animal?", fillIn.Text);
        Assert.Equal(["Frog"], fillIn.AcceptedAnswers);

        var tf = Q(r, "Q1");
        Assert.Equal(QuestionType.TrueFalse, tf.Type);
        Assert.Equal("42 is the Absolute Answer to everything.", tf.Text);
        Assert.False(tf.TrueFalseAnswer);
        Assert.Equal("This is, of course, a Hitchiker's Guide to the Galaxy reference.", tf.Explanation);

        Assert.All(r.Questions.Where(q => q.Name == "2-08 TSL"), q =>
        {
            Assert.Equal(QuestionType.TrueFalse, q.Type);
            Assert.Equal("TSL is blablabla.", q.Text);
            Assert.True(q.TrueFalseAnswer);
            Assert.Null(q.Explanation);
        });

        // The matching and numerical questions, by position and name; the rest are notices of what was left out.
        Assert.Equal(
            [(2, "Moodle activities", "matching"), (5, "Q5", "numerical")],
            r.Problems.Where(p => p.Unsupported).Select(p => (p.Position, p.Name, p.Args[0])));
        Assert.Empty(Errors(r));
        Assert.Equal(
            [
                (6, "Shortanswer", FormatMessages.PartialAnswersLeftOut, "Cat (50%), * (0%)"),
                (6, "Shortanswer", FormatMessages.AnswerFeedbackLeftOut, ""),
                (7, "Q1", FormatMessages.TailLeftOut, "\";"),
                (7, "Q1", FormatMessages.AnswerFeedbackLeftOut, ""),
            ],
            r.Problems.Where(FormatMessages.IsNotice).Select(p => (p.Position, p.Name, p.Message, p.Args.FirstOrDefault() ?? "")));
    }

    [Fact]
    public void Categories_names_formats_escapes_comments_and_tags_are_read()
    {
        var r = Read("""
            // 第一部分：服务规范
            $CATEGORY: $course$/top/服务规范/身份核实

            // [tag:合规] [tag:新人]
            ::开场白\: 第一句::[html]<p>客户来电，坐席的<b>第一句话</b>是？</p>{
                =您好，很高兴为您服务！#正确
                // 这一行是注释
                ~喂？# [html]不礼貌
                ~[plain]请讲\~ # 太随意
                ####[markdown]先问候，**再**服务。
            }

            客户说\{投诉\}时，应当先安抚情绪。{T}

            $CATEGORY: 投诉处理
            ::符号::等号\=、井号\#、冒号\:、反斜杠\\、制表	与换行\n第二行{=是 =对}
            """);

        Assert.Empty(r.Problems);
        var first = r.Questions[0];
        Assert.Equal("开场白: 第一句", first.Name);
        Assert.Equal(QuestionType.Single, first.Type);
        Assert.Equal("<p>客户来电，坐席的<b>第一句话</b>是？</p>", first.Text);
        Assert.Equal([new OptionDraft("您好，很高兴为您服务！", 1m, "正确"), new OptionDraft("喂？", 0m, "不礼貌"), new OptionDraft("请讲~", 0m, "太随意")], first.Options);
        Assert.Equal("先问候，**再**服务。", first.Explanation);
        Assert.Equal(["合规", "新人"], first.Tags);
        Assert.Equal("服务规范/身份核实", first.Category);

        var second = r.Questions[1];
        Assert.Equal("客户说{投诉}时，应当先安抚情绪。", second.Name);
        Assert.Equal("客户说{投诉}时，应当先安抚情绪。", second.Text);
        Assert.True(second.TrueFalseAnswer);
        Assert.Equal("服务规范/身份核实", second.Category);
        Assert.Empty(second.Tags);

        var third = r.Questions[2];
        Assert.Equal("投诉处理", third.Category);
        Assert.Equal(QuestionType.FillIn, third.Type);
        Assert.Equal("等号=、井号#、冒号:、反斜杠\\、制表\t与换行\n第二行", third.Text);
        Assert.Equal(["是", "对"], third.AcceptedAnswers);
    }

    [Fact]
    public void An_unnamed_question_is_named_after_its_first_30_characters()
    {
        var r = Read("[html]<p>客户来电称<b>信用卡</b>被盗刷，坐席应当立即做的第一件事情是什么呢？请选择</p>{=冻结卡片 ~改地址}");
        Assert.Equal("客户来电称 信用卡 被盗刷，坐席应当立即做的第一件事情是什么", r.Questions[0].Name);
        Assert.Equal(30, new System.Globalization.StringInfo(r.Questions[0].Name).LengthInTextElements);
    }

    [Fact]
    public void Weights_give_fractions_true_false_forms_and_essays_are_read()
    {
        var r = Read("""
            ::多选::哪些是必问项？{~%33.33333%姓名 ~%33.33333%证件号 ~%33.33333%来电事由 ~%-50%星座 ~爱好}

            ::判断1::{TRUE}前面没有文字。

            ::判断2::客服可以透露其他客户的信息。{F#错，这是泄密。#对，不能透露。}

            ::判断3::题干。{FALSE}

            ::判断4::题干。{T####总体解析}

            ::简答::请描述投诉处理流程。{####要点：倾听、致歉、解决、跟进。}
            """);

        var multiple = Q(r, "多选");
        Assert.Equal([0.3333333m, 0.3333333m, 0.3333333m, -0.5m, 0m], multiple.Options.Select(o => o.Fraction));
        Assert.Equal(QuestionType.Multiple, multiple.Type);

        // "{TRUE}" followed by text is a missing-word question, which is not supported.
        Assert.Contains(r.Problems, p => p.Unsupported && p.Name == "判断1" && p.Args[0] == "missing word");
        Assert.False(Q(r, "判断2").TrueFalseAnswer);
        Assert.Contains(r.Problems, p => p.Name == "判断2" && p.Message == FormatMessages.AnswerFeedbackLeftOut);
        Assert.False(Q(r, "判断3").TrueFalseAnswer);
        Assert.True(Q(r, "判断4").TrueFalseAnswer);
        Assert.Equal("总体解析", Q(r, "判断4").Explanation);
        var essay = Q(r, "简答");
        Assert.Equal(QuestionType.Short, essay.Type);
        Assert.Equal("要点：倾听、致歉、解决、跟进。", essay.Explanation);
        Assert.Empty(Errors(r));
    }

    [Fact]
    public void Unsupported_questions_are_named_with_their_position_and_the_rest_is_read()
    {
        var r = Read("""
            ::配对::把城市和区号配对。{=北京 -> 010 =上海 -> 021 =广州 -> 020}

            ::数字::一年有几个月？{#12:0}

            ::缺词::满意度调查通常在 {=通话结束后 ~通话开始前} 进行。

            ::说明::以下各题考查投诉处理流程。

            ::嵌入::第一空 {=甲 ~乙} 第二空 {=丙 ~丁}

            ::正常::客服热线是 7×24 小时服务吗？{TRUE}
            """);

        Assert.Equal(
            [(1, "配对", "matching"), (2, "数字", "numerical"), (3, "缺词", "missing word"), (4, "说明", "description"), (5, "嵌入", "missing word")],
            r.Problems.Select(p => (p.Position, p.Name, p.Args[0])));
        Assert.All(r.Problems, p => Assert.True(p.Unsupported));
        Assert.Equal("正常", Assert.Single(r.Questions).Name);
    }

    [Theory]
    [InlineData("::坏::文本{=甲 ~乙", FormatMessages.BraceMissing, "")]
    [InlineData("::坏::文本}=甲 ~乙{", FormatMessages.BraceMissing, "")]
    [InlineData("::坏::两个正确答案{=甲 =乙 ~丙}", FormatMessages.SingleManyRight, "2")]
    [InlineData("::坏::比例不对{~%50%甲 ~%30%乙 ~丙}", FormatMessages.MultipleSum, "80")]
    [InlineData("::坏::没有正确答案{~甲 ~乙}", FormatMessages.NoRightOption, "")]
    [InlineData("::坏::超出范围{~%150%甲 ~%-50%乙}", FormatMessages.FractionRange, "A")]
    [InlineData("::坏::只有一个选项{~%100%唯一}", FormatMessages.TooFewOptions, "")]
    [InlineData("::坏::空选项{=甲 ~ ~乙}", FormatMessages.OptionEmpty, "B")]
    [InlineData("::坏::只有半分{=%50%猫}", FormatMessages.NoAcceptedAnswer, "")]
    [InlineData("::坏::通配符{=颜*色}", FormatMessages.Wildcard, "颜*色")]
    [InlineData("// [points:abc]\n::坏::分值{T}", FormatMessages.Points, "abc")]
    [InlineData("// [difficulty:9]\n::坏::难度{T}", FormatMessages.Difficulty, "9")]
    [InlineData("// [scoring:随便]\n::坏::计分{T}", FormatMessages.Scoring, "随便")]
    [InlineData("::坏::{T}", FormatMessages.NoText, "")]
    public void A_broken_question_is_reported_and_the_next_one_still_read(string broken, string message, string arg)
    {
        var r = Read(broken + "\n\n::好::客服热线是 7×24 小时服务吗？{TRUE}\n");

        var p = Assert.Single(r.Problems, p => p.Message == message);
        Assert.Equal(1, p.Position);
        Assert.Equal("坏", p.Name);
        Assert.False(p.Unsupported);
        Assert.Equal(arg, p.Args.FirstOrDefault() ?? "");
        Assert.Equal("好", Assert.Single(r.Questions).Name);
    }

    [Fact]
    public void Empty_and_comment_only_files_say_so()
    {
        Assert.Equal(FormatMessages.EmptyFile, Assert.Single(Read(" \n\r\n").Problems).Message);
        Assert.Equal(FormatMessages.NoQuestions, Assert.Single(Read("// 只有注释\n\n$CATEGORY: 空分类\n").Problems).Message);
    }

    [Fact]
    public void Garbage_never_throws()
    {
        string[] samples = ["{", "}", "{}{}{}", "}{", "::", "::::", "\\", "\\\\\\", "~~~", "{~}", "{=}", "{#}", "{####}", "{~%%}", "{~%-%a}", "$CATEGORY:", "::a::{~%99999999999999999999999%x ~y}", "[html", "[html]"];
        foreach (var s in samples)
        {
            Checked(GiftFormat.Read(s));
        }

        var random = new Random(42);
        for (var i = 0; i < 500; i++)
        {
            const string alphabet = "{}~=#:\\%-> \n/[]TF汉0";
            var chars = Enumerable.Range(0, random.Next(1, 60)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray();
            Checked(GiftFormat.Read(new string(chars)));
            var bytes = new byte[random.Next(1, 200)];
            random.NextBytes(bytes);
            Checked(GiftFormat.Read(new MemoryStream(bytes)));
        }
    }

    [Fact]
    public void A_file_saved_as_GBK_or_with_a_BOM_keeps_its_Chinese()
    {
        const string gift = "::问候::坐席应使用“您好”开场。{TRUE}";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GB18030").GetBytes(gift);
        Assert.Equal("坐席应使用“您好”开场。", Assert.Single(GiftFormat.Read(new MemoryStream(gbk)).Questions).Text);
        var bom = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(gift)).ToArray();
        Assert.Equal("问候", Assert.Single(GiftFormat.Read(new MemoryStream(bom)).Questions).Name);
    }

    [Fact]
    public void Written_GIFT_reads_back_to_the_same_questions()
    {
        var gift = GiftFormat.Write(Rich);
        var r = Read(gift);

        Assert.Empty(r.Problems);
        AssertSameQuestions(Rich, r.Questions);
        Assert.Contains("$CATEGORY: $course$/top/服务规范/身份核实\n", gift, StringComparison.Ordinal);
        Assert.Contains("$CATEGORY: $course$/top\n", gift, StringComparison.Ordinal);
        Assert.Contains("// [tag:合规] [tag:新人] [points:2.5] [difficulty:2]\n", gift, StringComparison.Ordinal);
    }

    [Fact]
    public void Written_GIFT_uses_Moodles_notation()
    {
        var gift = GiftFormat.Write([Rich[0], Rich[3]]);
        Assert.Equal(
            """
            $CATEGORY: $course$/top/服务规范/身份核实

            // [tag:合规] [tag:新人] [points:2.5] [difficulty:2]
            ::身份核实：开场（第 1 题）::客户说：“我要查余额！”——坐席第一步应该做什么？（单选）{
            	=核实身份（姓名＋证件号后四位）#正确：先核实，后服务。
            	~直接报余额#错误：有泄露风险～
            	~转人工\#2
            	####参见《服务规范》第 3.2 条：先核实，后服务。
            }

            $CATEGORY: $course$/top

            // [difficulty:1]
            ::改密码::[注意] 客户可以在电话里直接修改密码。{FALSE####第一行\n第二行：须到柜台或 App 办理。}


            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            gift);
    }
}
