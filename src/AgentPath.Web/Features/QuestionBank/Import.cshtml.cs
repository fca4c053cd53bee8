using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.Assessments.Formats;
using AgentPath.Web.Features.Notifications;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.QuestionBank;

/// <summary>Import questions from Excel, GIFT or Moodle XML: every problem by position and name first; unsupported types skipped only when the trainer says so; then all at once.</summary>
[RequestSizeLimit(QuestionImporter.MaxFileBytes + 64 * 1024)]
public sealed class ImportModel(QuestionImporter importer, IStringLocalizer<Text> text) : PageModel
{
    public QuestionPreview? Preview { get; private set; }
    public IReadOnlyList<QuestionBankApi.ProblemDto> Problems { get; private set; } = [];
    public int? Imported { get; private set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnGetTemplate() =>
        File(QuestionSheet.Template(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "question-template-题库模板.xlsx");

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, string? format, CancellationToken ct)
    {
        if (file is null || QuestionImporter.ParseFormat(format, file.FileName) is not { } f)
        {
            Error = text[file is null ? "Choose a file to upload." : "The format must be xlsx, gift or moodlexml."];
            return Page();
        }

        await using var stream = file.OpenReadStream();
        Preview = await importer.PreviewAsync(stream, file.FileName, f, Notifier.UserIdOf(User)!.Value, ct);
        Problems = QuestionBankApi.Localize(Preview.Problems, text);
        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(Guid id, bool skipUnsupported, CancellationToken ct)
    {
        var result = await importer.CommitAsync(id, Notifier.UserIdOf(User)!.Value, skipUnsupported, ct);
        if (result is not { } r)
        {
            return NotFound();
        }

        Imported = r.Imported;
        Problems = QuestionBankApi.Localize(r.Problems, text);
        return Page();
    }
}
