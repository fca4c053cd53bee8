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

        Assert.Contains("共 8 个问题", html, StringComparison.Ordinal);
        Assert.Contains("与第 8 行重复", html, StringComparison.Ordinal);
        Assert.Contains("<td>3</td>", html, StringComparison.Ordinal);
        Assert.Contains("为空", html, StringComparison.Ordinal);
        Assert.Contains("与第 2 行重复", html, StringComparison.Ordinal);
        Assert.Contains("班组“不存在的组”不存在，可选：咨询一组、咨询二组、咨询三组", html, StringComparison.Ordinal);
        Assert.Contains("“2026-02-30”不是有效的入职日期：请填写如 2026-12-01 的日期", html, StringComparison.Ordinal);
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
    public async Task A_row_with_many_mistakes_shows_all_of_them_in_one_check()
    {
        using var client = await factory.SignedInAsync("hr");
        var existing = await factory.QueryAsync(db => db.Employees.Select(e => e.EmployeeNumber).FirstAsync());
        // One row, seven mistakes: a number already in the center, no name, a 7-digit phone, an impossible date,
        // an unknown team, an unknown stage and an unknown post. The old import showed two, then two more, never the phone.
        var csv = "工号,姓名,手机,入职日期,班组,阶段,岗位\n" + $"{existing},,1380013,2026-02-30,火星一组,学徒,宇航员\n";
        var html = System.Net.WebUtility.HtmlDecode(await (await UploadAsync(client, Encoding.UTF8.GetBytes(csv), "many.csv")).Content.ReadAsStringAsync());
        Assert.Contains("共 7 个问题", html, StringComparison.Ordinal);
        Assert.Contains($"工号 {existing} 已存在", html, StringComparison.Ordinal);
        Assert.Contains("为空", html, StringComparison.Ordinal);
        Assert.Contains("“1380013”不是有效的电话号码", html, StringComparison.Ordinal);
        Assert.Contains("“2026-02-30”不是有效的入职日期", html, StringComparison.Ordinal);
        Assert.Contains("班组“火星一组”不存在，可选：咨询一组、咨询二组、咨询三组、回访一组、回访二组、销售一组", html, StringComparison.Ordinal);
        Assert.Contains("无法识别的阶段“学徒”，可选：实习期、见习期、试用期、正式员工、淘汰、离职", html, StringComparison.Ordinal);
        Assert.Contains("岗位“宇航员”不存在，可选：话务员、普通组长", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_template_has_notes_and_drop_down_lists_of_the_centers_teams_stages_and_posts()
    {
        using var client = await factory.SignedInAsync("hr");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var bytes = await client.GetByteArrayAsync("/people/import?handler=Template");
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        string Part(string name)
        {
            using var r = new StreamReader(zip.GetEntry(name)!.Open());
            return r.ReadToEnd();
        }

        var ns = System.Xml.Linq.XNamespace.Get("http://schemas.openxmlformats.org/spreadsheetml/2006/main");
        var workbook = System.Xml.Linq.XDocument.Parse(Part("xl/workbook.xml"));
        var sheets = workbook.Descendants(ns + "sheet").ToList();
        Assert.Equal(["花名册", "填写说明", "选项"], sheets.Select(x => (string)x.Attribute("name")!));
        Assert.Equal("hidden", (string?)sheets[2].Attribute("state"));
        var names = workbook.Descendants(ns + "definedName").ToDictionary(x => (string)x.Attribute("name")!, x => x.Value);

        var validations = System.Xml.Linq.XDocument.Parse(Part("xl/worksheets/sheet1.xml")).Descendants(ns + "dataValidation").ToList();
        var lists = validations.Where(v => (string?)v.Attribute("type") == "list").ToDictionary(v => ((string)v.Attribute("sqref")!)[..1], v => v.Element(ns + "formula1")!.Value);
        Assert.Equal("RosterTeams", lists["E"]);   // 班组
        Assert.Equal("RosterStages", lists["F"]);  // 阶段
        Assert.Equal("RosterPosts", lists["H"]);   // 岗位
        Assert.Equal("RosterDepartments", lists["I"]);
        Assert.All(validations, v => Assert.False(string.IsNullOrEmpty((string?)v.Attribute("prompt")))); // every column has its note
        Assert.Contains(validations, v => (string?)v.Attribute("type") == "date");

        // The lists sheet holds the center's real teams, the six stages and the posts, where the names point.
        Assert.Equal("'选项'!$A$2:$A$7", names["RosterTeams"]);
        Assert.Equal("'选项'!$B$2:$B$7", names["RosterStages"]);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: "选项", excelType: MiniExcelLibs.ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().ToList();
        var teams = await factory.QueryAsync(db => db.Teams.OrderBy(t => t.DepartmentId).ThenBy(t => t.Id).Select(t => t.Name).ToListAsync());
        var posts = await factory.QueryAsync(db => db.Posts.OrderBy(p => p.Id).Select(p => p.Name).ToListAsync());
        Assert.Equal(teams, rows.Select(r => r["班组"] as string).Where(x => x is not null));
        Assert.Equal(["实习期", "见习期", "试用期", "正式员工", "淘汰", "离职"], rows.Select(r => r["阶段"] as string).Where(x => x is not null));
        Assert.Equal(posts, rows.Select(r => r["岗位"] as string).Where(x => x is not null));
        Assert.Contains("花名册填写说明", Part("xl/sharedStrings.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_hr_and_admins_may_import()
    {
        using var client = await factory.SignedInAsync("lead");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/people/import")).StatusCode);
    }
}
