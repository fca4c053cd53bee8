namespace AgentPath.Web.Features.Assessments;

/// <summary>
/// Adds submitted attempts to their exam's paper analysis in batches, moments after they are
/// submitted (a submit signals it; a slow poll catches attempts submitted on another web node or
/// left by a restart). A submit then touches no row shared with other agents: on exam day hundreds
/// of submits in the same second no longer queue behind each other's locks on the analysis rows.
/// </summary>
public sealed class ExamStatsJob(IServiceScopeFactory scopes, ILogger<ExamStatsJob> log) : BackgroundService
{
    /// <summary>How long the job waits after a signal, so that one batch takes the submits of that moment.</summary>
    public static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(200);

    /// <summary>How often it looks without a signal.</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(10);

    public const int BatchSize = 500;

    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>An attempt was submitted: fold soon.</summary>
    public void Signal()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // already signalled
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await _signal.WaitAsync(Poll, stoppingToken))
                {
                    await Task.Delay(Gather, stoppingToken);
                }

                while (await RunOnceAsync(stoppingToken) > 0)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Adding submitted attempts to the paper analysis failed; it is tried again in {Poll}", Poll);
            }
        }
    }

    /// <summary>Folds one batch per exam; returns how many attempts it added (0 = nothing waiting).</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await _one.WaitAsync(ct);
        try
        {
            using var scope = scopes.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<ExamEngine>().FoldPendingStatsAsync(BatchSize, ct);
        }
        finally
        {
            _one.Release();
        }
    }
}
