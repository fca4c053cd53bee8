using System.Net;
using System.Net.Http.Json;
using System.Text;
using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Features.Quality;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Quality;

public sealed class BulkRegistrationTests_Sqlite(SqliteAppFactory f) : BulkRegistrationTests<SqliteAppFactory>(f);

public sealed class BulkRegistrationTests_Postgres(PostgresAppFactory f) : BulkRegistrationTests<PostgresAppFactory>(f);

/// <summary>Registering the call system's export: GBK .csv and .xlsx; a file with any problem registers nothing and says why, row by row.</summary>
public abstract class BulkRegistrationTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    public sealed record Row(int Line, string? Column, string Message);

    public sealed record Body(int Registered, List<Row> Problems, int MoreProblems);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, byte[] content, string name)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } };
        return await client.PostAsync("/api/v1/recordings/imports", form);
    }

    private static byte[] Gbk(string text) => Web.Features.People.Import.RosterParser.Gb18030.GetBytes(text);

    [Fact]
    public async Task A_GBK_csv_and_an_xlsx_register_every_row_and_the_same_calls_cannot_come_twice()
    {
        var number = await QualityCalls.NumberOfAsync(factory, "马晓东");
        var day = factory.Clock.GetUtcNow().AddDays(-1).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");
        var csv = "通话编号,工号,开始时间,时长(秒),类型,客户,备注,录音文件\r\n"
            + $"BK-{day}-1,{number},{day} 09:30:05,185,咨询,K-1,首次来电,/a3/{day}/BK1.wav\r\n"
            + $"BK-{day}-2,{number.ToLowerInvariant()},{day} 10:02:00,3:05,回访,K-2,,\r\n"
            + $"BK-{day}-3,{number},{day}T11:00:00+08:00,60,Sales,,,\r\n";
        using var qa = await factory.BearerAsync("qa");
        var ok = await SendAsync(qa, Gbk(csv), "话单.csv");
        var body = await ok.Content.ReadFromJsonAsync<Body>();
        Assert.True(ok.StatusCode == HttpStatusCode.OK, string.Join("; ", body!.Problems.Select(p => $"{p.Line} {p.Column} {p.Message}")));
        Assert.Equal(3, body.Registered);

        var rows = await factory.QueryAsync(db => db.Recordings.Where(r => r.CallId!.StartsWith("BK-")).OrderBy(r => r.CallId).ToListAsync());
        Assert.Equal([185, 185, 60], rows.Select(r => r.DurationSeconds));
        Assert.Equal([CallType.Inbound, CallType.Callback, CallType.Sales], rows.Select(r => r.CallType));
        Assert.Equal($"/a3/{day}/BK1.wav", rows[0].SourcePath);
        Assert.Equal("首次来电", rows[0].Notes);
        Assert.Equal(new DateTimeOffset(DateTime.Parse(day + " 01:30:05", System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero), rows[0].StartedAt);
        Assert.All(rows, r => Assert.NotNull(r.ImportId));
        var import = rows[0].ImportId!.Value.ToString();
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Entity == nameof(RecordingImport) && a.Key.ToUpper() == import.ToUpper())));

        // Again: every call id is already registered.
        var again = await SendAsync(qa, Gbk(csv), "话单.csv");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var twice = (await again.Content.ReadFromJsonAsync<Body>())!;
        Assert.Equal([2, 3, 4], twice.Problems.Select(p => p.Line));
        Assert.All(twice.Problems, p => Assert.Contains("already registered", p.Message, StringComparison.Ordinal));

        // The same rows as .xlsx with real date cells, new call ids.
        var sheet = new[]
        {
            new Dictionary<string, object?> { ["通话编号 / Call id"] = "XL-1", ["工号 / Employee number"] = number, ["开始时间 / Started at"] = DateTime.Parse(day + " 14:00", System.Globalization.CultureInfo.InvariantCulture), ["时长(秒) / Duration (s)"] = 95, ["类型 / Call type"] = "内部拨测" },
            new Dictionary<string, object?> { ["通话编号 / Call id"] = "XL-2", ["工号 / Employee number"] = number, ["开始时间 / Started at"] = DateTime.Parse(day + " 15:00", System.Globalization.CultureInfo.InvariantCulture), ["时长(秒) / Duration (s)"] = 120, ["类型 / Call type"] = "模拟演练" },
        };
        using var ms = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(ms, sheet, excelType: MiniExcelLibs.ExcelType.XLSX);
        var xlsx = await SendAsync(qa, ms.ToArray(), "calls.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal([CallType.TestCall, CallType.MockCall], await factory.QueryAsync(db => db.Recordings.Where(r => r.CallId!.StartsWith("XL-")).OrderBy(r => r.CallId).Select(r => r.CallType).ToListAsync()));
    }

    [Fact]
    public async Task A_file_with_problems_registers_nothing_and_names_each_problem_by_row()
    {
        var number = await QualityCalls.NumberOfAsync(factory, "马晓东");
        var csv = "通话编号,工号,开始时间,时长(秒),类型,客户,备注,录音文件\n"
            + $"BAD-1,{number},2026-01-05 09:00:00,60,咨询,,,\n"
            + $"BAD-1,{number},2026-01-05 09:10:00,60,咨询,,,\n"
            + "BAD-3,NOBODY9,2026-01-05 09:20:00,60,咨询,,,\n"
            + $"BAD-4,{number},yesterday,60,咨询,,,\n"
            + $"BAD-5,{number},2026-01-05 09:40:00,60,咨询,=HYPERLINK(\"http://x\"),,\n"
            + $"BAD-6,{number},2026-01-05 09:50:00,-5,咨询,,,\n"
            + $"BAD-7,{number},2026-01-05 10:00:00,60,传真,,,\n"
            + $"BAD-8,{number},2026-01-05 10:10:00,60,咨询,,,../../etc/passwd\n";
        using var qa = await factory.BearerAsync("qa");
        var before = await factory.QueryAsync(db => db.Recordings.CountAsync());
        var r = await SendAsync(qa, Encoding.UTF8.GetBytes(csv), "calls.csv");
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var problems = (await r.Content.ReadFromJsonAsync<Body>())!.Problems;
        Assert.Equal([3, 4, 5, 6, 7, 8, 9], problems.Select(p => p.Line));
        Assert.Contains("already on line 2", problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("NOBODY9", problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("not a date", problems[2].Message, StringComparison.Ordinal);
        Assert.Contains("formula", problems[3].Message, StringComparison.Ordinal);
        Assert.Contains("formula", problems[4].Message, StringComparison.Ordinal);
        Assert.Contains("call type", problems[5].Message, StringComparison.Ordinal);
        Assert.Contains("another folder", problems[6].Message, StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.Recordings.CountAsync()));

        // Not a spreadsheet, a missing column, an empty file, a dangerous name.
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(qa, Encoding.UTF8.GetBytes("x"), "calls.exe")).StatusCode);
        var missing = await (await SendAsync(qa, Encoding.UTF8.GetBytes("通话编号,工号\nA,B\n"), "calls.csv")).Content.ReadFromJsonAsync<Body>();
        Assert.Contains(missing!.Problems, p => p.Message.Contains("Missing column", StringComparison.Ordinal));
        var empty = await (await SendAsync(qa, [], "calls.csv")).Content.ReadFromJsonAsync<Body>();
        Assert.Contains("empty", empty!.Problems.Single().Message, StringComparison.Ordinal);
        var broken = await (await SendAsync(qa, Encoding.UTF8.GetBytes("not a zip"), "calls.xlsx")).Content.ReadFromJsonAsync<Body>();
        Assert.Contains("cannot be read", broken!.Problems.Single().Message, StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.Recordings.CountAsync()));

        // An agent may not register calls.
        using var agent = await factory.BearerAsync("agent");
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(agent, Encoding.UTF8.GetBytes(csv), "calls.csv")).StatusCode);
    }

    [Fact]
    public async Task The_page_checks_first_and_registers_on_confirmation()
    {
        var number = await QualityCalls.NumberOfAsync(factory, "马晓东");
        using var qa = await factory.SignedInAsync("qa");
        var token = await qa.FormTokenAsync("/quality/recordings/import");
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes($"通话编号,工号,开始时间,时长(秒),类型\nPG-1,{number},2026-01-06 09:00:00,60,咨询\n")), "file", "p.csv" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var preview = await qa.PostAsync("/quality/recordings/import", form);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("登记 1 通通话", html, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => db.Recordings.CountAsync(r => r.CallId == "PG-1")));
        var importId = System.Text.RegularExpressions.Regex.Match(html, "importId=([0-9a-f-]{36})").Groups[1].Value;
        var commit = await qa.PostAsync($"/quality/recordings/import?handler=Commit&importId={importId}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var done = await commit.Content.ReadAsStringAsync();
        Assert.True(done.Contains("已登记 1 通通话", StringComparison.Ordinal), done[Math.Max(0, done.IndexOf("<main", StringComparison.Ordinal))..]);
        Assert.Equal(1, await factory.QueryAsync(db => db.Recordings.CountAsync(r => r.CallId == "PG-1")));
    }
}
