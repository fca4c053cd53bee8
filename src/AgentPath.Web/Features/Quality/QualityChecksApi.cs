using System.Security.Claims;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Quality;

/// <summary>
/// /api/v1 — sampling plans and their draws (抽检), calibration sessions (校准会) and the findings (问题) that
/// become targeted retraining: the services the pages call, under the pages' policies.
/// </summary>
public static class QualityChecksApi
{
    public sealed record SamplingPlanDto(int Id, string Name, string Stage, int? TeamId, int PerAgent, int RaisedPerAgent, string Period, int ScorecardId, bool Active, int RowVersion);

    public sealed record DrawInput(DateOnly? Day);

    public sealed record PlanFieldChangeDto(string Field, string? Old, string? New);

    public sealed record PlanChangeDto(DateTimeOffset At, string By, string Action, IReadOnlyList<PlanFieldChangeDto> Changes);

    private static SamplingPlanDto ToDto(SamplingPlan p) => new(p.Id, p.Name, p.Stage.ToString(), p.TeamId, p.PerAgent, p.RaisedPerAgent, p.Period.ToString(), p.ScorecardId, p.Active, p.RowVersion);

    public sealed record DrawDto(int Id, int PlanId, DateOnly PeriodFrom, DateOnly PeriodTo, long Seed, int Eligible, int Chosen, string DrawnBy, DateTimeOffset DrawnAt);

    public sealed record DrawCheckDto(bool Reproducible);

    public sealed record CalibrationRowDto(int Id, string Title, long RecordingId, string Lead, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt);

    public sealed record ParticipantDto(int UserId, string Name, bool Submitted);

    public sealed record CalibrationItemDto(int ItemId, string Section, string Item, decimal? Reference, decimal Spread);

    public sealed record InspectorResultDto(int UserId, string Name, decimal Total, decimal? MeanDeviation);

    public sealed record CalibrationDto(int Id, string Title, long RecordingId, int ScorecardId, int ScorecardVersion, string Lead, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt,
        IReadOnlyList<ParticipantDto> Participants, decimal? ReferenceTotal, IReadOnlyList<InspectorResultDto> Inspectors, IReadOnlyList<CalibrationItemDto> Items);

    public sealed record FindingGroupDto(string Key, int Count, int Agents, int Evaluations, int? EmployeeId, string? Tag, int? TeamId);

    public sealed record FindingsDto(DateOnly From, DateOnly To, string By, int Total, IReadOnlyList<FindingGroupDto> Groups);

    public sealed record RetrainingInput(int EmployeeId, string? Dimension, int OwnerUserId, DateOnly? DueOn, string? Note);

    public sealed record RetrainingDto(int Id, int EmployeeId, string Topic, string Owner, DateOnly DueOn, string Status, decimal? BaselineScore);

    private static ProblemHttpResult Problem(IStringLocalizer text, int status, string key, object[]? args = null) =>
        TypedResults.Problem(statusCode: status, title: args is { Length: > 0 } ? text[key, args] : text[key]);

    private static DrawDto ToDto(SamplingDraw d) => new(d.Id, d.PlanId, d.PeriodFrom, d.PeriodTo, d.Seed, d.Eligible, d.Chosen, d.DrawnBy, d.DrawnAt);

    public static void MapQualityChecksApi(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("").WithTags("Quality");

        g.MapGet("/sampling/plans", async (AppDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.SamplingPlans.AsNoTracking().OrderBy(p => p.Stage).ThenBy(p => p.Id).ToListAsync(ct))
                .Select(ToDto).ToList()))
            .RequireAuthorization(Policies.QualityManage).WithSummary("The sampling plans per stage and team.");

        g.MapPost("/sampling/plans", async Task<IResult> (SamplingPlanInput input, SamplingPlanService plans, CancellationToken ct) =>
        {
            var p = (await plans.SaveAsync(null, input, ct))!;
            return TypedResults.Created($"/api/v1/sampling/plans/{p.Id}", ToDto(p));
        }).RequireAuthorization(Policies.QualityManage).Produces<SamplingPlanDto>(201).ProducesProblem(400)
            .WithSummary("Adds a sampling plan: name, stage (Apprenticeship, Probation, Regular), teamId (null = all teams), perAgent (1–50), raisedPerAgent (perAgent–100), period (Week, Month), scorecardId, active. At most 100 plans.");

        g.MapPut("/sampling/plans/{id:int}", async Task<IResult> (int id, SamplingPlanInput input, SamplingPlanService plans, CancellationToken ct) =>
            await plans.SaveAsync(id, input, ct) is { } p ? TypedResults.Ok(ToDto(p)) : TypedResults.NotFound())
            .RequireAuthorization(Policies.QualityManage).Produces<SamplingPlanDto>().ProducesProblem(400).ProducesProblem(409)
            .WithSummary("Changes a sampling plan's defaults (same body; rowVersion = the state read, from GET). The next draw uses them; draws already made keep their quotas. The change is audited. 409 when the plan was changed meanwhile.");

        g.MapGet("/sampling/plans/{id:int}/history", async Task<IResult> (int id, AppDbContext db, SamplingPlanService plans, CancellationToken ct) =>
        {
            if (!await db.SamplingPlans.AnyAsync(p => p.Id == id, ct))
            {
                return TypedResults.NotFound();
            }

            return TypedResults.Ok((await plans.HistoryAsync(id, 100, ct)).Select(r => new PlanChangeDto(r.Entry.At, r.Entry.UserName, r.Entry.Action.ToString(),
                r.Changes.Select(c => new PlanFieldChangeDto(c.Field, c.Old, c.New)).ToList())).ToList());
        }).RequireAuthorization(Policies.QualityManage).Produces<List<PlanChangeDto>>()
            .WithSummary("The plan's changes from the audit log, newest first (100): when, who, and each field's old and new value in the reader's language.");

        g.MapGet("/sampling/draws", async (AppDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.SamplingDraws.AsNoTracking().OrderByDescending(d => d.DrawnAt).Take(30).ToListAsync(ct)).Select(ToDto).ToList()))
            .RequireAuthorization(Policies.QualityManage).WithSummary("The last 30 draws with their stored seed.");

        g.MapPost("/sampling/plans/{id:int}/draws", async Task<IResult> (int id, DrawInput input, ClaimsPrincipal user, SamplingService sampling, IStringLocalizer<Text> text, CancellationToken ct) =>
        {
            var r = await sampling.DrawAsync(id, input.Day ?? sampling.Today(), user.Identity?.Name ?? "?", ct: ct);
            return r.Problem switch
            {
                null => TypedResults.Created($"/api/v1/sampling/draws/{r.Draw!.Id}", ToDto(r.Draw)),
                "Not found." => TypedResults.NotFound(),
                _ => Problem(text, 400, r.Problem, r.Args),
            };
        }).RequireAuthorization(Policies.QualityManage).Produces<DrawDto>(201).ProducesProblem(400)
            .WithSummary("Draws the plan's calls for the period holding day (default today, center time), once per period, and fills the inspectors' queues.");

        g.MapGet("/sampling/draws/{id:int}/check", async Task<IResult> (int id, SamplingService sampling, CancellationToken ct) =>
            await sampling.ReproduceAsync(id, ct) is { } same ? TypedResults.Ok(new DrawCheckDto(same)) : TypedResults.NotFound())
            .RequireAuthorization(Policies.QualityManage).WithSummary("Re-runs the draw from its seed: reproducible = the same calls.");

        g.MapGet("/calibration", async (AppDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.CalibrationSessions.AsNoTracking().OrderByDescending(s => s.CreatedAt).Take(50)
                .Select(s => new CalibrationRowDto(s.Id, s.Title, s.RecordingId, s.LeadName, s.CreatedAt, s.ClosedAt)).ToListAsync(ct)))
            .RequireAuthorization(Policies.QualityScore).WithSummary("Calibration sessions, newest first (50).");

        g.MapGet("/calibration/{id:int}", async Task<Results<Ok<CalibrationDto>, NotFound>> (int id, AppDbContext db, CalibrationService calibration, CancellationToken ct) =>
        {
            var s = await db.CalibrationSessions.AsNoTracking().Include(x => x.ScorecardVersion).FirstOrDefaultAsync(x => x.Id == id, ct);
            if (s is null)
            {
                return TypedResults.NotFound();
            }

            var participants = (await calibration.ParticipantsAsync(id, ct)).Select(p => new ParticipantDto(p.Id, p.Name, p.Submitted)).ToList();
            var r = await calibration.ResultsAsync(id, ct); // null while open: scoring is blind
            return TypedResults.Ok(new CalibrationDto(s.Id, s.Title, s.RecordingId, s.ScorecardVersion.ScorecardId, s.ScorecardVersion.Number, s.LeadName, s.CreatedAt, s.ClosedAt,
                participants, r?.ReferenceTotal,
                r is null ? [] : r.Inspectors.Select(i => new InspectorResultDto(i.Id, i.Name, r.Totals[i.Id], r.MeanDeviation[i.Id])).ToList(),
                r is null ? [] : r.Items.Select(i => new CalibrationItemDto(i.Item.Id, i.Section, i.Item.Text, i.Row.Reference, i.Row.Spread)).ToList()));
        }).RequireAuthorization(Policies.QualityScore)
            .WithSummary("One calibration session: while open who has scored (not what); once closed per item the spread and each inspector's distance from the reference. Inspectors score it through POST /evaluations' page flow.");

        g.MapPost("/calibration/{id:int}/close", async Task<IResult> (int id, ClaimsPrincipal user, AppDbContext db, CalibrationService calibration, IAuthorizationService auth,
            IStringLocalizer<Text> text, CancellationToken ct) =>
        {
            // The lead of the session or a QA manager closes it; who can close none gets 403 whatever the id.
            var me = EvaluationService.Actor(user).Id;
            var manager = (await auth.AuthorizeAsync(user, Policies.QualityManage)).Succeeded;
            if (!manager && !await db.CalibrationSessions.AnyAsync(s => s.LeadUserId == me, ct))
            {
                return TypedResults.Forbid();
            }

            var s = await db.CalibrationSessions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (s is null)
            {
                return TypedResults.NotFound();
            }

            if (!manager && s.LeadUserId != me)
            {
                return TypedResults.Forbid();
            }

            return await calibration.CloseAsync(id, ct) is { } problem ? Problem(text, 400, problem) : TypedResults.NoContent();
        }).RequireAuthorization(Policies.QualityScore).Produces(204).ProducesProblem(400)
            .WithSummary("Closes the session (the lead must have scored, and at least one other inspector); then the comparison is shown.");

        g.MapGet("/findings", async (DateOnly? from, DateOnly? to, string? by, int? teamId, FindingsService findings, SamplingService sampling, IStringLocalizer<Text> text, CancellationToken ct) =>
        {
            var end = to ?? sampling.Today();
            var start = from ?? end.AddDays(-29);
            var (f, t) = SamplingService.Instants(start, end);
            var rows = (await findings.RowsAsync(f, t, ct)).Where(r => teamId == null || r.TeamId == teamId).ToList();
            var key = by is "dimension" or "team" or "agent" ? by : "tag";
            var groups = FindingsService.Group(rows, key).Select(x => new FindingGroupDto(x.Key, x.Count, x.Agents, x.Evaluations, x.EmployeeId, x.Tag?.ToString(), x.TeamId)).ToList();
            return TypedResults.Ok(new FindingsDto(start, end, key, rows.Count, groups));
        }).RequireAuthorization(Policies.QualityCoach)
            .WithSummary("The findings of submitted evaluations in the caller's scope in a period (default the last 30 days), by tag, dimension, team or agent, as on the findings page.");

        g.MapPost("/findings/retraining", async Task<IResult> (RetrainingInput input, ClaimsPrincipal user, FindingsService findings, IStringLocalizer<Text> text, CancellationToken ct) =>
        {
            if (input.DueOn is not { } due)
            {
                return Problem(text, 400, "Give the due date of the retraining.");
            }

            var (task, problem) = await findings.AssignAsync(input.EmployeeId, input.Dimension, input.Note, input.OwnerUserId, due, user, ct);
            return problem switch
            {
                null => TypedResults.Created($"/api/v1/findings/retraining/{task!.Id}",
                    new RetrainingDto(task.Id, task.EmployeeId, task.Topic, task.OwnerName, task.DueOn, task.Status.ToString(), task.BaselineScore)),
                "Not found." => Problem(text, 400, "Nobody with that id is in your scope."),
                _ => Problem(text, 400, problem),
            };
        }).RequireAuthorization(Policies.QualityCoach).Produces<RetrainingDto>(201).ProducesProblem(400)
            .WithSummary("Assigns targeted retraining (再培训) from an agent's findings: a dimension (or the whole call), the owner's user id, a due date and a note; the agent's current mean is kept as the baseline.");
    }
}
