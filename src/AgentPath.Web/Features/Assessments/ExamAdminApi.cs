using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Lists;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Assessments;

/// <summary>
/// The trainer's side of exams: the list with sort, filters and pages; edit before an exam opens; close
/// early or extend once open. Each change names the <c>rowVersion</c> it was made from (from the list or
/// a previous answer): a stale one, or the loser of two racing changes, gets 409 and nothing is written.
/// </summary>
public static class ExamAdminApi
{
    public sealed record ExamRowDto(int Id, string Title, string Kind, string Window, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int AttemptsAllowed, int Submitted, int RowVersion);

    public sealed record ExamPageDto(IReadOnlyList<ExamRowDto> Items, int Total, int Page, int PageSize);

    /// <summary>An edit of an exam that has not opened: times with their offset (e.g. 2026-12-08T09:00:00+08:00); employee numbers of people in the audience.</summary>
    public sealed record ExamEditInput(int? RowVersion, string? Title, int? PaperId, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, int? AttemptsAllowed,
        List<int>? TeamIds, List<Stage>? Stages, List<string>? EmployeeNumbers);

    public sealed record CloseInput(int? RowVersion);

    public sealed record ExtendInput(int? RowVersion, DateTimeOffset? ClosesAt);

    public static void MapExamAdminApi(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/exams").WithTags("Exams");

        // ?q= title · team= a team in the audience · status= Upcoming|Open|Closed · from=/to= dates (center time) the window overlaps
        // · sort= opens|closes|title|kind · dir= asc|desc · p= page · size= page size (at most 100).
        g.MapGet("", async Task<Results<Ok<ExamPageDto>, ValidationProblem>> (HttpRequest request, AppDbContext db, TimeProvider time, IStringLocalizer<Infrastructure.Localization.Text> text, CancellationToken ct) =>
        {
            var list = ExamList.Read(request);
            if (list.Errors.Count > 0)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["query"] = list.Errors.Select(e => (string)text[e]).ToArray() });
            }

            var now = time.GetUtcNow();
            var rows = await ExamList.QueryAsync(db, list, now, ct);
            return TypedResults.Ok(new ExamPageDto(rows.Select(r => new ExamRowDto(r.Id, r.Title, r.Kind.ToString(),
                (now < r.OpensAt ? ExamWindow.Upcoming : now < r.ClosesAt ? ExamWindow.Open : ExamWindow.Closed).ToString(),
                r.OpensAt, r.ClosesAt, r.AttemptsAllowed, r.Submitted, r.RowVersion)).ToList(), list.Total, list.Page, list.PageSize));
        }).RequireAuthorization(Policies.ResultsRead);

        g.MapPut("/{id:int}", async (int id, ExamEditInput input, ExamChanges changes, TimeProvider time, IStringLocalizer<Infrastructure.Localization.Text> text, CancellationToken ct) =>
            Answer(await changes.EditAsync(id, input.RowVersion, new ExamEdit(input.Title, input.PaperId, input.OpensAt, input.ClosesAt, input.AttemptsAllowed,
                input.TeamIds ?? [], input.Stages ?? [], input.EmployeeNumbers ?? []), ct), time, text))
            .RequireAuthorization(Policies.AssessmentsManage);

        g.MapPost("/{id:int}/close", async (int id, CloseInput input, ExamChanges changes, TimeProvider time, IStringLocalizer<Infrastructure.Localization.Text> text, CancellationToken ct) =>
            Answer(await changes.CloseAsync(id, input.RowVersion, ct), time, text))
            .RequireAuthorization(Policies.AssessmentsManage);

        g.MapPost("/{id:int}/extend", async (int id, ExtendInput input, ExamChanges changes, TimeProvider time, IStringLocalizer<Infrastructure.Localization.Text> text, CancellationToken ct) =>
            Answer(await changes.ExtendAsync(id, input.RowVersion, input.ClosesAt, ct), time, text))
            .RequireAuthorization(Policies.AssessmentsManage);
    }

    private static Results<Ok<ExamRowDto>, NotFound, ValidationProblem, ProblemHttpResult> Answer(ExamChangeResult r, TimeProvider time, IStringLocalizer text)
    {
        var now = time.GetUtcNow();
        return r.Outcome switch
        {
            ExamChangeOutcome.Ok => TypedResults.Ok(new ExamRowDto(r.Exam!.Id, r.Exam.Title, r.Exam.Kind.ToString(), ExamList.WindowAt(r.Exam, now).ToString(),
                r.Exam.OpensAt, r.Exam.ClosesAt, r.Exam.AttemptsAllowed, 0, r.Exam.RowVersion)),
            ExamChangeOutcome.NotFound => TypedResults.NotFound(),
            ExamChangeOutcome.Conflict => TypedResults.Problem(text["Someone else changed this exam at the same moment; nothing of yours was saved. Load it again."], statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.ValidationProblem(r.Problems.ToDictionary(kv => kv.Key, kv => new[] { kv.Value })),
        };
    }
}
