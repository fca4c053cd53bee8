namespace AgentPath.Web.Data;

/// <summary>
/// SQLite lets one writer in at a time, and Microsoft.Data.Sqlite waits for the lock by blocking a
/// thread. Under a burst (hundreds of agents starting an exam in the same second) the blocked
/// threads starve the thread pool, and the writer that holds the lock cannot finish. The gate
/// queues writers asynchronously instead, one at a time, so no thread blocks. On PostgreSQL it
/// does nothing. Not re-entrant: enter it once, at the top of a unit of work.
/// </summary>
public sealed class WriteGate(DatabaseOptions options)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly bool _enabled = options.Provider == DatabaseProvider.Sqlite;

    public async ValueTask<IDisposable> EnterAsync(CancellationToken ct = default)
    {
        if (!_enabled)
        {
            return Nothing.Instance;
        }

        await _gate.WaitAsync(ct);
        return new Release(_gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                gate.Release();
            }
        }
    }

    private sealed class Nothing : IDisposable
    {
        public static readonly Nothing Instance = new();

        public void Dispose()
        {
        }
    }
}
