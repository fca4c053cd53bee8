using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Training;
using AgentPath.Web.Infrastructure.Lists;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Tools;

public sealed class NaturalOrderTests
{
    [Fact]
    public void Teams_come_in_the_order_of_their_chinese_numerals()
    {
        string[] natural = ["咨询一组", "咨询二组", "咨询三组", "咨询九组", "咨询十组", "咨询十一组", "咨询十二组", "咨询二十组", "咨询一百零五组"];
        var shuffled = natural.Reverse().OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.Equal(natural, shuffled.Order(NaturalOrder.Instance).ToArray());
    }

    [Fact]
    public void Digits_compare_by_value_and_numbers_before_text()
    {
        string[] natural = ["1组", "2组", "10组", "１１组", "A组", "B组"];
        Assert.Equal(natural, natural.Reverse().Order(NaturalOrder.Instance).ToArray());
        Assert.True(NaturalOrder.Instance.Compare("回访二组", "咨询一组") != 0);
        Assert.Equal(0, NaturalOrder.Instance.Compare("三组", "三组"));
    }
}

public sealed class ToolsTests_Sqlite(SqliteAppFactory f) : ToolsTests<SqliteAppFactory>(f);

public sealed class ToolsTests_Postgres(PostgresAppFactory f) : ToolsTests<PostgresAppFactory>(f);

/// <summary>Daily tools (issue 11, point 9): lists sorted and filtered by the query string, the header search, exam close/extend and bulk attendance, each race-safe.</summary>
public abstract partial class ToolsTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    private const int Racers = 5;

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    private async Task<HttpClient[]> BearersAsync(string login)
    {
        var clients = new HttpClient[Racers];
        for (var i = 0; i < Racers; i++)
        {
            clients[i] = await factory.BearerAsync(login);
            clients[i].DefaultRequestHeaders.AcceptLanguage.Clear();
            clients[i].DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        }

        return clients;
    }

    private static async Task<HttpResponseMessage[]> RaceAsync(int n, Func<int, Task<HttpResponseMessage>> send)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, n).Select(i => Task.Run(async () =>
        {
            await go.Task;
            return await send(i);
        })).ToArray();
        go.SetResult();
        return await Task.WhenAll(tasks);
    }

    private static async Task<int> OneWinsAsync(HttpResponseMessage[] responses)
    {
        var report = string.Join("\n", await Task.WhenAll(responses.Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}")));
        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
        var winners = responses.Select((r, i) => (r, i)).Where(x => x.r.IsSuccessStatusCode).ToList();
        Assert.True(winners.Count == 1, "expected exactly one success:\n" + report);
        foreach (var loser in responses.Where(r => !r.IsSuccessStatusCode))
        {
            Assert.Equal(HttpStatusCode.Conflict, loser.StatusCode);
            Assert.Matches(Chinese(), await loser.Content.ReadAsStringAsync());
        }

        return winners[0].i;
    }

    [Fact]
    public async Task The_directory_sorts_by_a_column_from_the_query_string_and_says_so_with_aria_sort()
    {
        using var trainer = await factory.SignedInAsync("trainer");
        var html = await trainer.GetStringAsync("/people?sort=number&dir=desc");
        Assert.Contains("aria-sort=\"descending\"", html);
        var numbers = Regex.Matches(html, "<tr>\\s*<td>([^<]+)</td>").Select(m => m.Groups[1].Value).ToList();
        Assert.True(numbers.Count >= 10);
        Assert.Equal(numbers.OrderByDescending(n => n, StringComparer.Ordinal).ToList(), numbers);

        var refused = await trainer.GetStringAsync("/people?from=2026-13-40");
        Assert.Contains("日期请按", refused);
    }

    [Fact]
    public async Task The_exam_list_filters_by_window_status_and_the_api_pages_it()
    {
        var now = factory.Clock.GetUtcNow();
        var (open, closed) = await factory.QueryAsync(async db => (
            await db.Exams.Where(e => e.OpensAt <= now && e.ClosesAt > now).Select(e => e.Title).ToListAsync(),
            await db.Exams.Where(e => e.ClosesAt <= now).Select(e => e.Title).ToListAsync()));
        Assert.NotEmpty(open);
        using var trainer = await factory.SignedInAsync("trainer");
        var html = WebUtility.HtmlDecode(await trainer.GetStringAsync("/exams?status=Open&sort=title"));
        Assert.Contains(open[0], html);
        Assert.DoesNotContain(closed.FirstOrDefault(c => !open.Any(o => o.Contains(c, StringComparison.Ordinal))) ?? "\u0001", html);

        using var api = await factory.BearerAsync("trainer");
        var page = await api.GetFromJsonAsync<JsonElement>("/api/v1/exams?status=Closed&size=1");
        Assert.Equal(closed.Count, page.GetProperty("total").GetInt32());
        Assert.True(page.GetProperty("items").GetArrayLength() <= 1);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/exams?q=" + new string('长', 101))).StatusCode);
    }

    [Fact]
    public async Task The_header_search_finds_a_person_in_scope_by_number_and_not_one_outside()
    {
        var (inside, outside) = await factory.QueryAsync(async db =>
        {
            var leadTeams = await db.Teams.Where(t => t.Lead != null && t.Lead.EmployeeNumber != null && db.Users.Any(u => u.UserName == "lead" && u.EmployeeId == t.LeadEmployeeId)).Select(t => t.Id).ToListAsync();
            var i = await db.Employees.Where(e => e.TeamId != null && leadTeams.Contains(e.TeamId.Value)).OrderBy(e => e.Id).FirstAsync();
            var o = await db.Employees.Where(e => e.TeamId != null && !leadTeams.Contains(e.TeamId.Value)).OrderBy(e => e.Id).FirstAsync();
            return (i, o);
        });
        using var lead = await factory.SignedInAsync("lead");
        var found = await lead.GetAsync("/people/find?q=" + inside.EmployeeNumber);
        Assert.Equal(HttpStatusCode.Redirect, found.StatusCode);
        Assert.Equal($"/people/{inside.Id}", found.Headers.Location!.OriginalString);
        var missing = await lead.GetStringAsync("/people/find?q=" + outside.EmployeeNumber);
        Assert.DoesNotContain($"/people/{outside.Id}\"", missing);

        using var api = await factory.BearerAsync("lead");
        var hits = await api.GetFromJsonAsync<JsonElement>("/api/v1/people/search?q=" + Uri.EscapeDataString(inside.Name));
        Assert.Contains(hits.EnumerateArray(), h => h.GetProperty("id").GetInt32() == inside.Id);
        Assert.Equal(0, (await api.GetFromJsonAsync<JsonElement>("/api/v1/people/search?q=" + outside.EmployeeNumber)).GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/people/search?q=" + new string('x', 51))).StatusCode);
    }

    [Fact]
    public async Task Parallel_extensions_of_an_open_exam_apply_once_and_a_stale_close_is_refused()
    {
        var now = factory.Clock.GetUtcNow();
        var exam = await factory.QueryAsync(db => db.Exams.Where(e => e.OpensAt <= now && e.ClosesAt > now).OrderBy(e => e.Id).FirstAsync());
        var clients = await BearersAsync("trainer");
        var responses = await RaceAsync(Racers, i => clients[i].PostAsJsonAsync($"/api/v1/exams/{exam.Id}/extend",
            new { rowVersion = exam.RowVersion, closesAt = exam.ClosesAt.AddHours(i + 1) }));
        var winner = await OneWinsAsync(responses);
        var after = await factory.QueryAsync(db => db.Exams.AsNoTracking().FirstAsync(e => e.Id == exam.Id));
        Assert.Equal(exam.ClosesAt.AddHours(winner + 1), after.ClosesAt);
        Assert.Equal(exam.RowVersion + 1, after.RowVersion);

        var stale = await clients[0].PostAsJsonAsync($"/api/v1/exams/{exam.Id}/close", new { rowVersion = exam.RowVersion });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.True(after.IsOpenAt(factory.Clock.GetUtcNow()));

        var closed = await clients[0].PostAsJsonAsync($"/api/v1/exams/{exam.Id}/close", new { rowVersion = after.RowVersion });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var (closesAt, openLate, notified) = await factory.QueryAsync(async db => (
            (await db.Exams.FirstAsync(e => e.Id == exam.Id)).ClosesAt,
            await db.Attempts.CountAsync(a => a.ExamId == exam.Id && a.Status == AttemptStatus.Open && a.Deadline > now.AddMinutes(1)),
            await db.Notifications.CountAsync(n => n.MessageKey == "The exam {0} was closed early at {1}.")));
        Assert.True(closesAt <= factory.Clock.GetUtcNow());
        Assert.Equal(0, openLate);
        Assert.True(notified > 0);
        foreach (var c in clients)
        {
            c.Dispose();
        }
    }

    [Fact]
    public async Task Parallel_bulk_attendance_saves_write_every_line_once()
    {
        var now = factory.Clock.GetUtcNow();
        var (sessionId, people) = await factory.QueryAsync(async db =>
        {
            var s = await db.TrainingSessions.Where(x => x.TeamId != null && !db.Attendances.Any(a => a.SessionId == x.Id)).OrderBy(x => x.Id).FirstAsync();
            var p = await db.Employees.Where(e => e.TeamId == s.TeamId && e.Stage != Stage.Eliminated && e.Stage != Stage.Left).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
            return (s.Id, p);
        });
        Assert.True(people.Count >= 2);
        var lines = people.Select((id, i) => new
        {
            employeeId = id,
            status = (i % 4) switch { 0 => "Present", 1 => "Leave", 2 => "Absent", _ => "Late" },
            reason = i % 4 == 2 ? "Sick" : null,
            note = i % 4 == 1 ? "事先请假" : null,
            rowVersion = (int?)null,
        }).ToList();
        var clients = await BearersAsync("trainer");
        var responses = await RaceAsync(Racers, i => clients[i].PutAsJsonAsync($"/api/v1/training/sessions/{sessionId}/attendance", new { lines }));
        await OneWinsAsync(responses);
        var rows = await factory.QueryAsync(db => db.Attendances.Where(a => a.SessionId == sessionId).ToListAsync());
        Assert.Equal(people.Count, rows.Count);
        Assert.Contains(rows, r => r.Status == AttendanceStatus.Leave);

        // A line refused (an absence without a reason) keeps everything else unsaved and names the person.
        var bad = lines.Select(l => new { l.employeeId, status = "Absent", reason = (string?)null, l.note, rowVersion = (int?)rows.First(r => r.EmployeeId == l.employeeId).RowVersion }).ToList();
        var refused = await clients[0].PutAsJsonAsync($"/api/v1/training/sessions/{sessionId}/attendance", new { lines = bad });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("缺勤需要填写原因", await refused.Content.ReadAsStringAsync());
        Assert.Equal(rows.Count(r => r.Status == AttendanceStatus.Absent), await factory.QueryAsync(db => db.Attendances.CountAsync(a => a.SessionId == sessionId && a.Status == AttendanceStatus.Absent)));
        foreach (var c in clients)
        {
            c.Dispose();
        }
    }
}
