using System.Security.Claims;
using AgentPath.Web.Data;
using AgentPath.Web.Features.Notifications;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Plans;

public enum PlanOutcome
{
    Ok,
    NotFound,
    Forbidden,

    /// <summary>The input has problems (see <see cref="PlanResult.Problems"/>); nothing was changed.</summary>
    Invalid,

    /// <summary>The plan refused the move in its present state (see <see cref="PlanResult.Error"/>); nothing was changed.</summary>
    Conflict,
}

/// <summary>What a plan command did. Messages are already in the user's language.</summary>
public sealed record PlanResult(PlanOutcome Outcome, TrainingPlan? Plan = null, string? Error = null, Dictionary<string, string>? Problems = null)
{
    public int? RevisionNumber { get; init; }
}

/// <summary>Who did it, as the plan records it: the person's display name, else the user name.</summary>
public static class PlanActor
{
    public static string Name(ClaimsPrincipal user) => user.FindFirst("agentpath:display")?.Value ?? user.Identity?.Name ?? "?";

    public static int? EmployeeId(ClaimsPrincipal user) => Assessments.AssessmentsApi.EmployeeIdOf(user);
}

/// <summary>
/// Which plans the user may see: the whole center for trainers, QA, HR, the general manager and
/// admins; their own department for supervisors and department managers; the departments of the
/// teams they lead for team leads. Agents see none. Outside = 404.
/// </summary>
public sealed class PlanAccess(AppDbContext db, DataScopeProvider scope)
{
    private int[]? _departments;
    private bool _loaded;

    /// <summary>The departments in scope; null = every department.</summary>
    public async Task<int[]?> DepartmentsAsync(CancellationToken ct = default)
    {
        if (_loaded)
        {
            return _departments;
        }

        var s = await scope.GetAsync(ct);
        if (!s.Everyone)
        {
            var set = s.DepartmentIds.ToHashSet();
            if (s.TeamIds.Count > 0)
            {
                var teams = s.TeamIds.ToArray();
                set.UnionWith(await db.Teams.Where(t => teams.Contains(t.Id)).Select(t => t.DepartmentId).ToListAsync(ct));
            }

            _departments = set.ToArray();
        }

        _loaded = true;
        return _departments;
    }

    public async Task<IQueryable<TrainingPlan>> PlansAsync(CancellationToken ct = default)
    {
        var departments = await DepartmentsAsync(ct);
        return departments is null ? db.TrainingPlans : db.TrainingPlans.Where(p => departments.Contains(p.DepartmentId));
    }

    public async Task<IQueryable<Department>> DepartmentListAsync(CancellationToken ct = default)
    {
        var departments = await DepartmentsAsync(ct);
        return departments is null ? db.Departments : db.Departments.Where(d => departments.Contains(d.Id));
    }

    public async Task<bool> SeesDepartmentAsync(int departmentId, CancellationToken ct = default) =>
        await DepartmentsAsync(ct) is not { } d || d.Contains(departmentId);

    /// <summary>The plan with its items, versions and revisions, if the user may see it.</summary>
    public async Task<TrainingPlan?> LoadAsync(int id, bool track, CancellationToken ct = default)
    {
        var q = (await PlansAsync(ct)).Include(p => p.Department).Include(p => p.Items).ThenInclude(i => i.Team)
            .Include(p => p.Items).ThenInclude(i => i.Owner).Include(p => p.Items).ThenInclude(i => i.Needs)
            .Include(p => p.Versions).Include(p => p.Revisions).AsSplitQuery();
        return await (track ? q : q.AsNoTracking()).FirstOrDefaultAsync(p => p.Id == id, ct);
    }

    /// <summary>The department of the signed-in person (a department manager approves only their own department's plans).</summary>
    public async Task<int?> OwnDepartmentAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        PlanActor.EmployeeId(user) is { } id ? await db.Employees.Where(e => e.Id == id).Select(e => (int?)e.DepartmentId).FirstOrDefaultAsync(ct) : null;
}

/// <summary>
/// The plan commands shared by the plan pages and the API: each checks scope (404), then the role
/// for this plan (403), then the input (400), then lets the entity move (409 when it refuses), and
/// saves with its audit entries and notifications in one go. A refused command changes nothing.
/// </summary>
public sealed class PlanService(AppDbContext db, PlanAccess access, Notifier notifier, TimeProvider time, IStringLocalizer<Text> text)
{
    /// <summary>Active people of the department (and team, and stage) — the audience an item's headcount may not exceed.</summary>
    public Task<int> AudienceSizeAsync(int departmentId, int? teamId, Stage? stage, CancellationToken ct = default) => AudienceSizeAsync(db, departmentId, teamId, stage, ct);

    public static Task<int> AudienceSizeAsync(AppDbContext db, int departmentId, int? teamId, Stage? stage, CancellationToken ct = default)
    {
        var q = db.Employees.Where(e => e.DepartmentId == departmentId && e.Stage != Stage.Eliminated && e.Stage != Stage.Left);
        if (teamId is { } t)
        {
            q = q.Where(e => e.TeamId == t);
        }

        if (stage is { } s)
        {
            q = q.Where(e => e.Stage == s);
        }

        return q.CountAsync(ct);
    }

    public sealed record Resolved(Team? Team, Employee? Owner, int AudienceSize, List<(string Field, string Message, object[] Args)> Problems);

    /// <summary>Looks up what an item names and lists its problems.</summary>
    public async Task<Resolved> ResolveAsync(int departmentId, string month, PlanItemSpec spec, CancellationToken ct = default)
    {
        var team = spec.TeamId is { } t ? await db.Teams.FirstOrDefaultAsync(x => x.Id == t, ct) : null;
        var owner = await db.Employees.FirstOrDefaultAsync(e => e.Id == spec.OwnerEmployeeId, ct);
        var size = await AudienceSizeAsync(departmentId, team?.Id, spec.Stage, ct);
        var problems = PlanItemRules.Problems(spec, month, departmentId, team, size, owner);
        if (spec.KnowledgeAreaId is { } area && !await db.KnowledgeAreas.AnyAsync(a => a.Id == area, ct))
        {
            problems.Add(("KnowledgeAreaId", "Unknown knowledge area.", []));
        }

        if (spec.NeedIds.Count > 0)
        {
            var ids = spec.NeedIds.Distinct().ToList();
            if (await db.TrainingNeeds.CountAsync(n => ids.Contains(n.Id), ct) != ids.Count)
            {
                problems.Add(("NeedIds", "Unknown training need.", []));
            }
        }

        return new Resolved(team, owner, size, problems);
    }

    /// <summary>Problems keyed by field, in the user's language; <paramref name="prefix"/> names the item ("Items[2].").</summary>
    public Dictionary<string, string> Localize(IEnumerable<(string Field, string Message, object[] Args)> problems, string prefix = "")
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, message, args) in problems)
        {
            result.TryAdd(prefix + field, args.Length == 0 ? text[message] : text[message, args]);
        }

        return result;
    }

    /// <summary>The items of a form or request as specs, with the problems of missing values keyed "Items[i].Field".</summary>
    public (List<(int Index, PlanItemSpec Spec)> Specs, Dictionary<string, string> Problems) Specs(IReadOnlyList<PlanItemInput?> items)
    {
        var specs = new List<(int, PlanItemSpec)>();
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var (spec, p) = (items[i] ?? new PlanItemInput()).ToSpec();
            foreach (var kv in Localize(p, $"Items[{i}]."))
            {
                problems.TryAdd(kv.Key, kv.Value);
            }

            if (spec is not null)
            {
                specs.Add((i, spec));
            }
        }

        return (specs, problems);
    }

    public async Task<bool> VisibleAsync(int id, CancellationToken ct = default) => await (await access.PlansAsync(ct)).AnyAsync(p => p.Id == id, ct);

    public async Task<PlanResult> CreateAsync(int departmentId, string month, IReadOnlyList<PlanItemInput?> inputs, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!Compiles(user))
        {
            return new PlanResult(PlanOutcome.Forbidden);
        }

        var (items, missing) = Specs(inputs);
        if (!PlanMonth.TryParse(month, out var first))
        {
            return Invalid("Month", "A month is written as YYYY-MM.");
        }

        var department = await (await access.DepartmentListAsync(ct)).FirstOrDefaultAsync(d => d.Id == departmentId, ct);
        if (department is null)
        {
            return Invalid("DepartmentId", "Unknown department.");
        }

        var m = PlanMonth.Of(first);
        if (await db.TrainingPlans.AnyAsync(p => p.DepartmentId == departmentId && p.Month == m, ct))
        {
            return new PlanResult(PlanOutcome.Conflict, Error: text["The department already has a plan for this month."]);
        }

        var plan = new TrainingPlan(department, m, PlanActor.Name(user), time.GetUtcNow());
        var problems = missing;
        var resolved = new List<(PlanItemSpec, Resolved)>();
        foreach (var (index, spec) in items)
        {
            var r = await ResolveAsync(departmentId, m, spec, ct);
            foreach (var kv in Localize(r.Problems, $"Items[{index}]."))
            {
                problems.TryAdd(kv.Key, kv.Value);
            }

            resolved.Add((spec, r));
        }

        if (problems.Count > 0)
        {
            return new PlanResult(PlanOutcome.Invalid, Problems: problems);
        }

        foreach (var (spec, r) in resolved)
        {
            plan.AddItem(spec, r.Team, r.Owner, r.AudienceSize);
        }

        db.TrainingPlans.Add(plan);
        await MarkPlannedAsync(items.SelectMany(x => x.Spec.NeedIds), ct);
        await db.SaveChangesAsync(ct);
        return new PlanResult(PlanOutcome.Ok, plan);
    }

    /// <summary>Adds (itemId null) or changes an item of a draft.</summary>
    public async Task<PlanResult> SaveItemAsync(int planId, int? itemId, PlanItemInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var plan = await access.LoadAsync(planId, track: true, ct);
        if (plan is null)
        {
            return new PlanResult(PlanOutcome.NotFound);
        }

        if (!Compiles(user))
        {
            return new PlanResult(PlanOutcome.Forbidden, plan);
        }

        var item = itemId is { } id ? plan.Items.FirstOrDefault(i => i.Id == id) : null;
        if (itemId is not null && item is null)
        {
            return new PlanResult(PlanOutcome.NotFound, plan);
        }

        if (plan.Status != PlanStatus.Draft)
        {
            return Refused(plan, plan.Status == PlanStatus.Issued ? "An issued plan's items change only through a revision." : "Only a draft plan's items can be changed.");
        }

        var (spec, missing) = input.ToSpec();
        if (spec is null)
        {
            return new PlanResult(PlanOutcome.Invalid, plan, Problems: Localize(missing));
        }

        var r = await ResolveAsync(plan.DepartmentId, plan.Month, spec, ct);
        if (r.Problems.Count > 0)
        {
            return new PlanResult(PlanOutcome.Invalid, plan, Problems: Localize(r.Problems));
        }

        if (item is null)
        {
            plan.AddItem(spec, r.Team, r.Owner, r.AudienceSize);
        }
        else
        {
            plan.UpdateItem(item, spec, r.Team, r.Owner, r.AudienceSize);
        }

        await MarkPlannedAsync(spec.NeedIds, ct);
        await db.SaveChangesAsync(ct);
        return new PlanResult(PlanOutcome.Ok, plan);
    }

    public Task<PlanResult> RemoveItemAsync(int planId, int itemId, ClaimsPrincipal user, CancellationToken ct = default) =>
        MoveAsync(planId, user, Compiles, (plan, _, _) =>
        {
            var item = plan.Items.FirstOrDefault(i => i.Id == itemId) ?? throw new DomainException("The item is not on this plan.");
            plan.RemoveItem(item);
        }, ct);

    public Task<PlanResult> SubmitAsync(int id, ClaimsPrincipal user, CancellationToken ct = default) =>
        MoveAsync(id, user, u => u.IsInRole(Roles.Hr), (plan, by, at) => plan.Submit(by, at), ct,
            async plan => await NotifyAsync(await ManagersOfAsync(plan.DepartmentId, ct), "The training plan {0} waits for your approval.", plan));

    public Task<PlanResult> ReturnAsync(int id, string? note, ClaimsPrincipal user, CancellationToken ct = default) =>
        MoveManagerAsync(id, user, (plan, by, at) => plan.Return(note ?? "", by, at), ct,
            async plan => await NotifyAsync(await UsersInRoleAsync(Roles.Hr, ct), "The training plan {0} was sent back for changes.", plan));

    public Task<PlanResult> ApproveAsync(int id, ClaimsPrincipal user, CancellationToken ct = default) =>
        MoveManagerAsync(id, user, (plan, by, at) => plan.Approve(by, at), ct,
            async plan => await NotifyAsync(await UsersInRoleAsync(Roles.Hr, ct), "The training plan {0} is approved and can be issued.", plan));

    public Task<PlanResult> IssueAsync(int id, ClaimsPrincipal user, CancellationToken ct = default) =>
        MoveAsync(id, user, u => u.IsInRole(Roles.Hr), (plan, by, at) => plan.Issue(by, at), ct,
            async plan => await NotifyAsync(await OwnersAndLeadsAsync(plan, ct), "The training plan {0} has been issued.", plan));

    /// <summary>Proposes a revision of an issued plan: the items it should have (key null/0 = new).</summary>
    public async Task<PlanResult> ProposeRevisionAsync(int id, string? reason, IReadOnlyList<PlanItemInput?> inputs, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var plan = await access.LoadAsync(id, track: true, ct);
        if (plan is null)
        {
            return new PlanResult(PlanOutcome.NotFound);
        }

        if (!user.IsInRole(Roles.Hr) && !await ManagesAsync(user, plan, ct))
        {
            return new PlanResult(PlanOutcome.Forbidden, plan);
        }

        if (plan.Status != PlanStatus.Issued)
        {
            return Refused(plan, "Only an issued plan is revised; change a draft directly.");
        }

        var (items, problems) = Specs(inputs);
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > TrainingPlan.NoteMax)
        {
            problems["Reason"] = text["Say why the plan is revised (at most 1000 characters)."];
        }

        if (inputs.Count == 0)
        {
            problems["Items"] = text["A revised plan keeps at least one item."];
        }

        var snapshots = new List<ItemSnapshot>();
        foreach (var (index, s) in items)
        {
            var r = await ResolveAsync(plan.DepartmentId, plan.Month, s, ct);
            foreach (var kv in Localize(r.Problems, $"Items[{index}]."))
            {
                problems.TryAdd(kv.Key, kv.Value);
            }

            if (r.Problems.Count == 0)
            {
                snapshots.Add(new ItemSnapshot(s.Key ?? 0, index + 1, s.Title.Trim(), r.Team?.Id, r.Team?.Name, s.Stage, s.Date, s.StartTime, s.Headcount,
                    s.Method, s.Hours, r.Owner!.Id, r.Owner.Name, s.Category, s.KnowledgeAreaId, s.NeedIds.Distinct().Order().ToList(), s.QaDimension));
            }
        }

        if (problems.Count > 0)
        {
            return new PlanResult(PlanOutcome.Invalid, plan, Problems: problems);
        }

        try
        {
            var revision = plan.ProposeRevision(reason!, snapshots, PlanActor.Name(user), time.GetUtcNow());
            await NotifyAsync(await UsersInRoleAsync(Roles.GeneralManager, ct), "A revision of the training plan {0} waits for your approval.", plan);
            await db.SaveChangesAsync(ct);
            return new PlanResult(PlanOutcome.Ok, plan) { RevisionNumber = revision.Number };
        }
        catch (DomainException e)
        {
            return Refused(plan, e.Message);
        }
    }

    public async Task<PlanResult> ApproveRevisionAsync(int id, int number, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var plan = await access.LoadAsync(id, track: true, ct);
        if (plan is null || plan.Revisions.All(r => r.Number != number))
        {
            return new PlanResult(PlanOutcome.NotFound, plan);
        }

        if (!user.IsInRole(Roles.GeneralManager))
        {
            return new PlanResult(PlanOutcome.Forbidden, plan);
        }

        var proposed = plan.Revisions.First(r => r.Number == number).Items();
        var teamIds = proposed.Where(s => s.TeamId != null).Select(s => s.TeamId!.Value).Distinct().ToList();
        var ownerIds = proposed.Select(s => s.OwnerEmployeeId).Distinct().ToList();
        var teams = await db.Teams.Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var owners = await db.Employees.Where(e => ownerIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        try
        {
            plan.ApproveRevision(number, teams, owners, PlanActor.Name(user), time.GetUtcNow());
            await MarkPlannedAsync(proposed.SelectMany(x => x.NeedIds), ct);
            await NotifyAsync(await UsersInRoleAsync(Roles.Hr, ct), "The revision of the training plan {0} is approved.", plan);
            await NotifyAsync(await ManagersOfAsync(plan.DepartmentId, ct), "The revision of the training plan {0} is approved.", plan);
            await db.SaveChangesAsync(ct);
            return new PlanResult(PlanOutcome.Ok, plan) { RevisionNumber = number };
        }
        catch (DomainException e)
        {
            return Refused(plan, e.Message);
        }
    }

    public async Task<PlanResult> RejectRevisionAsync(int id, int number, string? note, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var plan = await access.LoadAsync(id, track: true, ct);
        if (plan is null || plan.Revisions.All(r => r.Number != number))
        {
            return new PlanResult(PlanOutcome.NotFound, plan);
        }

        if (!user.IsInRole(Roles.GeneralManager))
        {
            return new PlanResult(PlanOutcome.Forbidden, plan);
        }

        try
        {
            plan.RejectRevision(number, note ?? "", PlanActor.Name(user), time.GetUtcNow());
            await NotifyAsync(await UsersInRoleAsync(Roles.Hr, ct), "The revision of the training plan {0} was rejected.", plan);
            await db.SaveChangesAsync(ct);
            return new PlanResult(PlanOutcome.Ok, plan) { RevisionNumber = number };
        }
        catch (DomainException e)
        {
            return Refused(plan, e.Message);
        }
    }

    public async Task<PlanResult> SetProgressAsync(int id, int itemId, ItemProgress progress, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var plan = await access.LoadAsync(id, track: true, ct);
        if (plan is null || plan.Items.All(i => i.Id != itemId))
        {
            return new PlanResult(PlanOutcome.NotFound, plan);
        }

        var item = plan.Items.First(i => i.Id == itemId);
        if (!Tracks(user) && PlanActor.EmployeeId(user) != item.OwnerEmployeeId)
        {
            return new PlanResult(PlanOutcome.Forbidden, plan);
        }

        try
        {
            plan.SetProgress(item, progress);
            await db.SaveChangesAsync(ct);
            return new PlanResult(PlanOutcome.Ok, plan);
        }
        catch (DomainException e)
        {
            return Refused(plan, e.Message);
        }
    }

    /// <summary>Open needs that an item now answers are taken into the plan (Training's status of the need).</summary>
    private async Task MarkPlannedAsync(IEnumerable<int> needIds, CancellationToken ct)
    {
        var ids = needIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        foreach (var need in await db.TrainingNeeds.Where(n => ids.Contains(n.Id) && n.Status == Training.TrainingNeedStatus.Open).ToListAsync(ct))
        {
            need.MarkPlanned();
        }
    }

    /// <summary>Hr and trainers compile drafts (管理部 with the training supervisor).</summary>
    public static bool Compiles(ClaimsPrincipal user) => user.IsInRole(Roles.Hr) || user.IsInRole(Roles.Trainer);

    public static bool Tracks(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Hr) || user.IsInRole(Roles.Trainer) || user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.DepartmentManager);

    /// <summary>The user is a department manager of the plan's department.</summary>
    public async Task<bool> ManagesAsync(ClaimsPrincipal user, TrainingPlan plan, CancellationToken ct = default) =>
        user.IsInRole(Roles.DepartmentManager) && await access.OwnDepartmentAsync(user, ct) == plan.DepartmentId;

    private async Task<PlanResult> MoveManagerAsync(int id, ClaimsPrincipal user, Action<TrainingPlan, string, DateTimeOffset> move, CancellationToken ct, Func<TrainingPlan, Task>? after = null)
    {
        var plan = await access.LoadAsync(id, track: true, ct);
        if (plan is null)
        {
            return new PlanResult(PlanOutcome.NotFound);
        }

        if (!await ManagesAsync(user, plan, ct))
        {
            return new PlanResult(PlanOutcome.Forbidden, plan);
        }

        return await ApplyAsync(plan, user, move, after, ct);
    }

    private async Task<PlanResult> MoveAsync(int id, ClaimsPrincipal user, Func<ClaimsPrincipal, bool> may, Action<TrainingPlan, string, DateTimeOffset> move, CancellationToken ct, Func<TrainingPlan, Task>? after = null)
    {
        var plan = await access.LoadAsync(id, track: true, ct);
        if (plan is null)
        {
            return new PlanResult(PlanOutcome.NotFound);
        }

        if (!may(user))
        {
            return new PlanResult(PlanOutcome.Forbidden, plan);
        }

        return await ApplyAsync(plan, user, move, after, ct);
    }

    private async Task<PlanResult> ApplyAsync(TrainingPlan plan, ClaimsPrincipal user, Action<TrainingPlan, string, DateTimeOffset> move, Func<TrainingPlan, Task>? after, CancellationToken ct)
    {
        try
        {
            move(plan, PlanActor.Name(user), time.GetUtcNow());
        }
        catch (DomainException e)
        {
            return Refused(plan, e.Message);
        }

        if (after is not null)
        {
            await after(plan);
        }

        await db.SaveChangesAsync(ct);
        return new PlanResult(PlanOutcome.Ok, plan);
    }

    private PlanResult Refused(TrainingPlan plan, string message)
    {
        // Nothing of a refused command may reach the database with a later save of this context.
        db.ChangeTracker.Clear();
        return new PlanResult(PlanOutcome.Conflict, plan, text[message]);
    }

    private PlanResult Invalid(string field, string message) =>
        new(PlanOutcome.Invalid, Problems: new Dictionary<string, string> { [field] = text[message] });

    private Task<List<int>> UsersInRoleAsync(string role, CancellationToken ct) =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == role
         select u.Id).Distinct().ToListAsync(ct);

    private Task<List<int>> ManagersOfAsync(int departmentId, CancellationToken ct) =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         join e in db.Employees on u.EmployeeId equals e.Id
         where r.Name == Roles.DepartmentManager && e.DepartmentId == departmentId
         select u.Id).Distinct().ToListAsync(ct);

    private async Task<List<int>> OwnersAndLeadsAsync(TrainingPlan plan, CancellationToken ct)
    {
        var owners = plan.Items.Select(i => i.OwnerEmployeeId).Distinct().ToList();
        var leads = await db.Teams.Where(t => t.DepartmentId == plan.DepartmentId && t.LeadEmployeeId != null).Select(t => t.LeadEmployeeId!.Value).ToListAsync(ct);
        var people = owners.Concat(leads).Distinct().ToList();
        var users = await db.Users.Where(u => u.EmployeeId != null && people.Contains(u.EmployeeId.Value)).Select(u => u.Id).ToListAsync(ct);
        users.AddRange(await ManagersOfAsync(plan.DepartmentId, ct));
        return users.Distinct().ToList();
    }

    private async Task NotifyAsync(IEnumerable<int> users, string message, TrainingPlan plan)
    {
        var name = await db.Departments.Where(d => d.Id == plan.DepartmentId).Select(d => d.Name).FirstAsync();
        foreach (var u in users.Distinct())
        {
            notifier.Post(u, message, [$"{name} {plan.Month}"], $"/plans/{plan.Id}");
        }
    }
}
