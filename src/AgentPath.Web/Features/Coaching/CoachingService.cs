using System.Security.Claims;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Coaching;

/// <summary>Daily evaluations and coaching steps, shared by the coaching pages and the API.</summary>
public sealed class CoachingService(AppDbContext db, TimeProvider time, ICurrentActor actor)
{
    public DateOnly Today => ApprenticeshipLimit.Today(time);

    public async Task<DailyEvaluation> EvaluateAsync(Employee apprentice, ClaimsPrincipal user, DateOnly? on, int[] ratings, string? comment, CancellationToken ct)
    {
        var (me, name) = await MeAsync(user, ct);
        var day = on ?? Today;
        var role = await LeadsAsync(me, apprentice, ct) ? Roles.TeamLead : user.IsInRole(Roles.Supervisor) ? Roles.Supervisor : Roles.TeamLead;
        var evaluation = new DailyEvaluation(apprentice, day, Today, me, name, role, ratings[0], ratings[1], ratings[2], ratings[3], ratings[4], comment, time.GetUtcNow());
        if (await db.DailyEvaluations.AnyAsync(d => d.ApprenticeId == apprentice.Id && d.On == day && d.EvaluatorEmployeeId == me, ct))
        {
            throw new DomainException("You have evaluated this apprentice on that day already.");
        }

        db.DailyEvaluations.Add(evaluation);
        await db.SaveChangesAsync(ct);
        return evaluation;
    }

    public async Task<CoachingStepRecord> RecordStepAsync(Employee apprentice, ClaimsPrincipal user, int templateId, CoachingStep step, DateOnly? on, string? note, CancellationToken ct)
    {
        // A standard of the apprentice's own list: the one in force when the apprenticeship began, or one already coached on.
        var start = apprentice.StageStart;
        var template = await db.WorkStandardTemplates.FirstOrDefaultAsync(t => t.Id == templateId
                && (((t.InForceFrom == null || t.InForceFrom <= start) && (t.RetiredOn == null || t.RetiredOn > start))
                    || db.CoachingSteps.Any(s => s.ApprenticeId == apprentice.Id && s.TemplateId == t.Id)), ct)
            ?? throw new DomainException("Unknown work standard.");
        var reached = await db.CoachingSteps.Where(s => s.ApprenticeId == apprentice.Id && s.TemplateId == templateId)
            .OrderByDescending(s => s.Id).Select(s => (CoachingStep?)s.Step).FirstOrDefaultAsync(ct);
        var (me, name) = await MeAsync(user, ct);
        var record = CoachingStepRecord.Next(apprentice, template, step, reached, on ?? Today, Today, note, me, name, time.GetUtcNow());
        db.CoachingSteps.Add(record);
        await db.SaveChangesAsync(ct);
        return record;
    }

    private async Task<bool> LeadsAsync(int? me, Employee apprentice, CancellationToken ct) =>
        me is { } id && apprentice.TeamId is { } team && await db.Teams.AnyAsync(t => t.Id == team && t.LeadEmployeeId == id, ct);

    private async Task<(int? EmployeeId, string Name)> MeAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        int? me = int.TryParse(user.FindFirstValue(DataScopeProvider.EmployeeIdClaim), out var e) ? e : null;
        var display = user.FindFirstValue("agentpath:display");
        if (display is null && actor.UserId is { } uid)
        {
            display = await db.Users.Where(u => u.Id == uid).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        }

        return (me, string.IsNullOrEmpty(display) ? actor.UserName : display);
    }
}
