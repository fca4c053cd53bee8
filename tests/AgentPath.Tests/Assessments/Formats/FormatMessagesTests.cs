using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.Assessments.Formats;
using AgentPath.Web.Infrastructure.Localization;
using static AgentPath.Tests.Assessments.Formats.FormatFixtures;

namespace AgentPath.Tests.Assessments.Formats;

/// <summary>The import messages have their Chinese in Resources/zh-CN.assessments-formats.json.</summary>
public partial class FormatMessagesTests
{
    private static string Resources => Path.Combine(RepoRoot(), "src", "AgentPath.Web", "Resources");

    private static Dictionary<string, string> Load(string file) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(Resources, file)))!;

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [Fact]
    public void Every_message_has_its_Chinese_and_the_features_file_repeats_no_key()
    {
        // A message the question bank shares (its QuestionRules say "The question has no text." too) may live in
        // either feature's file, but in one only: the app refuses a key defined twice.
        var mine = Load("zh-CN.assessments-formats.json");
        Assert.All(mine.Keys, k => Assert.Contains(k, FormatMessages.All));
        var main = Load("zh-CN.json");
        Assert.DoesNotContain(mine.Keys, main.ContainsKey);

        var merged = JsonStringLocalizerFactory.LoadAll(Resources, "zh-CN");
        foreach (var key in FormatMessages.All)
        {
            Assert.True(merged.TryGetValue(key, out var zh), "No Chinese for: " + key);
            Assert.Equal(Placeholder().Matches(key).Select(m => m.Value).Order(StringComparer.Ordinal), Placeholder().Matches(zh).Select(m => m.Value).Order(StringComparer.Ordinal));
            var args = Enumerable.Range(0, 3).Select(i => (object)("x" + i.ToString(CultureInfo.InvariantCulture))).ToArray();
            _ = string.Format(CultureInfo.InvariantCulture, key, args);
            _ = string.Format(CultureInfo.InvariantCulture, zh, args);
            Assert.Contains(zh, c => c is >= '\u4e00' and <= '\u9fff');
        }
    }

    [Fact]
    public void A_problem_reads_in_Chinese_through_the_apps_localizer()
    {
        var l = new JsonStringLocalizer(JsonStringLocalizerFactory.LoadAll(Resources, "zh-CN"), JsonStringLocalizerFactory.LoadAll(Resources, "en"));
        var problem = GiftFormat.Read("::配对::把城市和区号配对。{=北京 -> 010 =上海 -> 021}").Problems.Single();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            Assert.Equal("不支持题型“matching”，请跳过该题或从文件中删除。", l[problem.Message, problem.Args.Cast<object>().ToArray()].Value);
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal("Question type \"matching\" is not supported; skip it or remove it from the file.", l[problem.Message, problem.Args.Cast<object>().ToArray()].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Notices_are_told_apart_from_errors()
    {
        Assert.True(FormatMessages.IsNotice(new ImportProblem(1, "x", FormatMessages.FilesLeftOut, ["a.png"])));
        Assert.False(FormatMessages.IsNotice(new ImportProblem(1, "x", FormatMessages.NoText, [])));
        Assert.False(FormatMessages.IsNotice(new ImportProblem(1, "x", FormatMessages.Unsupported, ["matching"], Unsupported: true)));
    }
}
