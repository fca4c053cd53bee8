using System.Text;
using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments.Formats;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Assessments;

/// <summary>/api/v1/question-bank — import (preview, then commit) and export in xlsx, GIFT and Moodle XML. Trainers only.</summary>
public static class QuestionBankApi
{
    public sealed record ProblemDto(int Position, string Name, string Message, bool Unsupported);

    public sealed record PreviewDto(Guid? Id, int Importable, IReadOnlyList<ProblemDto> Problems);

    public sealed record CommitInput(bool SkipUnsupported);

    public sealed record CommitDto(int Imported, IReadOnlyList<ProblemDto> Problems);

    public static IReadOnlyList<ProblemDto> Localize(IEnumerable<ImportProblem> problems, IStringLocalizer text) =>
        problems.Select(p => new ProblemDto(p.Position, p.Name, text[p.Message, p.Args.Cast<object>().ToArray()], p.Unsupported)).ToList();

    public static void MapQuestionBankApi(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/question-bank").WithTags("Question bank").RequireAuthorization(Policies.AssessmentsManage);

        g.MapPost("/imports", async Task<Results<Ok<PreviewDto>, ProblemHttpResult>> (
            IFormFile? file, [Microsoft.AspNetCore.Mvc.FromForm] string? format, HttpContext http, QuestionImporter importer, IStringLocalizer<Text> text, CancellationToken ct) =>
        {
            if (file is null)
            {
                return TypedResults.Problem(statusCode: 400, title: text["Choose a file to upload."]);
            }

            if (QuestionImporter.ParseFormat(format, file.FileName) is not { } f)
            {
                return TypedResults.Problem(statusCode: 400, title: text["The format must be xlsx, gift or moodlexml."]);
            }

            await using var stream = file.OpenReadStream();
            var preview = await importer.PreviewAsync(stream, file.FileName, f, Notifications.Notifier.UserIdOf(http.User)!.Value, ct);
            var tooLarge = preview.Problems.Any(p => p.Message == "The file is too large.");
            if (preview.Id is null && (tooLarge || preview.Problems.Any(QuestionImporter.IsRefusal)))
            {
                // Beyond a limit (the upload's size, or what the parser takes): refused whole, nothing kept.
                var problems = Localize(preview.Problems, text);
                return TypedResults.Problem(statusCode: tooLarge ? 413 : 400, title: problems[0].Message, extensions: new Dictionary<string, object?> { ["field"] = "file", ["problems"] = problems });
            }

            return TypedResults.Ok(new PreviewDto(preview.Id, preview.Importable, Localize(preview.Problems, text)));
        }).DisableAntiforgery();

        g.MapPost("/imports/{id:guid}/commit", async Task<Results<Ok<CommitDto>, NotFound, Conflict<CommitDto>>> (
            Guid id, CommitInput? input, HttpContext http, QuestionImporter importer, IStringLocalizer<Text> text, CancellationToken ct) =>
        {
            var result = await importer.CommitAsync(id, Notifications.Notifier.UserIdOf(http.User)!.Value, input?.SkipUnsupported ?? false, ct);
            if (result is not { } r)
            {
                return TypedResults.NotFound();
            }

            var dto = new CommitDto(r.Imported, Localize(r.Problems, text));
            return r.Problems.Count > 0 ? TypedResults.Conflict(dto) : TypedResults.Ok(dto);
        });

        g.MapGet("/export", async (string? format, int? areaId, AppDbContext db, CancellationToken ct) =>
        {
            var (bytes, type, name) = await ExportAsync(db, format, areaId, ct);
            return Results.File(bytes, type, name);
        });
    }

    /// <summary>The bank (or one knowledge area) as a file: current, non-retired versions.</summary>
    public static async Task<(byte[] Bytes, string ContentType, string FileName)> ExportAsync(AppDbContext db, string? format, int? areaId, CancellationToken ct)
    {
        var areas = await db.KnowledgeAreas.AsNoTracking().ToDictionaryAsync(a => a.Id, ct);
        string PathOf(int id)
        {
            var parts = new List<string>();
            for (int? cur = id; cur is { } c && areas.TryGetValue(c, out var a); cur = a.ParentId)
            {
                parts.Insert(0, a.Name);
            }

            return string.Join("/", parts);
        }

        var q = db.Questions.AsNoTracking().Where(x => x.IsCurrent && x.Status != QuestionStatus.Retired);
        if (areaId is { } area)
        {
            q = q.Where(x => x.AreaId == area);
        }

        var drafts = (await q.OrderBy(x => x.AreaId).ThenBy(x => x.Id).ToListAsync(ct)).Select(x => x.ToDraft(PathOf(x.AreaId))).ToList();
        return (format ?? "xlsx").ToLowerInvariant() switch
        {
            "gift" => (Encoding.UTF8.GetBytes(GiftFormat.Write(drafts)), "text/plain; charset=utf-8", "question-bank.gift.txt"),
            "moodlexml" or "xml" => (Encoding.UTF8.GetBytes(MoodleXmlFormat.Write(drafts)), "application/xml", "question-bank.xml"),
            _ => (QuestionSheet.Write(drafts), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "question-bank.xlsx"),
        };
    }
}
