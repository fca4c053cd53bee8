using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Plans.Monthly;

/// <summary>
/// One monthly plan: the table in the seed's columns, the workflow with who moved each step and
/// when, the buttons the viewer's role allows at this step, the versions and the revisions.
/// </summary>
public sealed class DetailsModel(PlanAccess access, PlanService plans, PlanDelivery delivery, Training.SessionAccess sessions, AppDbContext db, IStringLocalizer<Text> text) : PageModel
{
    public sealed record SessionRow(int ItemId, int SessionId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place, string? Instructor, string Code, int Attended);

    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];
    /// <summary>The delivered sessions this user may open (a lead sees the plan, but only their team's sessions): the others are named, not linked.</summary>
    public IReadOnlySet<int> VisibleSessions { get; private set; } = new HashSet<int>();

    public IReadOnlyDictionary<int, PlanDelivery.ItemDelivery> Deliveries { get; private set; } = new Dictionary<int, PlanDelivery.ItemDelivery>();
    public decimal? AttendanceRate { get; private set; }

    public TrainingPlan Plan { get; private set; } = null!;
    public IReadOnlyList<PlanItem> Items { get; private set; } = [];
    public IReadOnlyDictionary<int, string> NeedTitles { get; private set; } = new Dictionary<int, string>();
    public IReadOnlyDictionary<int, NeedRow> Needs { get; private set; } = new Dictionary<int, NeedRow>();
    public IReadOnlyDictionary<int, string> Areas { get; private set; } = new Dictionary<int, string>();
    public PlanMix Mix { get; private set; } = new(0, 0);
    public PlanFormat.Context Format { get; private set; } = null!;
    public bool CanCompile { get; private set; }
    public bool CanSubmit { get; private set; }
    public bool CanApprove { get; private set; }
    public bool CanRevise { get; private set; }
    public bool CanDecideRevision { get; private set; }
    public bool CanTrack { get; private set; }
    public string? Flash { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Flash = done switch
        {
            "submitted" => text["The plan was submitted to the department manager."].Value,
            "returned" => text["The plan was sent back to draft."].Value,
            "approved" => text["The plan is approved."].Value,
            "issued" => text["The plan is issued as version 1."].Value,
            "proposed" => text["The revision was sent to the general manager."].Value,
            "revised" => text["The revision is approved; the plan is at a new version."].Value,
            "rejected" => text["The revision was rejected; the plan stays as it was."].Value,
            "saved" => text["Saved."].Value,
            "scheduled" => text["The session is scheduled; trainees sign in with its code."].Value,
            "generated" => text["The draft was generated from the month's training needs. Check each item before submitting."].Value,
            _ => null,
        };
        return Page();
    }

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) => Do(id, () => plans.SubmitAsync(id, User, ct), "submitted", ct);

    public Task<IActionResult> OnPostReturnAsync(int id, string? note, CancellationToken ct) => Do(id, () => plans.ReturnAsync(id, note, User, ct), "returned", ct);

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct) => Do(id, () => plans.ApproveAsync(id, User, ct), "approved", ct);

    public Task<IActionResult> OnPostIssueAsync(int id, CancellationToken ct) => Do(id, () => plans.IssueAsync(id, User, ct), "issued", ct);

    public Task<IActionResult> OnPostRemoveItemAsync(int id, int itemId, CancellationToken ct) => Do(id, () => plans.RemoveItemAsync(id, itemId, User, ct), "saved", ct);

    public Task<IActionResult> OnPostProgressAsync(int id, int itemId, ItemProgress progress, CancellationToken ct) =>
        Do(id, () => plans.SetProgressAsync(id, itemId, progress, User, ct), "saved", ct);

    public Task<IActionResult> OnPostApproveRevisionAsync(int id, int number, CancellationToken ct) =>
        Do(id, () => plans.ApproveRevisionAsync(id, number, User, ct), "revised", ct);

    public Task<IActionResult> OnPostRejectRevisionAsync(int id, int number, string? note, CancellationToken ct) =>
        Do(id, () => plans.RejectRevisionAsync(id, number, note, User, ct), "rejected", ct);

    public async Task<IActionResult> OnPostScheduleAsync(int id, int itemId, string? place, CancellationToken ct)
    {
        if (!PlanService.Tracks(User))
        {
            return Forbid();
        }

        var (session, error) = await delivery.ScheduleAsync(id, itemId, place, null, User, ct);
        if (session is null && error is null)
        {
            return NotFound();
        }

        if (session is not null)
        {
            return LocalRedirect($"/plans/{id}?done=scheduled");
        }

        Error = error;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<IActionResult> Do(int id, Func<Task<PlanResult>> command, string done, CancellationToken ct)
    {
        var r = await command();
        switch (r.Outcome)
        {
            case PlanOutcome.Ok:
                return LocalRedirect($"/plans/{id}?done={done}");
            case PlanOutcome.NotFound:
                return NotFound();
            case PlanOutcome.Forbidden:
                return Forbid();
        }

        Error = r.Error ?? string.Join(" ", r.Problems?.Values.AsEnumerable() ?? []);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var plan = await access.LoadAsync(id, track: false, ct);
        if (plan is null)
        {
            return false;
        }

        Plan = plan;
        Items = plan.Items.OrderBy(i => i.Order).ThenBy(i => i.Key).ToList();
        Mix = PlanMix.Of(Items.Select(i => (i.Category, i.Hours, i.Headcount)));
        Format = await PlansApi.ContextAsync(plan, db, ct);
        NeedTitles = Format.Needs;
        var ids = Items.SelectMany(i => i.Needs.Select(n => n.NeedId)).Distinct().ToList();
        Needs = await PlanNeeds.Query(db).Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, ct);
        Areas = Format.Areas;
        var manages = await plans.ManagesAsync(User, plan, ct);
        CanCompile = PlanService.Compiles(User) && plan.Status == PlanStatus.Draft;
        CanSubmit = User.IsInRole(Roles.Hr);
        CanApprove = manages;
        CanRevise = User.IsInRole(Roles.Hr) || manages;
        CanDecideRevision = User.IsInRole(Roles.GeneralManager);
        CanTrack = PlanService.Tracks(User);
        var itemIds = Items.Select(i => i.Id).ToList();
        Sessions = await db.PlanItemSessions.AsNoTracking().Where(l => itemIds.Contains(l.PlanItemId)).OrderBy(l => l.Session.StartsAt)
            .Select(l => new SessionRow(l.PlanItemId, l.SessionId, l.Session.StartsAt, l.Session.EndsAt, l.Session.Place,
                l.Session.Instructor != null ? l.Session.Instructor.Name : null, l.Session.SignInCode,
                db.Attendances.Count(a => a.SessionId == l.SessionId && (a.Status == Training.AttendanceStatus.Present || a.Status == Training.AttendanceStatus.Late))))
            .ToListAsync(ct);
        var sessionIds = Sessions.Select(x => x.SessionId).Distinct().ToList();
        VisibleSessions = (await (await sessions.VisibleAsync(ct)).Where(x => sessionIds.Contains(x.Id)).Select(x => x.Id).ToListAsync(ct)).ToHashSet();
        Deliveries = await delivery.DeliveriesAsync(Items, ct);
        AttendanceRate = PlanDelivery.AttendanceRate(Deliveries.Values);
        return true;
    }

    /// <summary>The changes a revision makes against the version it was proposed on.</summary>
    public IReadOnlyList<ItemChange> ChangesOf(PlanRevision r) =>
        PlanComparison.Compare(Plan.Versions.FirstOrDefault(v => v.Number == r.BaseVersion)?.Items() ?? Plan.Snapshot(), r.Items());
}
