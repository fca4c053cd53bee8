using System.Security.Claims;
using AgentPath.Web.Data;
using AgentPath.Web.Features.Coaching;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Training;

/// <summary>
/// /api/v1 — training sessions (培训场次) with the attendance (签到) of their audience, and on-the-job training
/// hours (在岗培训课时). The same access rules and entity methods as the pages: a session or person outside
/// the caller's scope is 404; attendance is marked by whoever manages sessions or teaches this one.
/// </summary>
public static class TrainingApi
{
    public sealed record SessionDto(int Id, string Title, string Kind, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place, string? OnlineUrl,
        int? InstructorEmployeeId, string? Instructor, int? CohortId, int? TeamId, int? ProgramDay, string? Goal);

    public sealed record AttendanceDto(int EmployeeId, string EmployeeNumber, string Name, string? Status, string? AbsenceReason, string? Note, string? Method, DateTimeOffset? At, string? By, int? RowVersion);

    public sealed record SessionDetailDto(SessionDto Session, string Audience, IReadOnlyList<AttendanceDto> Attendance);

    public sealed record AttendanceMarkInput(AttendanceStatus? Status, AbsenceReason? Reason, string? Note);

    public sealed record HoursLineDto(DateOnly On, decimal Hours, string Category, string What, int? SessionId);

    public sealed record HoursMixDto(decimal Business, decimal General, decimal Total, decimal? BusinessPercent, bool OffTarget);

    public sealed record PersonHoursDto(int EmployeeId, string Name, string Stage, HoursMixDto StageMix, HoursMixDto SinceHire, IReadOnlyList<HoursLineDto> Lines);

    public sealed record HoursInput(DateOnly? On, decimal? Hours, HoursCategory? Category, string? Note);

    public static SessionDto ToDto(TrainingSession s) => new(s.Id, s.Title, s.Kind.ToString(), s.StartsAt, s.EndsAt, s.Place, s.OnlineUrl,
        s.InstructorEmployeeId, s.Instructor?.Name, s.CohortId, s.TeamId, s.ProgramDay, s.Goal);

    private static HoursMixDto ToDto(HoursMix m) => new(m.Business, m.General, m.Total, m.BusinessPercent, m.OffTarget);

    private static ProblemHttpResult Problem(IStringLocalizer text, int status, string key) => TypedResults.Problem(statusCode: status, title: text[key]);

    public static void MapTrainingApi(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("").WithTags("Training");

        g.MapGet("/training/sessions", async (bool? past, SessionAccess access, TimeProvider time, CancellationToken ct) =>
        {
            var now = time.GetUtcNow();
            var q = (await access.VisibleAsync(ct)).AsNoTracking().Include(s => s.Instructor);
            var list = past == true
                ? await q.Where(s => s.EndsAt < now).OrderByDescending(s => s.StartsAt).Take(50).ToListAsync(ct)
                : await q.Where(s => s.EndsAt >= now).OrderBy(s => s.StartsAt).Take(50).ToListAsync(ct);
            return TypedResults.Ok(list.Select(ToDto).ToList());
        }).WithSummary("Training sessions in the caller's scope, as on the sessions page: upcoming first (50), or past=true for the recent past (50, newest first).");

        g.MapGet("/training/sessions/{id:int}", async Task<Results<Ok<SessionDetailDto>, NotFound>> (int id, SessionAccess access, AppDbContext db, CancellationToken ct) =>
        {
            var s = await access.FindAsync(id, ct);
            if (s is null)
            {
                return TypedResults.NotFound();
            }

            var people = await access.AudienceAsync(s, ct);
            var ids = people.Select(p => p.Id).ToList();
            var marks = await db.Attendances.AsNoTracking().Where(a => a.SessionId == id && ids.Contains(a.EmployeeId)).ToDictionaryAsync(a => a.EmployeeId, ct);
            var rows = people.Select(p => marks.GetValueOrDefault(p.Id) is { } a
                ? new AttendanceDto(p.Id, p.EmployeeNumber, p.Name, a.Status.ToString(), a.AbsenceReason?.ToString(), a.Note, a.Method.ToString(), a.At, a.By, a.RowVersion)
                : new AttendanceDto(p.Id, p.EmployeeNumber, p.Name, null, null, null, null, null, null, null)).ToList();
            return TypedResults.Ok(new SessionDetailDto(ToDto(s), await access.AudienceNameAsync(s, ct), rows));
        }).WithSummary("One session with the attendance of its audience (the people of it in the caller's scope).");

        g.MapPut("/training/sessions/{id:int}/attendance/{employeeId:int}", async Task<IResult> (int id, int employeeId, AttendanceMarkInput input, ClaimsPrincipal user, SessionAccess access, AppDbContext db,
            TimeProvider time, ICurrentActor actor, IStringLocalizer<Text> text, CancellationToken ct) =>
        {
            // Who may mark is decided before the session is looked up: 403 for anyone who neither manages its kind nor teaches it, whether it exists or not.
            if (!await access.MayMarkAsync(user, id, ct))
            {
                return TypedResults.Forbid();
            }

            var session = await access.FindAsync(id, ct);
            if (session is null)
            {
                return TypedResults.NotFound();
            }

            if ((await access.AudienceAsync(session, ct)).All(p => p.Id != employeeId))
            {
                return Problem(text, 400, "Nobody with that id is in this session's audience in your scope.");
            }

            if (input.Status is not { } status || !Enum.IsDefined(status) || (input.Reason is { } r && !Enum.IsDefined(r)))
            {
                return Problem(text, 400, "Choose present, late or absent.");
            }

            var existing = await db.Attendances.FirstOrDefaultAsync(a => a.SessionId == id && a.EmployeeId == employeeId, ct);
            if (existing is null)
            {
                db.Attendances.Add(Attendance.Mark(id, employeeId, status, input.Reason, input.Note, time.GetUtcNow(), actor.UserName));
            }
            else
            {
                existing.Correct(status, input.Reason, input.Note, time.GetUtcNow(), actor.UserName);
            }

            await db.SaveChangesAsync(ct); // a refusal of the entity is a 400, a racing first mark a 409 (ApiExceptionHandler)
            return TypedResults.NoContent();
        }).Produces(204).ProducesProblem(400).ProducesProblem(409)
            .WithSummary("Marks (or corrects, audited) one person's attendance: status Present|Late|Absent|Leave, an absence reason (Sick|Personal|OnDuty|NoNotice|Other) for Absent, a note of ≤ 500 characters. The whole session at once: PUT …/attendance.");

        g.MapGet("/people/{id:int}/training-hours", async Task<Results<Ok<PersonHoursDto>, NotFound>> (int id, DataScopeProvider scope, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        {
            var person = await scope.FindPersonAsync(id, ct);
            if (person is null)
            {
                return TypedResults.NotFound();
            }

            var lines = await HoursLedger.LinesAsync(db, id, person.HireDate, ApprenticeshipLimit.Today(time), ct);
            return TypedResults.Ok(new PersonHoursDto(person.Id, person.Name, person.Stage.ToString(), ToDto(HoursLedger.Mix(lines.Where(l => l.On >= person.StageStart))),
                ToDto(HoursLedger.Mix(lines)), lines.Select(l => new HoursLineDto(l.On, l.Hours, l.Category.ToString(), l.What, l.SessionId)).ToList()));
        }).WithSummary("A person's on-the-job training hours: attended business and general-skills sessions plus entered hours, the 70/30 figure for the current stage and since hire.");

        g.MapPost("/people/{id:int}/training-hours", async Task<IResult> (int id, HoursInput input, ClaimsPrincipal user, DataScopeProvider scope, AppDbContext db,
            TimeProvider time, ICurrentActor actor, IStringLocalizer<Text> text, CancellationToken ct) =>
        {
            if (!user.IsInRole(Roles.Trainer) && !user.IsInRole(Roles.Supervisor))
            {
                return TypedResults.Forbid();
            }

            var person = await scope.FindPersonAsync(id, ct);
            if (person is null)
            {
                return TypedResults.NotFound();
            }

            if ((await scope.GetAsync(ct)).SelfEmployeeId == id)
            {
                return Problem(text, 400, "You cannot enter your own training hours.");
            }

            if (person.Stage is Stage.Eliminated or Stage.Left)
            {
                return Problem(text, 400, "Hours are entered for people in training or at work.");
            }

            if (input.On is null || input.Hours is null || input.Category is not { } category || !Enum.IsDefined(category))
            {
                return Problem(text, 400, "Give the date, the hours and whether it was business or general skills.");
            }

            var tracked = await db.Employees.SingleAsync(e => e.Id == id, ct);
            var entry = new TrainingHoursEntry(tracked, input.On.Value, ApprenticeshipLimit.Today(time), input.Hours.Value, category, input.Note ?? "", actor.UserName, time.GetUtcNow());
            db.TrainingHoursEntries.Add(entry);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/v1/people/{id}/training-hours", new HoursLineDto(entry.On, entry.Hours, entry.Category.ToString(), entry.Note, null));
        }).Produces<HoursLineDto>(201).ProducesProblem(400)
            .WithSummary("Trainers and supervisors enter training hours outside a registered session (on = a center-time date, not in the future nor before hire; hours 0–24; category Business|GeneralSkills; note ≤ 300 characters).");
    }
}
