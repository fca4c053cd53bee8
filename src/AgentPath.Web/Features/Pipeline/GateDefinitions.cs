using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Pipeline;

/// <summary>A part's rules as the training manager sets them.</summary>
public sealed record GatePartRules(string? Kind, decimal? Weight, decimal? Minimum, decimal? Target);

/// <summary>A change to a gate: the new rules and why (R1.3: pass mark, weights, minimums and retakes configurable per gate).</summary>
public sealed record GateRulesInput(string? Name, decimal? PassMark, int? RetakesAllowed, List<GatePartRules>? Parts, string? Note);

/// <summary>
/// Changes the rules of a gate by saving a new version (the page and the API share it). The change
/// must be made on the current version: a change based on an older one, or the second of two racing
/// changes, is refused (409) and writes nothing — the old version's concurrency token and the one-current
/// unique index see to it. The audit trail records both rows in the same transaction.
/// </summary>
public sealed class GateDefinitionService(AppDbContext db, TimeProvider time, ICurrentActor actor)
{
    public Task<List<GateDefinition>> CurrentAsync(CancellationToken ct) =>
        db.GateDefinitions.AsNoTracking().Include(g => g.Parts).Where(g => g.SupersededAt == null).OrderBy(g => g.Stage == Stage.Induction ? 0 : g.Stage == Stage.Apprenticeship ? 1 : 2).ToListAsync(ct);

    public Task<GateDefinition?> FindAsync(int id, CancellationToken ct) =>
        db.GateDefinitions.AsNoTracking().Include(g => g.Parts).FirstOrDefaultAsync(g => g.Id == id, ct);

    /// <summary>Every version of the gate of that stage, newest first.</summary>
    public Task<List<GateDefinition>> VersionsAsync(Stage stage, CancellationToken ct) =>
        db.GateDefinitions.AsNoTracking().Include(g => g.Parts).Where(g => g.Stage == stage).OrderByDescending(g => g.Version).ToListAsync(ct);

    /// <summary>How many results were decided under each version.</summary>
    public async Task<Dictionary<int, int>> ResultCountsAsync(Stage stage, CancellationToken ct) =>
        await db.GateResults.Where(r => r.Stage == stage).GroupBy(r => r.GateDefinitionId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    /// <summary>The new version, or null when there is no gate <paramref name="id"/>. Throws <see cref="ConflictException"/> when <paramref name="id"/> is not the current version.</summary>
    public async Task<GateDefinition?> ReviseAsync(int id, GateRulesInput input, CancellationToken ct)
    {
        var gate = await db.GateDefinitions.Include(g => g.Parts).FirstOrDefaultAsync(g => g.Id == id, ct);
        if (gate is null)
        {
            return null;
        }

        if (!gate.IsCurrent)
        {
            throw new ConflictException("Only the current version of a gate can be changed; a newer one was saved meanwhile.");
        }

        if (input.PassMark is null || input.RetakesAllowed is null)
        {
            throw new DomainException("The pass mark must be between 1 and 100.");
        }

        var byKind = gate.Parts.ToDictionary(p => p.Kind);
        var parts = new List<(GatePartKind, decimal, decimal?, decimal?)>();
        foreach (var p in input.Parts ?? [])
        {
            if (!Enum.TryParse<GatePartKind>(p.Kind, out var kind) || !Enum.IsDefined(kind) || p.Weight is null)
            {
                throw new DomainException("A gate needs parts, each kind once.");
            }

            parts.Add((kind, p.Weight.Value, p.Minimum, kind == GatePartKind.TrainingHours ? p.Target ?? byKind.GetValueOrDefault(kind)?.Target : null));
        }

        // Signed with the person's name, as printed records show it (the login only when the account has no name).
        var by = actor.UserId is { } uid && await db.Users.AsNoTracking().Where(u => u.Id == uid).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) is { Length: > 0 } name ? name : actor.UserName;
        var next = gate.Revise(input.Name ?? "", input.PassMark.Value, input.RetakesAllowed.Value, parts, input.Note, time.GetUtcNow(), by);
        db.GateDefinitions.Add(next);
        await db.SaveChangesAsync(ct);
        return next;
    }
}

/// <summary>The gate definitions API: read the current rules and their versions, change them (a new version).</summary>
public static class GateDefinitionApi
{
    public sealed record GatePartDto(string Kind, decimal Weight, decimal? Minimum, decimal? Target);

    public sealed record GateDefinitionDto(int Id, string Stage, int Version, bool Current, string Name, decimal PassMark, int RetakesAllowed,
        IReadOnlyList<GatePartDto> Parts, DateTimeOffset? ChangedAt, string? ChangedBy, string? ChangeNote, DateTimeOffset? SupersededAt);

    public static GateDefinitionDto ToDto(GateDefinition g) => new(g.Id, g.Stage.ToString(), g.Version, g.IsCurrent, g.Name, g.PassMark, g.RetakesAllowed,
        g.Parts.OrderBy(p => p.Order).Select(p => new GatePartDto(p.Kind.ToString(), p.Weight, p.Minimum, p.Target)).ToList(), g.ChangedAt, g.ChangedBy, g.ChangeNote, g.SupersededAt);

    public static void MapGateDefinitionApi(this IEndpointRouteBuilder api)
    {
        var gates = api.MapGroup("/gates").WithTags("Pipeline").RequireAuthorization(Policies.ResultsRead);

        gates.MapGet("", async (GateDefinitionService service, CancellationToken ct) => (await service.CurrentAsync(ct)).Select(ToDto).ToList())
            .WithSummary("The current version of each gate (induction, apprenticeship, probation) with its pass mark, retakes and parts.");

        gates.MapGet("/{id:int}", async Task<Results<Ok<GateDefinitionDto>, NotFound>> (int id, GateDefinitionService service, CancellationToken ct) =>
            await service.FindAsync(id, ct) is { } g ? TypedResults.Ok(ToDto(g)) : TypedResults.NotFound())
            .WithSummary("One version of a gate, current or retired: the rules the results that name it were decided under.");

        gates.MapGet("/{id:int}/versions", async Task<Results<Ok<List<GateDefinitionDto>>, NotFound>> (int id, GateDefinitionService service, CancellationToken ct) =>
            await service.FindAsync(id, ct) is { } g ? TypedResults.Ok((await service.VersionsAsync(g.Stage, ct)).Select(ToDto).ToList()) : TypedResults.NotFound())
            .WithSummary("Every version of the gate of the same stage, newest first.");

        gates.MapPost("/{id:int}/versions", async Task<Results<Created<GateDefinitionDto>, NotFound>> (int id, GateRulesInput input, GateDefinitionService service, CancellationToken ct) =>
        {
            var next = await service.ReviseAsync(id, input, ct);
            return next is null ? TypedResults.NotFound() : TypedResults.Created($"/api/v1/gates/{next.Id}", ToDto((await service.FindAsync(next.Id, ct))!));
        }).RequireAuthorization(Policies.GatesManage)
          .WithSummary("Changes a gate: {id} must be the current version; the body holds the new name, passMark (1–100), retakesAllowed (0–5), parts (kind, weight — adding up to 100 — minimum, target for hours) and a note saying why. Answers the new version; the old one stays for the results decided under it. 409 when {id} is no longer current.");
    }
}
