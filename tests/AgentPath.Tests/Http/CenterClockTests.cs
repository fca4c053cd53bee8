using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AgentPath.Tests.Infrastructure;

namespace AgentPath.Tests.Http;

/// <summary>Runs alone: it moves the process's zone, which every other class must not depend on either.</summary>
[CollectionDefinition(nameof(ProcessZone), DisableParallelization = true)]
public sealed class ProcessZone;

/// <summary>
/// Issue 11, failure 2: with the server's OS zone far from China (America/Los_Angeles, 16 h behind), an exam window
/// typed by a trainer, the notification it sends and the audit row it writes show center time (Asia/Shanghai).
/// </summary>
[Collection(nameof(ProcessZone))]
public sealed partial class CenterClockTests : IClassFixture<SqliteAppFactory>, IDisposable
{
    private readonly SqliteAppFactory factory;
    private readonly string? zone = Environment.GetEnvironmentVariable("TZ");

    public CenterClockTests(SqliteAppFactory factory)
    {
        this.factory = factory;
        Environment.SetEnvironmentVariable("TZ", "America/Los_Angeles");
        TimeZoneInfo.ClearCachedData();
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("TZ", zone);
        TimeZoneInfo.ClearCachedData();
    }

    [GeneratedRegex("""name="Form.PaperId"[^>]*>\s*<option value="">—</option>\s*<option value="(\d+)">""")]
    private static partial Regex FirstPaper();

    private async Task<HttpClient> ChineseAsync(string user)
    {
        var client = await factory.SignedInAsync(user);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        return client;
    }

    [Fact]
    public async Task An_exam_window_its_notification_and_its_audit_row_show_what_the_user_typed_in_center_time()
    {
        Assert.Equal(TimeSpan.FromHours(-8), TimeZoneInfo.Local.GetUtcOffset(new DateTime(2027, 1, 5)));
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var now = TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow(), shanghai).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

        using var trainer = await ChineseAsync("trainer");
        var form = await trainer.GetStringAsync("/exams/new");
        var paper = FirstPaper().Match(form);
        Assert.True(paper.Success, "no paper to choose on /exams/new");
        var token = await trainer.FormTokenAsync("/exams/new");
        var title = "时区检查 " + Guid.NewGuid().ToString("N")[..6];
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Form.Title", title), new("Form.PaperId", paper.Groups[1].Value), new("Form.Kind", "MonthlyBusiness"),
            new("Form.OpensAt", "2027-01-05T09:00"), new("Form.ClosesAt", "2027-01-07T18:00"), new("Form.AttemptsAllowed", "1"),
            new("__RequestVerificationToken", token),
        };
        fields.AddRange(new[] { "Induction", "Apprenticeship", "Probation", "Regular" }.Select(s => new KeyValuePair<string, string>("Form.Stages", s)));
        var published = await trainer.PostAsync("/exams/new", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        // The exam list shows the window as typed.
        var list = WebUtility.HtmlDecode(await trainer.GetStringAsync("/exams"));
        var at = list.IndexOf(">" + title + " <", StringComparison.Ordinal);
        Assert.True(at >= 0, "the new exam is not on /exams");
        var row = list[at..];
        var cells = row[..Math.Min(row.Length, 900)];
        Assert.Contains(">2027-01-05 09:00<", cells, StringComparison.Ordinal); // opens
        Assert.Contains(">2027-01-07 18:00<", cells, StringComparison.Ordinal); // closes

        // The agent's notification and the audit row carry the center's "now".
        using var agent = await ChineseAsync("agent");
        var notifications = WebUtility.HtmlDecode(await agent.GetStringAsync("/notifications"));
        var note = notifications[notifications.IndexOf(title, StringComparison.Ordinal)..];
        Assert.Contains(now, note[..Math.Min(note.Length, 400)], StringComparison.Ordinal);

        using var admin = await ChineseAsync("admin");
        var audit = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/audit"));
        Assert.Contains(now, audit, StringComparison.Ordinal);
    }
}
