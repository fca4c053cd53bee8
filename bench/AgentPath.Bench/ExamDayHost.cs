using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AgentPath.Bench;

/// <summary>
/// The real app (AgentPath.Web's Program, its whole middleware pipeline and endpoints) on Kestrel on a free loopback
/// port, in this process, with three changes for the benchmark: settings (database, no demo data, login rate limit
/// lifted, logging at Warning), a trivial <see cref="IPasswordHasher{TUser}"/> so that creating and signing in
/// thousands of accounts does not take minutes of PBKDF2 (no timed step hashes a password), and the floor endpoint
/// <c>PUT /floor/attempts/{attemptId}/answers/{questionId}</c>, mapped by an <see cref="IStartupFilter"/> in front of
/// the app's pipeline so that none of its middleware runs for it.
/// </summary>
public sealed class ExamDayHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public ExamDayHost(DatabaseProvider provider, string connectionString, string filesRoot, bool sqlStats = false)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _settings = new(StringComparer.Ordinal)
        {
            ["Database:Provider"] = provider.ToString(),
            [provider == DatabaseProvider.Postgres ? "ConnectionStrings:Postgres" : "ConnectionStrings:Sqlite"] = connectionString,
            ["Database:Demo"] = "false",
            ["Database:MigrateOnStart"] = "true",
            ["Files:Root"] = filesRoot,
            ["Security:LoginAttemptsPerMinute"] = "1000000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
            ["Admin:UserName"] = "benchadmin",
            ["Admin:Password"] = "bench-admin-password-2026",
        };
        if (sqlStats)
        {
            _settings["Logging:LogLevel:" + ServerLog.CommandCategory] = "Information";
            Log.CollectSql = true;
        }

        Floor = new FloorEndpoint(provider, connectionString);
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public FloorEndpoint Floor { get; }

    /// <summary>The app's warnings and errors (it logs nowhere else).</summary>
    public ServerLog Log { get; } = new();

    /// <summary>Starts the app (migrations, reference data, Kestrel) and returns its base address.</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reports no address.");
        return new Uri(addresses.First());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (k, v) in _settings)
        {
            builder.UseSetting(k, v);
        }

        // The factory looks for MvcTestingAppManifest.json in the current folder (a test runner's is the output folder); ours may be anywhere.
        builder.UseContentRoot(AppContentRoot());

        // The factory's default is Development (scope validation on every resolve, developer pages); production runs Production.
        builder.UseEnvironment("Production");
        builder.ConfigureLogging(l => l.ClearProviders().AddProvider(Log));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IPasswordHasher<AppUser>, CheapPasswordHasher>();
            services.AddSingleton<IStartupFilter>(new FloorStartupFilter(Floor));
        });
    }

    /// <summary>src/AgentPath.Web, as the build recorded it in the output folder's MvcTestingAppManifest.json.</summary>
    private static string AppContentRoot()
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json");
        var roots = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(manifest)) ?? [];
        var name = typeof(Program).Assembly.GetName().Name + ",";
        return roots.FirstOrDefault(r => r.Key.StartsWith(name, StringComparison.Ordinal)).Value
            ?? throw new InvalidOperationException($"{manifest} does not name AgentPath.Web's folder.");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Floor.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private sealed class FloorStartupFilter(FloorEndpoint floor) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/floor", f => f.Run(floor.HandleAsync));
            next(app);
        };
    }
}

/// <summary>Stores "bench$" + the password. Only for the benchmark's generated accounts: Identity's PBKDF2 (100,000 rounds) would take minutes for 2,000 accounts.</summary>
public sealed class CheapPasswordHasher : IPasswordHasher<AppUser>
{
    public string HashPassword(AppUser user, string password) => "bench$" + password;

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword) =>
        string.Equals(hashedPassword, "bench$" + providedPassword, StringComparison.Ordinal) ? PasswordVerificationResult.Success : PasswordVerificationResult.Failed;
}

/// <summary>
/// The floor: what one answer save costs with nothing but Kestrel, a JSON body and the database. It takes the app's
/// request body (<c>{"response": …, "seq": n}</c>) and runs one raw ADO.NET UPDATE of the same row of AttemptItems
/// (found by AttemptId and QuestionId through the same unique index), the same three columns, with the same
/// <c>Seq &lt; @seq</c> rule, on a pooled connection of its own per request, and answers 204. It skips what the app adds:
/// authentication, the attempt's owner/deadline check, the open-attempt condition, the canonical form of the response,
/// and the app's middleware. SQLite: the app's durability (WAL, set at start; synchronous=FULL and busy_timeout=30 s set
/// once per physical connection). PostgreSQL: the server's defaults (fsync, synchronous_commit on).
/// </summary>
public sealed class FloorEndpoint : IAsyncDisposable
{
    private const string SqliteSql =
        "UPDATE \"AttemptItems\" SET \"Response\" = @r, \"Seq\" = @s, \"SavedAt\" = @t WHERE \"AttemptId\" = @a AND \"QuestionId\" = @q AND \"Seq\" < @s";

    private const string PostgresSql =
        "UPDATE \"AttemptItems\" SET \"Response\" = $1, \"Seq\" = $2, \"SavedAt\" = $3 WHERE \"AttemptId\" = $4 AND \"QuestionId\" = $5 AND \"Seq\" < $2";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly DatabaseProvider _provider;
    private readonly string? _sqlite;
    private readonly NpgsqlDataSource? _postgres;

    // Physical SQLite connections (their native handles, reused by the pool) that already have their pragmas.
    private readonly ConditionalWeakTable<object, object> _initialised = [];

    public FloorEndpoint(DatabaseProvider provider, string connectionString)
    {
        _provider = provider;
        if (provider == DatabaseProvider.Postgres)
        {
            _postgres = NpgsqlDataSource.Create(connectionString);
        }
        else
        {
            var b = new SqliteConnectionStringBuilder(connectionString) { Pooling = true, DefaultTimeout = 30, ForeignKeys = null };
            _sqlite = b.ToString();
        }
    }

    public sealed record Input(JsonElement Response, long Seq);

    public async Task HandleAsync(HttpContext context)
    {
        // Path below /floor: /attempts/{attemptId}/answers/{questionId}
        var parts = (context.Request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (!HttpMethods.IsPut(context.Request.Method) || parts.Length != 4 || parts[0] != "attempts" || parts[2] != "answers"
            || !long.TryParse(parts[1], out var attemptId) || !int.TryParse(parts[3], out var questionId))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var input = await context.Request.ReadFromJsonAsync<Input>(Json, context.RequestAborted);
        if (input is null || input.Seq < 1)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var response = input.Response.GetRawText();
        var now = DateTimeOffset.UtcNow;
        if (_postgres is not null)
        {
            await using var conn = await _postgres.OpenConnectionAsync(context.RequestAborted);
            await using var cmd = new NpgsqlCommand(PostgresSql, conn);
            cmd.Parameters.Add(new NpgsqlParameter { Value = response });
            cmd.Parameters.Add(new NpgsqlParameter { Value = input.Seq });
            cmd.Parameters.Add(new NpgsqlParameter { Value = now });
            cmd.Parameters.Add(new NpgsqlParameter { Value = attemptId });
            cmd.Parameters.Add(new NpgsqlParameter { Value = questionId });
            await cmd.ExecuteNonQueryAsync(context.RequestAborted);
        }
        else
        {
            await using var conn = new SqliteConnection(_sqlite);
            await conn.OpenAsync(context.RequestAborted);
            Initialise(conn);
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = SqliteSql;
            cmd.Parameters.AddWithValue("@r", response);
            cmd.Parameters.AddWithValue("@s", input.Seq);
            cmd.Parameters.AddWithValue("@t", now.UtcTicks); // the app stores instants as UTC ticks on SQLite
            cmd.Parameters.AddWithValue("@a", attemptId);
            cmd.Parameters.AddWithValue("@q", questionId);
            await cmd.ExecuteNonQueryAsync(context.RequestAborted);
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private void Initialise(SqliteConnection conn)
    {
        var handle = conn.Handle ?? throw new InvalidOperationException("The connection is not open.");
        if (_initialised.TryGetValue(handle, out _))
        {
            return;
        }

        using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";
        cmd.ExecuteNonQuery();
        _initialised.AddOrUpdate(handle, handle);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
