using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AgentPath.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Settings under "Database".</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start-up. Default: on for SQLite, off for PostgreSQL (use the migrate command).</summary>
    public bool? MigrateOnStart { get; set; }

    /// <summary>Seed the demo call center when the database is empty. Default: on for SQLite, off for PostgreSQL.</summary>
    public bool? Demo { get; set; }
}

public static class DatabaseSetup
{
    public const string DefaultSqlite = "Data Source=data/agentpath.db";

    public static DatabaseOptions AddAppDatabase(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        var options = config.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        services.AddSingleton<WriteGate>();
        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                var pg = config.GetConnectionString("Postgres");
                if (string.IsNullOrWhiteSpace(pg))
                {
                    throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is not set.");
                }

                services.AddDbContext<PostgresAppDbContext>(o => o.UseNpgsql(pg, n =>
                    n.MigrationsAssembly(typeof(AppDbContext).Assembly.FullName)));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgresAppDbContext>());
                break;
            default:
                var cs = SqliteConnectionString(config.GetConnectionString("Sqlite") ?? DefaultSqlite, contentRoot);
                services.AddDbContext<SqliteAppDbContext>(o => o.UseSqlite(cs).AddInterceptors(new SqlitePragmas()));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
                break;
        }

        return options;
    }

    /// <summary>Resolves a relative SQLite file against the content root and makes its folder.</summary>
    public static string SqliteConnectionString(string connectionString, string contentRoot)
    {
        var b = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(b.DataSource) && b.DataSource != ":memory:" && !b.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            var path = Path.IsPathRooted(b.DataSource) ? b.DataSource : Path.GetFullPath(Path.Combine(contentRoot, b.DataSource));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            b.DataSource = path;
        }

        b.ForeignKeys = true;
        b.DefaultTimeout = 30;
        return b.ToString();
    }
}

/// <summary>
/// Every SQLite connection: foreign keys on, synchronous=FULL (a save acknowledged to a user survives
/// a power cut), and a busy timeout so concurrent writers wait rather than fail. WAL is set once at start.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Sql = "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Sql;
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = Sql;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
