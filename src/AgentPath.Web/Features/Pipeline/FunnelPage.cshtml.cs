using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Pipeline;

/// <summary>The pipeline funnel (R1.4): per stage entered, passed, retook, eliminated by reason, left; conversion and median days; chart, table and .xlsx.</summary>
public sealed class FunnelPageModel(DataScopeProvider scope, AppDbContext db, IStringLocalizer<Text> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? CohortId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public int? TrainerId { get; set; }
    [BindProperty(SupportsGet = true)] public int? TeamLeadId { get; set; }

    public FunnelReport Report { get; private set; } = new([], 0);
    public IReadOnlyList<Cohort> Cohorts { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Trainers { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Leads { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Report = await QueryAsync(ct);
        Cohorts = await db.Cohorts.AsNoTracking().OrderByDescending(c => c.StartDate).ToListAsync(ct);
        Trainers = (await db.Cohorts.Where(c => c.Trainer != null).Select(c => new { c.Trainer!.Id, c.Trainer.Name }).Distinct().ToListAsync(ct)).Select(x => (x.Id, x.Name)).ToList();
        Leads = (await (await scope.TeamsAsync(ct)).Where(t => t.Lead != null).Select(t => new { t.Lead!.Id, t.Lead.Name }).Distinct().ToListAsync(ct)).Select(x => (x.Id, x.Name)).ToList();
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        var report = await QueryAsync(ct);
        var rows = report.Stages.Select(s => new Dictionary<string, object?>
        {
            [text["Stage"]] = text["Stage." + s.Stage].Value,
            [text["Entered"]] = s.Entered,
            [text["Passed"]] = s.Passed,
            [text["Retook"]] = s.Retook,
            [text["Eliminated"]] = s.Eliminated,
            [text["Eliminated by reason"]] = string.Join("; ", s.EliminatedByReason.Select(r => $"{text["Reason." + r.Key].Value} {r.Value}")),
            [text["Left"]] = s.Left,
            [text["Conversion"]] = s.Conversion,
            [text["Median days"]] = s.MedianDays,
        }).ToList();
        var ms = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(ms, Infrastructure.Files.SafeSheet.Rows(rows), excelType: MiniExcelLibs.ExcelType.XLSX);
        ms.Position = 0;
        return File(ms, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "funnel.xlsx");
    }

    private async Task<FunnelReport> QueryAsync(CancellationToken ct) =>
        await Funnel.QueryAsync(db, await scope.PeopleAsync(ct), new FunnelFilter(CohortId, From, To, null, TrainerId, TeamLeadId), ct);
}
