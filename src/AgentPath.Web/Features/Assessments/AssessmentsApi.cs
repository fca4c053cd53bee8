using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Assessments;

/// <summary>The exam API. The exam page uses the same endpoints; outside checks rely on these shapes.</summary>
public static class AssessmentsApi
{
    public sealed record MyExam(int Id, string Title, string Kind, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int DurationMinutes);

    public sealed record OptionDto(int Id, string Text);

    public sealed record QuestionDto(int Id, string Type, string Text, IReadOnlyList<OptionDto> Options, decimal Points);

    public sealed record AnswerDto(int QuestionId, JsonElement? Response, long Seq);

    public sealed record AttemptDto(long Id, int ExamId, DateTimeOffset Deadline, string Status, IReadOnlyList<QuestionDto> Questions, IReadOnlyList<AnswerDto> Answers);

    public sealed record AnswerInput(JsonElement Response, long Seq);

    public sealed record SubmitResult(decimal Score, decimal MaxScore, bool Passed, bool Provisional);

    public static int? EmployeeIdOf(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(DataScopeProvider.EmployeeIdClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static string TypeName(QuestionType t) => t switch
    {
        QuestionType.Single => "single",
        QuestionType.Multiple => "multiple",
        QuestionType.TrueFalse => "truefalse",
        QuestionType.FillIn => "fillin",
        _ => "short",
    };

    public static void MapAssessmentsApi(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("").WithTags("Exams");

        g.MapGet("/my/exams", async (HttpContext http, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        {
            var me = await MeAsync(http, db, ct);
            if (me is null)
            {
                return [];
            }

            var now = time.GetUtcNow();
            var exams = await ExamEngine.For(db.Exams.AsNoTracking(), me).Include(e => e.Paper).ToListAsync(ct);
            return exams.Where(e => e.IsOpenAt(now)).OrderBy(e => e.ClosesAt)
                .Select(e => new MyExam(e.Id, e.Title, e.Kind.ToString(), e.OpensAt, e.ClosesAt, e.Paper.DurationMinutes)).ToList();
        });

        g.MapPost("/exams/{examId:int}/attempts", async Task<Results<Created<AttemptDto>, Ok<AttemptDto>, NotFound, ProblemHttpResult>> (
            int examId, HttpContext http, AppDbContext db, ExamEngine engine, IStringLocalizer<Text> text, CancellationToken ct) =>
        {
            var me = await MeAsync(http, db, ct);
            if (me is null)
            {
                return TypedResults.NotFound();
            }

            var (attempt, created, error) = await engine.StartAsync(examId, me, ct);
            switch (error)
            {
                case StartError.NotFound:
                    return TypedResults.NotFound();
                case StartError.NotOpen:
                    return TypedResults.Problem(statusCode: 409, title: text["This exam is not open now."]);
                case StartError.NoAttemptsLeft:
                    return TypedResults.Problem(statusCode: 409, title: text["You have used all attempts of this exam."]);
            }

            var dto = await LoadAsync(db, attempt!.Id, text, ct);
            return created ? TypedResults.Created($"/api/v1/attempts/{attempt.Id}", dto!) : TypedResults.Ok(dto!);
        });

        g.MapGet("/attempts/{id:long}", async Task<Results<Ok<AttemptDto>, NotFound>> (long id, HttpContext http, AppDbContext db, IStringLocalizer<Text> text, CancellationToken ct) =>
        {
            var me = EmployeeIdOf(http.User);
            var owns = me is not null && await db.Attempts.AnyAsync(a => a.Id == id && a.EmployeeId == me, ct);
            return owns && await LoadAsync(db, id, text, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();
        });

        g.MapPut("/attempts/{id:long}/answers/{questionId:int}", async Task<Results<NoContent, NotFound, ProblemHttpResult>> (
            long id, int questionId, AnswerInput input, HttpContext http, ExamEngine engine, IStringLocalizer<Text> text, CancellationToken ct) =>
        {
            var me = EmployeeIdOf(http.User);
            if (me is null)
            {
                return TypedResults.NotFound();
            }

            var (outcome, type) = await engine.SaveCheckedAsync(id, me.Value, questionId, input.Response, input.Seq, ct);
            return outcome switch
            {
                SaveOutcome.Saved or SaveOutcome.Older => TypedResults.NoContent(),
                SaveOutcome.Closed => TypedResults.Problem(statusCode: 409, title: text["The time for this exam is over; the answer was not accepted."]),
                SaveOutcome.BadResponse => TypedResults.Problem(statusCode: 400, title: text["The answer is not in a form this question takes."],
                    detail: type is { } t ? text[AnswerShape.Expectation(t), AnswerShape.LengthLimit(t)].Value : null,
                    extensions: new Dictionary<string, object?> { ["field"] = "response" }),
                SaveOutcome.BadSeq => TypedResults.Problem(statusCode: 400, title: text["The sequence number (seq) must be a whole number from 1 to {0}.", AnswerShape.SeqMax],
                    extensions: new Dictionary<string, object?> { ["field"] = "seq" }),
                _ => TypedResults.NotFound(),
            };
        });

        g.MapPost("/attempts/{id:long}/submit", async Task<Results<Ok<SubmitResult>, NotFound>> (long id, HttpContext http, ExamEngine engine, CancellationToken ct) =>
        {
            var me = EmployeeIdOf(http.User);
            var result = me is null ? null : await engine.SubmitAsync(id, me.Value, atDeadline: false, ct);
            return result is null ? TypedResults.NotFound() : TypedResults.Ok(new SubmitResult(result.Score, result.MaxScore, result.Passed, result.Provisional));
        });
    }

    private static async Task<Employee?> MeAsync(HttpContext http, AppDbContext db, CancellationToken ct) =>
        EmployeeIdOf(http.User) is { } id ? await db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) : null;

    /// <summary>An attempt as the person taking it sees it: questions in their order, options in their shown order, no keys.</summary>
    public static async Task<AttemptDto?> LoadAsync(AppDbContext db, long id, IStringLocalizer text, CancellationToken ct)
    {
        // Split: one query for the attempt, one for its items filtered by attempt (a single joined query made SQLite scan every answer ever saved).
        var a = await db.Attempts.AsNoTracking().Include(x => x.Items).ThenInclude(i => i.Question).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return null;
        }

        var items = a.Items.OrderBy(i => i.Order).ToList();
        var questions = items.Select(i =>
        {
            var options = i.Question.Options.ToDictionary(o => o.Id);
            var shown = i.OptionIds.Where(options.ContainsKey).Select(oid => new OptionDto(oid,
                i.Question.Type == QuestionType.TrueFalse ? text[options[oid].Text] : options[oid].Text)).ToList();
            return new QuestionDto(i.QuestionId, TypeName(i.Question.Type), i.Question.Text, shown, i.Points);
        }).ToList();
        var answers = items.Where(i => i.Seq > 0)
            .Select(i => new AnswerDto(i.QuestionId, i.Response is null ? null : JsonDocument.Parse(i.Response).RootElement.Clone(), i.Seq)).ToList();
        return new AttemptDto(a.Id, a.ExamId, a.Deadline, a.Status.ToString(), questions, answers);
    }
}
