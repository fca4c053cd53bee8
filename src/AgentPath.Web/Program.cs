using AgentPath.Web.Data;
using AgentPath.Web.Features.Account;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.Notifications;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Pipeline;
using AgentPath.Web.Features.Plans;
using AgentPath.Web.Features.Points;
using AgentPath.Web.Features.Quality;
using AgentPath.Web.Features.SpotQuestions;
using AgentPath.Web.Features.Training;
using AgentPath.Web.Infrastructure;
using AgentPath.Web.Infrastructure.Errors;
using AgentPath.Web.Infrastructure.Files;
using AgentPath.Web.Infrastructure.Localization;
using AgentPath.Web.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;

var builder = WebApplication.CreateBuilder(args);
var config = builder.Configuration;

// Composition root: infrastructure first, then the features floor by floor (ARCHITECTURE.md).
builder.Services.AddSingleton(TimeProvider.System);
// One center clock: Center:TimeZone (default Asia/Shanghai) for every date and time shown or typed.
AgentPath.Web.CenterClock.Use(builder.Configuration["Center:TimeZone"]);
builder.Services.AddSingleton<AgentPath.Web.CenterClock>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentActor, HttpCurrentActor>();
var database = builder.Services.AddAppDatabase(config, builder.Environment.ContentRootPath);
builder.Services.AddDataProtection().SetApplicationName("AgentPath").PersistKeysToDbContext<AppDbContext>();
builder.Services.AddAppLocalization();
builder.Services.AddAppAccess(config);
builder.Services.AddFileStore(config, builder.Environment.ContentRootPath);
// Chinese text goes out as text, not as &#x…; entities (a third of the bytes, and readable in the page source).
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
{
    // Framework titles ("One or more validation errors occurred.", "Payload Too Large") in the caller's language.
    if (c.ProblemDetails.Title is { } title && c.HttpContext.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>()?.RequestCulture is { } culture)
    {
        System.Globalization.CultureInfo.CurrentUICulture = culture.UICulture;
        var localizer = c.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Text>>();
        c.ProblemDetails.Title = localizer[title];

        // Field messages of a validation problem too: an endpoint may hand over the English key (the org tree's refusals).
        if (c.ProblemDetails is HttpValidationProblemDetails validation)
        {
            foreach (var field in validation.Errors.Keys.ToList())
            {
                validation.Errors[field] = validation.Errors[field].Select(m => localizer[m].Value).ToArray();
            }
        }
    }
});
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
    o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
});
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
builder.Services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add<ConflictPageFilter>());
builder.Services.AddOpenApi(o => o.CreateSchemaReferenceId = AgentPath.Web.Infrastructure.OpenApi.SchemaIds.Of); // schema ids unique by name (feature prefix)
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
builder.Services.AddRazorPages(o =>
    {
        o.RootDirectory = "/Features";
        o.Conventions.ConfigureFilter(new PageHandlerGuard()); // a page request no handler takes: 405, never a page with an unloaded model
        o.Conventions.AuthorizeFolder("/Admin", Policies.UsersManage);
        o.Conventions.AuthorizeFolder("/Org", Policies.OrgWrite);
        o.Conventions.AuthorizePage("/People/Edit", Policies.PeopleWrite);
        o.Conventions.AuthorizePage("/People/Import", Policies.RosterImport);
        o.Conventions.AuthorizePage("/People/Find", Policies.ResultsRead);
        o.Conventions.AuthorizePage("/Admin/Audit", Policies.AuditRead);
        o.Conventions.AuthorizePage("/Exams/New", Policies.AssessmentsManage);
        o.Conventions.AuthorizePage("/Exams/Manage", Policies.AssessmentsManage);
        o.Conventions.AuthorizePage("/Exams/Grading", Policies.AssessmentsManage);
        o.Conventions.AuthorizePage("/Points/Rules", Policies.PointsRules);
        o.Conventions.AuthorizePage("/Exams/Results", Policies.ResultsRead);
        o.Conventions.AuthorizePage("/Exams/Analysis", Policies.ResultsRead);
        o.Conventions.AuthorizeFolder("/QuestionBank", Policies.AssessmentsManage);
        o.Conventions.AuthorizeFolder("/Papers", Policies.AssessmentsManage);
        o.Conventions.AuthorizePage("/Quality/Queue", Policies.QualityScore);
        o.Conventions.AuthorizePage("/Quality/Recordings/New", Policies.QualityRecord);
        o.Conventions.AuthorizePage("/Quality/Recordings/Import", Policies.QualityRecord);
        o.Conventions.AuthorizeFolder("/Quality/Scorecards", Policies.QualityManage);
        o.Conventions.AuthorizeFolder("/Quality/Sampling", Policies.QualityManage);
        o.Conventions.AuthorizeFolder("/Quality/Calibration", Policies.QualityScore);
        o.Conventions.AuthorizePage("/Quality/Findings", Policies.QualityCoach);
        o.Conventions.AuthorizePage("/Quality/Retraining", Policies.QualityCoach);
        o.Conventions.AuthorizePage("/Quality/Reports", Policies.ResultsRead);
        o.Conventions.AuthorizePage("/Pipeline/Cohorts/Gate", Policies.GateAssess);
        o.Conventions.AuthorizePage("/Pipeline/FunnelPage", Policies.ResultsRead);
        o.Conventions.AuthorizeFolder("/Coaching", Policies.ResultsRead);
        o.Conventions.AuthorizeFolder("/Induction", Policies.ResultsRead);
        o.Conventions.AuthorizePage("/Induction/Revise", Policies.CohortsManage);
        o.Conventions.AuthorizePage("/Training/Hours/Index", Policies.ResultsRead);
        o.Conventions.AuthorizePage("/Training/Sessions/Edit", Policies.SessionsManage);
        o.Conventions.AuthorizePage("/Training/Sessions/Code", Policies.SessionsManage);
        o.Conventions.AuthorizePage("/Training/Sessions/Sheet", Policies.SessionsManage);
        o.Conventions.AllowAnonymousToPage("/Records/Verify");
        o.Conventions.AuthorizeFolder("/Plans/Monthly", Policies.PlansRead);
        o.Conventions.AuthorizeFolder("/Plans/Reviews", Policies.PlansRead);
        o.Conventions.AuthorizePage("/Plans/Surveys/New", Policies.TrainingDeliver);
        o.Conventions.AuthorizePage("/Plans/Surveys/Results", Policies.PlansRead);
        o.Conventions.AllowAnonymousToPage("/Account/Login");
        o.Conventions.AllowAnonymousToPage("/Account/Culture");
        o.Conventions.AllowAnonymousToPage("/Error");
    })
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(Text)))
    // No client validation library is shipped: the server checks every form and says what is wrong in the reader's
    // language, so the tag helpers' data-val-* attributes (MVC's English defaults) are not written.
    .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false);
builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = RequestLimits.MaxBodyBytes);
builder.WebHost.ConfigureKestrel(k =>
{
    k.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes;
    k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
    k.AddServerHeader = false;
});
builder.Services.AddPeople();
builder.Services.AddNotifications();
builder.Services.AddAssessments();
builder.Services.AddPoints();
builder.Services.AddTrainingNeeds();
builder.Services.AddQuality(config);
builder.Services.AddPipeline();
builder.Services.AddPlans();
builder.Services.AddSpotQuestions();

var app = builder.Build();

if (args.Contains("migrate", StringComparer.OrdinalIgnoreCase))
{
    await DatabaseStartup.MigrateAsync(app.Services);
    await DemoSeed.EnsureReferenceDataAsync(app.Services, config);
    Console.WriteLine("Migrations applied.");
    return;
}

var sqlite = database.Provider == DatabaseProvider.Sqlite;
if (database.MigrateOnStart ?? sqlite)
{
    await DatabaseStartup.MigrateAsync(app.Services);
}

await DatabaseStartup.LogSqliteSettingsAsync(app.Services);
await DemoSeed.EnsureReferenceDataAsync(app.Services, config);
if (database.Demo ?? sqlite)
{
    await DemoSeed.RunAsync(app.Services);
}

// X-Forwarded-For/-Proto only from the proxies in Network:KnownProxies / Network:KnownNetworks (default none).
app.UseForwardedHeaders(NetworkOptions.ForwardedHeaders(config));
app.UseMiddleware<RequestLogging>();
app.UseExceptionHandler("/Error");
if (app.Services.GetRequiredService<SecurityOptions>().HttpsOnly)
{
    app.UseHsts();
    app.UseHttpsRedirection();
}

app.UseMiddleware<SecurityHeaders>();
app.UseMiddleware<UnsupportedMethods>(); // TRACE/TRACK: 405
app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePages());
app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
app.UseStaticFiles();
app.UseSwaggerUI(o =>
{
    o.SwaggerEndpoint("/openapi/v1.json", "AgentPath API v1");
    o.RoutePrefix = "api/docs";
    o.DocumentTitle = "AgentPath API";
});
app.UseRequestLocalization();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<ApiAntiforgery>();
app.UseAntiforgery();

app.MapOpenApi().AllowAnonymous();
app.MapHealthChecks("/health").AllowAnonymous();
app.MapRazorPages();
var api = app.MapGroup("/api/v1");
api.AddEndpointFilter<DateRangeFilter>();
api.MapAuthApi();
api.MapPeopleApi();
api.MapOrgApi();
api.MapUsersApi();
api.MapNotificationsApi();
api.MapAssessmentsApi();
api.MapExamAdminApi();
api.MapAttendanceApi();
api.MapQuestionBankApi();
api.MapQualityApi();
api.MapPipelineApi();
api.MapPlansApi();
api.MapTrainingApi();
api.MapQualityChecksApi();
api.MapSpotQuestionsApi();
api.MapPointsRulesApi();

app.Lifetime.ApplicationStarted.Register(() =>
{
    if (database.Demo ?? sqlite)
    {
        foreach (var url in app.Urls)
        {
            Console.WriteLine($"AgentPath is running at {url}");
        }

        Console.WriteLine($"Demo logins (password {DemoSeed.Password}): {string.Join(", ", DemoSeed.Logins.Select(l => l.UserName))}");
    }
});

await app.RunAsync();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
