using System.Security.Claims;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Plans;

/// <summary>
/// /api/v1/plans — monthly training plans and their workflow. Outside checks rely on these shapes.
/// A wrong role gets 403, a plan outside the caller's scope 404, and a refused move 409; in every
/// one of these cases the plan is unchanged.
/// </summary>
public static class PlansApi
{
    public sealed record PlanItemDto(
        int Id, string Title, string Audience, int Headcount, string Method, decimal Hours, string Owner, string Category,
        int Key, string Time, int OwnerEmployeeId, string Progress);

    public sealed record PlanDto(int Id, int DepartmentId, string Month, string Status, int Version, IReadOnlyList<PlanItemDto> Items);

    public sealed record FieldChangeDto(string Field, string Before, string After);

    public sealed record ChangeDto(string Kind, int Key, string Title, IReadOnlyList<FieldChangeDto> Fields);

    public sealed record RevisionDto(
        int Number, string Status, string Reason, int BaseVersion, string ProposedBy, DateTimeOffset ProposedAt,
        string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote, int? ResultVersion, IReadOnlyList<ChangeDto> Changes);

    public sealed record VersionDto(int Number, int? RevisionNumber, string Note, string By, DateTimeOffset At);

    public sealed record PlanDetailDto(
        int Id, int DepartmentId, string Month, string Status, int Version, IReadOnlyList<PlanItemDto> Items,
        string Department, IReadOnlyList<VersionDto> Versions, IReadOnlyList<RevisionDto> Revisions);

    public sealed record ComparisonDto(int From, int To, IReadOnlyList<ChangeDto> Changes);

    public sealed record NewPlanInput(int? DepartmentId, string? Month, List<PlanItemInput>? Items);

    public sealed record RevisionInput(string? Reason, List<PlanItemInput>? Items);

    public sealed record NoteInput(string? Note);

    public static void MapPlansApi(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/plans").WithTags("Plans");

        g.MapGet("", async Task<Results<Ok<List<PlanDto>>, ValidationProblem>> (string? month, int? departmentId, PlanAccess access, IStringLocalizer<Text> text, CancellationToken ct) =>
        {
            var q = (await access.PlansAsync(ct)).AsNoTracking();
            if (month is not null)
            {
                if (!PlanMonth.TryParse(month, out var first))
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["month"] = [text["A month is written as YYYY-MM."]] });
                }

                var m = PlanMonth.Of(first);
                q = q.Where(p => p.Month == m);
            }

            if (departmentId is { } d)
            {
                q = q.Where(p => p.DepartmentId == d);
            }

            var plans = await Full(q).OrderByDescending(p => p.Month).ThenBy(p => p.DepartmentId).ToListAsync(ct);
            return TypedResults.Ok(plans.Select(p => ToDto(p, text)).ToList());
        })
        .RequireAuthorization(Policies.PlansRead)
        .WithSummary("Monthly training plans in the caller's scope, by month (YYYY-MM) and department.");

        g.MapGet("/{id:int}", async Task<Results<Ok<PlanDetailDto>, NotFound>> (int id, PlanAccess access, AppDbContext db, IStringLocalizer<Text> text, CancellationToken ct) =>
            await access.LoadAsync(id, track: false, ct) is { } plan ? TypedResults.Ok(await DetailAsync(plan, db, text, ct)) : TypedResults.NotFound())
        .RequireAuthorization(Policies.PlansRead)
        .WithSummary("One plan with its versions and revisions.");

        g.MapPost("", async Task<Results<Created<PlanDto>, ValidationProblem, ProblemHttpResult>> (NewPlanInput input, PlanService plans, ClaimsPrincipal user, IStringLocalizer<Text> text, CancellationToken ct) =>
        {
            var r = await plans.CreateAsync(input.DepartmentId ?? 0, input.Month ?? "", input.Items ?? [], user, ct);
            return r.Outcome switch
            {
                PlanOutcome.Ok => TypedResults.Created($"/api/v1/plans/{r.Plan!.Id}", ToDto(r.Plan, text)),
                PlanOutcome.Invalid => Problem(r.Problems!),
                PlanOutcome.Forbidden => Forbidden(text),
                _ => TypedResults.Problem(statusCode: 409, title: r.Error),
            };
        })
        .RequireAuthorization(Policies.PlansCompile)
        .WithSummary("A new draft plan for a department and month, with its items (HR and trainers).");

        g.MapPost("/{id:int}/submit", (int id, PlanService plans, ClaimsPrincipal user, IStringLocalizer<Text> text, CancellationToken ct) =>
            Move(() => plans.SubmitAsync(id, user, ct), text))
        .RequireAuthorization(Policies.PlansSubmit)
        .WithSummary("Draft → Submitted, by the management department (HR).");

        g.MapPost("/{id:int}/return", (int id, NoteInput? input, PlanService plans, ClaimsPrincipal user, IStringLocalizer<Text> text, CancellationToken ct) =>
            Move(() => plans.ReturnAsync(id, input?.Note, user, ct), text))
        .RequireAuthorization(Policies.PlansApprove)
        .WithSummary("Submitted → Draft with a note, by the manager of the plan's department.");

        g.MapPost("/{id:int}/approve", (int id, PlanService plans, ClaimsPrincipal user, IStringLocalizer<Text> text, CancellationToken ct) =>
            Move(() => plans.ApproveAsync(id, user, ct), text))
        .RequireAuthorization(Policies.PlansApprove)
        .WithSummary("Submitted → Approved, by the manager of the plan's department.");

        g.MapPost("/{id:int}/issue", (int id, PlanService plans, ClaimsPrincipal user, IStringLocalizer<Text> text, CancellationToken ct) =>
            Move(() => plans.IssueAsync(id, user, ct), text))
        .RequireAuthorization(Policies.PlansSubmit)
        .WithSummary("Approved → Issued (version 1 is kept), by the management department (HR).");

        g.MapPost("/{id:int}/revisions", async Task<Results<Created<RevisionDto>, NotFound, ValidationProblem, ProblemHttpResult>> (
            int id, RevisionInput input, PlanService plans, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Text> text, CancellationToken ct) =>
        {
            var r = await plans.ProposeRevisionAsync(id, input.Reason, input.Items ?? [], user, ct);
            switch (r.Outcome)
            {
                case PlanOutcome.NotFound:
                    return TypedResults.NotFound();
                case PlanOutcome.Forbidden:
                    return Forbidden(text);
                case PlanOutcome.Invalid:
                    return Problem(r.Problems!);
                case PlanOutcome.Conflict:
                    return TypedResults.Problem(statusCode: 409, title: r.Error);
            }

            var revision = r.Plan!.Revisions.First(x => x.Number == r.RevisionNumber);
            return TypedResults.Created($"/api/v1/plans/{id}/revisions/{revision.Number}", await RevisionDtoAsync(r.Plan, revision, db, text, ct));
        })
        .RequireAuthorization(Policies.PlansRevise)
        .WithSummary("Proposes a revision of an issued plan: the items it should have (an item without key is new, an item left out is dropped). HR or the department's manager.");

        g.MapPost("/{id:int}/revisions/{rev:int}/approve", (int id, int rev, PlanService plans, ClaimsPrincipal user, IStringLocalizer<Text> text, CancellationToken ct) =>
            Move(() => plans.ApproveRevisionAsync(id, rev, user, ct), text))
        .RequireAuthorization(Policies.PlansRevisionDecide)
        .WithSummary("The general manager approves revision {rev}: the plan's items become a new version.");

        g.MapPost("/{id:int}/revisions/{rev:int}/reject", (int id, int rev, NoteInput? input, PlanService plans, ClaimsPrincipal user, IStringLocalizer<Text> text, CancellationToken ct) =>
            Move(() => plans.RejectRevisionAsync(id, rev, input?.Note, user, ct), text))
        .RequireAuthorization(Policies.PlansRevisionDecide)
        .WithSummary("The general manager rejects revision {rev}, saying why; the plan stays as it is.");

        g.MapGet("/{id:int}/compare", async Task<Results<Ok<ComparisonDto>, NotFound, ValidationProblem>> (
            int id, int? from, int? to, PlanAccess access, AppDbContext db, IStringLocalizer<Text> text, CancellationToken ct) =>
        {
            var plan = await access.LoadAsync(id, track: false, ct);
            if (plan is null)
            {
                return TypedResults.NotFound();
            }

            var a = plan.Versions.FirstOrDefault(v => v.Number == (from ?? plan.Version - 1));
            var b = plan.Versions.FirstOrDefault(v => v.Number == (to ?? plan.Version));
            if (a is null || b is null)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = [text["The plan has no such version."]] });
            }

            var context = await ContextAsync(plan, db, ct);
            return TypedResults.Ok(new ComparisonDto(a.Number, b.Number, Changes(PlanComparison.Compare(a.Items(), b.Items()), context, text)));
        })
        .RequireAuthorization(Policies.PlansRead)
        .WithSummary("What changed between two versions (default: the last two).");

        g.MapGet("/{id:int}/export", async Task<Results<FileContentHttpResult, NotFound>> (int id, PlanAccess access, AppDbContext db, IStringLocalizer<Text> text, CancellationToken ct) =>
        {
            var plan = await access.LoadAsync(id, track: false, ct);
            if (plan is null)
            {
                return TypedResults.NotFound();
            }

            var sheet = PlanExport.Build(plan, (await ContextAsync(plan, db, ct)).Needs, text);
            return TypedResults.File(PlanExport.Xlsx(sheet, text), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"plan-{plan.Month}-{plan.DepartmentId}-v{plan.Version}.xlsx");
        })
        .RequireAuthorization(Policies.PlansRead)
        .WithSummary("The plan in the seed's table form, as .xlsx.");
    }

    private static IQueryable<TrainingPlan> Full(IQueryable<TrainingPlan> q) =>
        q.Include(p => p.Department).Include(p => p.Items).ThenInclude(i => i.Team).Include(p => p.Items).ThenInclude(i => i.Owner).AsSplitQuery();

    private static async Task<Results<Ok<PlanDto>, NotFound, ProblemHttpResult>> Move(Func<Task<PlanResult>> command, IStringLocalizer text)
    {
        var r = await command();
        return r.Outcome switch
        {
            PlanOutcome.Ok => TypedResults.Ok(ToDto(r.Plan!, text)),
            PlanOutcome.NotFound => TypedResults.NotFound(),
            PlanOutcome.Forbidden => Forbidden(text),
            _ => TypedResults.Problem(statusCode: r.Outcome == PlanOutcome.Invalid ? 400 : 409, title: r.Error ?? r.Problems?.Values.FirstOrDefault()),
        };
    }

    private static ProblemHttpResult Forbidden(IStringLocalizer text) => TypedResults.Problem(statusCode: 403, title: text["Your role does not allow this."]);

    private static ValidationProblem Problem(Dictionary<string, string> errors) => PeopleApi.Problem(errors);

    public static PlanDto ToDto(TrainingPlan p, IStringLocalizer text) => new(p.Id, p.DepartmentId, p.Month, p.Status.ToString(), p.Version,
        p.Items.OrderBy(i => i.Order).ThenBy(i => i.Key).Select(i => new PlanItemDto(
            i.Id, i.Title, PlanText.Audience(i.Team?.Name, i.Stage, p.Department.Name, text), i.Headcount, i.Method.ToString(), i.Hours,
            i.Owner.Name, i.Category.ToString(), i.Key, PlanText.Time(i.Date, i.StartTime), i.OwnerEmployeeId, i.Progress.ToString())).ToList());

    private static async Task<PlanDetailDto> DetailAsync(TrainingPlan p, AppDbContext db, IStringLocalizer text, CancellationToken ct)
    {
        var dto = ToDto(p, text);
        var revisions = new List<RevisionDto>();
        foreach (var r in p.Revisions.OrderBy(r => r.Number))
        {
            revisions.Add(await RevisionDtoAsync(p, r, db, text, ct));
        }

        return new PlanDetailDto(dto.Id, dto.DepartmentId, dto.Month, dto.Status, dto.Version, dto.Items, p.Department.Name,
            p.Versions.OrderBy(v => v.Number).Select(v => new VersionDto(v.Number, v.RevisionNumber, v.Note, v.By, v.At)).ToList(), revisions);
    }

    private static async Task<RevisionDto> RevisionDtoAsync(TrainingPlan p, PlanRevision r, AppDbContext db, IStringLocalizer text, CancellationToken ct)
    {
        var before = p.Versions.FirstOrDefault(v => v.Number == r.BaseVersion)?.Items() ?? p.Snapshot();
        var changes = Changes(PlanComparison.Compare(before, r.Items()), await ContextAsync(p, db, ct), text);
        return new RevisionDto(r.Number, r.Status.ToString(), r.Reason, r.BaseVersion, r.ProposedBy, r.ProposedAt, r.DecidedBy, r.DecidedAt, r.DecisionNote, r.ResultVersion, changes);
    }

    public static Task<Dictionary<int, string>> AreasAsync(AppDbContext db, CancellationToken ct)
    {
        var zh = System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
        return db.KnowledgeAreas.AsNoTracking().ToDictionaryAsync(a => a.Id, a => zh ? a.Name : a.NameEn, ct);
    }

    /// <summary>The names a plan's columns need: knowledge areas and the titles of every need any version names.</summary>
    public static async Task<PlanFormat.Context> ContextAsync(TrainingPlan p, AppDbContext db, CancellationToken ct)
    {
        var needIds = p.Items.SelectMany(i => i.Needs.Select(n => n.NeedId))
            .Concat(p.Versions.SelectMany(v => v.Items().SelectMany(i => i.NeedIds)))
            .Concat(p.Revisions.SelectMany(r => r.Items().SelectMany(i => i.NeedIds))).Distinct().ToList();
        return new PlanFormat.Context(p.Department.Name, await AreasAsync(db, ct), await PlanNeeds.TitlesAsync(db, needIds, ct));
    }

    public static List<ChangeDto> Changes(IReadOnlyList<ItemChange> changes, PlanFormat.Context context, IStringLocalizer text) =>
        changes.Select(c => new ChangeDto(c.Kind.ToString(), c.Key, c.Title, c.Fields.Select(f => new FieldChangeDto(f.ToString(),
            PlanFormat.Field(c.Before!, f, context, text), PlanFormat.Field(c.After!, f, context, text))).ToList())).ToList();
}
