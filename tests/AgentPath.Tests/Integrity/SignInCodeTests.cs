using System.Net;
using System.Text.RegularExpressions;
using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Data;
using AgentPath.Web.Features.Training;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Integrity;

public sealed class SignInCodeTests_Sqlite(SqliteAppFactory f) : SignInCodeTests<SqliteAppFactory>(f);

public sealed class SignInCodeTests_Postgres(PostgresAppFactory f) : SignInCodeTests<PostgresAppFactory>(f);

/// <summary>
/// Issue 10, failure 9: sign-in codes could be brute-forced (300 wrong codes in 0.6 s, then the right one
/// marked an absent agent present). Now: 8-digit codes, 5 wrong codes per person and session, then
/// refused — even with the right code — until a trainer unlocks it on the session page (audited);
/// parallel guesses are all counted and never more than 5 codes are compared.
/// </summary>
public abstract partial class SignInCodeTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    private const string Locked = "签到码输错次数过多";
    private const string NoSession = "没有找到使用该签到码";

    [GeneratedRegex("data-code=\"(\\d{8})\"")]
    private static partial Regex CodeOnPage();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string action, string token, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>Moves the clock to noon of a day ahead (before anyone signs in: a jump would end their sessions).</summary>
    private void NoonOfDayAhead(int daysAhead)
    {
        var today = factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Date;
        factory.Clock.SetUtcNow(new DateTimeOffset(today.AddDays(daysAhead).AddHours(12), TimeSpan.FromHours(8)));
    }

    /// <summary>A session for the team 咨询一组 (the demo's agent and lead), open now (noon); its id and code.</summary>
    private async Task<(int Id, string Code)> OpenSessionAsync(HttpClient trainer, string title)
    {
        var noon = factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var team = await factory.QueryAsync(db => db.Teams.Where(t => t.Name == "咨询一组").Select(t => t.Id).SingleAsync());
        var response = await PostAsync(trainer, "/training/sessions/edit", await trainer.FormTokenAsync("/training/sessions/edit"), new()
        {
            ["Form.Title"] = title, ["Form.Kind"] = "Business", ["Form.Date"] = noon.ToString("yyyy-MM-dd"),
            ["Form.Starts"] = "11:55", ["Form.Ends"] = "13:00", ["Form.Place"] = "培训室B", ["Form.TeamId"] = team.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0]);
        var code = CodeOnPage().Match(await trainer.GetStringAsync($"/training/sessions/{id}/code")).Groups[1].Value;
        Assert.Equal(TrainingSession.CodeLength, code.Length);
        return (id, code);
    }

    private static string WrongCode(string code, int n) =>
        ((long.Parse(code) + 1 + n) % 100_000_000).ToString("D8");

    private Task<int> EmployeeOfAsync(string user) =>
        factory.QueryAsync(db => db.Users.Where(u => u.UserName == user).Select(u => u.EmployeeId!.Value).SingleAsync());

    private Task<int?> WrongCountAsync(int session, int employee) =>
        factory.QueryAsync(db => db.SignInLocks.Where(l => l.SessionId == session && l.EmployeeId == employee).Select(l => (int?)l.Wrong).SingleOrDefaultAsync());

    private Task<bool> PresentAsync(int session, int employee) =>
        factory.QueryAsync(db => db.Attendances.AnyAsync(a => a.SessionId == session && a.EmployeeId == employee));

    [Fact]
    public async Task After_five_wrong_codes_the_right_one_is_refused_until_a_trainer_unlocks()
    {
        NoonOfDayAhead(1);
        using var trainer = await factory.SignedInAsync("trainer");
        var (id, code) = await OpenSessionAsync(trainer, "防爆破签到：新品要点");
        using var agent = await factory.SignedInAsync("agent");
        var me = await EmployeeOfAsync("agent");
        var token = await agent.FormTokenAsync("/training/sign-in");

        // The code has eight digits: a six-digit one is refused as malformed (and not counted).
        var six = await PostAsync(agent, "/training/sign-in", token, new() { ["Code"] = code[..6] });
        Assert.Contains("签到码为8位数字", await six.Content.ReadAsStringAsync());

        // 300 wrong codes, one after another: the first four are "no such code", from the fifth on the sign-in is locked.
        for (var i = 0; i < 300; i++)
        {
            var response = await PostAsync(agent, "/training/sign-in", token, new() { ["Code"] = WrongCode(code, i) });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(i < SignInLock.MaxWrong - 1 ? html.Contains(NoSession) && !html.Contains(Locked) : html.Contains(Locked), $"wrong code {i + 1}");
        }

        Assert.Equal(SignInLock.MaxWrong, await WrongCountAsync(id, me));

        // The right code now does not mark the agent present.
        var right = await PostAsync(agent, "/training/sign-in", token, new() { ["Code"] = code });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains(Locked, await right.Content.ReadAsStringAsync());
        Assert.False(await PresentAsync(id, me));
        Assert.Contains(Locked, await agent.GetStringAsync($"/training/sessions/{id}"));

        // The agent and a team lead (who does not mark this session's attendance) cannot unlock.
        var agentName = await factory.QueryAsync(db => db.Employees.Where(e => e.Id == me).Select(e => e.Name).SingleAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(agent, $"/training/sessions/{id}?handler=Unlock", await agent.FormTokenAsync($"/training/sessions/{id}"),
            new() { ["employeeId"] = me.ToString() })).StatusCode);
        using var lead = await factory.SignedInAsync("lead");
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(lead, $"/training/sessions/{id}?handler=Unlock", await lead.FormTokenAsync($"/training/sessions/{id}"),
            new() { ["employeeId"] = me.ToString() })).StatusCode);

        // The trainer sees the agent in the locked list and unlocks (audited); the right code then signs in.
        var page = await trainer.GetStringAsync($"/training/sessions/{id}");
        Assert.Contains("已锁定的签到", page);
        Assert.Contains($"解锁 {agentName} 的签到", page);
        var unlocked = await PostAsync(trainer, $"/training/sessions/{id}?handler=Unlock", await trainer.FormTokenAsync($"/training/sessions/{id}"), new() { ["employeeId"] = me.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.Equal(0, await WrongCountAsync(id, me));
        Assert.DoesNotContain("已锁定的签到", await trainer.GetStringAsync($"/training/sessions/{id}"));
        var audit = await factory.QueryAsync(db => db.Set<AuditEntry>().Where(a => a.Entity == nameof(SignInLock) && a.Action == AuditAction.Updated).ToListAsync());
        Assert.Contains(audit, a => a.UserName == "trainer" && a.Changes.Contains("UnlockedBy", StringComparison.Ordinal));

        var again = await PostAsync(agent, "/training/sign-in", token, new() { ["Code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.StartsWith($"/training/sessions/{id}", again.Headers.Location!.OriginalString);
        var attendance = await factory.QueryAsync(db => db.Attendances.SingleAsync(a => a.SessionId == id && a.EmployeeId == me));
        Assert.Equal((AttendanceStatus.Present, SignInMethod.Code), (attendance.Status, attendance.Method));

        // A right code is not a guess: it gave its try back.
        Assert.Equal(0, await WrongCountAsync(id, me));
    }

    [Fact]
    public async Task Parallel_wrong_guesses_are_all_counted_and_no_more_than_five_codes_are_compared()
    {
        NoonOfDayAhead(3);
        using var trainer = await factory.SignedInAsync("trainer");
        var (id, code) = await OpenSessionAsync(trainer, "防爆破签到：并发");
        var me = await EmployeeOfAsync("agent");
        var clients = new List<HttpClient>();
        for (var i = 0; i < 5; i++)
        {
            clients.Add(await factory.SignedInAsync("agent"));
        }

        try
        {
            var tokens = new List<string>();
            foreach (var c in clients)
            {
                tokens.Add(await c.FormTokenAsync("/training/sign-in"));
            }

            // Exactly five wrong codes at once: all five are counted (no lost update), so the sign-in is locked.
            var five = await Task.WhenAll(clients.Select((c, i) => PostAsync(c, "/training/sign-in", tokens[i], new() { ["Code"] = WrongCode(code, i) })));
            Assert.All(five, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            Assert.Equal(SignInLock.MaxWrong, await WrongCountAsync(id, me));
            var right = await PostAsync(clients[0], "/training/sign-in", tokens[0], new() { ["Code"] = code });
            Assert.Contains(Locked, await right.Content.ReadAsStringAsync());
            Assert.False(await PresentAsync(id, me));

            // After an unlock, 40 parallel guesses with the right code among the last ones: at most five codes are looked at.
            var unlocked = await PostAsync(trainer, $"/training/sessions/{id}?handler=Unlock", await trainer.FormTokenAsync($"/training/sessions/{id}"), new() { ["employeeId"] = me.ToString() });
            Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
            var burst = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
                PostAsync(clients[i % clients.Count], "/training/sign-in", tokens[i % clients.Count], new() { ["Code"] = i == 39 ? code : WrongCode(code, 100 + i) })));
            Assert.All(burst, r => Assert.True((int)r.StatusCode < 500, $"{(int)r.StatusCode}"));
            var bodies = await Task.WhenAll(burst.Select(r => r.Content.ReadAsStringAsync()));
            // Wrong codes answered "no such code" are the first four tries; the fifth answers "locked" already.
            Assert.True(bodies.Count(b => b.Contains(NoSession)) <= SignInLock.MaxWrong - 1, $"{bodies.Count(b => b.Contains(NoSession))} wrong codes were compared before the lock");
            Assert.True(bodies.Count(b => b.Contains(Locked)) >= 40 - SignInLock.MaxWrong - 1);
            Assert.Equal(SignInLock.MaxWrong, await WrongCountAsync(id, me));
        }
        finally
        {
            foreach (var c in clients)
            {
                c.Dispose();
            }
        }
    }
}
