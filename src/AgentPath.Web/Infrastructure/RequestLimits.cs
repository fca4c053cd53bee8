namespace AgentPath.Web.Infrastructure;

/// <summary>Explicit request limits. Endpoints that take larger files (recordings) raise theirs on purpose.</summary>
public static class RequestLimits
{
    /// <summary>Largest request body accepted by default: 32 MiB (a roster of 20,000 rows is about 2 MiB).</summary>
    public const long MaxBodyBytes = 32L * 1024 * 1024;
}
