using System.Security.Claims;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.SpotQuestions;

/// <summary>One person's score as sent with a meeting; no answer = not asked (nothing recorded).</summary>
public sealed record SpotScore(int EmployeeId, SpotAnswer? Answer, string? Note);

/// <summary>A person named in a meeting who is not in the recorder's scope (or does not exist): answered as missing (404).</summary>
public sealed class SpotOutOfScopeException() : Exception("Someone in the list is not in your team or department.");

/// <summary>A meeting as read back: the scores of the people the reader may see, each person's current record.</summary>
public sealed record SpotMeetingView(SpotMeeting Meeting, IReadOnlyList<SpotCheckView> Checks);

public sealed record SpotCheckView(SpotCheck Check, string Name, string EmployeeNumber, bool Corrected);

/// <summary>Records shift-meeting spot questions and reads them back within the data scope; shared by the page and the API.</summary>
public sealed class SpotQuestionService(AppDbContext db, DataScopeProvider scope, TimeProvider time, ICurrentActor actor)
{
    public async Task<SpotMeeting> RecordAsync(ClaimsPrincipal user, ShiftMeeting meeting, DateTimeOffset? heldAt, string? question, int? teamId,
        IReadOnlyList<SpotScore> scores, CancellationToken ct)
    {
        var asked = (scores ?? []).Where(s => s.Answer is not null).ToList();
        if (asked.Count == 0)
        {
            throw new DomainException("Score at least one person.");
        }

        if ((scores ?? []).Count > SpotMeeting.MaxPeople)
        {
            throw new DomainException("A meeting records at most 200 people.");
        }

        if (asked.Select(s => s.EmployeeId).Distinct().Count() != asked.Count)
        {
            throw new DomainException("Each person is scored once per meeting.");
        }

        var s = await scope.GetAsync(ct);
        var ids = asked.Select(a => a.EmployeeId).ToList();
        var people = await (await scope.PeopleAsync(ct)).Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        if (people.Count != ids.Count)
        {
            throw new SpotOutOfScopeException();
        }

        if (s.SelfEmployeeId is { } self && people.ContainsKey(self))
        {
            throw new DomainException("Nobody scores themselves.");
        }

        if (teamId is { } t && !await (await scope.TeamsAsync(ct)).AnyAsync(x => x.Id == t, ct))
        {
            throw new SpotOutOfScopeException();
        }

        var (by, name) = await MeAsync(user, ct);
        var now = time.GetUtcNow();
        var record = new SpotMeeting(meeting, heldAt ?? now, question, teamId, by, name, s.SelfEmployeeId, now);
        if (await db.Set<SpotMeeting>().AnyAsync(m => m.RecordedBy == by && m.Meeting == record.Meeting && m.HeldAt == record.HeldAt && m.Question == record.Question, ct))
        {
            throw new DomainException("This question at this meeting is recorded already.");
        }

        foreach (var a in asked)
        {
            record.Score(people[a.EmployeeId], a.Answer!.Value, a.Note, name, now);
        }

        db.Add(record);
        await db.SaveChangesAsync(ct);
        return record;
    }

    /// <summary>Corrects a person's current score: a new record naming it, with the reason. Null when the record is not in the scope.</summary>
    public async Task<SpotCheck?> CorrectAsync(ClaimsPrincipal user, long checkId, SpotAnswer answer, string? note, string? reason, CancellationToken ct)
    {
        var check = await db.Set<SpotCheck>().Include(c => c.MeetingRecord).FirstOrDefaultAsync(c => c.Id == checkId, ct);
        var person = check is null ? null : await scope.FindPersonAsync(check.EmployeeId, ct);
        if (check is null || person is null)
        {
            return null;
        }

        if ((await scope.GetAsync(ct)).SelfEmployeeId == person.Id)
        {
            throw new DomainException("Nobody scores themselves.");
        }

        if (await db.Set<SpotCheck>().AnyAsync(c => c.SupersedesId == checkId, ct))
        {
            throw new DomainException("This score was corrected already: correct the newest one.");
        }

        var (_, name) = await MeAsync(user, ct);
        var correction = check.Correct(person, answer, note, reason, name, time.GetUtcNow());
        db.Add(correction);
        await db.SaveChangesAsync(ct);
        return correction;
    }

    /// <summary>The newest meetings that scored someone in the reader's scope, each with the current score of those people only.</summary>
    public async Task<IReadOnlyList<SpotMeetingView>> ListAsync(DateTimeOffset? from, DateTimeOffset? to, int take, CancellationToken ct)
    {
        var people = await scope.PeopleAsync(ct);
        var visible = people.Select(e => e.Id);
        var q = db.Set<SpotMeeting>().AsNoTracking().Where(m => m.Checks.Any(c => visible.Contains(c.EmployeeId)));
        if (from is { } f)
        {
            q = q.Where(m => m.HeldAt >= f);
        }

        if (to is { } t)
        {
            q = q.Where(m => m.HeldAt < t);
        }

        var meetings = await q.OrderByDescending(m => m.HeldAt).ThenByDescending(m => m.Id).Take(take).Include(m => m.Checks).ToListAsync(ct);
        var ids = meetings.SelectMany(m => m.Checks).Select(c => c.EmployeeId).Distinct().ToList();
        var names = await people.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => (e.Name, e.EmployeeNumber), ct);
        return meetings.Select(m => new SpotMeetingView(m, Current(m.Checks).Where(c => names.ContainsKey(c.EmployeeId))
            .Select(c => new SpotCheckView(c, names[c.EmployeeId].Name, names[c.EmployeeId].EmployeeNumber, c.SupersedesId is not null))
            .OrderBy(c => c.EmployeeNumber, StringComparer.Ordinal).ToList())).ToList();
    }

    /// <summary>Each person's newest record of a meeting (the one no other record corrects).</summary>
    public static IEnumerable<SpotCheck> Current(IEnumerable<SpotCheck> checks)
    {
        var list = checks.ToList();
        var superseded = list.Where(c => c.SupersedesId is not null).Select(c => c.SupersedesId!.Value).ToHashSet();
        return list.Where(c => !superseded.Contains(c.Id));
    }

    /// <summary>Everything recorded for one person, oldest first, corrections included (the append-only history).</summary>
    public Task<List<SpotCheck>> OfPersonAsync(int employeeId, CancellationToken ct) =>
        db.Set<SpotCheck>().AsNoTracking().Include(c => c.MeetingRecord).Where(c => c.EmployeeId == employeeId)
            .OrderBy(c => c.MeetingRecord.HeldAt).ThenBy(c => c.Id).ToListAsync(ct);

    private async Task<(string UserName, string Name)> MeAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var userName = user.Identity?.Name ?? actor.UserName;
        var display = user.FindFirstValue("agentpath:display");
        if (string.IsNullOrEmpty(display) && actor.UserId is { } uid)
        {
            display = await db.Users.Where(u => u.Id == uid).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        }

        return (userName, string.IsNullOrEmpty(display) ? userName : display);
    }
}

/// <summary>Resource keys of the feature's enums (English; zh-CN in Resources/zh-CN.spot.json).</summary>
public static class SpotText
{
    public static string Of(ShiftMeeting m) => m == ShiftMeeting.PreShift ? "Pre-shift meeting" : "Post-shift meeting";

    public static string Of(SpotAnswer a) => a switch
    {
        SpotAnswer.Correct => "Right",
        SpotAnswer.Partial => "Partly right",
        _ => "Wrong",
    };
}

/// <summary>Puts each spot question a person was scored on at a shift meeting on their timeline (their current score; a corrected one says so).</summary>
public sealed class SpotCheckTimelineSource(AppDbContext db, IStringLocalizer<Text> text) : ITimelineSource
{
    public async Task<IReadOnlyList<TimelineItem>> ForAsync(Employee person, CancellationToken ct)
    {
        var all = await db.Set<SpotCheck>().AsNoTracking().Include(c => c.MeetingRecord).Where(c => c.EmployeeId == person.Id)
            .OrderByDescending(c => c.MeetingRecord.HeldAt).Take(60).ToListAsync(ct);
        return SpotQuestionService.Current(all).Take(30).Select(c => new TimelineItem(c.MeetingRecord.HeldAt,
            c.SupersedesId is null ? "Spot question at the {0}: {1}" : "Spot question at the {0}: {1} (corrected)",
            [text[SpotText.Of(c.MeetingRecord.Meeting)].Value, text[SpotText.Of(c.Answer)].Value],
            string.Join(" · ", new[] { c.MeetingRecord.Question, c.Note, c.Reason, c.MeetingRecord.RecordedByName }.Where(x => !string.IsNullOrEmpty(x))))).ToList();
    }
}

public static class SpotQuestionsSetup
{
    public static IServiceCollection AddSpotQuestions(this IServiceCollection services) => services
        .AddScoped<SpotQuestionService>()
        .AddScoped<ITimelineSource, SpotCheckTimelineSource>();
}
