using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Quality;

/// <summary>
/// QA reports in the viewer's scope: score by month overall, by team, agent and dimension; the
/// distribution; the critical-finding rate; inspector workload and consistency; .xlsx export.
/// </summary>
public sealed class ReportsModel(AppDbContext db, DataScopeProvider scope, SamplingService sampling, CalibrationService calibration) : PageModel
{
    public sealed record Eval(int Id, int EmployeeId, string Agent, string Number, string? Team, string Inspector, string Month, decimal Total, bool Passed, bool Critical, IReadOnlyDictionary<string, decimal> Dimensions, bool QualityCard);

    public sealed record Line(string Key, IReadOnlyDictionary<string, (decimal Mean, int Count)> ByMonth, decimal Mean, int Count);

    [BindProperty(SupportsGet = true)] public int Months { get; set; } = 6;

    public IReadOnlyList<string> MonthKeys { get; private set; } = [];
    public IReadOnlyList<Eval> Evals { get; private set; } = [];
    public Line Overall { get; private set; } = new("", new Dictionary<string, (decimal, int)>(), 0, 0);
    public IReadOnlyList<Line> ByTeam { get; private set; } = [];
    public IReadOnlyList<Line> ByDimension { get; private set; } = [];
    public IReadOnlyList<Line> ByAgent { get; private set; } = [];
    public IReadOnlyList<Line> ByInspector { get; private set; } = [];
    public IReadOnlyDictionary<string, decimal> CriticalRate { get; private set; } = new Dictionary<string, decimal>();
    public int[] Buckets { get; private set; } = new int[10];
    public IReadOnlyList<CalibrationService.ConsistencyRow> Consistency { get; private set; } = [];
    public IReadOnlyDictionary<string, int> OpenQueue { get; private set; } = new Dictionary<string, int>();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        object Sheet(IEnumerable<Line> lines, string label) => lines.Select(l =>
        {
            var row = new Dictionary<string, object?> { [label] = l.Key, ["平均分 Mean"] = l.Mean, ["评分数 Evaluations"] = l.Count };
            foreach (var m in MonthKeys)
            {
                row[m] = l.ByMonth.TryGetValue(m, out var v) ? v.Mean : null;
            }

            return row;
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            ["按坐席 By agent"] = Sheet(ByAgent, "坐席 Agent"),
            ["按班组 By team"] = Sheet(ByTeam, "班组 Team"),
            ["按维度 By dimension"] = Sheet(ByDimension, "维度 Dimension"),
            ["质检员 Inspectors"] = Sheet(ByInspector, "质检员 Inspector"),
            ["分布 Distribution"] = Enumerable.Range(0, 10).Select(i => new Dictionary<string, object?> { ["分数段 Range"] = $"{i * 10}-{(i == 9 ? 100 : (i * 10) + 9)}", ["评分数 Evaluations"] = Buckets[i] }).ToList(),
            ["致命项 Critical rate"] = MonthKeys.Select(m => new Dictionary<string, object?> { ["月份 Month"] = m, ["致命项比例 Critical %"] = CriticalRate.GetValueOrDefault(m) }).ToList(),
            ["明细 Evaluations"] = Evals.Select(e => new Dictionary<string, object?>
            {
                ["工号 Employee number"] = e.Number, ["姓名 Name"] = e.Agent, ["班组 Team"] = e.Team, ["月份 Month"] = e.Month, ["得分 Total"] = e.Total,
                ["通过 Passed"] = e.Passed ? "是 yes" : "否 no", ["致命项 Critical"] = e.Critical ? "是 yes" : "", ["质检员 Inspector"] = e.Inspector,
            }).ToList(),
        };
        using var ms = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(ms, Infrastructure.Files.SafeSheet.Sheets(sheets), excelType: MiniExcelLibs.ExcelType.XLSX);
        return File(ms.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"qa-report-{sampling.Today():yyyy-MM-dd}.xlsx");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Months = Math.Clamp(Months, 1, 24);
        var today = sampling.Today();
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-(Months - 1));
        MonthKeys = Enumerable.Range(0, Months).Select(i => first.AddMonths(i).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var (from, _) = SamplingService.Instants(first, first);
        var people = (await scope.PeopleAsync(ct)).Select(p => p.Id);
        var raw = await db.Evaluations.AsNoTracking()
            .Where(e => e.CalibrationSessionId == null && e.Status != EvaluationStatus.Draft && e.SubmittedAt >= from && people.Contains(e.EmployeeId))
            .Include(e => e.Employee).ThenInclude(p => p.Team)
            .Include(e => e.Scores).ThenInclude(s => s.Sections)
            .Include(e => e.Scores).ThenInclude(s => s.Items)
            .Include(e => e.ScorecardVersion).ThenInclude(v => v.Sections).ThenInclude(s => s.Items)
            .Include(e => e.ScorecardVersion).ThenInclude(v => v.Scorecard)
            .AsSplitQuery().ToListAsync(ct);
        var tz = CenterClock.Zone;
        Evals = raw.Select(e =>
        {
            var latest = e.Latest!;
            var critical = e.ScorecardVersion.Sections.SelectMany(s => s.Items).Where(i => i.Critical != Critical.None).Select(i => i.Id).ToHashSet();
            var names = e.ScorecardVersion.Sections.ToDictionary(s => s.Id, s => s.Name);
            return new Eval(e.Id, e.EmployeeId, e.Employee.Name, e.Employee.EmployeeNumber, e.Employee.Team?.Name, e.InspectorName,
                TimeZoneInfo.ConvertTime(e.SubmittedAt!.Value, tz).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                latest.Total, latest.Passed, latest.AutoFailed || latest.Items.Any(i => critical.Contains(i.ItemId) && i.Fraction == 0),
                latest.Sections.Where(s => s.Score is not null).ToDictionary(s => names.GetValueOrDefault(s.SectionId, "?"), s => s.Score!.Value),
                e.ScorecardVersion.Scorecard.Purpose == ScorecardPurpose.Quality);
        }).ToList();

        Line Make(string key, IEnumerable<(string Month, decimal Value)> values)
        {
            var list = values.ToList();
            return new Line(key, list.GroupBy(v => v.Month).ToDictionary(g => g.Key, g => (Math.Round(g.Average(v => v.Value), 1), g.Count())),
                list.Count == 0 ? 0 : Math.Round(list.Average(v => v.Value), 1), list.Count);
        }

        Overall = Make("", Evals.Select(e => (e.Month, e.Total)));
        ByTeam = Evals.GroupBy(e => e.Team ?? "—").Select(g => Make(g.Key, g.Select(e => (e.Month, e.Total)))).OrderBy(l => l.Key, AgentPath.Web.Infrastructure.Lists.NaturalOrder.Instance).ToList();
        ByAgent = Evals.GroupBy(e => e.Agent + " " + e.Number).Select(g => Make(g.Key, g.Select(e => (e.Month, e.Total)))).OrderBy(l => l.Mean).ToList();
        ByInspector = Evals.GroupBy(e => e.Inspector).Select(g => Make(g.Key, g.Select(e => (e.Month, e.Total)))).OrderByDescending(l => l.Count).ToList();
        // Dimensions are those of the quality cards (the seven dimensions); mock-call and test-call cards have their own sections.
        ByDimension = Evals.Where(e => e.QualityCard).SelectMany(e => e.Dimensions.Select(d => (d.Key, e.Month, d.Value))).GroupBy(x => x.Key)
            .Select(g => Make(g.Key, g.Select(x => (x.Month, x.Value)))).OrderBy(l => l.Mean).ToList();
        CriticalRate = Evals.GroupBy(e => e.Month).ToDictionary(g => g.Key, g => Math.Round(100m * g.Count(e => e.Critical) / g.Count(), 1));
        Buckets = new int[10];
        foreach (var e in Evals)
        {
            Buckets[Math.Min(9, (int)(e.Total / 10))]++;
        }

        Consistency = await calibration.ConsistencyAsync(ct);
        OpenQueue = (await db.SamplingAssignments.AsNoTracking().Where(a => a.Status == AssignmentStatus.Open)
                .Join(db.Users, a => a.InspectorUserId, u => u.Id, (a, u) => u.DisplayName ?? u.UserName).ToListAsync(ct))
            .GroupBy(n => n ?? "?").ToDictionary(g => g.Key, g => g.Count());
    }
}
