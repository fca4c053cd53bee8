using AgentPath.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Unit;

/// <summary>Each provider's migrations describe the model exactly: a change to an entity without its migration fails here.</summary>
public class MigrationTests
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new SqliteAppDbContext(options, new SystemActor(), TimeProvider.System);
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void Postgres_migrations_match_the_model()
    {
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=none").Options;
        using var db = new PostgresAppDbContext(options, new SystemActor(), TimeProvider.System);
        Assert.False(db.Database.HasPendingModelChanges());
    }
}
