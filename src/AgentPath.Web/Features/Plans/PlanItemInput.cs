using AgentPath.Web.Features.People;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Plans;

/// <summary>
/// One plan item as a form or the API sends it. Nothing is required at binding time, so a missing
/// value comes back as a clear message on its field rather than a failed request.
/// </summary>
public sealed class PlanItemInput
{
    /// <summary>In a revision: the item this line changes (empty for a new item).</summary>
    public int? Key { get; set; }

    /// <summary>培训项目.</summary>
    public string? Title { get; set; }

    /// <summary>对象: a team of the department, or empty for the whole department.</summary>
    public int? TeamId { get; set; }

    /// <summary>对象: only the people in this stage (optional).</summary>
    public Stage? Stage { get; set; }

    /// <summary>时间: the day, within the plan's month.</summary>
    public DateOnly? Date { get; set; }
    public TimeOnly? StartTime { get; set; }

    /// <summary>人数 — at most the size of the audience.</summary>
    public int? Headcount { get; set; }

    /// <summary>方式.</summary>
    public TrainingMethod? Method { get; set; }

    /// <summary>课时 — more than 0, at most 40, one decimal.</summary>
    public decimal? Hours { get; set; }

    /// <summary>责任人 — an employee id of the plan's department.</summary>
    public int? OwnerEmployeeId { get; set; }

    /// <summary>Business or GeneralSkills.</summary>
    public PlanCategory? Category { get; set; }

    /// <summary>The knowledge area it teaches (for the effect follow-up), optional.</summary>
    public int? KnowledgeAreaId { get; set; }

    /// <summary>The QA dimension it should improve (for the effect follow-up), optional.</summary>
    public string? QaDimension { get; set; }

    /// <summary>Ids of the training needs it answers.</summary>
    public List<int>? NeedIds { get; set; }

    /// <summary>A blank line of a revision form (no title, nothing else) is left out.</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Title) && Key is null && Hours is null && Headcount is null && OwnerEmployeeId is null;

    /// <summary>The spec, or the problems of missing values (the rest is checked with the plan's data).</summary>
    public (PlanItemSpec? Spec, List<(string Field, string Message, object[] Args)> Problems) ToSpec()
    {
        var p = new List<(string, string, object[])>();
        if (string.IsNullOrWhiteSpace(Title))
        {
            p.Add(("Title", "A training item needs a title of at most 200 characters.", []));
        }

        if (Date is null)
        {
            p.Add(("Date", "Choose the date.", []));
        }

        if (Headcount is null)
        {
            p.Add(("Headcount", "The headcount must be at least 1.", []));
        }

        if (Method is null)
        {
            p.Add(("Method", "Choose the method.", []));
        }

        if (Hours is null)
        {
            p.Add(("Hours", "Hours must be more than 0 and at most 40.", []));
        }

        if (OwnerEmployeeId is null)
        {
            p.Add(("OwnerEmployeeId", "Choose the owner.", []));
        }

        if (Category is null)
        {
            p.Add(("Category", "Choose business or general skills.", []));
        }

        if (p.Count > 0)
        {
            return (null, p);
        }

        return (new PlanItemSpec(Key is 0 ? null : Key, Title!.Trim(), TeamId, Stage, Date!.Value, StartTime, Headcount!.Value, Method!.Value, Hours!.Value,
            OwnerEmployeeId!.Value, Category!.Value, KnowledgeAreaId, NeedIds ?? [], string.IsNullOrWhiteSpace(QaDimension) ? null : QaDimension.Trim()), p);
    }

    public static PlanItemInput From(PlanItem i) => new()
    {
        Key = i.Key, Title = i.Title, TeamId = i.TeamId, Stage = i.Stage, Date = i.Date, StartTime = i.StartTime, Headcount = i.Headcount,
        Method = i.Method, Hours = i.Hours, OwnerEmployeeId = i.OwnerEmployeeId, Category = i.Category, KnowledgeAreaId = i.KnowledgeAreaId,
        NeedIds = i.Needs.Select(n => n.NeedId).ToList(), QaDimension = i.QaDimension,
    };
}

/// <summary>The value of one column of an item, as the plan's table shows it.</summary>
public static class PlanFormat
{
    /// <summary>Names the columns need: the plan's department, knowledge areas and need titles by id.</summary>
    public sealed record Context(string Department, IReadOnlyDictionary<int, string> Areas, IReadOnlyDictionary<int, string> Needs);

    public static string Field(ItemSnapshot s, PlanField f, Context c, IStringLocalizer text) => f switch
    {
        PlanField.Title => s.Title,
        PlanField.Audience => PlanText.Audience(s.TeamName, s.Stage, c.Department, text),
        PlanField.Time => PlanText.Time(s.Date, s.StartTime),
        PlanField.Headcount => s.Headcount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        PlanField.Method => text[PlanText.Key(s.Method)],
        PlanField.Hours => PlanText.Hours(s.Hours),
        PlanField.Owner => s.OwnerName,
        PlanField.Category => text[PlanText.Key(s.Category)],
        PlanField.KnowledgeArea => s.KnowledgeAreaId is { } a ? c.Areas.GetValueOrDefault(a, "#" + a) : "—",
        PlanField.QaDimension => s.QaDimension ?? "—",
        PlanField.Needs => s.NeedIds.Count == 0 ? "—" : string.Join("；", s.NeedIds.Select(n => c.Needs.GetValueOrDefault(n, "#" + n))),
        _ => "",
    };
}
