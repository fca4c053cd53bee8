using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AgentPath.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Integrity;

public sealed class FormulaTests_Sqlite(SqliteAppFactory f) : FormulaTests<SqliteAppFactory>(f);

public sealed class FormulaTests_Postgres(PostgresAppFactory f) : FormulaTests<PostgresAppFactory>(f);

/// <summary>
/// Formula injection (failure 14): the guard looks at the text as it will be stored (after trimming),
/// so " =1+1" is refused in an import; names through the API are refused; exports neutralise any
/// formula-like text already stored with a leading apostrophe.
/// </summary>
public abstract class FormulaTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    [Theory]
    [InlineData(" =1+1")]
    [InlineData("\u3000=1+1")]
    [InlineData("  @SUM(A1)")]
    [InlineData("＝1+1")]
    public async Task A_formula_behind_leading_spaces_in_a_roster_cell_is_refused(string name)
    {
        using var client = await factory.SignedInAsync("hr");
        var token = await client.FormTokenAsync("/people/import");
        var number = "F" + Guid.NewGuid().ToString("N")[..7].ToUpperInvariant();
        var csv = $"工号,姓名,手机,入职日期,班组\n{number},\"{name}\",,2026-11-23,咨询一组\n";
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "花名册.csv" }, { new StringContent(token), "__RequestVerificationToken" } };

        var html = await (await client.PostAsync("/people/import?handler=Preview", form)).Content.ReadAsStringAsync();

        Assert.Contains("公式", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"importId\"", html, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Employees.AnyAsync(e => e.EmployeeNumber == number)));
    }

    [Fact]
    public async Task A_formula_behind_a_space_in_a_call_export_is_refused()
    {
        using var qa = await factory.ChineseBearerAsync("qa");
        var number = await factory.QueryAsync(db => db.Employees.OrderBy(e => e.Id).Select(e => e.EmployeeNumber).FirstAsync());
        var callId = "FX" + Guid.NewGuid().ToString("N")[..8];
        var csv = $"通话编号,工号,开始时间,时长(秒),类型,备注\n{callId},{number},2026-11-20 10:00:00,60,咨询, =HYPERLINK(\"http://x\")\n";
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "calls.csv" } };

        var response = await qa.PostAsync("/api/v1/recordings/imports", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("公式", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("problems")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Recordings.AnyAsync(r => r.CallId == callId)));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"点我\")")]
    [InlineData(" =1+1")]
    [InlineData("+86 123")]
    public async Task A_formula_as_a_name_through_the_api_is_refused_and_the_name_stays(string name)
    {
        using var hr = await factory.ChineseBearerAsync("hr");
        var person = await factory.QueryAsync(db => db.Employees.OrderBy(e => e.Id).Select(e => new { e.Id, e.Name, e.HireDate, e.TeamId }).FirstAsync());

        var response = await hr.PutAsJsonAsync($"/api/v1/people/{person.Id}", new { name, hireDate = person.HireDate, teamId = person.TeamId });

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Contains("公式", JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty("name")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(person.Name, await factory.QueryAsync(db => db.Employees.Where(e => e.Id == person.Id).Select(e => e.Name).SingleAsync()));
    }

    [Fact]
    public async Task An_export_neutralises_a_formula_like_name_stored_before_the_guard()
    {
        // A name stored before the guard existed (written past it, as old data would be).
        var (exam, employee, number) = await factory.QueryAsync(async db =>
        {
            var a = await db.Attempts.Where(x => x.SubmittedAt != null).OrderBy(x => x.Id).FirstAsync();
            var e = await db.Employees.SingleAsync(x => x.Id == a.EmployeeId);
            e.UpdateDetails("=1+1", e.Phone, e.ServiceLevel);
            await db.SaveChangesAsync();
            return (a.ExamId, e.Id, e.EmployeeNumber);
        });

        using var admin = await factory.SignedInAsync("admin");
        var response = await admin.GetAsync($"/exams/{exam}/results?handler=Export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var sheet = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(sheet, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var row = rows.First(r => (r["工号 Employee number"] as string) == number);

        Assert.Equal("'=1+1", row["姓名 Name"]);
        _ = employee;
    }
}
