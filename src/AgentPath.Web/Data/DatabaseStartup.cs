using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Data;

/// <summary>Start-up work on the database: migrations, SQLite settings read back and logged, demo seed.</summary>
public static class DatabaseStartup
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("AgentPath.Database");
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        log.LogInformation("Database migrated ({Provider}); {Count} migration(s) applied", db.Database.ProviderName, pending.Count);
    }

    /// <summary>Reads the SQLite settings back with PRAGMA and logs them, so a wrong setting is visible at start.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> LogSqliteSettingsAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!db.Database.IsSqlite())
        {
            return result;
        }

        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("AgentPath.Database");
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            foreach (var pragma in new[] { "journal_mode", "synchronous", "foreign_keys" })
            {
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = $"PRAGMA {pragma};";
                result[pragma] = Convert.ToString(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) ?? "";
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        // synchronous: 2 = FULL; foreign_keys: 1 = on.
        log.LogInformation("SQLite {File}: journal_mode={JournalMode} synchronous={Synchronous} (2 = FULL) foreign_keys={ForeignKeys}",
            conn.DataSource, result["journal_mode"], result["synchronous"], result["foreign_keys"]);
        return result;
    }
}
