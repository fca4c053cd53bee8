using AgentPath.Web.Features.Notifications;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Quality.Recordings;

/// <summary>Bulk registration from the call system's export: check first (every problem with its row), then register all rows or none.</summary>
[RequestSizeLimit(RecordingImporter.MaxFileBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = RecordingImporter.MaxFileBytes + (1024 * 1024))]
public sealed class ImportModel(RecordingImporter importer, IStringLocalizer<Text> text) : PageModel
{
    public CallImportPreview? Preview { get; private set; }
    public CallImportResult? Result { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnGetTemplate() =>
        File(RecordingImporter.Template(), "text/csv; charset=utf-8", "call-export-template.csv");

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null)
        {
            Preview = new CallImportPreview(null, "", 0, 0, [new CallProblem(0, null, "Choose a file to upload.")], 0);
            return Page();
        }

        await using var stream = file.OpenReadStream();
        Preview = await importer.PreviewAsync(stream, file.FileName, Notifier.UserIdOf(User) ?? 0, ct);
        if (Preview.ImportId is null && Preview.Problems.Any(p => p.Line == 0 && (Infrastructure.Files.InputLimitException.Messages.Contains(p.Message) || p.Message == "The file cannot be read as {0}.")))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(Guid importId, CancellationToken ct)
    {
        Result = await importer.CommitAsync(importId, Notifier.UserIdOf(User) ?? 0, User.Identity?.Name ?? "?", ct);
        return Result is null ? NotFound() : Page();
    }

    public string Message(CallProblem p) => text[p.Message, p.Args.Cast<object>().ToArray()];
}
