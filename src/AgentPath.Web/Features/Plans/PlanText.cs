using System.Globalization;
using AgentPath.Web.Features.People;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Plans;

/// <summary>
/// Display text of the plans' codes. Each code has a resource key ("PlanStatus.Draft") with its
/// Chinese in zh-CN.plans.json and its English in en.plans.json; a test checks that every value has both.
/// </summary>
public static class PlanText
{
    public static string Key(PlanStatus s) => "PlanStatus." + s;

    public static string Key(TrainingMethod m) => "PlanMethod." + m;

    public static string Key(PlanCategory c) => "PlanCategory." + c;

    public static string Key(ItemProgress p) => "PlanProgress." + p;

    public static string Key(RevisionStatus r) => "RevisionStatus." + r;

    public static string Key(PlanField f) => "PlanField." + f;

    public static string Key(ChangeKind k) => "PlanChange." + k;

    /// <summary>The five answers of a survey rating, 1 to 5.</summary>
    public static readonly string[] SurveyScale = ["Not needed", "A little", "Somewhat", "Quite a lot", "Very much"];

    /// <summary>Texts the plans pass around as data (notifications, task kinds) rather than write as a literal lookup.</summary>
    public static readonly string[] DataTexts =
    [
        "The training plan {0} waits for your approval.", "The training plan {0} was sent back for changes.", "The training plan {0} is approved and can be issued.",
        "The training plan {0} has been issued.", "A revision of the training plan {0} waits for your approval.", "The revision of the training plan {0} is approved.",
        "The revision of the training plan {0} was rejected.", "A training needs survey waits for your answers: {0}.", "New business to learn: {0}.", "New homework: {0}.",
        "Needs survey", "Homework", "New-business training", "Waiting for your approval", "Approved; to be issued", "A revision waits for your approval",
    ];

    /// <summary>Keys that are codes, not English text: each needs its English in en.plans.json.</summary>
    public static IEnumerable<string> CodeKeys() =>
        Enum.GetValues<PlanStatus>().Select(Key)
            .Concat(Enum.GetValues<TrainingMethod>().Select(Key))
            .Concat(Enum.GetValues<PlanCategory>().Select(Key))
            .Concat(Enum.GetValues<ItemProgress>().Select(Key))
            .Concat(Enum.GetValues<RevisionStatus>().Select(Key))
            .Concat(Enum.GetValues<PlanField>().Select(Key))
            .Concat(Enum.GetValues<ChangeKind>().Select(Key))
            .Concat(Enum.GetValues<SkillArea>().Select(SkillAreas.Key))
            .Concat(Enum.GetValues<ReviewStep>().Select(ReviewSteps.Key))
            .Concat(ReviewSteps.Contents.Select(ReviewSteps.Key))
            .Concat(NeedSources.All.Select(NeedSources.Key))
            .Concat(Enum.GetValues<BusinessChange>().Select(c => "NewBusiness." + c))
            .Concat(Enum.GetValues<HomeworkKind>().Select(k => "HomeworkKind." + k))
            .Concat(PlanExport.ColumnKeys);

    /// <summary>Every key the plans look up without a literal lookup in the code: the codes and the data texts.</summary>
    public static IEnumerable<string> AllKeys() => CodeKeys().Concat(SurveyScale).Concat(DataTexts);

    /// <summary>对象: the team (or the whole department) and, when set, the stage.</summary>
    public static string Audience(string? team, Stage? stage, string department, IStringLocalizer text)
    {
        var who = team ?? text["{0} (whole department)", department].Value;
        return stage is { } s ? $"{who} · {text["Stage." + s].Value}" : who;
    }

    /// <summary>时间: the date and, when set, the start time.</summary>
    public static string Time(DateOnly date, TimeOnly? start) =>
        date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (start is { } t ? " " + t.ToString("HH:mm", CultureInfo.InvariantCulture) : "");

    public static string Hours(decimal h) => h.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>"2026-11" as the user reads it: 2026年11月 or November 2026.</summary>
    public static string Month(string month) =>
        PlanMonth.TryParse(month, out var d)
            ? CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) ? $"{d.Year}年{d.Month}月" : d.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en"))
            : month;
}
