using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Infrastructure;

/// <summary>
/// The ranges a typed value may take, in one place: dates from 2000-01-01 to five years ahead, a
/// call from 2000 to (at most) a day ahead lasting 1 s to 24 h, a moment on a recording within the
/// call. Entities and importers ask here; the API's date filter refuses any date out of range.
/// </summary>
public static class InputRanges
{
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);
    public static readonly DateTimeOffset EarliestMoment = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public const int FutureYears = 5;
    public static readonly TimeSpan CallFuture = TimeSpan.FromDays(1);
    public const int MinCallSeconds = 1;
    public const int MaxCallSeconds = 24 * 3600;

    public const string DateMessage = "{0}: the date must be between 2000-01-01 and {1}.";
    public const string CallStartMessage = "A call must start between 2000-01-01 and a day from now.";
    public const string CallDurationMessage = "A call lasts from 1 second to 24 hours.";
    public const string SecondMessage = "The time must be between 0 and {0} seconds (the length of the call).";

    public static DateOnly LatestDate(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime).AddYears(FutureYears);

    public static bool IsDate(DateOnly d, DateTimeOffset now) => d >= EarliestDate && d <= LatestDate(now);

    public static bool IsMoment(DateTimeOffset t, DateTimeOffset now) => t >= EarliestMoment && DateOnly.FromDateTime(t.UtcDateTime) <= LatestDate(now);

    public static bool IsCallStart(DateTimeOffset started, DateTimeOffset now) => started >= EarliestMoment && started <= now + CallFuture;

    public static bool IsCallDuration(long seconds) => seconds is >= MinCallSeconds and <= MaxCallSeconds;

    public static bool IsSecondInCall(decimal second, int durationSeconds) => second >= 0 && second <= durationSeconds + 1;
}

/// <summary>
/// On every API write (not GET): any date, time or date-time argument, or property of a body record,
/// outside <see cref="InputRanges"/> is a 400 naming the field, before the handler runs.
/// </summary>
public sealed class DateRangeFilter : IEndpointFilter
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> DateProps = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        {
            return await next(context);
        }

        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var parameters = (http.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>()?.GetParameters()) ?? [];
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            var arg = context.Arguments[i];
            var name = i < parameters.Length ? parameters[i].Name ?? "value" : "value";
            if (Bad(arg, now))
            {
                return Refuse(http, name, now);
            }

            // Inputs with data annotations go through InputValidator, which checks their dates among their other fields.
            if (arg is null || arg.GetType().IsPrimitive || HasAnnotations(arg.GetType()) || arg is string || arg.GetType().Namespace?.StartsWith("Microsoft", StringComparison.Ordinal) == true
                || arg.GetType().Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
            {
                continue;
            }

            foreach (var prop in DateProps.GetOrAdd(arg.GetType(), t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                         .Where(p => p.GetIndexParameters().Length == 0 && IsDateType(p.PropertyType)).ToArray()))
            {
                if (Bad(prop.GetValue(arg), now))
                {
                    return Refuse(http, char.ToLowerInvariant(prop.Name[0]) + prop.Name[1..], now);
                }
            }
        }

        return await next(context);
    }

    private static readonly ConcurrentDictionary<Type, bool> Annotated = new();

    private static bool HasAnnotations(Type t) => Annotated.GetOrAdd(t, x => x.GetProperties().Any(p => p.GetCustomAttributes<System.ComponentModel.DataAnnotations.ValidationAttribute>().Any()));

    private static bool IsDateType(Type t)
    {
        var u = Nullable.GetUnderlyingType(t) ?? t;
        return u == typeof(DateOnly) || u == typeof(DateTime) || u == typeof(DateTimeOffset);
    }

    private static bool Bad(object? value, DateTimeOffset now) => value switch
    {
        DateOnly d => !InputRanges.IsDate(d, now),
        DateTimeOffset t => !InputRanges.IsMoment(t, now),
        DateTime t => !InputRanges.IsMoment(new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)), now),
        _ => false,
    };

    private static IResult Refuse(HttpContext http, string field, DateTimeOffset now)
    {
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<Localization.Text>>();
        var message = text[InputRanges.DateMessage, field, InputRanges.LatestDate(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)].Value;
        return TypedResults.Problem(statusCode: 400, title: message, extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });
    }
}
