using System.Security.Claims;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.SpotQuestions;

/// <summary>
/// /api/v1 — spot questions asked at pre- and post-shift meetings (班前会/班后会随机提问, SPEC R5.5): a team lead or
/// supervisor records one meeting's question with each person's score in one request; corrections are new records.
/// </summary>
public static class SpotQuestionsApi
{
    public sealed record SpotScoreInput(int EmployeeId, SpotAnswer? Answer, string? Note);

    public sealed record SpotMeetingInput(ShiftMeeting? Meeting, DateTimeOffset? HeldAt, string? Question, int? TeamId, List<SpotScoreInput>? Scores);

    public sealed record SpotCorrectionInput(long CheckId, SpotAnswer? Answer, string? Note, string? Reason);

    public sealed record SpotCheckDto(long Id, long MeetingId, int EmployeeId, string? Name, string Answer, int Score, string? Note, long? SupersedesId, string? Reason, string By, DateTimeOffset At);

    public sealed record SpotMeetingDto(long Id, string Meeting, DateTimeOffset HeldAt, string Question, int? TeamId, string RecordedBy, DateTimeOffset RecordedAt, IReadOnlyList<SpotCheckDto> Checks);

    public sealed record SpotPersonCheckDto(long Id, long MeetingId, string Meeting, DateTimeOffset HeldAt, string Question, string Answer, int Score, string? Note,
        long? SupersedesId, string? Reason, string By, DateTimeOffset At, bool Current);

    private static SpotCheckDto ToDto(SpotCheck c, string? name) =>
        new(c.Id, c.MeetingId, c.EmployeeId, name, c.Answer.ToString(), c.Score, c.Note, c.SupersedesId, c.Reason, c.By, c.At);

    private static ProblemHttpResult NotInScope(IStringLocalizer text) =>
        TypedResults.Problem(statusCode: 404, title: text[new SpotOutOfScopeException().Message]);

    public static void MapSpotQuestionsApi(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/spot-questions").WithTags("Spot questions").RequireAuthorization(Policies.Coach);

        g.MapGet("", async (DateOnly? from, DateOnly? to, SpotQuestionService spot, CancellationToken ct) =>
        {
            var list = await spot.ListAsync(from is { } f ? CenterClock.StartOf(f) : null, to is { } t ? CenterClock.StartOf(t.AddDays(1)) : null, 100, ct);
            return TypedResults.Ok(list.Select(v => new SpotMeetingDto(v.Meeting.Id, v.Meeting.Meeting.ToString(), v.Meeting.HeldAt, v.Meeting.Question, v.Meeting.TeamId,
                v.Meeting.RecordedByName, v.Meeting.RecordedAt, v.Checks.Select(c => ToDto(c.Check, c.Name)).ToList())).ToList());
        }).WithSummary("The newest 100 shift meetings (from/to: center dates, inclusive) that scored someone in the caller's scope, with the current score of those people.");

        g.MapPost("", async Task<IResult> (SpotMeetingInput input, ClaimsPrincipal user, SpotQuestionService spot, IStringLocalizer<Text> text, CancellationToken ct) =>
        {
            if (input.Meeting is not { } meeting)
            {
                throw new DomainException("Choose the pre-shift or the post-shift meeting.");
            }

            try
            {
                var m = await spot.RecordAsync(user, meeting, input.HeldAt, input.Question, input.TeamId,
                    (input.Scores ?? []).Select(s => new SpotScore(s.EmployeeId, s.Answer, s.Note)).ToList(), ct);
                return TypedResults.Created($"/api/v1/spot-questions?from={CenterClock.ShowDate(m.HeldAt)}",
                    new SpotMeetingDto(m.Id, m.Meeting.ToString(), m.HeldAt, m.Question, m.TeamId, m.RecordedByName, m.RecordedAt, m.Checks.Select(c => ToDto(c, null)).ToList()));
            }
            catch (SpotOutOfScopeException)
            {
                return NotInScope(text);
            }
        }).Produces<SpotMeetingDto>(201).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Records one question asked at a pre- or post-shift meeting (heldAt default now, at most 30 days back) with each person's answer " +
                       "(Correct|Partial|Wrong, note ≤ 200 characters; people without an answer were not asked). At most 200 people, all in the caller's scope " +
                       "(else 404, nothing kept); the same recorder, meeting, minute and question are recorded once (409 for a racing twin).");

        g.MapPost("/corrections", async Task<IResult> (SpotCorrectionInput input, ClaimsPrincipal user, SpotQuestionService spot, CancellationToken ct) =>
        {
            if (input.Answer is not { } answer)
            {
                throw new DomainException("Score each answer as right, partly right or wrong.");
            }

            var c = await spot.CorrectAsync(user, input.CheckId, answer, input.Note, input.Reason, ct);
            return c is null ? TypedResults.NotFound() : TypedResults.Created($"/api/v1/people/{c.EmployeeId}/spot-checks", ToDto(c, null));
        }).Produces<SpotCheckDto>(201).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Corrects a person's current spot-question score: a new record naming the one it corrects, with a reason (≤ 200 characters). Each record is corrected at most once (409 for a racing twin).");

        api.MapGet("/people/{id:int}/spot-checks", async Task<Results<Ok<List<SpotPersonCheckDto>>, NotFound>> (int id, DataScopeProvider scope, SpotQuestionService spot, CancellationToken ct) =>
        {
            if (await scope.FindPersonAsync(id, ct) is null)
            {
                return TypedResults.NotFound();
            }

            var all = await spot.OfPersonAsync(id, ct);
            var current = SpotQuestionService.Current(all).Select(c => c.Id).ToHashSet();
            return TypedResults.Ok(all.Select(c => new SpotPersonCheckDto(c.Id, c.MeetingId, c.MeetingRecord.Meeting.ToString(), c.MeetingRecord.HeldAt, c.MeetingRecord.Question,
                c.Answer.ToString(), c.Score, c.Note, c.SupersedesId, c.Reason, c.By, c.At, current.Contains(c.Id))).ToList());
        }).WithTags("Spot questions")
          .WithSummary("A person's spot-question scores from shift meetings, oldest first, corrections included (current = the record no other corrects).");
    }
}
