using AgentPath.Web.Features.Coaching;
using AgentPath.Web.Features.Pipeline;
using AgentPath.Web.Features.Training;
using AgentPath.Web.Infrastructure.Localization;

namespace AgentPath.Tests.Pipeline;

/// <summary>The code-like keys the pipeline builds from its enums ("Reason.Absent", "Part.MockCall"…) have Chinese and English text.</summary>
public class PipelineTextTests
{
    private static string Resources()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AgentPath.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "src", "AgentPath.Web", "Resources");
    }

    public static IEnumerable<string> Keys() =>
        Enum.GetNames<StageReason>().Select(n => "Reason." + n)
            .Concat(Enum.GetNames<GatePartKind>().Select(n => "Part." + n))
            .Concat(Enum.GetNames<GateOutcome>().Select(n => "Outcome." + n))
            .Concat(new[] { "Exam", "Evaluations", "Hours", "Entered", "None" }.Select(n => "Source." + n))
            .Concat(Enum.GetNames<CoachingStep>().Select(n => "Step." + n))
            .Concat(Enum.GetNames<ApprenticeshipAlert>().Where(n => n != "None").Select(n => "Alert." + n))
            .Concat(Enum.GetNames<AttendanceStatus>().Select(n => "Attendance." + n))
            .Concat(Enum.GetNames<AbsenceReason>().Select(n => "Absence." + n));

    [Fact]
    public void Every_pipeline_code_key_has_chinese_and_english()
    {
        var zh = JsonStringLocalizerFactory.LoadAll(Resources(), "zh-CN");
        var en = JsonStringLocalizerFactory.LoadAll(Resources(), "en");
        var missing = Keys().Where(k => !zh.ContainsKey(k) || !en.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "Missing: " + string.Join(", ", missing));
    }
}
