using System.Security.Claims;
using AgentPath.Web.Data;
using AgentPath.Web.Features.Notifications;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Quality;

/// <summary>
/// /api/v1 — recordings (upload, bulk registration, list, ranged audio), scorecards and evaluations
/// (score, save a draft with its version, submit, acknowledge, dispute, settle). Outside checks rely on these shapes.
/// </summary>
public static class QualityApi
{
    public sealed record RecordingDto(long Id, string? CallId, string EmployeeNumber, string Agent, string CallType, DateTimeOffset StartedAt, int DurationSeconds,
        string? CustomerRef, string? Notes, bool HasAudio, string? AudioFormat, long? AudioBytes, string? SourcePath);

    public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

    public sealed record Created(long Id);

    public sealed record ProblemRow(int Line, string? Column, string Message);

    public sealed record ImportDto(int Registered, IReadOnlyList<ProblemRow> Problems, int MoreProblems);

    public sealed record PlaybackDto(string User, string Kind, DateTimeOffset At, string? Range);

    public sealed record ScorecardItemDto(int Id, string Text, string Scale, int MaxPoints, decimal Weight, string Critical, bool AllowNa);

    public sealed record ScorecardSectionDto(int Id, string Name, decimal Weight, IReadOnlyList<ScorecardItemDto> Items);

    public sealed record ScorecardDto(int Id, string Name, string Purpose, int Version, decimal PassMark, decimal CommentBelow, IReadOnlyList<ScorecardSectionDto> Sections);

    public sealed record ItemScoreDto(int ItemId, int SectionId, string Section, string Item, decimal? Value, decimal? Fraction);

    public sealed record FindingDto(string Tag, int? SectionId, string? Dimension, decimal? AtSecond, string? Note);

    public sealed record CommentDto(decimal? AtSecond, string Text, string Author, string By, DateTimeOffset At);

    public sealed record ScoreDto(int Number, decimal Total, bool Passed, bool AutoFailed, string By, DateTimeOffset At, string? Reason, int? SupersedesNumber);

    public sealed record DisputeDto(string Reason, DateTimeOffset RaisedAt, string? Outcome, string? Decision, string? SettledBy, DateTimeOffset? SettledAt);

    public sealed record EvaluationDto(int Id, long RecordingId, string EmployeeNumber, string Agent, int ScorecardId, string Scorecard, int ScorecardVersion,
        string Status, string Inspector, int Version, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, DateTimeOffset? RespondBy,
        decimal? Total, bool? Passed, bool? AutoFailed, string? Comment, IReadOnlyList<ItemScoreDto> Items, IReadOnlyList<FindingDto> Findings,
        IReadOnlyList<CommentDto> Comments, IReadOnlyList<ScoreDto> Scores, IReadOnlyList<DisputeDto> Disputes);

    public sealed record CommentInput(decimal? AtSecond, string? Text);

    public sealed record NewEvaluation(long RecordingId, int ScorecardId, IReadOnlyList<AnswerInput>? Items, string? Comment, IReadOnlyList<FindingInput>? Findings,
        IReadOnlyList<CommentInput>? Comments, bool Submit);

    public sealed record DraftInput(int Version, IReadOnlyList<AnswerInput>? Items, string? Comment, IReadOnlyList<FindingInput>? Findings);

    public sealed record VersionInput(int Version);

    public sealed record DisputeInput(string? Reason);

    public sealed record SettleInput(string? Decision, IReadOnlyList<AnswerInput>? Items);

    public static RecordingDto ToDto(Recording r) => new(r.Id, r.CallId, r.Employee.EmployeeNumber, r.Employee.Name, r.CallType.ToString(), r.StartedAt, r.DurationSeconds,
        r.CustomerRef, r.Notes, r.HasAudio, r.AudioFormat?.ToString(), r.AudioBytes, r.SourcePath);

    public static EvaluationDto ToDto(Evaluation e)
    {
        var sections = e.ScorecardVersion.Sections.ToDictionary(s => s.Id);
        var items = e.ScorecardVersion.Sections.SelectMany(s => s.Items).ToDictionary(i => i.Id);
        var latest = e.Latest;
        var card = e.ScorecardVersion.ToCard();
        var cardItems = card.Sections.SelectMany(s => s.Items).ToDictionary(i => i.Id);
        var answers = latest is not null
            ? latest.Items.Select(i => (i.ItemId, i.Value, i.Fraction)).ToList()
            : EvaluationService.DraftOf(e).Where(a => cardItems.ContainsKey(a.ItemId)).Select(a => (a.ItemId, a.Value, ScorecardMath.Fraction(cardItems[a.ItemId], a.Value))).ToList();
        var numbers = e.Scores.ToDictionary(s => s.Id, s => s.Number);
        return new EvaluationDto(e.Id, e.RecordingId, e.Employee.EmployeeNumber, e.Employee.Name, e.ScorecardVersion.ScorecardId, e.ScorecardVersion.Scorecard.Name,
            e.ScorecardVersion.Number, e.Status.ToString(), e.InspectorName, e.Version, e.CreatedAt, e.SubmittedAt, e.RespondBy,
            latest?.Total, latest?.Passed, latest?.AutoFailed, e.Comment,
            answers.Where(a => items.ContainsKey(a.ItemId)).Select(a =>
            {
                var item = items[a.ItemId];
                return new ItemScoreDto(a.ItemId, item.SectionId, sections[item.SectionId].Name, item.Text, a.Value, a.Item3);
            }).ToList(),
            e.Findings.Select(f => new FindingDto(f.Tag.ToString(), f.SectionId, f.SectionId is { } sid && sections.TryGetValue(sid, out var s) ? s.Name : null, f.AtSecond, f.Note)).ToList(),
            e.Comments.OrderBy(c => c.AtSecond ?? decimal.MaxValue).ThenBy(c => c.At).Select(c => new CommentDto(c.AtSecond, c.Text, c.Author.ToString(), c.By, c.At)).ToList(),
            e.Scores.OrderBy(s => s.Number).Select(s => new ScoreDto(s.Number, s.Total, s.Passed, s.AutoFailed, s.By, s.At, s.Reason,
                s.SupersedesId is { } sup ? numbers.GetValueOrDefault(sup) : null)).ToList(),
            e.Disputes.OrderBy(d => d.RaisedAt).Select(d => new DisputeDto(d.Reason, d.RaisedAt, d.Outcome?.ToString(), d.Decision, d.SettledBy, d.SettledAt)).ToList());
    }

    private static ProblemHttpResult Problem(IStringLocalizer text, int status, string key, object[]? args = null) =>
        TypedResults.Problem(statusCode: status, title: args is { Length: > 0 } ? text[key, QualityText.Localized(text, args)] : text[key]);

    private static IResult Outcome(EvalResult r, IStringLocalizer text, Func<Evaluation, IResult> ok) => r.Outcome switch
    {
        EvalOutcome.Ok => ok(r.Evaluation!),
        EvalOutcome.NotFound => TypedResults.NotFound(),
        EvalOutcome.Conflict => TypedResults.Problem(statusCode: 409, title: text["Someone else saved this evaluation after you opened it. Reload to see their changes."],
            extensions: new Dictionary<string, object?> { ["version"] = r.Evaluation?.Version }),
        _ => Problem(text, 400, r.Message ?? "Invalid value.", r.Args),
    };

    /// <summary>Documents a multipart body: a "file" part and the given text fields.</summary>
    private static Task Multipart(Microsoft.OpenApi.OpenApiOperation op, string[] required, string[] fields)
    {
        var properties = new Dictionary<string, Microsoft.OpenApi.IOpenApiSchema>
        {
            ["file"] = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Format = "binary" },
        };
        foreach (var f in fields)
        {
            properties[f] = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String };
        }

        op.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType>
            {
                ["multipart/form-data"] = new()
                {
                    Schema = new Microsoft.OpenApi.OpenApiSchema
                    {
                        Type = Microsoft.OpenApi.JsonSchemaType.Object,
                        Properties = properties,
                        Required = new HashSet<string>(required.Length == 0 ? ["file"] : required),
                    },
                },
            },
        };
        return Task.CompletedTask;
    }

    public static void MapQualityApi(this IEndpointRouteBuilder api)
    {
        var options = api.ServiceProvider.GetRequiredService<QualityOptions>();
        var uploadLimit = options.MaxAudioBytes + (1024 * 1024);
        var g = api.MapGroup("").WithTags("Quality");

        // The forms are read inside the handlers (not bound), so that a role without the right gets 403 before the body's type is looked at.
        g.MapPost("/recordings", async Task<IResult> (HttpRequest request, ClaimsPrincipal user, RecordingService recordings, IStringLocalizer<Text> text, CancellationToken ct) =>
        {
            if (!request.HasFormContentType)
            {
                return Problem(text, 415, "Send the call as multipart/form-data.");
            }

            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file");
            string? F(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
            await using var stream = file?.OpenReadStream();
            var (recording, problem) = await recordings.RegisterAsync(
                new RecordingInput(F("employeeNumber"), F("callType"), F("startedAt"), F("durationSeconds"), F("callId"), F("customerRef"), F("notes")),
                stream, file?.FileName, user.Identity?.Name ?? "?", ct);
            return problem is not null
                ? Problem(text, problem.TooLarge ? 413 : 400, problem.Message, problem.Args)
                : TypedResults.Created($"/api/v1/recordings/{recording!.Id}", new Created(recording.Id));
        })
            .RequireAuthorization(Policies.QualityRecord).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(uploadLimit))
            .WithFormOptions(multipartBodyLengthLimit: uploadLimit)
            .AddOpenApiOperationTransformer((op, _, _) => Multipart(op, ["employeeNumber", "callType", "startedAt", "durationSeconds"],
                ["employeeNumber", "callType", "startedAt", "durationSeconds", "callId", "customerRef", "notes"]))
            .Produces<Created>(201).ProducesProblem(400).ProducesProblem(413)
            .WithSummary("Registers one call (employeeNumber, callType = Inbound|Callback|Sales|TestCall|MockCall, startedAt ISO 8601, durationSeconds) with an optional audio file (WAV, MP3, M4A/AAC, OGG).");

        g.MapPost("/recordings/imports", async Task<IResult> (HttpRequest request, ClaimsPrincipal user, RecordingImporter importer, IStringLocalizer<Text> text, CancellationToken ct) =>
        {
            var file = request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files.GetFile("file") : null;
            if (file is null)
            {
                return Problem(text, 400, "Choose a file to upload.");
            }

            await using var stream = file.OpenReadStream();
            var r = await importer.RegisterAsync(stream, file.FileName, Notifier.UserIdOf(user) ?? 0, user.Identity?.Name ?? "?", ct);
            var dto = new ImportDto(r.Registered, r.Problems.Select(p => new ProblemRow(p.Line, p.Column, text[p.Message, QualityText.Localized(text, p.Args.Cast<object>().ToArray())])).ToList(), r.MoreProblems);
            return r.Problems.Count > 0 ? TypedResults.BadRequest(dto) : TypedResults.Ok(dto);
        })
            .RequireAuthorization(Policies.QualityRecord).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(RecordingImporter.MaxFileBytes + (1024 * 1024)))
            .WithFormOptions(multipartBodyLengthLimit: RecordingImporter.MaxFileBytes + (1024 * 1024))
            .AddOpenApiOperationTransformer((op, _, _) => Multipart(op, [], []))
            .Produces<ImportDto>(200).Produces<ImportDto>(400)
            .WithSummary("Registers the calls of a call-system export (.csv UTF-8/GBK or .xlsx): all rows, or none and the problems.");

        g.MapGet("/recordings", async (string? employeeNumber, DateTimeOffset? from, DateTimeOffset? to, int? page, RecordingService recordings, CancellationToken ct) =>
        {
            var q = (await recordings.VisibleAsync(ct)).AsNoTracking();
            if (!string.IsNullOrWhiteSpace(employeeNumber))
            {
                var n = Employee.NormalizeNumber(employeeNumber);
                q = q.Where(r => r.Employee.EmployeeNumber == n);
            }

            if (from is { } f)
            {
                q = q.Where(r => r.StartedAt >= f);
            }

            if (to is { } t)
            {
                q = q.Where(r => r.StartedAt < t);
            }

            var total = await q.CountAsync(ct);
            var p = Math.Max(1, page ?? 1);
            var items = await q.Include(r => r.Employee).OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Skip((p - 1) * 50).Take(50).ToListAsync(ct);
            return TypedResults.Ok(new Page<RecordingDto>(items.Select(ToDto).ToList(), total));
        }).WithSummary("Recordings in the caller's scope, newest first, 50 a page.");

        g.MapGet("/recordings/{id:long}", async Task<Results<Ok<RecordingDto>, NotFound>> (long id, RecordingService recordings, CancellationToken ct) =>
            await recordings.FindAsync(id, ct) is { } r ? TypedResults.Ok(ToDto(r)) : TypedResults.NotFound());

        g.MapGet("/recordings/{id:long}/audio", async (long id, bool? download, HttpContext http, RecordingService recordings, CancellationToken ct) =>
            await recordings.FindAsync(id, ct) is { } r
                ? await recordings.ServeAsync(r, http.User, download == true, http.Request.Headers.Range.ToString() is { Length: > 0 } range ? range : null, ct)
                : Results.NotFound())
            .WithSummary("The audio; honours Range (206) so players can seek. Every playback and download is logged.");

        g.MapGet("/recordings/{id:long}/playbacks", async Task<Results<Ok<List<PlaybackDto>>, NotFound>> (long id, RecordingService recordings, AppDbContext db, CancellationToken ct) =>
        {
            if (await recordings.FindAsync(id, ct) is null)
            {
                return TypedResults.NotFound();
            }

            var rows = await db.PlaybackLogs.AsNoTracking().Where(p => p.RecordingId == id).OrderByDescending(p => p.At).Take(500).ToListAsync(ct);
            return TypedResults.Ok(rows.Select(p => new PlaybackDto(p.UserName, p.Kind.ToString(), p.At, p.Range)).ToList());
        }).RequireAuthorization(Policies.QualityManage).WithSummary("Who played or downloaded the recording, and when.");

        g.MapGet("/scorecards", async (AppDbContext db, CancellationToken ct) =>
        {
            var cards = await db.Scorecards.AsNoTracking().Include(c => c.Versions).ThenInclude(v => v.Sections).ThenInclude(s => s.Items).AsSplitQuery().OrderBy(c => c.Id).ToListAsync(ct);
            return TypedResults.Ok(cards.Where(c => c.Current is not null).Select(c =>
            {
                var v = c.Current!;
                return new ScorecardDto(c.Id, c.Name, c.Purpose.ToString(), v.Number, v.PassMark, v.CommentBelow,
                    v.Sections.OrderBy(s => s.Order).Select(s => new ScorecardSectionDto(s.Id, s.Name, s.Weight,
                        s.Items.OrderBy(i => i.Order).Select(i => new ScorecardItemDto(i.Id, i.Text, i.Scale.ToString(), i.MaxPoints, i.Weight, i.Critical.ToString(), i.AllowNa)).ToList())).ToList());
            }).ToList());
        }).WithSummary("Scorecards with their current published version.");

        g.MapGet("/evaluations", async (string? employeeNumber, int? page, ClaimsPrincipal user, EvaluationService evaluations, AppDbContext db, CancellationToken ct) =>
        {
            var q = (await evaluations.VisibleAsync(user, ct)).AsNoTracking();
            if (!string.IsNullOrWhiteSpace(employeeNumber))
            {
                var n = Employee.NormalizeNumber(employeeNumber);
                q = q.Where(e => e.Employee.EmployeeNumber == n);
            }

            var total = await q.CountAsync(ct);
            var p = Math.Max(1, page ?? 1);
            var ids = await q.OrderByDescending(e => e.SubmittedAt ?? e.CreatedAt).ThenByDescending(e => e.Id).Skip((p - 1) * 50).Take(50).Select(e => e.Id).ToListAsync(ct);
            var list = new List<EvaluationDto>();
            foreach (var id in ids)
            {
                if (await evaluations.LoadAsync(id, user, ct: ct) is { } e)
                {
                    list.Add(ToDto(e));
                }
            }

            return TypedResults.Ok(new Page<EvaluationDto>(list, total));
        }).WithSummary("Evaluations in the caller's scope with their totals, item scores and findings, newest first, 50 a page.");

        g.MapGet("/evaluations/{id:int}", async Task<Results<Ok<EvaluationDto>, NotFound>> (int id, ClaimsPrincipal user, EvaluationService evaluations, CancellationToken ct) =>
            await evaluations.LoadAsync(id, user, ct: ct) is { } e ? TypedResults.Ok(ToDto(e)) : TypedResults.NotFound());

        g.MapPost("/evaluations", async Task<IResult> (NewEvaluation input, ClaimsPrincipal user, EvaluationService evaluations, RecordingService recordings, IStringLocalizer<Text> text, CancellationToken ct) =>
        {
            // Moments on the call are checked before the draft is made, so a refused request leaves no draft behind.
            if (await recordings.FindAsync(input.RecordingId, ct) is { } call
                && (input.Findings ?? []).Select(f => f.AtSecond).Concat((input.Comments ?? []).Select(c => c.AtSecond))
                    .Any(s => s is { } at && !Infrastructure.InputRanges.IsSecondInCall(at, call.DurationSeconds)))
            {
                return Problem(text, 400, Infrastructure.InputRanges.SecondMessage, [call.DurationSeconds]);
            }

            var created = await evaluations.CreateAsync(input.RecordingId, input.ScorecardId, user, ct: ct);
            if (created.Outcome == EvalOutcome.NotFound)
            {
                return Problem(text, 400, "No call {0} is in your scope.", [input.RecordingId]);
            }

            if (created.Outcome != EvalOutcome.Ok)
            {
                return Outcome(created, text, _ => TypedResults.NoContent());
            }

            var e = created.Evaluation!;
            if (e.Status != EvaluationStatus.Draft)
            {
                return Problem(text, 409, "This evaluation has been submitted; it can no longer be edited.");
            }

            var saved = await evaluations.SaveDraftAsync(e.Id, e.Version, input.Items ?? [], input.Comment, input.Findings ?? [], user, ct);
            if (saved.Outcome != EvalOutcome.Ok)
            {
                return Outcome(saved, text, _ => TypedResults.NoContent());
            }

            foreach (var c in input.Comments ?? [])
            {
                var added = await evaluations.AddCommentAsync(e.Id, c.AtSecond, c.Text, user, ct);
                if (added.Outcome != EvalOutcome.Ok)
                {
                    return Outcome(added, text, _ => TypedResults.NoContent());
                }
            }

            if (input.Submit)
            {
                var version = (await evaluations.LoadAsync(e.Id, user, ct: ct))!.Version;
                var submitted = await evaluations.SubmitAsync(e.Id, version, user, ct);
                if (submitted.Outcome != EvalOutcome.Ok)
                {
                    return Outcome(submitted, text, _ => TypedResults.NoContent());
                }
            }

            var dto = ToDto((await evaluations.LoadAsync(e.Id, user, ct: ct))!);
            return TypedResults.Created($"/api/v1/evaluations/{e.Id}", dto);
        }).RequireAuthorization(Policies.QualityScore).Produces<EvaluationDto>(201).ProducesProblem(400).ProducesProblem(409)
            .WithSummary("Scores a recording with a scorecard's current version: items (value, or null for N/A), comment, findings, time-pinned comments; submit=true submits it.");

        g.MapPut("/evaluations/{id:int}", async Task<IResult> (int id, DraftInput input, ClaimsPrincipal user, EvaluationService evaluations, IStringLocalizer<Text> text, CancellationToken ct) =>
            Outcome(await evaluations.SaveDraftAsync(id, input.Version, input.Items ?? [], input.Comment, input.Findings ?? [], user, ct), text,
                e => TypedResults.Ok(new VersionInput(e.Version))))
            .RequireAuthorization(Policies.QualityScore).Produces<VersionInput>(200).ProducesProblem(409)
            .WithSummary("Saves a draft. Send the version you read; if someone saved in between, 409 and nothing changes.");

        g.MapPost("/evaluations/{id:int}/submit", async Task<IResult> (int id, VersionInput input, ClaimsPrincipal user, EvaluationService evaluations, IStringLocalizer<Text> text, CancellationToken ct) =>
            Outcome(await evaluations.SubmitAsync(id, input.Version, user, ct), text, e => TypedResults.Ok(new VersionInput(e.Version))))
            .RequireAuthorization(Policies.QualityScore);

        g.MapPost("/evaluations/{id:int}/comments", async Task<IResult> (int id, CommentInput input, ClaimsPrincipal user, EvaluationService evaluations, IStringLocalizer<Text> text, CancellationToken ct) =>
            Outcome(await evaluations.AddCommentAsync(id, input.AtSecond, input.Text, user, ct), text, _ => TypedResults.NoContent()))
            .WithSummary("A comment, optionally pinned to a second of the call.");

        g.MapPost("/evaluations/{id:int}/acknowledge", async Task<IResult> (int id, ClaimsPrincipal user, EvaluationService evaluations, IStringLocalizer<Text> text, CancellationToken ct) =>
            Outcome(await evaluations.AcknowledgeAsync(id, user, ct), text, _ => TypedResults.NoContent()))
            .WithSummary("The agent acknowledges the evaluation of their call.");

        g.MapPost("/evaluations/{id:int}/dispute", async Task<IResult> (int id, DisputeInput input, ClaimsPrincipal user, EvaluationService evaluations, IStringLocalizer<Text> text, CancellationToken ct) =>
            Outcome(await evaluations.DisputeAsync(id, input.Reason, user, ct), text, _ => TypedResults.NoContent()))
            .WithSummary("The agent disputes the evaluation with a reason, within the window.");

        g.MapPost("/evaluations/{id:int}/settle", async Task<IResult> (int id, SettleInput input, ClaimsPrincipal user, EvaluationService evaluations, IStringLocalizer<Text> text, CancellationToken ct) =>
            Outcome(await evaluations.SettleAsync(id, input.Decision, input.Items, user, ct), text, e => TypedResults.Ok(ToDto(e))))
            .RequireAuthorization(Policies.QualityManage)
            .WithSummary("Settles a dispute: a decision, and optionally changed item scores (a new score version beside the original).");
    }
}
