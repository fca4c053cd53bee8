using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.Notifications;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Quality;
using AgentPath.Web.Features.Training;
using AgentPath.Web.Infrastructure.Files;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentPath.Bench;

/// <summary>
/// The app's services without a web server, on a fresh SQLite file in a temporary folder: the same
/// extension methods Program.cs calls (AddAppDatabase with its SqlitePragmas interceptor, AddAppAccess
/// for Identity, AddFileStore, AddPeople, AddNotifications, AddTrainingNeeds, AddQuality), migrations applied (WAL), reference data
/// and the demo call center seeded. The actor is a fixed <see cref="SystemActor"/>.
/// </summary>
public sealed class BenchApp : IAsyncDisposable
{
    private readonly bool _keep;

    private BenchApp(string root, ServiceProvider services, IConfiguration config, bool keep)
    {
        Root = root;
        Services = services;
        Config = config;
        _keep = keep;
    }

    /// <summary>The temporary content root: data/agentpath.db and data/files below it.</summary>
    public string Root { get; }

    public ServiceProvider Services { get; }

    public IConfiguration Config { get; }

    public string DatabasePath => Path.Combine(Root, "data", "agentpath.db");

    /// <summary>A migrated database; with <paramref name="demo"/> also the demo org (one site, two departments, six teams, ~150 people, nine logins).</summary>
    public static async Task<BenchApp> CreateAsync(string name, bool demo = true, bool keep = false)
    {
        var root = Path.Combine(Path.GetTempPath(), "agentpath-bench", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["ConnectionStrings:Sqlite"] = "Data Source=data/agentpath.db",
                ["Files:Root"] = "data/files",
            })
            .Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddLogging(b => b.AddConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ICurrentActor>(new SystemActor("bench"));
        services.AddAppDatabase(config, root);
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddAppAccess(config);
        services.AddFileStore(config, root);
        services.AddPeople();
        services.AddNotifications();
        services.AddAssessments(); // the demo seed's exams use the engine (its background jobs do not run here: no host)
        services.AddTrainingNeeds();
        services.AddQuality(config);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var app = new BenchApp(root, provider, config, keep);
        try
        {
            await DatabaseStartup.MigrateAsync(provider);
            await DemoSeed.EnsureReferenceDataAsync(provider, config);
            if (demo)
            {
                await DemoSeed.RunAsync(provider);
            }
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>Runs <paramref name="work"/> in its own DI scope, as one request of the app would.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public FileStore Files => Services.GetRequiredService<FileStore>();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (!_keep)
        {
            TryDelete(Root);
        }
    }

    public static void TryDelete(string dir)
    {
        try
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"Could not delete {dir}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            Console.Error.WriteLine($"Could not delete {dir}: {e.Message}");
        }
    }
}
