using AgentPath.Web.Data;
using AgentPath.Web.Infrastructure.Lists;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Assessments;

/// <summary>Where an exam's window stands now: the list's status filter.</summary>
public enum ExamWindow
{
    Upcoming,
    Open,
    Closed,
}

/// <summary>
/// The exam list of trainers and managers (the page and GET /api/v1/exams): filter by title, team in the
/// audience, window status and a date range the window overlaps (center time), sort by any column with the
/// id as tie-breaker, in pages.
/// </summary>
public static class ExamList
{
    public sealed record Row(int Id, string Title, ExamKind Kind, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int AttemptsAllowed, int RowVersion, int Submitted);

    public static readonly SortMap<Exam> Sorts = new SortMap<Exam>()
        .Add("opens", e => e.OpensAt)
        .Add("closes", e => e.ClosesAt)
        .Add("title", e => e.Title)
        .Add("kind", e => e.Kind);

    public static ListQuery Read(HttpRequest request) => ListQuery.Read(request, Sorts.Keys, "opens", defaultDesc: true);

    public static ExamWindow WindowAt(Exam e, DateTimeOffset now) => now < e.OpensAt ? ExamWindow.Upcoming : now < e.ClosesAt ? ExamWindow.Open : ExamWindow.Closed;

    public static async Task<List<Row>> QueryAsync(AppDbContext db, ListQuery list, DateTimeOffset now, CancellationToken ct)
    {
        var q = db.Exams.AsNoTracking();
        if (list.Q is { } text)
        {
            q = q.Where(e => e.Title.Contains(text));
        }

        if (list.TeamId is { } team)
        {
            q = q.Where(e => e.Audience.Any(a => a.Kind == AudienceKind.Team && a.RefId == team));
        }

        switch (list.StatusAs<ExamWindow>())
        {
            case ExamWindow.Upcoming:
                q = q.Where(e => e.OpensAt > now);
                break;
            case ExamWindow.Open:
                q = q.Where(e => e.OpensAt <= now && e.ClosesAt > now);
                break;
            case ExamWindow.Closed:
                q = q.Where(e => e.ClosesAt <= now);
                break;
        }

        if (list.FromUtc is { } from)
        {
            q = q.Where(e => e.ClosesAt >= from);
        }

        if (list.ToUtcExclusive is { } to)
        {
            q = q.Where(e => e.OpensAt < to);
        }

        var exams = await list.PageAsync(Sorts.Apply(q, list, e => e.Id, tieDescending: list.Desc), ct);
        var ids = exams.Select(e => e.Id).ToList();
        var submitted = await db.Attempts.Where(a => ids.Contains(a.ExamId) && a.Status == AttemptStatus.Submitted).GroupBy(a => a.ExamId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return exams.Select(e => new Row(e.Id, e.Title, e.Kind, e.OpensAt, e.ClosesAt, e.AttemptsAllowed, e.RowVersion, submitted.GetValueOrDefault(e.Id))).ToList();
    }
}
