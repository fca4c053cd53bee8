using System.Globalization;

namespace AgentPath.Web;

/// <summary>
/// The center clock: one time zone (<c>Center:TimeZone</c>, default Asia/Shanghai) for every date and time a person
/// sees or types, whatever the server's OS zone. Instants are stored as UTC; they become center time only here.
/// </summary>
public sealed class CenterClock(TimeProvider time)
{
    public const string DefaultZone = "Asia/Shanghai";

    /// <summary>The center's zone. Set once at start from <c>Center:TimeZone</c> (<see cref="Use"/>).</summary>
    public static TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.FindSystemTimeZoneById(DefaultZone);

    /// <summary>Sets the center's zone from an IANA (or Windows) id; an unknown id stops the start with its name.</summary>
    public static void Use(string? id)
    {
        var name = string.IsNullOrWhiteSpace(id) ? DefaultZone : id.Trim();
        try
        {
            Zone = TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (TimeZoneNotFoundException e)
        {
            throw new InvalidOperationException($"Center:TimeZone \"{name}\" is not a known time zone (use an IANA name such as Asia/Shanghai).", e);
        }
    }

    /// <summary>Now, in center time.</summary>
    public DateTimeOffset Now => ToCenter(time.GetUtcNow());

    /// <summary>Today's date at the center.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    /// <summary>An instant in center time.</summary>
    public static DateTimeOffset ToCenter(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>The date of an instant at the center.</summary>
    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(ToCenter(at).DateTime);

    /// <summary>The instant a wall-clock time typed at the center means (its Kind is ignored).</summary>
    public static DateTimeOffset FromCenter(DateTime local)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(wall, Zone.GetUtcOffset(wall));
    }

    /// <summary>The start of a center day, as an instant.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => FromCenter(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>The one display format of a date and time: 2026-12-06 09:00.</summary>
    public static string Show(DateTimeOffset at) => ToCenter(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The one display format of a date: 2026-12-06.</summary>
    public static string ShowDate(DateTimeOffset at) => ToCenter(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Center time for pages: <c>at.ToCenter()</c> instead of the server's <c>ToLocalTime()</c>.</summary>
public static class CenterTimeExtensions
{
    public static DateTimeOffset ToCenter(this DateTimeOffset at) => CenterClock.ToCenter(at);
}
