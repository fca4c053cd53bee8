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

    /// <summary>Every code key the plans use, for the resource test.</summary>
    public static IEnumerable<string> AllKeys() =>
        Enum.GetValues<PlanStatus>().Select(Key)
            .Concat(Enum.GetValues<TrainingMethod>().Select(Key))
            .Concat(Enum.GetValues<PlanCategory>().Select(Key))
            .Concat(Enum.GetValues<ItemProgress>().Select(Key))
            .Concat(Enum.GetValues<RevisionStatus>().Select(Key))
            .Concat(Enum.GetValues<PlanField>().Select(Key))
            .Concat(Enum.GetValues<ChangeKind>().Select(Key));

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
