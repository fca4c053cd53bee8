using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Plans;

/// <summary>Where a monthly plan stands: 草稿 → 已提交 (by the management department) → 已批准 (by the department manager) → 已下发.</summary>
public enum PlanStatus
{
    Draft,
    Submitted,
    Approved,
    Issued,
}

/// <summary>业务培训 or 综合技能培训 — the two halves of on-the-job training whose hours should run 70/30 (SPEC R4.1).</summary>
public enum PlanCategory
{
    Business,
    GeneralSkills,
}

/// <summary>方式 — how an item is delivered.</summary>
public enum TrainingMethod
{
    /// <summary>课堂讲授.</summary>
    Lecture,
    /// <summary>模拟演练 — scripted role-play.</summary>
    RolePlay,
    /// <summary>现场跟听 / 带教 — side by side on the floor.</summary>
    SideBySide,
    /// <summary>线上学习.</summary>
    Online,
    /// <summary>研讨交流 — discussion, information-sharing.</summary>
    Workshop,
    /// <summary>外派培训 — an outside course or a visit to a large call center (R6.3).</summary>
    External,
}

/// <summary>实施进度 — how far an item of an approved plan has got. Tracking, not a change of the plan: it needs no revision.</summary>
public enum ItemProgress
{
    NotStarted,
    Preparing,
    Delivered,
    Cancelled,
}

/// <summary>A proposed revision: waiting for the general manager, approved (it made a new version) or rejected.</summary>
public enum RevisionStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>Months as the plans name them: "yyyy-MM", in the center's time zone.</summary>
public static class PlanMonth
{
    public static string Of(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string Of(DateTimeOffset at) => Of(CenterClock.DateOf(at));

    public static bool TryParse(string? month, out DateOnly first)
    {
        first = default;
        if (month is null || !DateOnly.TryParseExact(month.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) || d.Year < 2000 || d.Year > 2100)
        {
            return false;
        }

        first = d;
        return true;
    }

    public static DateOnly First(string month) =>
        TryParse(month, out var d) ? d : throw new DomainException("A month is written as YYYY-MM.");

    public static DateOnly Today(TimeProvider time) => CenterClock.DateOf(time.GetUtcNow());
}

/// <summary>
/// What a plan item says, as entered (a page's form or the API); <see cref="Key"/> names the item it
/// changes in a revision (null = a new item).
/// </summary>
public sealed record PlanItemSpec(
    int? Key, string Title, int? TeamId, Stage? Stage, DateOnly Date, TimeOnly? StartTime, int Headcount, TrainingMethod Method,
    decimal Hours, int OwnerEmployeeId, PlanCategory Category, int? KnowledgeAreaId, IReadOnlyList<int> NeedIds, string? QaDimension = null);

/// <summary>
/// An item as a version of the plan holds it: every column of the seed's table with the names it had
/// then, so an old version reads the same after a team is renamed or an owner leaves.
/// </summary>
public sealed record ItemSnapshot(
    int Key, int Order, string Title, int? TeamId, string? TeamName, Stage? Stage, DateOnly Date, TimeOnly? StartTime, int Headcount,
    TrainingMethod Method, decimal Hours, int OwnerEmployeeId, string OwnerName, PlanCategory Category, int? KnowledgeAreaId, IReadOnlyList<int> NeedIds,
    string? QaDimension = null)
{
    public static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static string Serialize(IEnumerable<ItemSnapshot> items) => JsonSerializer.Serialize(items.ToList(), Json);

    public static IReadOnlyList<ItemSnapshot> Deserialize(string json) => JsonSerializer.Deserialize<List<ItemSnapshot>>(json, Json) ?? [];
}

/// <summary>The checks of one item that need nothing but the values the caller looked up (audience size, owner, team).</summary>
public static class PlanItemRules
{
    public const int TitleMax = 200;
    public const decimal MaxHours = 40;
    public const int QaDimensionMax = 100;

    /// <summary>Every problem of the item, as (field, message key, arguments). Empty = the item is sound.</summary>
    public static List<(string Field, string Message, object[] Args)> Problems(
        PlanItemSpec s, string month, int departmentId, Team? team, int audienceSize, Employee? owner)
    {
        var p = new List<(string, string, object[])>();
        if (string.IsNullOrWhiteSpace(s.Title) || s.Title.Trim().Length > TitleMax)
        {
            p.Add(("Title", "A training item needs a title of at most 200 characters.", []));
        }

        if (s.Hours <= 0 || s.Hours > MaxHours)
        {
            p.Add(("Hours", "Hours must be more than 0 and at most 40.", []));
        }

        if (s.TeamId is not null && team is null)
        {
            p.Add(("TeamId", "Unknown team.", []));
        }
        else if (team is not null && team.DepartmentId != departmentId)
        {
            p.Add(("TeamId", "The team belongs to another department.", []));
        }

        if (s.Headcount < 1)
        {
            p.Add(("Headcount", "The headcount must be at least 1.", []));
        }
        else if (s.Headcount > audienceSize && (s.TeamId is null || team is not null))
        {
            p.Add(("Headcount", "The headcount ({0}) is larger than the audience ({1} people).", [s.Headcount, audienceSize]));
        }

        if (owner is null)
        {
            p.Add(("OwnerEmployeeId", "Choose the owner.", []));
        }
        else if (owner.DepartmentId != departmentId || owner.Stage.IsTerminal())
        {
            p.Add(("OwnerEmployeeId", "The owner must be someone of the plan's department.", []));
        }

        if (PlanMonth.TryParse(month, out var first) && (s.Date < first || s.Date > first.AddMonths(1).AddDays(-1)))
        {
            p.Add(("Date", "The date must fall within the plan's month.", []));
        }

        if ((s.QaDimension?.Trim().Length ?? 0) > QaDimensionMax)
        {
            p.Add(("QaDimension", "The QA dimension is at most 100 characters.", []));
        }

        if (s.Hours != Math.Round(s.Hours, 1))
        {
            p.Add(("Hours", "Hours are counted to one decimal place.", []));
        }

        return p;
    }
}

/// <summary>
/// 培训计划 — a department's monthly training plan (SPEC R7.2): compiled by the management department
/// (管理部) from the departments' reported needs, approved by the department manager, then issued
/// (下发). After issue its items change only through a <see cref="PlanRevision"/> that the general
/// manager approves (R7.3); every version is kept as a <see cref="PlanVersion"/>.
/// </summary>
public sealed class TrainingPlan : IAudited, IVersioned
{
    /// <summary>Optimistic-concurrency token (<see cref="IVersioned"/>): of two racing decisions the second is a 409.</summary>
    public int RowVersion { get; private set; }

    public const int ByMax = 64;
    public const int NoteMax = 1000;

    public int Id { get; private set; }
    public int DepartmentId { get; private set; }
    public Department Department { get; private set; } = null!;

    /// <summary>The month the plan is for, "yyyy-MM".</summary>
    public string Month { get; private set; } = "";
    public PlanStatus Status { get; private set; }

    /// <summary>The version the items are at: 1 until the first revision is approved.</summary>
    public int Version { get; private set; }

    public List<PlanItem> Items { get; private set; } = [];
    public List<PlanVersion> Versions { get; private set; } = [];
    public List<PlanRevision> Revisions { get; private set; } = [];

    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string? SubmittedBy { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public string? IssuedBy { get; private set; }
    public DateTimeOffset? IssuedAt { get; private set; }

    /// <summary>Why the manager sent the plan back to draft, shown until it is submitted again.</summary>
    public string? ReturnNote { get; private set; }

    /// <summary>The key the next new item gets; keys stay with an item from version to version.</summary>
    public int NextKey { get; private set; } = 1;

    private TrainingPlan() { }

    public TrainingPlan(Department department, string month, string by, DateTimeOffset at)
    {
        _ = PlanMonth.First(month);
        Department = department;
        DepartmentId = department.Id;
        Month = month.Trim();
        Status = PlanStatus.Draft;
        Version = 1;
        CreatedBy = Cut(by, ByMax);
        CreatedAt = at;
    }

    public bool HasPendingRevision => Revisions.Any(r => r.Status == RevisionStatus.Pending);

    /// <summary>Adds an item to a draft. The caller has looked up the team, the owner and the audience's size.</summary>
    public PlanItem AddItem(PlanItemSpec spec, Team? team, Employee? owner, int audienceSize)
    {
        RequireDraft();
        Check(spec, team, owner, audienceSize);
        var item = new PlanItem(NextKey++, Items.Count == 0 ? 1 : Items.Max(i => i.Order) + 1);
        item.Set(spec, team, owner!);
        Items.Add(item);
        return item;
    }

    public void UpdateItem(PlanItem item, PlanItemSpec spec, Team? team, Employee? owner, int audienceSize)
    {
        RequireDraft();
        if (!Items.Contains(item))
        {
            throw new DomainException("The item is not on this plan.");
        }

        Check(spec, team, owner, audienceSize);
        item.Set(spec, team, owner!);
    }

    public void RemoveItem(PlanItem item)
    {
        RequireDraft();
        Items.Remove(item);
    }

    /// <summary>提交 — the management department sends the draft to the department manager.</summary>
    public void Submit(string by, DateTimeOffset at)
    {
        if (Status != PlanStatus.Draft)
        {
            throw new DomainException("Only a draft can be submitted.");
        }

        if (Items.Count == 0)
        {
            throw new DomainException("A plan needs at least one item before it is submitted.");
        }

        Status = PlanStatus.Submitted;
        SubmittedBy = Cut(by, ByMax);
        SubmittedAt = at;
        ReturnNote = null;
    }

    /// <summary>The department manager sends a submitted plan back to draft, saying why.</summary>
    public void Return(string note, string by, DateTimeOffset at)
    {
        if (Status != PlanStatus.Submitted)
        {
            throw new DomainException("Only a submitted plan can be sent back.");
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException("Say what should change.");
        }

        Status = PlanStatus.Draft;
        ReturnNote = $"{Cut(note.Trim(), NoteMax - ByMax - 24)} — {Cut(by, ByMax)} {CenterClock.ShowDate(at)}";
        SubmittedBy = null;
        SubmittedAt = null;
    }

    /// <summary>批准 — the department manager approves the submitted plan.</summary>
    public void Approve(string by, DateTimeOffset at)
    {
        if (Status != PlanStatus.Submitted)
        {
            throw new DomainException("Only a submitted plan can be approved.");
        }

        Status = PlanStatus.Approved;
        ApprovedBy = Cut(by, ByMax);
        ApprovedAt = at;
    }

    /// <summary>下发 — the approved plan goes out; its items become version 1, kept for good.</summary>
    public void Issue(string by, DateTimeOffset at)
    {
        if (Status != PlanStatus.Approved)
        {
            throw new DomainException("Only an approved plan can be issued.");
        }

        Status = PlanStatus.Issued;
        IssuedBy = Cut(by, ByMax);
        IssuedAt = at;
        Versions.Add(new PlanVersion(Version, ItemSnapshot.Serialize(Snapshot()), null, "Issued", IssuedBy, at));
    }

    /// <summary>The items as they are now, in order.</summary>
    public IReadOnlyList<ItemSnapshot> Snapshot() => Items.OrderBy(i => i.Order).ThenBy(i => i.Key).Select(i => i.ToSnapshot()).ToList();

    /// <summary>
    /// 计划修订 — proposes the items an issued plan should have instead (SPEC R7.3). The items were
    /// checked by the caller; keys name the items they change (0 = a new item), unknown keys are refused.
    /// Items left out are dropped from the plan when the revision is approved.
    /// </summary>
    public PlanRevision ProposeRevision(string reason, IReadOnlyList<ItemSnapshot> items, string by, DateTimeOffset at)
    {
        if (Status != PlanStatus.Issued)
        {
            throw new DomainException("Only an issued plan is revised; change a draft directly.");
        }

        if (HasPendingRevision)
        {
            throw new DomainException("A revision is already waiting for the general manager.");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > NoteMax)
        {
            throw new DomainException("Say why the plan is revised (at most 1000 characters).");
        }

        if (items.Count == 0)
        {
            throw new DomainException("A revised plan keeps at least one item.");
        }

        var keys = Items.Select(i => i.Key).ToHashSet();
        var named = items.Where(i => i.Key != 0).Select(i => i.Key).ToList();
        if (named.Any(k => !keys.Contains(k)) || named.Distinct().Count() != named.Count)
        {
            throw new DomainException("A revised item names an item the plan does not have.");
        }

        // New items (key 0) get their keys now, so two proposals never share one.
        var next = NextKey;
        items = items.Select((i, n) => i with { Key = i.Key == 0 ? next++ : i.Key, Order = n + 1 }).ToList();
        if (!PlanComparison.Compare(Snapshot(), items).Any())
        {
            throw new DomainException("The revision changes nothing.");
        }

        NextKey = next;

        var number = Revisions.Count == 0 ? 1 : Revisions.Max(r => r.Number) + 1;
        var revision = new PlanRevision(number, Version, reason.Trim(), ItemSnapshot.Serialize(items), Cut(by, ByMax), at);
        Revisions.Add(revision);
        return revision;
    }

    /// <summary>The general manager approves a pending revision: its items replace the plan's, and they become a new version.</summary>
    public PlanVersion ApproveRevision(int number, IReadOnlyDictionary<int, Team> teams, IReadOnlyDictionary<int, Employee> owners, string by, DateTimeOffset at)
    {
        var revision = Pending(number);
        var proposed = ItemSnapshot.Deserialize(revision.ItemsJson);
        var byKey = Items.ToDictionary(i => i.Key);
        foreach (var s in proposed)
        {
            if (!byKey.TryGetValue(s.Key, out var item))
            {
                item = new PlanItem(s.Key, s.Order);
                Items.Add(item);
            }

            item.Apply(s, s.TeamId is { } t ? teams.GetValueOrDefault(t) : null, owners.GetValueOrDefault(s.OwnerEmployeeId));
        }

        var keep = proposed.Select(s => s.Key).ToHashSet();
        Items.RemoveAll(i => !keep.Contains(i.Key));
        Version++;
        revision.Decide(RevisionStatus.Approved, Cut(by, ByMax), at, null, Version);
        var version = new PlanVersion(Version, revision.ItemsJson, number, revision.Reason, Cut(by, ByMax), at);
        Versions.Add(version);
        return version;
    }

    public void RejectRevision(int number, string note, string by, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException("Say why the revision is rejected.");
        }

        Pending(number).Decide(RevisionStatus.Rejected, Cut(by, ByMax), at, Cut(note.Trim(), NoteMax), null);
    }

    /// <summary>实施进度 of an item of an approved or issued plan; tracking, so no revision is needed.</summary>
    public void SetProgress(PlanItem item, ItemProgress progress)
    {
        if (Status is not (PlanStatus.Approved or PlanStatus.Issued))
        {
            throw new DomainException("Progress is tracked once the plan is approved.");
        }

        if (!Items.Contains(item))
        {
            throw new DomainException("The item is not on this plan.");
        }

        item.Progress = progress;
    }

    private PlanRevision Pending(int number)
    {
        var revision = Revisions.FirstOrDefault(r => r.Number == number) ?? throw new DomainException("The plan has no such revision.");
        if (revision.Status != RevisionStatus.Pending)
        {
            throw new DomainException("This revision has already been decided.");
        }

        return revision;
    }

    private void RequireDraft()
    {
        if (Status != PlanStatus.Draft)
        {
            throw new DomainException(Status == PlanStatus.Issued
                ? "An issued plan's items change only through a revision."
                : "Only a draft plan's items can be changed.");
        }
    }

    private void Check(PlanItemSpec spec, Team? team, Employee? owner, int audienceSize)
    {
        var problems = PlanItemRules.Problems(spec, Month, DepartmentId, team, audienceSize, owner);
        if (problems.Count > 0)
        {
            throw new DomainException(problems[0].Message);
        }
    }

    internal static string Cut(string s, int max) => s.Length > max ? s[..max] : s;
}

/// <summary>培训项目 — one line of the plan, with every column of the seed's table (培训项目、对象、时间、人数、方式、课时、责任人、实施进度).</summary>
public sealed class PlanItem : IAudited
{
    public int Id { get; private set; }
    public int PlanId { get; private set; }

    /// <summary>Names the item across versions (a revision changes the item with the same key).</summary>
    public int Key { get; private set; }

    /// <summary>序号 in the table.</summary>
    public int Order { get; private set; }

    /// <summary>培训项目.</summary>
    public string Title { get; private set; } = "";

    /// <summary>对象: the whole department, or one of its teams; optionally only people in one stage.</summary>
    public int? TeamId { get; private set; }
    public Team? Team { get; private set; }
    public Stage? Stage { get; private set; }

    /// <summary>时间.</summary>
    public DateOnly Date { get; private set; }
    public TimeOnly? StartTime { get; private set; }

    /// <summary>人数 — at most the size of the audience.</summary>
    public int Headcount { get; private set; }

    /// <summary>方式.</summary>
    public TrainingMethod Method { get; private set; }

    /// <summary>课时 — hours, more than 0.</summary>
    public decimal Hours { get; private set; }

    /// <summary>责任人 — someone of the plan's department.</summary>
    public int OwnerEmployeeId { get; private set; }
    public Employee Owner { get; private set; } = null!;

    public PlanCategory Category { get; private set; }

    /// <summary>实施进度.</summary>
    public ItemProgress Progress { get; internal set; }

    /// <summary>The knowledge area the item teaches, so its effect shows in the exam scores before and after.</summary>
    public int? KnowledgeAreaId { get; private set; }

    /// <summary>The QA scorecard dimension the item should improve (e.g. 服务用语), so its effect shows in the QA scores before and after.</summary>
    public string? QaDimension { get; private set; }

    /// <summary>The training needs the item answers.</summary>
    public List<PlanItemNeed> Needs { get; private set; } = [];

    private PlanItem() { }

    internal PlanItem(int key, int order)
    {
        Key = key;
        Order = order;
    }

    internal void Set(PlanItemSpec s, Team? team, Employee owner)
    {
        Title = s.Title.Trim();
        Team = team;
        TeamId = team?.Id;
        Stage = s.Stage;
        Date = s.Date;
        StartTime = s.StartTime;
        Headcount = s.Headcount;
        Method = s.Method;
        Hours = s.Hours;
        Owner = owner;
        OwnerEmployeeId = owner.Id;
        Category = s.Category;
        KnowledgeAreaId = s.KnowledgeAreaId;
        QaDimension = string.IsNullOrWhiteSpace(s.QaDimension) ? null : s.QaDimension.Trim();
        SetNeeds(s.NeedIds);
    }

    internal void Apply(ItemSnapshot s, Team? team, Employee? owner)
    {
        Order = s.Order;
        Title = s.Title;
        Team = team;
        TeamId = s.TeamId;
        Stage = s.Stage;
        Date = s.Date;
        StartTime = s.StartTime;
        Headcount = s.Headcount;
        Method = s.Method;
        Hours = s.Hours;
        if (owner is not null)
        {
            Owner = owner;
        }

        OwnerEmployeeId = s.OwnerEmployeeId;
        Category = s.Category;
        KnowledgeAreaId = s.KnowledgeAreaId;
        QaDimension = s.QaDimension;
        SetNeeds(s.NeedIds);
    }

    private void SetNeeds(IReadOnlyList<int> needIds)
    {
        var want = needIds.Distinct().ToHashSet();
        Needs.RemoveAll(n => !want.Contains(n.NeedId));
        foreach (var id in want.Where(id => Needs.All(n => n.NeedId != id)))
        {
            Needs.Add(new PlanItemNeed(id));
        }
    }

    public ItemSnapshot ToSnapshot() => new(Key, Order, Title, TeamId, Team?.Name, Stage, Date, StartTime, Headcount, Method, Hours,
        OwnerEmployeeId, Owner?.Name ?? "", Category, KnowledgeAreaId, Needs.Select(n => n.NeedId).Order().ToList(), QaDimension);

    public PlanItemSpec ToSpec() => new(Key, Title, TeamId, Stage, Date, StartTime, Headcount, Method, Hours, OwnerEmployeeId, Category,
        KnowledgeAreaId, Needs.Select(n => n.NeedId).Order().ToList(), QaDimension);
}

/// <summary>A training need that a plan item answers.</summary>
public sealed class PlanItemNeed : IAudited
{
    public int PlanItemId { get; private set; }
    public int NeedId { get; private set; }

    private PlanItemNeed() { }

    internal PlanItemNeed(int needId) => NeedId = needId;
}

/// <summary>A version of a plan's items, kept for good: version 1 when the plan is issued, one more per approved revision.</summary>
public sealed class PlanVersion
{
    public int Id { get; private set; }
    public int PlanId { get; private set; }
    public int Number { get; private set; }
    public string ItemsJson { get; private set; } = "[]";

    /// <summary>The revision that made it; null for the issued version 1.</summary>
    public int? RevisionNumber { get; private set; }
    public string Note { get; private set; } = "";
    public string By { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    private PlanVersion() { }

    internal PlanVersion(int number, string itemsJson, int? revisionNumber, string note, string by, DateTimeOffset at)
    {
        Number = number;
        ItemsJson = itemsJson;
        RevisionNumber = revisionNumber;
        Note = note;
        By = by;
        At = at;
    }

    public IReadOnlyList<ItemSnapshot> Items() => ItemSnapshot.Deserialize(ItemsJson);
}

/// <summary>计划修订 — a proposed change to an issued plan, with its reason, waiting for the general manager (SPEC R7.3).</summary>
public sealed class PlanRevision : IAudited, IVersioned
{
    /// <summary>Optimistic-concurrency token (<see cref="IVersioned"/>): of two racing decisions the second is a 409.</summary>
    public int RowVersion { get; private set; }

    public int Id { get; private set; }
    public int PlanId { get; private set; }

    /// <summary>1, 2, … within the plan.</summary>
    public int Number { get; private set; }

    /// <summary>The version the revision was proposed against.</summary>
    public int BaseVersion { get; private set; }
    public string Reason { get; private set; } = "";

    /// <summary>The items the plan would have, as <see cref="ItemSnapshot"/>s.</summary>
    public string ItemsJson { get; private set; } = "[]";
    public RevisionStatus Status { get; private set; }
    public string ProposedBy { get; private set; } = "";
    public DateTimeOffset ProposedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionNote { get; private set; }

    /// <summary>The version the approved revision made.</summary>
    public int? ResultVersion { get; private set; }

    private PlanRevision() { }

    internal PlanRevision(int number, int baseVersion, string reason, string itemsJson, string by, DateTimeOffset at)
    {
        Number = number;
        BaseVersion = baseVersion;
        Reason = reason;
        ItemsJson = itemsJson;
        Status = RevisionStatus.Pending;
        ProposedBy = by;
        ProposedAt = at;
    }

    internal void Decide(RevisionStatus status, string by, DateTimeOffset at, string? note, int? version)
    {
        Status = status;
        DecidedBy = by;
        DecidedAt = at;
        DecisionNote = note;
        ResultVersion = version;
    }

    public IReadOnlyList<ItemSnapshot> Items() => ItemSnapshot.Deserialize(ItemsJson);
}

internal sealed class TrainingPlanConfiguration : IEntityTypeConfiguration<TrainingPlan>
{
    public void Configure(EntityTypeBuilder<TrainingPlan> b)
    {
        b.Property(x => x.Month).HasMaxLength(7);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.CreatedBy).HasMaxLength(TrainingPlan.ByMax);
        b.Property(x => x.SubmittedBy).HasMaxLength(TrainingPlan.ByMax);
        b.Property(x => x.ApprovedBy).HasMaxLength(TrainingPlan.ByMax);
        b.Property(x => x.IssuedBy).HasMaxLength(TrainingPlan.ByMax);
        b.Property(x => x.ReturnNote).HasMaxLength(TrainingPlan.NoteMax);
        b.HasIndex(x => new { x.DepartmentId, x.Month }).IsUnique();
        b.HasIndex(x => x.Month);
        b.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Versions).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Revisions).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.HasPendingRevision);
    }
}

internal sealed class PlanItemConfiguration : IEntityTypeConfiguration<PlanItem>
{
    public void Configure(EntityTypeBuilder<PlanItem> b)
    {
        b.Property(x => x.Title).HasMaxLength(PlanItemRules.TitleMax);
        b.Property(x => x.Stage).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Method).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Progress).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Hours).HasPrecision(4, 1);
        b.Property(x => x.QaDimension).HasMaxLength(PlanItemRules.QaDimensionMax);
        b.HasIndex(x => new { x.PlanId, x.Key }).IsUnique();
        b.HasOne(x => x.Team).WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Owner).WithMany().HasForeignKey(x => x.OwnerEmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Assessments.KnowledgeArea>().WithMany().HasForeignKey(x => x.KnowledgeAreaId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Needs).WithOne().HasForeignKey(x => x.PlanItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanItemNeedConfiguration : IEntityTypeConfiguration<PlanItemNeed>
{
    public void Configure(EntityTypeBuilder<PlanItemNeed> b)
    {
        b.HasKey(x => new { x.PlanItemId, x.NeedId });
        b.HasIndex(x => x.NeedId);
        b.HasOne<Training.TrainingNeed>().WithMany().HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanVersionConfiguration : IEntityTypeConfiguration<PlanVersion>
{
    public void Configure(EntityTypeBuilder<PlanVersion> b)
    {
        b.Property(x => x.Note).HasMaxLength(TrainingPlan.NoteMax);
        b.Property(x => x.By).HasMaxLength(TrainingPlan.ByMax);
        b.HasIndex(x => new { x.PlanId, x.Number }).IsUnique();
    }
}

internal sealed class PlanRevisionConfiguration : IEntityTypeConfiguration<PlanRevision>
{
    public void Configure(EntityTypeBuilder<PlanRevision> b)
    {
        b.Property(x => x.Reason).HasMaxLength(TrainingPlan.NoteMax);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ProposedBy).HasMaxLength(TrainingPlan.ByMax);
        b.Property(x => x.DecidedBy).HasMaxLength(TrainingPlan.ByMax);
        b.Property(x => x.DecisionNote).HasMaxLength(TrainingPlan.NoteMax);
        b.HasIndex(x => new { x.PlanId, x.Number }).IsUnique();
    }
}
