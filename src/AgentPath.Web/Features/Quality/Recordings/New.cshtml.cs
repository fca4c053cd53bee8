using System.Globalization;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Quality.Recordings;

/// <summary>Upload one call with its audio; the type is read from the file's content, the file goes to the file store.</summary>
[RequestSizeLimit(2L * 1024 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 2L * 1024 * 1024 * 1024)]
public sealed class NewModel(Quality.RecordingService recordings, QualityOptions options, TimeProvider time, IStringLocalizer<Text> text) : PageModel
{
    [BindProperty] public string? EmployeeNumber { get; set; }
    [BindProperty] public CallType CallType { get; set; } = CallType.Inbound;
    [BindProperty] public string? StartedAt { get; set; }
    [BindProperty] public int? DurationSeconds { get; set; }
    [BindProperty] public string? CallId { get; set; }
    [BindProperty] public string? CustomerRef { get; set; }
    [BindProperty] public string? Notes { get; set; }

    public string? Error { get; private set; }
    public string Limit => Quality.RecordingService.Megabytes(options.MaxAudioBytes);

    public void OnGet() =>
        StartedAt = CenterClock.ToCenter(time.GetUtcNow()).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        string? started = null;
        if (DateTime.TryParse(StartedAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            var offset = CenterClock.Zone.GetUtcOffset(local);
            started = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset).ToString("o", CultureInfo.InvariantCulture);
        }

        await using var stream = file?.OpenReadStream();
        var (recording, problem) = await recordings.RegisterAsync(
            new RecordingInput(EmployeeNumber, CallType.ToString(), started, DurationSeconds?.ToString(CultureInfo.InvariantCulture), CallId, CustomerRef, Notes),
            stream, file?.FileName, User.Identity?.Name ?? "?", ct);
        if (problem is not null)
        {
            Error = text[problem.Message, QualityText.Localized(text, problem.Args)];
            return Page();
        }

        TempData.Confirm(text["Call registered."]);
        return Redirect($"/quality/recordings/{recording!.Id}");
    }
}
