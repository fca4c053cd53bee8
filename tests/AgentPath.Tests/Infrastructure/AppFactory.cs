using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AgentPath.Tests.Infrastructure;

/// <summary>
/// The app on a database of its own, with the demo call center seeded. Each test class gets one
/// (IClassFixture). The same HTTP suites run on <see cref="SqliteAppFactory"/> and <see cref="PostgresAppFactory"/>.
/// </summary>
public abstract class AppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);

    protected AppFactory()
    {
        FilesRoot = Path.Combine(Path.GetTempPath(), "agentpath-tests", Guid.NewGuid().ToString("N"), "files");
        Set("Database:Demo", "true");
        Set("Database:MigrateOnStart", "true");
        Set("Files:Root", FilesRoot);
        Set("Security:LoginAttemptsPerMinute", "100000");
        Set("Logging:LogLevel:Default", "Warning");
        Set("Logging:LogLevel:Microsoft.AspNetCore", "Error");
    }

    public string FilesRoot { get; }

    public abstract string Provider { get; }

    /// <summary>Sets a configuration value before the app starts.</summary>
    public AppFactory Set(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>The app's clock: starts at the real time, moves only when a test advances it.</summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    private DateOnly _demoToday;

    /// <summary>
    /// The center's today when the app started and seeded the demo: the demo's titles and months are named from it
    /// (<see cref="AgentPath.Web.Data.DemoCalendar"/>), whatever the test does with <see cref="Clock"/> afterwards.
    /// </summary>
    public DateOnly DemoToday
    {
        get
        {
            _ = Services; // the app starts (and seeds) on first use
            return _demoToday;
        }
    }

    /// <summary>The demo's business exam open now (this month's at seeding), and its paper.</summary>
    public string OpenExamTitle => AgentPath.Web.Data.DemoCalendar.ThisMonthsExam(DemoToday);

    public string OpenExamPaper => AgentPath.Web.Data.DemoCalendar.PaperOf(OpenExamTitle);

    /// <summary>The demo's closed business exam of last month, with graded attempts and the trainer's analysis.</summary>
    public string LastMonthsExamTitle => AgentPath.Web.Data.DemoCalendar.LastMonthsExam(DemoToday);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        _demoToday = AgentPath.Web.Data.DemoCalendar.Today(Clock);
        foreach (var (k, v) in _settings)
        {
            builder.UseSetting(k, v);
        }

        builder.UseEnvironment("Testing");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A client that keeps cookies and does not follow redirects, like a careful browser.</summary>
    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}

public class SqliteAppFactory : AppFactory
{
    public SqliteAppFactory() : this(Path.Combine(Path.GetTempPath(), "agentpath-tests", $"{Guid.NewGuid():N}.db"))
    {
    }

    internal SqliteAppFactory(string file)
    {
        DatabaseFile = file;
        Set("Database:Provider", "Sqlite");
        Set("ConnectionStrings:Sqlite", $"Data Source={file}");
    }

    public string DatabaseFile { get; }

    public override string Provider => "Sqlite";
}

public class PostgresAppFactory : AppFactory
{
    public PostgresAppFactory() : this("agentpath_" + Guid.NewGuid().ToString("N")[..16], create: true)
    {
    }

    internal PostgresAppFactory(string database, bool create)
    {
        DatabaseName = database;
        var admin = Admin();
        if (create)
        {
            using var conn = new NpgsqlConnection(admin);
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE \"{database}\" ENCODING 'UTF8' TEMPLATE template0";
            cmd.ExecuteNonQuery();
        }

        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
        Set("Database:Provider", "Postgres");
        Set("ConnectionStrings:Postgres", cs);
    }

    public string DatabaseName { get; }

    public override string Provider => "Postgres";

    /// <summary>Keep the database when this factory is disposed (a restart test starts another app on it).</summary>
    public bool KeepDatabase { get; set; }

    private bool _dropped;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Drop();
        GC.SuppressFinalize(this);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Drop();
        }
    }

    private void Drop()
    {
        if (KeepDatabase || _dropped)
        {
            return;
        }

        _dropped = true;
        NpgsqlConnection.ClearAllPools();
        using var conn = new NpgsqlConnection(Admin());
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)";
        cmd.ExecuteNonQuery();
    }

    /// <summary>The throwaway cluster started by ./test. Without it the PostgreSQL tests fail, never skip.</summary>
    public static string Admin() =>
        Environment.GetEnvironmentVariable("AGENTPATH_TEST_PG") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("AGENTPATH_TEST_PG is not set: run the tests with ./test, which starts a throwaway PostgreSQL.");
}
