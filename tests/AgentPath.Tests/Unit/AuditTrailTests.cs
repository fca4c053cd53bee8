using System.Text.Json;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AgentPath.Tests.Unit;

/// <summary>The audit trail on a real SQLite file: every change of domain data writes who, when, what and old → new, in the same transaction.</summary>
public sealed class AuditTrailTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"agentpath-audit-{Guid.NewGuid():N}.db");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    private SqliteAppDbContext NewContext(string actor = "hr-user")
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite(DatabaseSetup.SqliteConnectionString($"Data Source={_file}", Path.GetTempPath()))
            .AddInterceptors(new SqlitePragmas())
            .Options;
        return new SqliteAppDbContext(options, new SystemActor(actor), _time);
    }

    public async Task InitializeAsync()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Dictionary<string, JsonElement[]> Changes(AuditEntry a) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(a.Changes)!;

    [Fact]
    public async Task Creating_writes_an_entry_with_the_generated_key_and_every_set_field()
    {
        await using var db = NewContext();
        var site = new Site("广州职场");
        db.Sites.Add(site);
        await db.SaveChangesAsync();

        var a = await db.AuditEntries.SingleAsync();
        Assert.Equal(AuditAction.Created, a.Action);
        Assert.Equal("Site", a.Entity);
        Assert.Equal(site.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), a.Key);
        Assert.Equal("hr-user", a.UserName);
        Assert.Equal(_time.GetUtcNow(), a.At);
        Assert.Equal("广州职场", Changes(a)["Name"][1].GetString());
    }

    [Fact]
    public async Task Updating_writes_only_the_changed_fields_old_and_new()
    {
        await using (var db = NewContext())
        {
            var site = new Site("广州职场");
            var dept = new Department(site, "咨询热线部");
            db.AddRange(site, dept);
            db.Employees.Add(new Employee("GZ1", "张伟", new DateOnly(2026, 1, 5), dept, null, Stage.Regular));
            await db.SaveChangesAsync();
        }

        _time.Advance(TimeSpan.FromHours(1));
        await using (var db = NewContext("admin-user"))
        {
            var e = await db.Employees.SingleAsync();
            e.UpdateDetails("张伟伟", "13800138000", null);
            await db.SaveChangesAsync();
            var a = await db.AuditEntries.OrderBy(x => x.Id).LastAsync();
            Assert.Equal(AuditAction.Updated, a.Action);
            Assert.Equal("Employee", a.Entity);
            Assert.Equal("admin-user", a.UserName);
            var c = Changes(a);
            Assert.Equal(["Name", "Phone"], c.Keys.Order());
            Assert.Equal("张伟", c["Name"][0].GetString());
            Assert.Equal("张伟伟", c["Name"][1].GetString());
            Assert.Equal(JsonValueKind.Null, c["Phone"][0].ValueKind);
        }
    }

    [Fact]
    public async Task A_save_that_changes_nothing_writes_nothing()
    {
        await using var db = NewContext();
        db.Sites.Add(new Site("广州职场"));
        await db.SaveChangesAsync();
        var site = await db.Sites.SingleAsync();
        site.Rename("广州职场");
        await db.SaveChangesAsync();
        Assert.Equal(1, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task Audit_entries_cannot_be_changed_or_deleted()
    {
        await using var db = NewContext();
        db.Sites.Add(new Site("广州职场"));
        await db.SaveChangesAsync();
        var a = await db.AuditEntries.SingleAsync();
        db.AuditEntries.Remove(a);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task A_failed_save_leaves_neither_the_change_nor_its_audit_entry()
    {
        await using (var db = NewContext())
        {
            db.Sites.Add(new Site("广州职场"));
            await db.SaveChangesAsync();
        }

        await using (var db = NewContext())
        {
            db.Sites.Add(new Site("广州职场")); // unique name: the insert fails
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using (var db = NewContext())
        {
            Assert.Equal(1, await db.Sites.CountAsync());
            Assert.Equal(1, await db.AuditEntries.CountAsync());
        }
    }
}
