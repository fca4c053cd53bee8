using AgentPath.Web.Data;

namespace AgentPath.Web.Features.Assessments;

/// <summary>
/// Finishes attempts still open after their deadline and grace, with the answers saved by then
/// (Moodle's MDL-43733 finished them without). One node runs it at a time (a database lease).
/// </summary>
public sealed class DeadlineJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<DeadlineJob> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The deadline job failed; it runs again in {Interval}", Interval);
            }
        }
    }

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!await JobLease.TryAcquireAsync(db, "exam-deadlines", _holder, time.GetUtcNow(), Interval * 4, ct))
        {
            return 0;
        }

        var finished = await scope.ServiceProvider.GetRequiredService<ExamEngine>().FinishOverdueAsync(ct);
        if (finished > 0)
        {
            log.LogInformation("Finished {Count} attempt(s) at their deadline", finished);
        }

        return finished;
    }
}
