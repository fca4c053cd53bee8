using System.Security.Claims;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Plans;

/// <summary>The eight categories of general-skills training that the needs survey asks about (SPEC R6.2).</summary>
public enum SkillArea
{
    /// <summary>有效沟通（倾听和提问技巧）.</summary>
    EffectiveCommunication,
    /// <summary>工作技巧（营销技巧、投诉处理技巧等）.</summary>
    WorkTechnique,
    /// <summary>计划能力（时间管理、工作组织能力）.</summary>
    Planning,
    /// <summary>问题解决能力.</summary>
    ProblemSolving,
    /// <summary>质量意识（客户需求分析、质量预期）.</summary>
    QualityAwareness,
    /// <summary>团队合作（团队凝聚力、执行力等）.</summary>
    Teamwork,
    /// <summary>情绪管理能力（压力管理等）.</summary>
    EmotionManagement,
    /// <summary>办公软件的使用、公文的写作等.</summary>
    OfficeAndWriting,
}

public static class SkillAreas
{
    public static string Key(SkillArea a) => "Skill." + a;

    /// <summary>The knowledge area of the question bank that tests the same skill, for the effect follow-up.</summary>
    public static string KnowledgeAreaName(SkillArea a) => a switch
    {
        SkillArea.EffectiveCommunication => "有效沟通",
        SkillArea.WorkTechnique => "工作技巧",
        SkillArea.Planning => "计划管理",
        SkillArea.ProblemSolving => "问题解决",
        SkillArea.QualityAwareness => "品质意识",
        SkillArea.Teamwork => "团队合作",
        SkillArea.EmotionManagement => "情绪管理",
        _ => "办公软件与公文写作",
    };
}

/// <summary>
/// What the monthly plan needs to know of a training need beyond what Training keeps (the need
/// itself is <see cref="TrainingNeed"/>, one concept for every source): the department whose plan
/// takes it in, business or general skills, and the skill or knowledge area it is about. Needs that
/// Quality raises have no row here; their department is their team's, their category business.
/// </summary>
public sealed class NeedDetail : IAudited
{
    public int NeedId { get; private set; }
    public int DepartmentId { get; private set; }
    public PlanCategory Category { get; private set; }
    public SkillArea? SkillArea { get; private set; }
    public int? KnowledgeAreaId { get; private set; }
    public Stage? Stage { get; private set; }

    private NeedDetail() { }

    public NeedDetail(TrainingNeed need, int departmentId, PlanCategory category, SkillArea? skill, int? knowledgeAreaId, Stage? stage)
    {
        Need = need;
        DepartmentId = departmentId;
        Category = category;
        SkillArea = category == PlanCategory.GeneralSkills ? skill : null;
        KnowledgeAreaId = knowledgeAreaId;
        Stage = stage;
    }

    public TrainingNeed Need { get; private set; } = null!;
}

/// <summary>A training need as the plans show it (an initializer projection, so queries can filter on it).</summary>
public sealed record NeedRow
{
    public int Id { get; init; }
    public string Title { get; init; } = "";
    public DateOnly ForMonth { get; init; }
    public int? DepartmentId { get; init; }
    public int? TeamId { get; init; }
    public string Audience { get; init; } = "";
    public int Headcount { get; init; }
    public string Details { get; init; } = "";
    public string Source { get; init; } = "";
    public string? SourceRef { get; init; }
    public TrainingNeedStatus Status { get; init; }
    public PlanCategory Category { get; init; }
    public SkillArea? SkillArea { get; init; }
    public int? KnowledgeAreaId { get; init; }
    public Stage? Stage { get; init; }
    public string RaisedBy { get; init; } = "";
    public DateTimeOffset RaisedAt { get; init; }
}

/// <summary>Where the plans' needs come from; Training stores the source as a label.</summary>
public static class NeedSources
{
    /// <summary>部门上报 — a department reported it.</summary>
    public const string Department = "Department";

    /// <summary>培训需求调查 — aggregated from a needs survey.</summary>
    public const string Survey = "Survey";

    /// <summary>试卷分析 — the month's weakest knowledge areas in the business exam.</summary>
    public const string ExamAnalysis = "ExamAnalysis";

    /// <summary>质检 — the most frequent QA finding tags (raised by Quality, or taken in from a suggestion).</summary>
    public const string Quality = Features.Quality.QualitySetup.TrainingSource;

    public static readonly string[] All = [Department, Survey, ExamAnalysis, Quality];

    public static string Key(string source) => "NeedSource." + source;
}

/// <summary>Reads and raises the training needs the plans take in. Every need goes through Training's <see cref="TrainingNeeds"/>.</summary>
public sealed class PlanNeeds(AppDbContext db, TrainingNeeds training, PlanAccess access, PlanService plans)
{
    public const int DetailsMax = TrainingNeed.DetailMax;

    /// <summary>All needs with their plan details; a need without details belongs to its team's department (or to every department).</summary>
    public static IQueryable<NeedRow> Query(AppDbContext db) =>
        from n in db.TrainingNeeds
        join d in db.NeedDetails on n.Id equals d.NeedId into dd
        from d in dd.DefaultIfEmpty()
        join t in db.Teams on n.TeamId equals t.Id into tt
        from t in tt.DefaultIfEmpty()
        select new NeedRow
        {
            Id = n.Id, Title = n.Title, ForMonth = n.ForMonth,
            DepartmentId = d != null ? d.DepartmentId : t != null ? t.DepartmentId : null,
            TeamId = n.TeamId, Audience = n.Audience, Headcount = n.Headcount, Details = n.Details, Source = n.Source, SourceRef = n.SourceRef,
            Status = n.Status, Category = d != null ? d.Category : PlanCategory.Business, SkillArea = d != null ? d.SkillArea : null,
            KnowledgeAreaId = d != null ? d.KnowledgeAreaId : null, Stage = d != null ? d.Stage : null, RaisedBy = n.RaisedBy, RaisedAt = n.RaisedAt,
        };

    /// <summary>The needs of a month for a department (needs of no department count for every one), within the viewer's scope.</summary>
    public async Task<List<NeedRow>> ForAsync(string month, int? departmentId, CancellationToken ct = default)
    {
        var first = PlanMonth.First(month);
        var scope = await access.DepartmentsAsync(ct);
        var q = Query(db).Where(n => n.ForMonth == first);
        if (departmentId is { } d)
        {
            q = q.Where(n => n.DepartmentId == d || n.DepartmentId == null);
        }

        if (scope is not null)
        {
            q = q.Where(n => n.DepartmentId == null || scope.Contains(n.DepartmentId.Value));
        }

        return (await q.ToListAsync(ct)).OrderBy(n => n.Status).ThenBy(n => n.Category).ThenByDescending(n => n.Headcount).ToList();
    }

    public static async Task<Dictionary<int, string>> TitlesAsync(AppDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct = default) =>
        ids.Count == 0 ? [] : await db.TrainingNeeds.AsNoTracking().Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Title, ct);

    /// <summary>The input of a department's need report (or of a suggestion taken in).</summary>
    public sealed class Input
    {
        public string? Title { get; set; }
        public string? Month { get; set; }
        public int? DepartmentId { get; set; }
        public int? TeamId { get; set; }
        public Stage? Stage { get; set; }
        public int? Headcount { get; set; }
        public PlanCategory Category { get; set; } = PlanCategory.Business;
        public SkillArea? SkillArea { get; set; }
        public int? KnowledgeAreaId { get; set; }
        public string? Details { get; set; }
    }

    /// <summary>Raises a need for a department's plan. Problems come back as (field, message key, args); nothing is saved then.</summary>
    public async Task<(TrainingNeed? Need, List<(string Field, string Message, object[] Args)> Problems)> RaiseAsync(
        Input input, string source, string? sourceRef, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var p = new List<(string, string, object[])>();
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length > TrainingNeed.TitleMax)
        {
            p.Add(("Title", "A training need needs a title of at most 200 characters.", []));
        }

        if (!PlanMonth.TryParse(input.Month, out var first))
        {
            p.Add(("Month", "A month is written as YYYY-MM.", []));
        }

        var department = input.DepartmentId is { } did ? await (await access.DepartmentListAsync(ct)).FirstOrDefaultAsync(d => d.Id == did, ct) : null;
        if (department is null)
        {
            p.Add(("DepartmentId", "Unknown department.", []));
        }

        var team = input.TeamId is { } tid ? await db.Teams.FirstOrDefaultAsync(t => t.Id == tid, ct) : null;
        if (input.TeamId is not null && (team is null || (department is not null && team.DepartmentId != department.Id)))
        {
            p.Add(("TeamId", team is null ? "Unknown team." : "The team belongs to another department.", []));
        }

        if (input.KnowledgeAreaId is { } area && !await db.KnowledgeAreas.AnyAsync(a => a.Id == area, ct))
        {
            p.Add(("KnowledgeAreaId", "Unknown knowledge area.", []));
        }

        if ((input.Details?.Length ?? 0) > DetailsMax)
        {
            p.Add(("Details", "The details are too long (at most 4000 characters).", []));
        }

        if (input.Headcount is not { } headcount || headcount < 1)
        {
            p.Add(("Headcount", "The headcount must be at least 1.", []));
        }
        else if (department is not null && (input.TeamId is null || team is not null))
        {
            var size = await plans.AudienceSizeAsync(department.Id, team?.Id, input.Stage, ct);
            if (headcount > size)
            {
                p.Add(("Headcount", "The headcount ({0}) is larger than the audience ({1} people).", [headcount, size]));
            }
        }

        if (p.Count > 0)
        {
            return (null, p);
        }

        var audience = team?.Name ?? department!.Name;
        var need = training.RaiseNeed(input.Title!.Trim(), first, audience, team?.Id, input.Headcount!.Value, input.Details?.Trim() ?? "",
            source, sourceRef, PlanActor.Name(user));
        var knowledge = input.KnowledgeAreaId;
        if (knowledge is null && input.SkillArea is { } skill)
        {
            var name = SkillAreas.KnowledgeAreaName(skill);
            knowledge = await db.KnowledgeAreas.Where(a => a.Name == name).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
        }

        db.NeedDetails.Add(new NeedDetail(need, department!.Id, input.Category, input.SkillArea, knowledge, input.Stage));
        await db.SaveChangesAsync(ct);
        return (need, p);
    }
}

internal sealed class NeedDetailConfiguration : IEntityTypeConfiguration<NeedDetail>
{
    public void Configure(EntityTypeBuilder<NeedDetail> b)
    {
        b.HasKey(x => x.NeedId);
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.SkillArea).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Stage).HasConversion<string>().HasMaxLength(16);
        b.HasOne(x => x.Need).WithOne().HasForeignKey<NeedDetail>(x => x.NeedId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Assessments.KnowledgeArea>().WithMany().HasForeignKey(x => x.KnowledgeAreaId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.DepartmentId);
    }
}
