using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Points;

/// <summary>A points tier as the training manager sets it: the exam kind (for a new tier), the score band, the points and why.</summary>
public sealed record PointsRuleInput(string? Kind, decimal? MinPercent, decimal? MaxPercent, decimal? Points, string? Note);

/// <summary>Why a tier is removed.</summary>
public sealed record PointsRuleRetireInput(string? Note);

/// <summary>
/// Changes the points rules (R5.3) without overwriting any: a change saves a new version of the tier and retires the
/// old one, a removal retires it, an addition starts a new tier at version 1 (the page and the API share it). A change
/// must be made on the current version: one based on an older version, or the second of two racing changes, is a 409
/// and writes nothing (the old row's concurrency token and the unique successor index see to it). Points already booked
/// stay as they were; a regrade prices an attempt under the tiers in force when it was submitted.
/// </summary>
public sealed class PointsRuleService(AppDbContext db, TimeProvider time, ICurrentActor actor)
{
    /// <summary>The tiers in force, by exam kind, highest band first.</summary>
    public async Task<List<PointsRule>> CurrentAsync(CancellationToken ct) =>
        (await db.PointsRules.AsNoTracking().Where(r => r.SupersededAt == null).ToListAsync(ct))
            .OrderBy(r => r.Kind).ThenByDescending(r => r.MinPercent).ToList();

    public Task<PointsRule?> FindAsync(int id, CancellationToken ct) => db.PointsRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>Every version of the tier that <paramref name="id"/> belongs to, newest first (empty when there is none).</summary>
    public async Task<List<PointsRule>> VersionsAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } rule)
        {
            return [];
        }

        var all = await db.PointsRules.AsNoTracking().Where(r => r.Kind == rule.Kind).ToListAsync(ct);
        return VersionChain.Of(all, id, r => r.Id, r => r.PreviousId);
    }

    public async Task<PointsRule> AddAsync(PointsRuleInput input, CancellationToken ct)
    {
        if (!Enum.TryParse<ExamKind>(input.Kind, out var kind) || !Enum.IsDefined(kind))
        {
            throw new DomainException("Choose the kind of exam.");
        }

        var (min, max, points) = Read(input);
        PointsRule.Check(kind, min, max, points);
        await RefuseOverlapAsync(kind, min, max, null, ct);
        var rule = PointsRule.Add(kind, min, max, points, input.Note, time.GetUtcNow(), await ByAsync(ct));
        db.PointsRules.Add(rule);
        await db.SaveChangesAsync(ct);
        return rule;
    }

    /// <summary>The new version, or null when there is no tier <paramref name="id"/>. Throws <see cref="ConflictException"/> when it is not the current version.</summary>
    public async Task<PointsRule?> ReviseAsync(int id, PointsRuleInput input, CancellationToken ct)
    {
        var rule = await db.PointsRules.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return null;
        }

        if (!rule.IsCurrent)
        {
            throw new ConflictException("Only the current version of a points rule can be changed; a newer one was saved meanwhile.");
        }

        var (min, max, points) = Read(input);
        PointsRule.Check(rule.Kind, min, max, points);
        await RefuseOverlapAsync(rule.Kind, min, max, rule.Id, ct);
        var next = rule.Revise(min, max, points, input.Note, time.GetUtcNow(), await ByAsync(ct));
        db.PointsRules.Add(next);
        await db.SaveChangesAsync(ct);
        return next;
    }

    /// <summary>The retired tier, or null when there is none.</summary>
    public async Task<PointsRule?> RetireAsync(int id, PointsRuleRetireInput input, CancellationToken ct)
    {
        var rule = await db.PointsRules.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return null;
        }

        rule.Retire(input.Note, time.GetUtcNow(), await ByAsync(ct));
        await db.SaveChangesAsync(ct);
        return rule;
    }

    private static (decimal Min, decimal Max, decimal Points) Read(PointsRuleInput input)
    {
        if (input.MinPercent is not { } min || input.MaxPercent is not { } max)
        {
            throw new DomainException("A tier runs from a lower to a higher percentage between 0 and 100.");
        }

        if (input.Points is not { } points)
        {
            throw new DomainException("A tier gives points other than 0, at most 100 either way.");
        }

        return (min, max, points);
    }

    private async Task RefuseOverlapAsync(ExamKind kind, decimal min, decimal max, int? except, CancellationToken ct)
    {
        var others = await db.PointsRules.AsNoTracking().Where(r => r.Kind == kind && r.SupersededAt == null && r.Id != (except ?? 0)).ToListAsync(ct);
        if (others.Any(r => min < r.MaxPercent && r.MinPercent < max))
        {
            throw new DomainException("The tier overlaps another tier of the same exam kind.");
        }
    }

    // Signed with the person's name, as printed records show it (the login only when the account has no name).
    private async Task<string> ByAsync(CancellationToken ct) =>
        actor.UserId is { } uid && await db.Users.AsNoTracking().Where(u => u.Id == uid).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) is { Length: > 0 } name ? name : actor.UserName;
}

/// <summary>/api/v1/points/rules — the points tiers (绩效加扣分规则): read them and their versions, add, change (a new version) or remove (retire) a tier.</summary>
public static class PointsRulesApi
{
    public sealed record PointsRuleDto(int Id, string Kind, decimal MinPercent, decimal MaxPercent, decimal Points, int Version, bool Current, int? PreviousId,
        DateTimeOffset? ChangedAt, string? ChangedBy, string? ChangeNote, DateTimeOffset? SupersededAt, string? RetiredBy, string? RetireNote);

    public static PointsRuleDto ToDto(PointsRule r) => new(r.Id, r.Kind.ToString(), r.MinPercent, r.MaxPercent, r.Points, r.Version, r.IsCurrent, r.PreviousId,
        r.ChangedAt, r.ChangedBy, r.ChangeNote, r.SupersededAt, r.RetiredBy, r.RetireNote);

    public static void MapPointsRulesApi(this IEndpointRouteBuilder api)
    {
        var rules = api.MapGroup("/points/rules").WithTags("Points").RequireAuthorization(Policies.PointsRules);

        rules.MapGet("", async (PointsRuleService service, CancellationToken ct) => (await service.CurrentAsync(ct)).Select(ToDto).ToList())
            .WithSummary("The tiers in force: per exam kind, a score band [minPercent, maxPercent) and the points it earns (negative = a deduction).");

        rules.MapGet("/{id:int}", async Task<Results<Ok<PointsRuleDto>, NotFound>> (int id, PointsRuleService service, CancellationToken ct) =>
            await service.FindAsync(id, ct) is { } r ? TypedResults.Ok(ToDto(r)) : TypedResults.NotFound())
            .WithSummary("One version of a tier, in force or retired.");

        rules.MapGet("/{id:int}/versions", async Task<Results<Ok<List<PointsRuleDto>>, NotFound>> (int id, PointsRuleService service, CancellationToken ct) =>
            await service.VersionsAsync(id, ct) is { Count: > 0 } all ? TypedResults.Ok(all.Select(ToDto).ToList()) : TypedResults.NotFound())
            .WithSummary("Every version of the tier, newest first.");

        rules.MapPost("", async Task<Created<PointsRuleDto>> (PointsRuleInput input, PointsRuleService service, CancellationToken ct) =>
        {
            var r = await service.AddAsync(input, ct);
            return TypedResults.Created($"/api/v1/points/rules/{r.Id}", ToDto(r));
        }).ProducesProblem(400)
          .WithSummary("Adds a tier: kind (an exam kind), minPercent and maxPercent (0 ≤ min < max ≤ 100, two decimals), points (±100, not 0) and a note saying why (at most 500 characters). A band may not overlap another tier of the kind.");

        rules.MapPost("/{id:int}/versions", async Task<Results<Created<PointsRuleDto>, NotFound>> (int id, PointsRuleInput input, PointsRuleService service, CancellationToken ct) =>
        {
            var next = await service.ReviseAsync(id, input, ct);
            return next is null ? TypedResults.NotFound() : TypedResults.Created($"/api/v1/points/rules/{next.Id}", ToDto(next));
        }).ProducesProblem(400).ProducesProblem(409)
          .WithSummary("Changes a tier: {id} must be the version in force; the body holds the new minPercent, maxPercent, points and a note (kind is ignored). Answers the new version; the old one stays, retired. Points already booked do not change. 409 when {id} is no longer in force (a change was saved meanwhile).");

        rules.MapPost("/{id:int}/retire", async Task<Results<Ok<PointsRuleDto>, NotFound>> (int id, PointsRuleRetireInput input, PointsRuleService service, CancellationToken ct) =>
            await service.RetireAsync(id, input, ct) is { } r ? TypedResults.Ok(ToDto(r)) : TypedResults.NotFound())
            .ProducesProblem(400).ProducesProblem(409)
            .WithSummary("Removes a tier from the rules in force, with a note saying why; it stays, retired, with its history. 409 when it is no longer in force.");
    }
}
