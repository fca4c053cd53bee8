using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AgentPath.BrowserTests;

/// <summary>
/// Starts the app once on a real Kestrel port (SQLite in /tmp, demo call center seeded) and one
/// headless Debian Chromium, shared by every browser test.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly string _runId = "agentpath-browser-" + Guid.NewGuid().ToString("N")[..12];
    private AppFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The app's address on a real Kestrel port, such as http://127.0.0.1:40123/.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The app's services, for a test that must set up what no screen makes (exam attempts taken earlier, a session starting now).</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The fixture is not initialised.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>
    /// test-output/screenshots in the folder that holds AgentPath.slnx (or under $AGENTPATH_TEST_OUTPUT,
    /// which ./test sets to that same test-output folder).
    /// </summary>
    public string ScreenshotDir { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("AGENTPATH_TEST_OUTPUT") is { Length: > 0 } output ? output : Path.Combine(RepoRoot(), "test-output"),
        "screenshots");

    private string DatabasePath => Path.Combine(Path.GetTempPath(), _runId + ".db");

    private string FilesRoot => Path.Combine(Path.GetTempPath(), _runId + "-files");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(ScreenshotDir, "tests"));

        _factory = new AppFactory(new Dictionary<string, string>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Sqlite"] = "Data Source=" + DatabasePath,
            ["Database:Demo"] = "true",
            ["Database:MigrateOnStart"] = "true",
            ["Files:Root"] = FilesRoot,
            ["Security:HttpsOnly"] = "false",
            ["Security:LoginAttemptsPerMinute"] = "10000",
        });
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no addresses.");
        BaseUrl = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)));

        // The browser is Debian's Chromium; Playwright must not download one.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" })
        {
            TryDelete(() => File.Delete(file));
        }

        TryDelete(() =>
        {
            if (Directory.Exists(FilesRoot))
            {
                Directory.Delete(FilesRoot, recursive: true);
            }
        });
    }

    /// <summary>A new browser context (its own cookies) and page, for one test.</summary>
    public async Task<BrowserSession> OpenAsync(string testName, string locale = "zh-CN", int width = 1280, int height = 800, bool mobile = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            Locale = locale,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = mobile,
            HasTouch = mobile,
            DeviceScaleFactor = mobile ? 3 : 1,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page, ScreenshotDir, testName);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AgentPath.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AgentPath.slnx was not found above " + AppContext.BaseDirectory);
    }

    private static void TryDelete(Action delete)
    {
        try
        {
            delete();
        }
        catch (IOException)
        {
            // A leftover temp file is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    private sealed class AppFactory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}

/// <summary>All browser tests share one app and one Chromium, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "Browser";
}
