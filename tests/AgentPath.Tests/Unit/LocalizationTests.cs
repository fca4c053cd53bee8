using System.Text.RegularExpressions;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;

namespace AgentPath.Tests.Unit;

/// <summary>Every text the UI shows has its Chinese in Resources/zh-CN.json.</summary>
public partial class LocalizationTests
{
    private static string SourceRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AgentPath.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "src", "AgentPath.Web");
    }

    [GeneratedRegex("""\b(?:L|text)\[\s*"((?:[^"\\]|\\.)*)"\s*[\],]""")]
    private static partial Regex Lookup();

    [GeneratedRegex("""(?:ErrorMessage\s*=\s*|Display\(Name\s*=\s*)"((?:[^"\\]|\\.)*)"|new RosterProblem\([^"]*?(?:null|Label\("[^"]*"\)|col[^,]*),\s*"((?:[^"\\]|\\.)*)"|DomainException\(\$?"((?:[^"\\]|\\.)*)"|p\.Add\("((?:[^"\\]|\\.)*)"\)|Fail\("((?:[^"\\]|\\.)*)"\)|errors\.TryAdd\([^,]+,\s*"((?:[^"\\]|\\.)*)"\)""")]
    private static partial Regex Messages();

    [Fact]
    public void Every_key_used_in_code_has_a_chinese_text()
    {
        var root = SourceRoot();
        var zh = JsonStringLocalizerFactory.LoadAll(Path.Combine(root, "Resources"), "zh-CN");
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*.cs*", SearchOption.AllDirectories)
                     .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("Migrations", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in Lookup().Matches(text))
            {
                keys.Add(Regex.Unescape(m.Groups[1].Value));
            }

            foreach (Match m in Messages().Matches(text))
            {
                var g = m.Groups.Cast<Group>().Skip(1).First(x => x.Success);
                keys.Add(Regex.Unescape(g.Value).Replace("{what}", "Name", StringComparison.Ordinal));
            }
        }

        keys.RemoveWhere(k => k is "Stage." or "Audit." or "Kind." or "Grade." or "QType." or "QStatus.");
        keys.UnionWith(Enum.GetNames<AgentPath.Web.Features.Assessments.QuestionType>().Select(k => "QType." + k));
        keys.UnionWith(Enum.GetNames<AgentPath.Web.Features.Assessments.QuestionStatus>().Select(k => "QStatus." + k));
        keys.UnionWith(Enum.GetNames<AgentPath.Web.Features.Assessments.ExamKind>().Select(k => "Kind." + k));
        keys.UnionWith(Enum.GetNames<AgentPath.Web.Features.Assessments.GradeSource>().Select(k => "Grade." + k));
        keys.UnionWith(["True", "False", "Too easy", "Too hard", "Negative discrimination", "My exams", "Exams", "Question bank", "Performance points"]);

        keys.UnionWith(Stages.All.Select(s => "Stage." + s));
        keys.UnionWith(Enum.GetNames<AuditAction>().Select(a => "Audit." + a));
        keys.UnionWith(Roles.All.Select(Roles.DisplayKey));
        keys.UnionWith(DemoSeed.Logins.Select(l => l.DisplayKey));
        keys.UnionWith(["My training", "My profile", "My department", "My team", "Home", "People", "Roster import", "Organisation", "Users", "Audit log"]);

        var missing = keys.Where(k => !zh.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "Missing from zh-CN.json:\n" + string.Join("\n", missing));

        // Keys that are not English text themselves need their English in en.json.
        var en = JsonStringLocalizerFactory.LoadAll(Path.Combine(root, "Resources"), "en");
        var codeKeys = keys.Where(k => k.StartsWith("Stage.", StringComparison.Ordinal) || k.StartsWith("Audit.", StringComparison.Ordinal)
            || k.StartsWith("Kind.", StringComparison.Ordinal) || k.StartsWith("Grade.", StringComparison.Ordinal)
            || k.StartsWith("QType.", StringComparison.Ordinal) || k.StartsWith("QStatus.", StringComparison.Ordinal)).Where(k => !en.ContainsKey(k)).ToList();
        Assert.True(codeKeys.Count == 0, "Missing from en.json:\n" + string.Join("\n", codeKeys));
    }

    [Fact]
    public void English_shows_the_key_and_Chinese_its_translation()
    {
        var zh = JsonStringLocalizerFactory.LoadAll(Path.Combine(SourceRoot(), "Resources"), "zh-CN");
        var en = JsonStringLocalizerFactory.LoadAll(Path.Combine(SourceRoot(), "Resources"), "en");
        var l = new JsonStringLocalizer(zh, en);
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new("en");
            Assert.Equal("Page 2 of 5", l["Page {0} of {1}", 2, 5].Value);
            Assert.Equal("Apprenticeship", l["Stage.Apprenticeship"].Value);
            System.Globalization.CultureInfo.CurrentUICulture = new("zh-CN");
            Assert.Equal("第 2 页，共 5 页", l["Page {0} of {1}", 2, 5].Value);
            Assert.Equal("实习期", l["Stage.Induction"].Value);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }
}
