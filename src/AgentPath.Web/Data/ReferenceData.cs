namespace AgentPath.Web.Data;

/// <summary>An entity that services cache in memory for a hot path (an exam's paper while agents start it).</summary>
public interface ICachedReference;

/// <summary>
/// A counter that moves whenever this process saves a change to an <see cref="ICachedReference"/> entity,
/// so caches keyed by it see the change at once. Another web node's change reaches them when
/// their short expiry runs out.
/// </summary>
public static class ReferenceData
{
    private static long _generation;

    public static long Generation => Interlocked.Read(ref _generation);

    public static void Changed() => Interlocked.Increment(ref _generation);
}
