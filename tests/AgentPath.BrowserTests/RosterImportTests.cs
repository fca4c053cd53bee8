using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentPath.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class RosterImportTests(AppFixture app)
{
    /// <summary>
    /// Row 2 is clean; every later row has exactly one problem of its own kind. The row numbers
    /// are the ones a spreadsheet shows (the header is row 1).
    /// </summary>
    private const string Roster =
        "工号,姓名,手机,入职日期,班组\n" +
        "BT9001,测试甲,13800000001,2025-03-01,咨询一组\n" +
        "BT9002,,13800000002,2025-03-01,咨询一组\n" +
        "BT9001,测试乙,13800000003,2025-03-01,咨询二组\n" +
        "BT9003,测试丙,13800000004,2025-03-01,火星一组\n" +
        "BT9004,测试丁,13800000005,2026-02-30,咨询二组\n" +
        "BT9005,=1+2,13800000006,2025-03-01,咨询三组\n";

    private static readonly string Latest = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime)
        .AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly (int Row, string Column, string Problem)[] Expected =
    [
        (3, "姓名 Name", "“姓名 Name”为空。"),
        (4, "工号 Employee number", "工号 BT9001 与第 2 行重复。"),
        (5, "班组 Team", "班组“火星一组”不存在，可选：咨询一组、咨询二组、咨询三组、回访一组、回访二组、销售一组。"),
        (6, "入职日期 Hire date", $"“2026-02-30”不是有效的入职日期：请填写如 2026-12-01 的日期，范围 2000-01-01 至 {Latest}。"),
        (7, "姓名 Name", "“=1+2”以公式字符开头，表格软件会把它当作公式执行。"),
    ];

    [Fact]
    public async Task A_roster_file_with_errors_shows_each_error_and_imports_nobody()
    {
        var file = Path.Combine(Path.GetTempPath(), $"roster-errors-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, Roster, new UTF8Encoding(false));
        try
        {
            await using var s = await app.OpenAsync("RosterImport");
            var page = s.Page;
            await s.LogInAsync("hr");
            await s.MainNav().GetByRole(AriaRole.Link, new() { Name = "人员", Exact = true }).ClickAsync();
            var before = await s.DirectoryTotalAsync();

            await s.MainNav().GetByRole(AriaRole.Link, new() { Name = "花名册导入", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "花名册导入", Level = 1 })).ToBeVisibleAsync();
            await page.GetByLabel("花名册文件").SetInputFilesAsync(file);
            await page.GetByRole(AriaRole.Button, new() { Name = "检查文件", Exact = true }).ClickAsync();

            // The preview: the file's name, the rows read, the count of problems, and a table of them.
            var table = page.GetByRole(AriaRole.Table).Filter(new() { Has = page.GetByRole(AriaRole.Columnheader, new() { Name = "问题", Exact = true }) });
            await Expect(table).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Path.GetFileName(file), Level = 2 })).ToBeVisibleAsync();
            await Expect(page.GetByText("共读取 6 行。", new() { Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync($"共 {Expected.Length} 个问题。");
            var headers = await table.GetByRole(AriaRole.Columnheader).AllInnerTextsAsync();
            Assert.Equal(["行", "列", "问题"], headers.Select(h => h.Trim()));

            var rows = table.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell) });
            await Expect(rows).ToHaveCountAsync(Expected.Length);
            foreach (var (row, column, problem) in Expected)
            {
                var match = rows.Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = problem, Exact = true }) });
                await Expect(match).ToHaveCountAsync(1);
                var cells = match.GetByRole(AriaRole.Cell);
                await Expect(cells.Nth(0)).ToHaveTextAsync(row.ToString(System.Globalization.CultureInfo.InvariantCulture));
                await Expect(cells.Nth(1)).ToHaveTextAsync(column);
                await Expect(cells.Nth(2)).ToHaveTextAsync(problem);
            }

            // Nothing can be imported from a file with problems.
            await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^导入") })).ToHaveCountAsync(0);
            await s.ScreenshotAsync("roster-import-errors-zh-CN");

            await s.MainNav().GetByRole(AriaRole.Link, new() { Name = "人员", Exact = true }).ClickAsync();
            Assert.Equal(before, await s.DirectoryTotalAsync());
            await page.GetByRole(AriaRole.Search).GetByLabel("搜索").FillAsync("BT900");
            await page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Button, new() { Name = "筛选", Exact = true }).ClickAsync();
            await Expect(page.GetByText("没有符合条件的人员。")).ToBeVisibleAsync();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
