using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Exams;

/// <summary>An exam's results within the viewer's scope: distribution, pass rate, by team, every attempt; .xlsx export.</summary>
public sealed class ResultsModel(AppDbContext db, DataScopeProvider scope) : PageModel
{
    public sealed record Row(long AttemptId, int EmployeeId, string Number, string Name, string? Team, DateTimeOffset? SubmittedAt, decimal Score, decimal Max, decimal Percent, bool Passed, bool Provisional, bool AtDeadline);

    public Exam Exam { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<(string Team, int Count, decimal Mean, decimal PassRate)> ByTeam { get; private set; } = [];
    public int[] Buckets { get; private set; } = new int[10];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var sheet = Rows.Select(r => new Dictionary<string, object?>
        {
            ["工号 Employee number"] = r.Number, ["姓名 Name"] = r.Name, ["班组 Team"] = r.Team, ["交卷时间 Submitted"] = r.SubmittedAt?.ToCenter().ToString("yyyy-MM-dd HH:mm"),
            ["得分 Score"] = r.Score, ["满分 Max"] = r.Max, ["得分率 Percent"] = r.Percent, ["是否通过 Passed"] = r.Passed ? "是 yes" : "否 no",
        });
        using var ms = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(ms, Infrastructure.Files.SafeSheet.Rows(sheet), excelType: MiniExcelLibs.ExcelType.XLSX);
        return File(ms.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"exam-{id}-results.xlsx");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var exam = await db.Exams.AsNoTracking().Include(e => e.Paper).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (exam is null)
        {
            return false;
        }

        Exam = exam;
        var people = await scope.PeopleAsync(ct);
        var attempts = await db.Attempts.AsNoTracking().Where(a => a.ExamId == id && a.Status == AttemptStatus.Submitted && people.Any(p => p.Id == a.EmployeeId))
            .Select(a => new { a.Id, a.EmployeeId, a.Employee.EmployeeNumber, a.Employee.Name, Team = a.Employee.Team != null ? a.Employee.Team.Name : null, a.SubmittedAt, a.FinishedAtDeadline })
            .ToListAsync(ct);
        var ids = attempts.Select(a => a.Id).ToList();
        var results = new Dictionary<long, AttemptResult>();
        foreach (var chunk in ids.Chunk(1000))
        {
            foreach (var r in await db.AttemptResults.AsNoTracking().Where(r => chunk.Contains(r.AttemptId)).ToListAsync(ct))
            {
                if (!results.TryGetValue(r.AttemptId, out var have) || have.Id < r.Id)
                {
                    results[r.AttemptId] = r;
                }
            }
        }

        Rows = attempts.Where(a => results.ContainsKey(a.Id)).Select(a =>
        {
            var r = results[a.Id];
            return new Row(a.Id, a.EmployeeId, a.EmployeeNumber, a.Name, a.Team, a.SubmittedAt, r.Score, r.MaxScore, r.Percent, r.Passed, r.Provisional, a.FinishedAtDeadline);
        }).OrderByDescending(r => r.Percent).ThenBy(r => r.Number).ToList();
        foreach (var r in Rows)
        {
            Buckets[Math.Min(9, (int)(r.Percent / 10))]++;
        }

        ByTeam = Rows.GroupBy(r => r.Team ?? "—").Select(g => (g.Key, g.Count(), Math.Round(g.Average(r => r.Percent), 1),
            Math.Round(100m * g.Count(r => r.Passed) / g.Count(), 1))).OrderBy(x => x.Key, AgentPath.Web.Infrastructure.Lists.NaturalOrder.Instance).ToList();
        return true;
    }
}
