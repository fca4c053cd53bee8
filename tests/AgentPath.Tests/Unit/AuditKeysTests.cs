using System.Text.Json;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AgentPath.Tests.Unit;

/// <summary>Issue 11, failure 3: an audit row names the real key of a record created in the same save, never a temporary one.</summary>
public sealed class AuditKeysTests
{
    [Fact]
    public async Task A_foreign_key_to_a_record_inserted_in_the_same_save_is_the_real_id()
    {
        var file = Path.Combine(Path.GetTempPath(), $"agentpath-auditkeys-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite(DatabaseSetup.SqliteConnectionString($"Data Source={file}", Path.GetTempPath()))
            .AddInterceptors(new SqlitePragmas()).Options;
        await using var db = new SqliteAppDbContext(options, new SystemActor("hr-user"), new FakeTimeProvider(DateTimeOffset.UtcNow));
        await db.Database.MigrateAsync();
        var site = new Site("深圳职场");
        var dept = new Department(site, "投诉部");
        db.AddRange(site, dept);
        await db.SaveChangesAsync();

        var row = await db.AuditEntries.SingleAsync(a => a.Entity == "Department");
        var changes = JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(row.Changes)!;
        Assert.Equal(site.Id, changes["SiteId"][1].GetInt32());
        Assert.True(site.Id > 0);
        Assert.Contains("投诉部", row.Changes, StringComparison.Ordinal); // as text, not \u6295
    }
}
