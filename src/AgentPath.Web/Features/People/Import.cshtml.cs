using AgentPath.Web.Features.Notifications;
using AgentPath.Web.Features.People.Import;
using AgentPath.Web.Infrastructure.Localization;
using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AgentPath.Web.Features.People;

/// <summary>
/// Roster import (花名册导入): upload an .xlsx or .csv, see every bad row with its reason, and
/// import only a clean file — all rows in one transaction, or none.
/// </summary>
[RequestSizeLimit(RosterImporter.MaxFileBytes + 64 * 1024)]
public sealed class ImportModel(RosterImporter importer, Microsoft.Extensions.Localization.IStringLocalizer<Text> text) : PageModel
{
    public RosterPreview? Preview { get; private set; }
    public RosterCommitResult? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct) =>
        File(await importer.TemplateAsync(System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal), text, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "roster-template-花名册模板.xlsx");

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null)
        {
            Preview = new RosterPreview(null, "", 0, 0, [new RosterProblem(0, null, "Choose a file to upload.")], []);
        }
        else
        {
            await using var stream = file.OpenReadStream();
            Preview = await importer.PreviewAsync(stream, file.FileName, Notifier.UserIdOf(User)!.Value, ct);
            if (Preview.ImportId is null && !Request.IsHtmx() && Preview.Problems.Any(p => p.Line == 0 && (Infrastructure.Files.InputLimitException.Messages.Contains(p.Message) || p.Message == "The file cannot be read as {0}.")))
            {
                // A file refused whole (beyond a parser limit, or unreadable) is a 400 (htmx keeps 200: it does not swap in error responses).
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
        }

        return Request.IsHtmx() ? Partial("_ImportPreview", this) : Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(Guid importId, CancellationToken ct)
    {
        var result = await importer.CommitAsync(importId, Notifier.UserIdOf(User)!.Value, ct);
        if (result is null)
        {
            return NotFound();
        }

        Result = result;
        return Request.IsHtmx() ? Partial("_ImportPreview", this) : Page();
    }
}
