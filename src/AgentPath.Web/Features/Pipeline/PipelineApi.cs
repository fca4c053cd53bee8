using AgentPath.Web.Data;
using AgentPath.Web.Features.Coaching;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Pipeline;

/// <summary>The pipeline API: stage events, gates, eliminations, cohorts, the funnel and daily evaluations. Outside checks rely on these shapes.</summary>
public static class PipelineApi
{
    public sealed record StageEventDto(DateTimeOffset At, DateOnly On, string? From, string To, string Reason, string? Note, string By, long? GateResultId, string? Document);

    public sealed record CohortDto(int Id, string Name, DateOnly StartDate, IReadOnlyDictionary<string, int> Counts);

    public sealed record CohortInput(string? Name, DateOnly? StartDate, int? TrainerId, List<string>? EmployeeNumbers);

    public sealed record PartDto(string Kind, decimal Weight, decimal? Minimum, decimal? Score, string Source, string? Reference, bool Entered, bool BelowMinimum);

    public sealed record GatePreviewDto(string Gate, string Stage, int Sitting, decimal PassMark, decimal Composite, bool Complete, bool Passed,
        IReadOnlyList<PartDto> Parts, IReadOnlyList<string> AllowedOutcomes);

    public sealed record GateResultDto(long Id, string Stage, int Sitting, decimal Composite, decimal PassMark, bool Passed, string Outcome,
        string? EliminationReason, DateOnly On, DateTimeOffset At, string Assessor, string? Note, IReadOnlyList<PartDto> Parts, int GateDefinitionId);

    public sealed record EnteredPart(string? Kind, decimal? Score, string? Reference);

    public sealed record GateResultInput(List<EnteredPart>? Entered, string? Outcome, int? TeamId, string? Note, DateOnly? On);

    public sealed record StageInput(string? Reason, string? Note, DateOnly? On);

    public sealed record ReinstateInput(string? To, string? Document, string? Note, DateOnly? On);

    public sealed record DailyEvaluationInput(DateOnly? On, int CallLength, int ConciseTalk, int Reassurance, int Knowledge, int VoiceTone, string? Comment);

    public sealed record DailyEvaluationDto(long Id, DateOnly On, string Evaluator, string Role, int CallLength, int ConciseTalk, int Reassurance,
        int Knowledge, int VoiceTone, decimal Score, string? Comment);

    public static void MapPipelineApi(this IEndpointRouteBuilder api)
    {
        api.MapGateDefinitionApi();
        api.MapWorkStandardsApi();
        api.MapChecklistsApi();
        var people = api.MapGroup("/people/{id:int}").WithTags("Pipeline");

        people.MapGet("/stage-events", async Task<Results<Ok<List<StageEventDto>>, NotFound>> (int id, DataScopeProvider scope, AppDbContext db, CancellationToken ct) =>
        {
            if (await scope.FindPersonAsync(id, ct) is null)
            {
                return TypedResults.NotFound();
            }

            var events = await db.StageEvents.AsNoTracking().Where(e => e.EmployeeId == id).OrderBy(e => e.On).ThenBy(e => e.Id).ToListAsync(ct);
            return TypedResults.Ok(events.Select(ToDto).ToList());
        }).WithSummary("A person's stage changes in order: when, from, to, why, who, and the gate result behind it.");

        people.MapGet("/gate", async Task<Results<Ok<GatePreviewDto>, NoContent, NotFound>> (int id, DataScopeProvider scope, StageService stages, CancellationToken ct) =>
        {
            var person = await scope.FindPersonAsync(id, ct);
            if (person is null)
            {
                return TypedResults.NotFound();
            }

            var preview = await stages.PreviewAsync(person, null, ct);
            return preview is null ? TypedResults.NoContent() : TypedResults.Ok(ToDto(preview));
        }).WithSummary("The gate of the person's current stage with the numbers its sources give now (parts entered by the assessor are empty); 204 when the stage has no gate.");

        people.MapGet("/gate-results", async Task<Results<Ok<List<GateResultDto>>, NotFound>> (int id, DataScopeProvider scope, AppDbContext db, CancellationToken ct) =>
        {
            if (await scope.FindPersonAsync(id, ct) is null)
            {
                return TypedResults.NotFound();
            }

            var results = await db.GateResults.AsNoTracking().Include(r => r.Parts).Where(r => r.EmployeeId == id).OrderBy(r => r.Id).ToListAsync(ct);
            return TypedResults.Ok(results.Select(ToDto).ToList());
        }).WithSummary("Every gate sitting of the person, signed and unchanged.");

        people.MapPost("/gate-results", async Task<Results<Created<GateResultDto>, NotFound, ProblemHttpResult>> (
            int id, GateResultInput input, DataScopeProvider scope, StageService stages, AppDbContext db, CancellationToken ct) =>
        {
            var person = await scope.FindPersonAsync(id, ct);
            if (person is null)
            {
                return TypedResults.NotFound();
            }

            var entered = new Dictionary<GatePartKind, EnteredScore>();
            foreach (var p in input.Entered ?? [])
            {
                if (!Enum.TryParse<GatePartKind>(p.Kind, out var kind) || p.Score is null)
                {
                    throw new DomainException("Each entered part needs a known kind and a score.");
                }

                entered[kind] = new EnteredScore(p.Score.Value, p.Reference);
            }

            GateOutcome? outcome = input.Outcome is null ? null
                : Enum.TryParse<GateOutcome>(input.Outcome, out var o) ? o : throw new DomainException("Unknown outcome.");
            var result = await stages.RecordGateAsync(person, new GateInput(entered, outcome, input.TeamId, input.Note, input.On), ct);
            var saved = await db.GateResults.AsNoTracking().Include(r => r.Parts).FirstAsync(r => r.Id == result.Id, ct);
            return TypedResults.Created($"/api/v1/people/{id}/gate-results", ToDto(saved));
        }).RequireAuthorization(Policies.GateAssess)
          .WithSummary("Records a gate sitting under the assessor's name. A pass moves the person to the next stage (induction: give teamId); a failure needs outcome Retake or Eliminated.");

        people.MapPost("/eliminations", async Task<Results<Created<StageEventDto>, NotFound>> (int id, StageInput input, DataScopeProvider scope, StageService stages, CancellationToken ct) =>
        {
            var person = await scope.FindPersonAsync(id, ct);
            if (person is null)
            {
                return TypedResults.NotFound();
            }

            var ev = await stages.EliminateAsync(person, ParseReason(input.Reason), input.Note, input.On, ct);
            return TypedResults.Created($"/api/v1/people/{id}/stage-events", ToDto(ev));
        }).RequireAuthorization(Policies.GateAssess)
          .WithSummary("淘汰 with a reason: FailedGate (after a failed result), Absent, Resigned, Conduct or Other (with a note).");

        people.MapPost("/departures", async Task<Results<Created<StageEventDto>, NotFound>> (int id, StageInput input, DataScopeProvider scope, StageService stages, CancellationToken ct) =>
        {
            var person = await scope.FindPersonAsync(id, ct);
            if (person is null)
            {
                return TypedResults.NotFound();
            }

            var ev = await stages.LeaveAsync(person, ParseReason(input.Reason), input.Note, input.On, ct);
            return TypedResults.Created($"/api/v1/people/{id}/stage-events", ToDto(ev));
        }).RequireAuthorization(Policies.StageHr).WithSummary("离职: Resigned or Other.");

        people.MapPost("/reinstatements", async Task<Results<Created<StageEventDto>, NotFound>> (int id, ReinstateInput input, DataScopeProvider scope, StageService stages, CancellationToken ct) =>
        {
            var person = await scope.FindPersonAsync(id, ct);
            if (person is null)
            {
                return TypedResults.NotFound();
            }

            if (!Enum.TryParse<Stage>(input.To, out var to))
            {
                throw new DomainException("Choose the stage to return to.");
            }

            var ev = await stages.ReinstateAsync(person, to, input.Document ?? "", input.Note, input.On, ct);
            return TypedResults.Created($"/api/v1/people/{id}/stage-events", ToDto(ev));
        }).RequireAuthorization(Policies.StageHr).WithSummary("HR's documented reinstatement to the stage left from or an earlier one.");

        people.MapGet("/daily-evaluations", async Task<Results<Ok<List<DailyEvaluationDto>>, NotFound>> (int id, DataScopeProvider scope, AppDbContext db, CancellationToken ct) =>
        {
            if (await scope.FindPersonAsync(id, ct) is null)
            {
                return TypedResults.NotFound();
            }

            var list = await db.DailyEvaluations.AsNoTracking().Where(d => d.ApprenticeId == id).OrderBy(d => d.On).ThenBy(d => d.Id).ToListAsync(ct);
            return TypedResults.Ok(list.Select(ToDto).ToList());
        });

        people.MapPost("/daily-evaluations", async Task<Results<Created<DailyEvaluationDto>, NotFound>> (
            int id, DailyEvaluationInput input, HttpContext http, DataScopeProvider scope, CoachingService coaching, CancellationToken ct) =>
        {
            var person = await scope.FindPersonAsync(id, ct);
            if (person is null)
            {
                return TypedResults.NotFound();
            }

            if ((await scope.GetAsync(ct)).SelfEmployeeId == id)
            {
                throw new DomainException("Nobody evaluates themselves.");
            }

            var d = await coaching.EvaluateAsync(person, http.User, input.On, [input.CallLength, input.ConciseTalk, input.Reassurance, input.Knowledge, input.VoiceTone], input.Comment, ct);
            return TypedResults.Created($"/api/v1/people/{id}/daily-evaluations", ToDto(d));
        }).RequireAuthorization(Policies.Coach)
          .WithSummary("A daily evaluation of an apprentice by their team lead or supervisor: five targets rated 1–5 (call length, concise talk, reassurance, knowledge, voice and tone).");

        var cohorts = api.MapGroup("/cohorts").WithTags("Pipeline");
        cohorts.MapGet("", async (DataScopeProvider scope, AppDbContext db, CancellationToken ct) =>
        {
            var list = await CohortQueries.ListAsync(db, await scope.GetAsync(ct), await scope.PeopleAsync(ct), ct);
            return list.Select(c => new CohortDto(c.Id, c.Name, c.StartDate, c.Counts)).ToList();
        }).WithSummary("Cohorts with how many of their members are in each stage (members within the caller's scope).");

        cohorts.MapPost("", async Task<Results<Created<CohortDto>, ProblemHttpResult>> (CohortInput input, CohortService service, CancellationToken ct) =>
        {
            var c = await service.CreateAsync(input.Name ?? "", input.StartDate, input.TrainerId, input.EmployeeNumbers ?? [], ct);
            return TypedResults.Created($"/api/v1/cohorts/{c.Id}", new CohortDto(c.Id, c.Name, c.StartDate,
                new Dictionary<string, int> { [nameof(Stage.Induction)] = c.Members.Count }));
        }).RequireAuthorization(Policies.CohortsManage).WithSummary("Creates a cohort from a list of new hires (employee numbers, all in induction).");

        cohorts.MapPost("/{id:int}/schedule", async Task<Results<Ok<int>, NotFound>> (int id, CohortService service, CancellationToken ct) =>
        {
            var n = await service.ScheduleAsync(id, null, ct);
            return n is null ? TypedResults.NotFound() : TypedResults.Ok(n.Value);
        }).RequireAuthorization(Policies.CohortsManage).WithSummary("Creates the cohort's sessions from the current induction program, one per day with its owner; returns how many.");

        api.MapGet("/reports/funnel", async (DataScopeProvider scope, AppDbContext db, int? cohortId, DateOnly? from, DateOnly? to, int? siteId, int? trainerId, int? teamLeadId, CancellationToken ct) =>
        {
            var report = await Funnel.QueryAsync(db, await scope.PeopleAsync(ct), new FunnelFilter(cohortId, from, to, siteId, trainerId, teamLeadId), ct);
            return new { stages = report.Stages, people = report.People };
        }).RequireAuthorization(Policies.ResultsRead).WithTags("Pipeline")
          .WithSummary("The pipeline funnel in pipeline order: entered, passed, retook, eliminated (and by reason), left, conversion and median days per stage.");
    }

    /// <summary>An entity's refusal is an expected failure: a 400 ProblemDetails with its message in the caller's language.</summary>
    private static StageReason ParseReason(string? reason) =>
        Enum.TryParse<StageReason>(reason, out var r) ? r : throw new DomainException("Choose a reason.");

    public static StageEventDto ToDto(StageEvent e) =>
        new(e.At, e.On, e.From?.ToString(), e.To.ToString(), e.Reason.ToString(), e.Note, e.By, e.GateResultId, e.Document);

    private static PartDto ToDto(ScoredPart p, bool entered) =>
        new(p.Kind.ToString(), p.Weight, p.Minimum, p.Score, p.Source, p.Reference, entered, p.BelowMinimum);

    public static GatePreviewDto ToDto(GatePreview p) => new(p.Gate.Name, p.Gate.Stage.ToString(), p.Sitting, p.Gate.PassMark, p.Composite.Score,
        p.Composite.Complete, p.Composite.Passed, p.Composite.Parts.Select(x => ToDto(x, p.EnteredKinds.Contains(x.Kind))).ToList(),
        p.Allowed.Select(a => a.ToString()).ToList());

    public static GateResultDto ToDto(GateResult r) => new(r.Id, r.Stage.ToString(), r.Sitting, r.Composite, r.PassMark, r.Passed, r.Outcome.ToString(),
        r.EliminationReason?.ToString(), r.On, r.At, r.AssessorName, r.Note,
        r.Parts.OrderBy(p => p.Id).Select(p => new PartDto(p.Kind.ToString(), p.Weight, p.Minimum, p.Score, p.Source, p.Reference,
            p.Source == GateSourceNames.Entered, p.Minimum is { } m && p.Score < m)).ToList(), r.GateDefinitionId);

    public static DailyEvaluationDto ToDto(DailyEvaluation d) => new(d.Id, d.On, d.EvaluatorName, d.EvaluatorRole, d.CallLength, d.ConciseTalk,
        d.Reassurance, d.Knowledge, d.VoiceTone, d.Score, d.Comment);
}
