using AgentPath.Web.Features.People;

namespace AgentPath.Web.Features.Quality;

public static class QualitySetup
{
    /// <summary>How Training names retraining tasks and training needs raised from QA findings.</summary>
    public const string TrainingSource = "Quality";

    public static IServiceCollection AddQuality(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection("Quality").Get<QualityOptions>() ?? new QualityOptions());
        services.AddScoped<RecordingService>();
        services.AddScoped<RecordingImporter>();
        services.AddScoped<EvaluationService>();
        services.AddScoped<SamplingService>();
        services.AddScoped<SamplingPlanService>();
        services.AddScoped<CalibrationService>();
        services.AddScoped<FindingsService>();
        services.AddScoped<ITimelineSource, EvaluationTimelineSource>();
        return services;
    }
}

/// <summary>Resource keys of the feature's enums (the English text; zh-CN in Resources/zh-CN.quality.json).</summary>
public static class QualityText
{
    public static string Of(CallType t) => t switch
    {
        CallType.Inbound => "Inbound consultation",
        CallType.Callback => "Callback",
        CallType.Sales => "Sales call",
        CallType.TestCall => "Internal test call",
        _ => "Mock call",
    };

    public static string Of(FindingTag t) => t switch
    {
        FindingTag.BusinessKnowledge => "Business-knowledge gap",
        FindingTag.Process => "Process deviation",
        FindingTag.Script => "Script deviation",
        FindingTag.Attitude => "Attitude",
        FindingTag.Wording => "Wording",
        FindingTag.VoiceAndTone => "Voice and tone",
        FindingTag.Compliance => "Compliance",
        FindingTag.CallLength => "Long call, unnecessary talk",
        _ => "Caller not reassured",
    };

    public static string Of(EvaluationStatus s) => s switch
    {
        EvaluationStatus.Draft => "Draft",
        EvaluationStatus.Submitted => "Awaiting the agent",
        EvaluationStatus.Acknowledged => "Acknowledged",
        EvaluationStatus.Disputed => "Disputed",
        _ => "Settled",
    };

    public static string Of(ItemScale s) => s switch
    {
        ItemScale.YesNo => "Yes / no",
        ItemScale.Points => "0–N points",
        _ => "1–5",
    };

    public static string Of(Critical c) => c switch
    {
        Critical.None => "Not critical",
        Critical.Section => "Zeroes its section",
        _ => "Fails the whole card",
    };

    public static string Of(ScorecardPurpose p) => p switch
    {
        ScorecardPurpose.Quality => "Quality assessment",
        ScorecardPurpose.MockCall => "Mock call",
        _ => "Internal test call",
    };

    public static string Of(VersionStatus v) => v switch
    {
        VersionStatus.Draft => "Draft",
        VersionStatus.Published => "Published",
        _ => "Retired",
    };

    public static string Of(SamplingPeriod p) => p == SamplingPeriod.Week ? "a week" : "a month";

    public static string Of(Training.RetrainingStatus s) => s switch
    {
        Training.RetrainingStatus.Open => "Open",
        Training.RetrainingStatus.Done => "Done",
        _ => "Cancelled",
    };

    /// <summary>Every key above, for the test that checks each has its Chinese.</summary>
    public static IEnumerable<string> AllKeys() =>
        Enum.GetValues<CallType>().Select(Of).Concat(Enum.GetValues<FindingTag>().Select(Of)).Concat(Enum.GetValues<EvaluationStatus>().Select(Of))
            .Concat(Enum.GetValues<ItemScale>().Select(Of)).Concat(Enum.GetValues<Critical>().Select(Of)).Concat(Enum.GetValues<ScorecardPurpose>().Select(Of))
            .Concat(Enum.GetValues<VersionStatus>().Select(Of)).Concat(Enum.GetValues<SamplingPeriod>().Select(Of))
            .Concat(Enum.GetValues<Training.RetrainingStatus>().Select(Of)).Distinct();

    /// <summary>Arguments of a message, with those that are resource keys themselves (e.g. what a refused file looks like) translated.</summary>
    public static object[] Localized(Microsoft.Extensions.Localization.IStringLocalizer text, object[]? args) =>
        (args ?? []).Select(a => a is string s ? (object)text[s].Value : a).ToArray();

    /// <summary>"mm:ss" (or "h:mm:ss") of a moment in a call.</summary>
    public static string Clock(decimal? seconds)
    {
        if (seconds is not { } s)
        {
            return "";
        }

        var t = TimeSpan.FromSeconds((double)s);
        return t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture) : t.ToString(@"mm\:ss", System.Globalization.CultureInfo.InvariantCulture);
    }
}
