using System.Net;
using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Assessments;

public sealed class KnowledgeAreaTests_Sqlite(SqliteAppFactory f) : KnowledgeAreaTests<SqliteAppFactory>(f);

public sealed class KnowledgeAreaTests_Postgres(PostgresAppFactory f) : KnowledgeAreaTests<PostgresAppFactory>(f);

/// <summary>The knowledge-area tree of the question bank, through its page: add, rename, move; no cycles, no twins; audited.</summary>
public abstract class KnowledgeAreaTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    private const string Path = "/question-bank/areas";

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, int id, string name, string nameEn, int? parentId)
    {
        var token = await client.FormTokenAsync(Path);
        return await client.PostAsync(Path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["name"] = name, ["nameEn"] = nameEn,
            ["parentId"] = parentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["__RequestVerificationToken"] = token,
        }));
    }

    [Fact]
    public async Task A_trainer_adds_renames_and_moves_areas_and_a_cycle_or_a_twin_is_refused_in_chinese()
    {
        using var trainer = await factory.SignedInAsync("trainer");
        var name = "医保新政 " + Guid.NewGuid().ToString("N")[..6];
        var products = await factory.QueryAsync(db => db.KnowledgeAreas.Where(a => a.ParentId == null).Select(a => a.Id).FirstAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(trainer, 0, name, "Insurance policy", products)).StatusCode);
        var area = await factory.QueryAsync(db => db.KnowledgeAreas.SingleAsync(a => a.Name == name));
        Assert.Equal(products, area.ParentId);
        Assert.Contains(name, await trainer.GetStringAsync(Path), StringComparison.Ordinal);

        // A twin under the same parent is refused; the same name elsewhere is fine.
        var twin = await (await PostAsync(trainer, 0, name, "", products)).Content.ReadAsStringAsync();
        Assert.Contains("同一级下已有", twin, StringComparison.Ordinal);

        // Moving the parent under its own child would make a cycle.
        var child = "子知识点 " + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(trainer, 0, child, "", area.Id)).StatusCode);
        var childId = await factory.QueryAsync(db => db.KnowledgeAreas.Where(a => a.Name == child).Select(a => a.Id).SingleAsync());
        var cycle = await (await PostAsync(trainer, area.Id, name, "", childId)).Content.ReadAsStringAsync();
        Assert.Contains("不能放在它自己或它的下级之下", cycle, StringComparison.Ordinal);
        Assert.Equal(products, await factory.QueryAsync(db => db.KnowledgeAreas.Where(a => a.Id == area.Id).Select(a => a.ParentId).SingleAsync()));

        // Rename and move to the top level; the change is audited.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(trainer, area.Id, name + "（2026）", "Insurance policy 2026", null)).StatusCode);
        var moved = await factory.QueryAsync(db => db.KnowledgeAreas.SingleAsync(a => a.Id == area.Id));
        Assert.Null(moved.ParentId);
        Assert.Equal(name + "（2026）", moved.Name);
        var key = area.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Entity == "KnowledgeArea" && e.Key == key && e.Action == AuditAction.Updated)));

        // An empty name gets a message, and nothing is written.
        var empty = await (await PostAsync(trainer, area.Id, " ", "", null)).Content.ReadAsStringAsync();
        Assert.Contains("知识点名称必填", empty, StringComparison.Ordinal);
    }
}
