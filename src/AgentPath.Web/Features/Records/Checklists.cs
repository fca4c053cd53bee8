using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Records;

/// <summary>An item of a post's checklist as written: the post (for a new item), its text in Chinese and English, and why it changes.</summary>
public sealed record ChecklistItemInput(int? PostId, string? Text, string? TextEn, string? Note);

/// <summary>Why an item is taken off a post's checklist.</summary>
public sealed record ChecklistRetireInput(string? Note);

/// <summary>
/// Changes the new-post / transfer checklists (R8.2) without overwriting any item (the page and the API share it): a change
/// is a new version in the same place and the old one is retired, so a confirmation keeps the text that was confirmed and the
/// new text waits for its own. The second of two racing changes of one version is a 409 and writes nothing.
/// </summary>
public sealed class ChecklistService(AppDbContext db, TimeProvider time, ICurrentActor actor)
{
    /// <summary>The posts with their items on the form now, in order.</summary>
    public async Task<List<(Post Post, List<PostChecklistItem> Items)>> CurrentAsync(CancellationToken ct)
    {
        var posts = await db.Posts.AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct);
        var items = await db.PostChecklistItems.AsNoTracking().Where(i => i.RetiredAt == null).OrderBy(i => i.Order).ThenBy(i => i.Id).ToListAsync(ct);
        return posts.Select(p => (p, items.Where(i => i.PostId == p.Id).ToList())).ToList();
    }

    public Task<PostChecklistItem?> FindAsync(int id, CancellationToken ct) => db.PostChecklistItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);

    public async Task<List<PostChecklistItem>> VersionsAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } item)
        {
            return [];
        }

        return VersionChain.Of(await db.PostChecklistItems.AsNoTracking().Where(i => i.PostId == item.PostId).ToListAsync(ct), id, i => i.Id, i => i.PreviousId);
    }

    /// <summary>How many people confirmed each item.</summary>
    public async Task<Dictionary<int, int>> ConfirmationCountsAsync(CancellationToken ct) =>
        await db.PostChecklistConfirmations.GroupBy(c => c.ItemId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    /// <summary>The new item, or null when there is no such post.</summary>
    public async Task<PostChecklistItem?> AddAsync(ChecklistItemInput input, CancellationToken ct)
    {
        if (input.PostId is not { } postId)
        {
            throw new DomainException("Choose a post.");
        }

        if (!await db.Posts.AnyAsync(p => p.Id == postId, ct))
        {
            return null;
        }

        var current = await db.PostChecklistItems.Where(i => i.PostId == postId && i.RetiredAt == null).Select(i => i.Order).ToListAsync(ct);
        if (current.Count >= PostChecklistItem.MaxItemsPerPost)
        {
            throw new DomainException("A post's checklist holds at most 40 items.");
        }

        var order = await db.PostChecklistItems.Where(i => i.PostId == postId).Select(i => (int?)i.Order).MaxAsync(ct) ?? 0;
        var item = PostChecklistItem.Add(postId, order + 1, input.Text ?? "", input.TextEn ?? "", input.Note, time.GetUtcNow(), await ByAsync(ct));
        db.PostChecklistItems.Add(item);
        await db.SaveChangesAsync(ct);
        return item;
    }

    public async Task<PostChecklistItem?> ReviseAsync(int id, ChecklistItemInput input, CancellationToken ct)
    {
        var item = await db.PostChecklistItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return null;
        }

        var next = item.Revise(input.Text ?? "", input.TextEn ?? "", input.Note, time.GetUtcNow(), await ByAsync(ct));
        db.PostChecklistItems.Add(next);
        await db.SaveChangesAsync(ct);
        return next;
    }

    public async Task<PostChecklistItem?> RetireAsync(int id, ChecklistRetireInput input, CancellationToken ct)
    {
        var item = await db.PostChecklistItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return null;
        }

        item.Retire(input.Note, time.GetUtcNow(), await ByAsync(ct));
        await db.SaveChangesAsync(ct);
        return item;
    }

    private async Task<string> ByAsync(CancellationToken ct) =>
        actor.UserId is { } uid && await db.Users.AsNoTracking().Where(u => u.Id == uid).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) is { Length: > 0 } name ? name : actor.UserName;
}

/// <summary>/api/v1/checklists — the new-post / transfer checklists per post: read them and an item's versions, add, change (a new version) or retire an item.</summary>
public static class ChecklistsApi
{
    public sealed record ChecklistItemDto(int Id, int PostId, int Order, string Text, string TextEn, int Version, bool Current, int? PreviousId,
        DateTimeOffset? ChangedAt, string? ChangedBy, string? ChangeNote, DateTimeOffset? RetiredAt, string? RetiredBy, string? RetireNote);

    public sealed record PostChecklistDto(int PostId, string Code, string Name, IReadOnlyList<ChecklistItemDto> Items);

    public static ChecklistItemDto ToDto(PostChecklistItem i) => new(i.Id, i.PostId, i.Order, i.Text, i.TextEn, i.Version, i.IsCurrent, i.PreviousId,
        i.ChangedAt, i.ChangedBy, i.ChangeNote, i.RetiredAt, i.RetiredBy, i.RetireNote);

    public static void MapChecklistsApi(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/checklists").WithTags("Records").RequireAuthorization(Policies.ResultsRead);

        g.MapGet("", async (ChecklistService service, CancellationToken ct) =>
                (await service.CurrentAsync(ct)).Select(x => new PostChecklistDto(x.Post.Id, x.Post.Code, x.Post.Name, x.Items.Select(ToDto).ToList())).ToList())
            .WithSummary("Each post with the items of its new-post / transfer checklist on the form now, in order.");

        g.MapGet("/items/{id:int}/versions", async Task<Results<Ok<List<ChecklistItemDto>>, NotFound>> (int id, ChecklistService service, CancellationToken ct) =>
            await service.VersionsAsync(id, ct) is { Count: > 0 } all ? TypedResults.Ok(all.Select(ToDto).ToList()) : TypedResults.NotFound())
            .WithSummary("Every version of a checklist item, newest first.");

        g.MapPost("/items", async Task<Results<Created<ChecklistItemDto>, NotFound>> (ChecklistItemInput input, ChecklistService service, CancellationToken ct) =>
            await service.AddAsync(input, ct) is { } i ? TypedResults.Created($"/api/v1/checklists/items/{i.Id}/versions", ToDto(i)) : TypedResults.NotFound())
            .RequireAuthorization(Policies.ChecklistsManage).ProducesProblem(400)
            .WithSummary("Adds an item at the end of a post's checklist: postId, text (at most 300 characters), textEn and a note saying why (at most 500). At most 40 items per post. 400 without a postId, 404 when the post does not exist.");

        g.MapPost("/items/{id:int}/versions", async Task<Results<Created<ChecklistItemDto>, NotFound>> (int id, ChecklistItemInput input, ChecklistService service, CancellationToken ct) =>
        {
            var next = await service.ReviseAsync(id, input, ct);
            return next is null ? TypedResults.NotFound() : TypedResults.Created($"/api/v1/checklists/items/{next.Id}/versions", ToDto(next));
        }).RequireAuthorization(Policies.ChecklistsManage).ProducesProblem(400).ProducesProblem(409)
          .WithSummary("Changes an item's text: {id} must be the current version (postId is ignored). The old version stays with the confirmations given for it; the new text waits for its own. 409 when {id} is no longer current.");

        g.MapPost("/items/{id:int}/retire", async Task<Results<Ok<ChecklistItemDto>, NotFound>> (int id, ChecklistRetireInput input, ChecklistService service, CancellationToken ct) =>
            await service.RetireAsync(id, input, ct) is { } i ? TypedResults.Ok(ToDto(i)) : TypedResults.NotFound())
            .RequireAuthorization(Policies.ChecklistsManage).ProducesProblem(400).ProducesProblem(409)
            .WithSummary("Takes an item off a post's checklist with a note saying why; the confirmations given for it stay. 409 when it is no longer current.");
    }
}
