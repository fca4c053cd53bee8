using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Quality;
using AgentPath.Web.Features.Training;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Plans;

/// <summary>
/// 培训评估 (SPEC R8.5): the trainees' feedback on sessions, per trainer and per course; and the
/// follow-up of an item's effect on work — for an item linked to a knowledge area or a QA dimension,
/// the participants' exam or QA scores in the weeks before it and the weeks after, paired per person.
/// </summary>
public sealed class TrainingEvaluation(AppDbContext db, PlanAccess access, FindingsService findings, TimeProvider time)
{
    /// <summary>How far before and after an item its participants' scores are read.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(60);

    public sealed record FeedbackRow(string Key, int Sessions, int Ratings, decimal? Mean, IReadOnlyList<string> Comments);

    public sealed record Effect(int ItemId, string Measure, bool Qa, int Participants, int Paired, decimal? Before, decimal? After);

    /// <summary>Feedback since <paramref name="since"/> on sessions of teams in scope (and sessions of no team), by instructor and by course title.</summary>
    public async Task<(IReadOnlyList<FeedbackRow> ByTrainer, IReadOnlyList<FeedbackRow> ByCourse)> FeedbackAsync(DateTimeOffset since, CancellationToken ct)
    {
        var departments = await access.DepartmentsAsync(ct);
        var q = from f in db.SessionFeedbacks
                join s in db.TrainingSessions on f.SessionId equals s.Id
                where s.StartsAt >= since
                select new { f.SessionId, f.Rating, f.Comment, s.Title, s.TeamId, Team = db.Teams.Where(t => t.Id == s.TeamId).Select(t => t.Name).FirstOrDefault(), Instructor = s.Instructor != null ? s.Instructor.Name : null };
        var rows = await q.ToListAsync(ct);
        if (departments is not null)
        {
            var teams = await db.Teams.Where(t => departments.Contains(t.DepartmentId)).Select(t => t.Id).ToListAsync(ct);
            rows = rows.Where(r => r.TeamId is null || teams.Contains(r.TeamId.Value)).ToList();
        }

        FeedbackRow Row(string key, IEnumerable<(int SessionId, int Rating, string? Comment)> g)
        {
            var list = g.ToList();
            return new FeedbackRow(key, list.Select(x => x.SessionId).Distinct().Count(), list.Count,
                list.Count == 0 ? null : Math.Round((decimal)list.Sum(x => x.Rating) / list.Count, 2, MidpointRounding.AwayFromZero),
                list.Where(x => !string.IsNullOrWhiteSpace(x.Comment)).Select(x => x.Comment!).Distinct().Take(3).ToList());
        }

        var byTrainer = rows.GroupBy(r => r.Instructor ?? "—").Select(g => Row(g.Key, g.Select(r => (r.SessionId, r.Rating, (string?)r.Comment)))).OrderByDescending(r => r.Mean).ToList();
        // A course given once per team is one course: its sessions are titled "course · team".
        var byCourse = rows.GroupBy(r => r.Team is { } team && r.Title.EndsWith(" · " + team, StringComparison.Ordinal) ? r.Title[..^(team.Length + 3)] : r.Title).Select(g => Row(g.Key, g.Select(r => (r.SessionId, r.Rating, (string?)r.Comment)))).OrderByDescending(r => r.Mean).ToList();
        return (byTrainer, byCourse);
    }

    /// <summary>Who took part in an item: the attendees of its sessions, or (none held) its audience.</summary>
    public async Task<List<int>> ParticipantsAsync(PlanItem item, int departmentId, CancellationToken ct)
    {
        var sessions = db.PlanItemSessions.Where(l => l.PlanItemId == item.Id).Select(l => l.SessionId);
        var attended = await db.Attendances.Where(a => sessions.Contains(a.SessionId) && (a.Status == AttendanceStatus.Present || a.Status == AttendanceStatus.Late))
            .Select(a => a.EmployeeId).Distinct().ToListAsync(ct);
        if (attended.Count > 0)
        {
            return attended;
        }

        var q = db.Employees.Where(e => e.DepartmentId == departmentId && e.Stage != Stage.Eliminated && e.Stage != Stage.Left);
        if (item.TeamId is { } t)
        {
            q = q.Where(e => e.TeamId == t);
        }

        if (item.Stage is { } s)
        {
            q = q.Where(e => e.Stage == s);
        }

        return await q.Select(e => e.Id).ToListAsync(ct);
    }

    public async Task<List<Effect>> EffectsAsync(TrainingPlan plan, IReadOnlyDictionary<int, string> areaNames, CancellationToken ct)
    {
        var result = new List<Effect>();
        foreach (var item in plan.Items.Where(i => i.KnowledgeAreaId is not null || i.QaDimension is not null).OrderBy(i => i.Date))
        {
            var at = CenterClock.FromCenter(item.Date.ToDateTime(item.StartTime ?? TimeOnly.MinValue));
            var people = await ParticipantsAsync(item, plan.DepartmentId, ct);
            if (item.KnowledgeAreaId is { } area)
            {
                var before = await AreaScores.LoadAsync(db, at - Window, at, null, people, area, ct);
                var after = at > time.GetUtcNow() ? [] : await AreaScores.LoadAsync(db, at, at + Window, null, people, area, ct);
                var (paired, b, a) = Paired(before.GroupBy(r => r.EmployeeId).ToDictionary(g => g.Key, g => AreaScores.Percent(g)),
                    after.GroupBy(r => r.EmployeeId).ToDictionary(g => g.Key, g => AreaScores.Percent(g)));
                result.Add(new Effect(item.Id, areaNames.GetValueOrDefault(area, "#" + area), false, people.Count, paired, b, a));
            }

            if (item.QaDimension is { } dimension)
            {
                var before = new Dictionary<int, decimal?>();
                var after = new Dictionary<int, decimal?>();
                foreach (var person in people)
                {
                    var scores = (await findings.DimensionScoresAsync(person, ct)).Where(d => d.Dimension == dimension).ToList();
                    var pre = scores.Where(d => d.At >= at - Window && d.At < at).ToList();
                    var post = scores.Where(d => d.At >= at && d.At < at + Window).ToList();
                    before[person] = pre.Count == 0 ? null : pre.Average(d => d.Score);
                    after[person] = post.Count == 0 ? null : post.Average(d => d.Score);
                }

                var (paired, b, a) = Paired(before, after);
                result.Add(new Effect(item.Id, dimension, true, people.Count, paired, b, a));
            }
        }

        return result;
    }

    /// <summary>The means before and after over the people who have a score in both windows. Pure, for the unit test.</summary>
    public static (int Paired, decimal? Before, decimal? After) Paired(IReadOnlyDictionary<int, decimal?> before, IReadOnlyDictionary<int, decimal?> after)
    {
        var both = before.Where(kv => kv.Value is not null && after.GetValueOrDefault(kv.Key) is not null).Select(kv => kv.Key).ToList();
        if (both.Count == 0)
        {
            return (0, null, null);
        }

        return (both.Count, Math.Round(both.Average(p => before[p]!.Value), 1, MidpointRounding.AwayFromZero),
            Math.Round(both.Average(p => after[p]!.Value), 1, MidpointRounding.AwayFromZero));
    }
}
