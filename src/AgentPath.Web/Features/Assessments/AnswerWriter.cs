using System.Threading.Channels;
using AgentPath.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Assessments;

/// <summary>
/// Group commit for answer saves on SQLite. SQLite has one writer, and with <c>synchronous=FULL</c>
/// every commit waits for the disk; an exam-day burst of saves, each in its own transaction, queues
/// behind that wait. The writer takes every save waiting at that moment, writes them in one
/// transaction (each with its own sequence-number check, in arrival order), commits once, and only
/// then answers each request: an acknowledged save is on disk, and one flush serves hundreds of saves.
/// On PostgreSQL saves run concurrently on their own connections and do not come here.
/// </summary>
public sealed class AnswerWriter(IServiceScopeFactory scopes, DatabaseOptions options, WriteGate gate, ILogger<AnswerWriter> log) : BackgroundService
{
    /// <summary>The most saves one transaction takes.</summary>
    public const int MaxBatch = 512;

    private sealed record Save(long AttemptId, int QuestionId, string Json, long Seq, DateTimeOffset At, TaskCompletionSource<bool> Done);

    private readonly Channel<Save> _queue = Channel.CreateUnbounded<Save>(new UnboundedChannelOptions { SingleReader = true });

    public bool Enabled { get; } = options.Provider == DatabaseProvider.Sqlite;

    /// <summary>Queues one save and completes when it is committed: true if it was written, false if the stored one is newer or the attempt is closed.</summary>
    public Task<bool> WriteAsync(long attemptId, int questionId, string json, long seq, DateTimeOffset at)
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(new Save(attemptId, questionId, json, seq, at, done)))
        {
            done.SetException(new InvalidOperationException("The answer writer has stopped."));
        }

        return done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Save>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var save))
                {
                    batch.Add(save);
                }

                await WriteBatchAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // Saves still queued at shutdown were never acknowledged: fail them so the browser resends them.
            _queue.Writer.TryComplete();
            foreach (var save in batch)
            {
                save.Done.TrySetCanceled(CancellationToken.None);
            }

            while (_queue.Reader.TryRead(out var left))
            {
                left.Done.TrySetCanceled(CancellationToken.None);
            }
        }
    }

    private async Task WriteBatchAsync(List<Save> batch, CancellationToken ct)
    {
        try
        {
            var results = await TryWriteAsync(batch, ct);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(results[i]);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // One bad save must not fail the others: write them one by one, each in its own transaction.
            log.LogWarning(e, "A batch of {Count} answer saves failed; writing them one by one", batch.Count);
            foreach (var save in batch)
            {
                try
                {
                    save.Done.TrySetResult((await TryWriteAsync([save], ct))[0]);
                }
                catch (Exception one)
                {
                    save.Done.TrySetException(one);
                }
            }
        }
    }

    private async Task<bool[]> TryWriteAsync(List<Save> batch, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var results = new bool[batch.Count];
        using (await gate.EnterAsync(ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            for (var i = 0; i < batch.Count; i++)
            {
                var s = batch[i];
                results[i] = await ExamEngine.WriteAnswerAsync(db, s.AttemptId, s.QuestionId, s.Json, s.Seq, s.At, ct) == 1;
            }

            await tx.CommitAsync(ct);
        }

        return results;
    }
}
