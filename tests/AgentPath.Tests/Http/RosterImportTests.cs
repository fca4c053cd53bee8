using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AgentPath.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Http;

public sealed class RosterImportTests_Sqlite(SqliteAppFactory f) : RosterImportTests<SqliteAppFactory>(f);

public sealed class RosterImportTests_Postgres(PostgresAppFactory f) : RosterImportTests<PostgresAppFactory>(f);

/// <summary>Roster import through the page: preview every problem, import a clean file all at once, never half of one.</summary>
public abstract partial class RosterImportTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    [GeneratedRegex("name=\"importId\" value=\"([0-9a-f-]+)\"")]
    private static partial Regex ImportId();

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName)
    {
        var token = await client.FormTokenAsync("/people/import");
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(bytes), "file", fileName },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        return await client.PostAsync("/people/import?handler=Preview", form);
    }

    private static async Task<HttpResponseMessage> CommitAsync(HttpClient client, string importId)
    {
        var token = await client.FormTokenAsync("/people/import");
        return await client.PostAsync("/people/import?handler=Commit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["importId"] = importId,
            ["__RequestVerificationToken"] = token,
        }));
    }

    private static string Unique() => Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    [Fact]
    public async Task A_clean_gbk_csv_is_previewed_then_imported_in_full()
    {
        using var client = await factory.SignedInAsync("hr");
        var u = Unique();
        var csv = $"工号,姓名,手机,入职日期,班组\nN{u}1,新人甲,13800000001,2026-11-23,咨询一组\nN{u}2,新人乙,,2026/11/23,回访销售部/回访一组\n";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var before = await factory.QueryAsync(db => db.Employees.CountAsync());

        var preview = await UploadAsync(client, Encoding.GetEncoding("GBK").GetBytes(csv), "花名册.csv");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("可导入 2 人", html, StringComparison.Ordinal);
        Assert.Contains("新人甲", html, StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.Employees.CountAsync())); // a preview imports nothing

        var id = ImportId().Match(html).Groups[1].Value;
        var commit = await CommitAsync(client, id);
        Assert.Contains("已导入 2 人", await commit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before + 2, await factory.QueryAsync(db => db.Employees.CountAsync()));
        var imported = await factory.QueryAsync(db => db.Employees.Include(e => e.Team).SingleAsync(e => e.EmployeeNumber == $"N{u}2"));
        Assert.Equal("回访一组", imported.Team!.Name);

        // The same confirmation twice imports nothing more.
        var again = await CommitAsync(client, id);
        Assert.Contains("该文件已经导入过", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before + 2, await factory.QueryAsync(db => db.Employees.CountAsync()));
    }

    [Fact]
    public async Task A_file_with_errors_lists_each_one_and_imports_nothing()
    {
        using var client = await factory.SignedInAsync("hr");
        var existing = await factory.QueryAsync(db => db.Employees.Select(e => e.EmployeeNumber).FirstAsync());
        var u = Unique();
        var csv = "\uFEFF工号,姓名,手机,入职日期,班组\n" +
                  $"B{u}1,好人,,2026-11-23,咨询一组\n" +      // line 2: fine
                  $"B{u}2,,,2026-11-23,咨询一组\n" +           // 3: no name
                  $"B{u}1,重复,,2026-11-23,咨询一组\n" +        // 4: duplicate number
                  $"B{u}4,某人,,2026-11-23,不存在的组\n" +       // 5: unknown team
                  $"B{u}5,某人,,2026-02-30,咨询一组\n" +         // 6: impossible date
                  $"B{u}6,=cmd(),,2026-11-23,咨询一组\n" +      // 7: formula
                  $"{existing},某人,,2026-11-23,咨询一组\n" +     // 8: number already in the center
                  $"{existing.ToLowerInvariant()},某人,,2026-11-23,咨询一组\n"; // 9: the same number in lower case
        var before = await factory.QueryAsync(db => db.Employees.CountAsync());
        var html = await (await UploadAsync(client, Encoding.UTF8.GetBytes(csv), "roster.csv")).Content.ReadAsStringAsync();

        Assert.Contains("共 7 个问题", html, StringComparison.Ordinal);
        Assert.Contains("与第 8 行重复", html, StringComparison.Ordinal);
        Assert.Contains("<td>3</td>", html, StringComparison.Ordinal);
        Assert.Contains("为空", html, StringComparison.Ordinal);
        Assert.Contains("与第 2 行重复", html, StringComparison.Ordinal);
        Assert.Contains("班组“不存在的组”不存在", html, StringComparison.Ordinal);
        Assert.Contains("“2026-02-30”不是有效的入职日期", html, StringComparison.Ordinal);
        Assert.Contains("以公式字符开头", html, StringComparison.Ordinal);
        Assert.Contains($"工号 {existing} 已存在", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(ImportId(), html); // no way to confirm a file with problems

        Assert.Equal(before, await factory.QueryAsync(db => db.Employees.CountAsync()));
    }

    [Fact]
    public async Task Forcing_the_commit_of_a_file_with_problems_imports_nothing()
    {
        using var client = await factory.SignedInAsync("hr");
        var u = Unique();
        var html = await (await UploadAsync(client, Encoding.UTF8.GetBytes($"工号,姓名,入职日期,班组\nC{u}1,甲,2026-11-23,咨询一组\nC{u}2,乙,2026-11-23,没有这个组\n"), "r.csv"))
            .Content.ReadAsStringAsync();
        Assert.Contains("共 1 个问题", html, StringComparison.Ordinal);
        // A file with problems is not kept (issue 10: no orphan uploads), so there is nothing to force: no pending import, and a forged id is 404.
        Assert.False(await factory.QueryAsync(db => db.Set<AgentPath.Web.Features.People.Import.RosterImport>().AnyAsync(i => i.FileName == "r.csv" && i.CommittedAt == null)));
        var before = await factory.QueryAsync(db => db.Employees.CountAsync());
        var commit = await CommitAsync(client, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.NotFound, commit.StatusCode);
        Assert.Equal(before, await factory.QueryAsync(db => db.Employees.CountAsync()));
    }

    [Fact]
    public async Task An_xlsx_made_from_the_template_imports_and_a_wrong_file_type_is_refused()
    {
        using var client = await factory.SignedInAsync("hr");
        var template = await client.GetAsync("/people/import?handler=Template");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", template.Content.Headers.ContentType!.MediaType);

        // The template's own example row imports.
        var html = await (await UploadAsync(client, await template.Content.ReadAsByteArrayAsync(), "template.xlsx")).Content.ReadAsStringAsync();
        Assert.Contains("可导入 1 人", html, StringComparison.Ordinal);

        var wrong = await (await UploadAsync(client, Encoding.UTF8.GetBytes("MZ\0\0binary"), "roster.exe")).Content.ReadAsStringAsync();
        Assert.Contains("请上传 .xlsx 或 .csv 文件", wrong, StringComparison.Ordinal);

        var disguised = await (await UploadAsync(client, Encoding.UTF8.GetBytes("<html>hello</html>"), "roster.xlsx")).Content.ReadAsStringAsync();
        Assert.Contains("无法按 .xlsx 格式读取该文件", disguised, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_hr_and_admins_may_import()
    {
        using var client = await factory.SignedInAsync("lead");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/people/import")).StatusCode);
    }
}
