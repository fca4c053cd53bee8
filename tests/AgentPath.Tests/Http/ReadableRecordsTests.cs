using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AgentPath.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Http;

public sealed class ReadableRecordsTests_Sqlite(SqliteAppFactory f) : ReadableRecordsTests<SqliteAppFactory>(f);

public sealed class ReadableRecordsTests_Postgres(PostgresAppFactory f) : ReadableRecordsTests<PostgresAppFactory>(f);

/// <summary>
/// Issue 11, failure 3 and parts of 5: the audit log, person history, printed records and a few labels read
/// as a person reads them, in zh-CN — no escaped Chinese, type names, enum numbers, temporary ids or login names.
/// </summary>
public abstract class ReadableRecordsTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    private async Task<HttpClient> ChineseAsync(string user)
    {
        var client = await factory.SignedInAsync(user);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        return client;
    }

    /// <summary>HR hires someone and corrects the name and hire date; returns the person's id.</summary>
    private async Task<int> HireAndCorrectAsync(string name)
    {
        using var api = await factory.BearerAsync("hr");
        var teamId = await factory.QueryAsync(db => db.Teams.Where(t => t.Name == "咨询二组").Select(t => t.Id).SingleAsync());
        var created = await api.PostAsJsonAsync("/api/v1/people", new
        {
            employeeNumber = "R" + Guid.NewGuid().ToString("N")[..8], name, hireDate = "2026-11-02", teamId, stage = "Induction",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var updated = await api.PutAsJsonAsync($"/api/v1/people/{id}", new { name = name + "二", hireDate = "2026-11-03", teamId });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        return id;
    }

    [Fact]
    public async Task The_audit_log_names_kind_fields_and_values_in_chinese_links_the_record_and_exports()
    {
        var id = await HireAndCorrectAsync("审计读者");
        using var admin = await ChineseAsync("admin");
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/audit?user=hr&entity=Employee&key={id}"));
        Assert.Contains("员工 #" + id, html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/people/{id}\"", html, StringComparison.Ordinal);
        Assert.Contains("<dt>姓名</dt>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>入职日期</dt>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>阶段</dt>", html, StringComparison.Ordinal);
        Assert.Contains("审计读者二", html, StringComparison.Ordinal);
        Assert.Contains("实习期", html, StringComparison.Ordinal); // the stage by its name, not 0
        Assert.Contains("咨询二组", html, StringComparison.Ordinal); // the team by its name, not its id
        Assert.DoesNotContain("\\u", html, StringComparison.Ordinal);
        Assert.DoesNotContain("TeamId", html, StringComparison.Ordinal);
        Assert.DoesNotContain("{\"Name\"", html, StringComparison.Ordinal); // no raw change JSON (the layout's htmx-config meta holds JSON of its own)

        // The stored row holds Chinese as text and the stage by name.
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var stored = await factory.QueryAsync(db => db.AuditEntries.Where(a => a.Entity == "Employee" && a.Key == key).OrderBy(a => a.Id).Select(a => a.Changes).FirstAsync());
        Assert.Contains("审计读者", stored, StringComparison.Ordinal);
        Assert.Contains("\"Induction\"", stored, StringComparison.Ordinal);

        var export = await admin.GetAsync($"/admin/audit?handler=Export&user=hr&entity=Employee&key={id}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.StartsWith("text/csv", export.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Contains("姓名：审计读者 → 审计读者二", csv, StringComparison.Ordinal);
        Assert.Equal(3, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length); // header, created, changed
    }

    [Fact]
    public async Task A_wrong_date_range_is_refused_in_chinese()
    {
        using var admin = await ChineseAsync("admin");
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/audit?from=2026-12-05&to=2026-12-01"));
        Assert.Contains("起始日期晚于截止日期。", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Person_history_speaks_in_sentences_to_the_person_too()
    {
        var id = await HireAndCorrectAsync("履历句子");
        using var hr = await ChineseAsync("hr");
        var html = WebUtility.HtmlDecode(await hr.GetStringAsync($"/people/{id}"));
        Assert.Contains("入职日期由 2026-11-02 改为 2026-11-03", html, StringComparison.Ordinal);
        Assert.Contains("姓名由 履历句子 改为 履历句子二", html, StringComparison.Ordinal);
        Assert.DoesNotContain("HireDate", html, StringComparison.Ordinal);

        // The agent reads their own history (/people/me) the same way.
        using var agent = await ChineseAsync("agent");
        var me = await agent.GetAsync("/people/me");
        var own = WebUtility.HtmlDecode(await agent.GetStringAsync(me.Headers.Location!.OriginalString));
        Assert.DoesNotContain("StageSince", own, StringComparison.Ordinal);
        Assert.DoesNotContain("HireDate", own, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Printed_records_show_names_and_posts_never_login_names()
    {
        var certificate = await factory.QueryAsync(db => db.Certificates.OrderBy(c => c.Id).Select(c => new { c.Id, c.IssuedBy, c.GateResultId }).FirstAsync());
        Assert.Contains("(", certificate.IssuedBy, StringComparison.Ordinal); // stored as signed: "刘洋 (trainer)"
        using var hr = await ChineseAsync("hr");
        var page = WebUtility.HtmlDecode(await hr.GetStringAsync($"/records/certificates/{certificate.Id}"));
        var login = certificate.IssuedBy[(certificate.IssuedBy.LastIndexOf('(') + 1)..^1];
        Assert.DoesNotContain("(" + login + ")", page, StringComparison.Ordinal);
        Assert.Matches("[\u4e00-\u9fff]+（(培训主管|呼叫中心主管|组长|部门经理|总经理)）", page);

        var result = await factory.QueryAsync(db => db.GateResults.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        var form = WebUtility.HtmlDecode(await hr.GetStringAsync($"/records/assessments/{result}"));
        Assert.DoesNotContain("(trainer)", form, StringComparison.Ordinal);
        Assert.DoesNotContain("(supervisor)", form, StringComparison.Ordinal);
        Assert.Matches("[\u4e00-\u9fff]+（(培训主管|呼叫中心主管)）", form);
    }

    [Fact]
    public async Task Recordings_the_queue_and_knowledge_areas_use_the_right_words()
    {
        using var qa = await ChineseAsync("qa");
        var recordings = WebUtility.HtmlDecode(await qa.GetStringAsync("/quality/recordings"));
        Assert.DoesNotContain("<td>Wav</td>", recordings, StringComparison.Ordinal);
        Assert.Contains("WAV 音频", recordings, StringComparison.Ordinal);
        var queue = WebUtility.HtmlDecode(await qa.GetStringAsync("/quality/queue"));
        Assert.DoesNotMatch(">\\s*得分\\s*</button>", queue);
        Assert.Matches(">\\s*(评分|继续评分)\\s*</button>", queue);

        using var trainer = await ChineseAsync("trainer");
        var areas = WebUtility.HtmlDecode(await trainer.GetStringAsync("/question-bank/areas"));
        Assert.Contains("<label>名称 <input name=\"name\"", areas, StringComparison.Ordinal);
        Assert.DoesNotContain("<label>姓名", areas, StringComparison.Ordinal);
    }
}
