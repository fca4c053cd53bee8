using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace AgentPath.Web.Features.Plans;

/// <summary>
/// The plan in the seed's table form (部门月培训计划): a title, who compiled, approved and issued it,
/// then one row per item with the columns 培训项目、对象、时间、人数、方式、课时、责任人、实施进度
/// (plus category and the needs it answers), the totals with the 70/30 split, and the signature line.
/// The print page shows the same table.
/// </summary>
public static class PlanExport
{
    /// <summary>The columns, in the seed's order and words (序号、培训项目、对象、时间、人数、方式、课时、责任人、实施进度), then category and needs.</summary>
    public static readonly string[] ColumnKeys =
    [
        "PlanCol.No", "PlanCol.Item", "PlanCol.Audience", "PlanCol.Time", "PlanCol.Headcount", "PlanCol.Method", "PlanCol.Hours", "PlanCol.Owner",
        "PlanCol.Progress", "PlanCol.Category", "PlanCol.Needs",
    ];

    private static readonly double[] Widths = [6, 34, 22, 17, 8, 12, 7, 10, 10, 12, 30];

    public sealed record Row(int No, string Title, string Audience, string Time, int Headcount, string Method, decimal Hours, string Owner, string Progress, string Category, string Needs);

    public sealed record Sheet(string Title, string Status, IReadOnlyList<string> Signatures, IReadOnlyList<Row> Rows, PlanMix Mix, decimal Hours);

    /// <summary>The plan as rows, in the user's language; also used by the print page.</summary>
    public static Sheet Build(TrainingPlan plan, IReadOnlyDictionary<int, string> needs, IStringLocalizer text)
    {
        var rows = plan.Items.OrderBy(i => i.Order).ThenBy(i => i.Key).Select((i, n) => new Row(
            n + 1, i.Title, PlanText.Audience(i.Team?.Name, i.Stage, plan.Department.Name, text), PlanText.Time(i.Date, i.StartTime),
            i.Headcount, text[PlanText.Key(i.Method)], i.Hours, i.Owner.Name, text[PlanText.Key(i.Progress)], text[PlanText.Key(i.Category)],
            string.Join("；", i.Needs.Select(x => needs.GetValueOrDefault(x.NeedId, "#" + x.NeedId))))).ToList();
        var signatures = new List<string> { text["Compiled by {0}", plan.CreatedBy] };
        if (plan.SubmittedBy is not null)
        {
            signatures.Add(text["Submitted by {0} on {1}", plan.SubmittedBy, plan.SubmittedAt!.Value.ToCenter().ToString("yyyy-MM-dd")]);
        }

        if (plan.ApprovedBy is not null)
        {
            signatures.Add(text["Approved by {0} on {1}", plan.ApprovedBy, plan.ApprovedAt!.Value.ToCenter().ToString("yyyy-MM-dd")]);
        }

        if (plan.IssuedBy is not null)
        {
            signatures.Add(text["Issued by {0} on {1}", plan.IssuedBy, plan.IssuedAt!.Value.ToCenter().ToString("yyyy-MM-dd")]);
        }

        foreach (var r in plan.Revisions.Where(r => r.Status == RevisionStatus.Approved).OrderBy(r => r.Number))
        {
            signatures.Add(text["Revision {0} approved by {1} on {2}", r.Number, r.DecidedBy!, r.DecidedAt!.Value.ToCenter().ToString("yyyy-MM-dd")]);
        }

        var mix = PlanMix.Of(plan.Items.Select(i => (i.Category, i.Hours, i.Headcount)));
        return new Sheet(
            text["{0} training plan for {1}", plan.Department.Name, PlanText.Month(plan.Month)],
            text["Version {0} · {1}", plan.Version, text[PlanText.Key(plan.Status)].Value],
            signatures, rows, mix, plan.Items.Sum(i => i.Hours));
    }

    public static byte[] Xlsx(Sheet sheet, IStringLocalizer text)
    {
        var letters = Enumerable.Range(0, ColumnKeys.Length).Select(i => ((char)('A' + i)).ToString()).ToArray();
        Dictionary<string, object?> Line(params object?[] cells)
        {
            var d = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < letters.Length; i++)
            {
                d[letters[i]] = i < cells.Length ? cells[i] : null;
            }

            return d;
        }

        var rows = new List<Dictionary<string, object?>>
        {
            Line(sheet.Title),
            Line(sheet.Status),
            Line(string.Join("    ", sheet.Signatures)),
            Line(),
            Line(ColumnKeys.Select(k => (object?)text[k].Value).ToArray()),
        };
        rows.AddRange(sheet.Rows.Select(r => Line(r.No, r.Title, r.Audience, r.Time, r.Headcount, r.Method, r.Hours, r.Owner, r.Progress, r.Category, r.Needs)));
        rows.Add(Line(null, text["Total"].Value, null, null, sheet.Rows.Sum(r => r.Headcount), null, sheet.Hours));
        rows.Add(Line(null, text["Business / general skills (person-hours)"].Value,
            text["{0} / {1}", PlanText.Hours(sheet.Mix.BusinessHours), PlanText.Hours(sheet.Mix.GeneralHours)].Value,
            sheet.Mix.BusinessPercent is { } b ? text["{0}% / {1}% (target 70% / 30%)", b, sheet.Mix.GeneralPercent!.Value].Value : "—"));
        rows.Add(Line());
        rows.Add(Line($"{text["Compiled (management department)"]}：________    {text["Approved (department manager)"]}：________    {text["Revision approved (general manager)"]}：________"));

        var config = new OpenXmlConfiguration
        {
            TableStyles = TableStyles.None,
            DynamicColumns = letters.Select((l, i) => new DynamicExcelColumn(l) { Width = Widths[i] }).ToArray(),
        };
        using var ms = new MemoryStream();
        ms.SaveAs(rows, printHeader: false, sheetName: text["Training plan"], excelType: ExcelType.XLSX, configuration: config);
        return ms.ToArray();
    }
}
