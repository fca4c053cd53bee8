using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using HdrHistogram;

namespace AgentPath.Bench;

/// <summary>Latencies of one step (HdrHistogram, microseconds, 3 significant digits) with its successes, errors by kind and time window.</summary>
public sealed class StepStats(string name)
{
    private const long MaxMicros = 3_600_000_000L;
    private readonly LongHistogram _histogram = new(1, MaxMicros, 3);
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private long _ok;
    private long _maxMicros;
    private long _first = long.MaxValue;
    private long _last = long.MinValue;

    public string Name { get; } = name;

    public long Ok => Interlocked.Read(ref _ok);

    public long Errors => _errors.Values.Sum();

    /// <summary>Errors by kind: an HTTP status ("409") or what went wrong ("timeout", "connection").</summary>
    public IReadOnlyDictionary<string, int> ErrorKinds => _errors;

    /// <summary>From the first due time to the last completion, in stopwatch ticks.</summary>
    public long WindowTicks => _last > _first ? _last - _first : 0;

    public void RecordOk(long dueTicks, long doneTicks)
    {
        var micros = Math.Clamp(Clock.Micros(doneTicks - dueTicks), 1, MaxMicros);
        lock (_lock)
        {
            _histogram.RecordValue(micros);
            _ok++;
            _maxMicros = Math.Max(_maxMicros, micros);
            Widen(dueTicks, doneTicks);
        }
    }

    public void RecordError(string kind, long dueTicks, long doneTicks)
    {
        _errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
        lock (_lock)
        {
            Widen(dueTicks, doneTicks);
        }
    }

    private void Widen(long due, long done)
    {
        _first = Math.Min(_first, due);
        _last = Math.Max(_last, done);
    }

    /// <summary>Milliseconds at a percentile (0 when nothing was recorded).</summary>
    public double Ms(double percentile)
    {
        lock (_lock)
        {
            return _ok == 0 ? 0 : _histogram.GetValueAtPercentile(percentile) / 1000.0;
        }
    }

    public double MaxMs
    {
        get
        {
            lock (_lock)
            {
                return _maxMicros / 1000.0;
            }
        }
    }

    /// <summary>Successes per second over the step's window.</summary>
    public double PerSecond => WindowTicks == 0 ? 0 : Ok / Clock.Seconds(WindowTicks);

    public string ErrorText => _errors.IsEmpty ? "0" : $"{Errors} (" + string.Join(", ", _errors.OrderByDescending(e => e.Value).Select(e => $"{e.Value}× {e.Key}")) + ")";
}

/// <summary>Completions per time bucket of a phase (saves: count and p99/max), for the report's timeline.</summary>
public sealed class Timeline(long originTicks, double bucketSeconds)
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<int, Bucket> _buckets = [];

    public double BucketSeconds { get; } = bucketSeconds;

    private sealed class Bucket
    {
        public readonly LongHistogram Saves = new(1, 3_600_000_000L, 2);
        public readonly LongHistogram Starts = new(1, 3_600_000_000L, 2);
        public int Submits;
        public int Errors;
        public int Threads;
        public long Queue;
        public long Rss;
    }

    private Bucket At(long ticks)
    {
        var index = (int)Math.Max(0, Clock.Seconds(ticks - originTicks) / BucketSeconds);
        if (!_buckets.TryGetValue(index, out var b))
        {
            _buckets[index] = b = new Bucket();
        }

        return b;
    }

    public void Record(string step, long doneTicks, long latencyTicks, bool ok)
    {
        lock (_lock)
        {
            var b = At(doneTicks);
            if (!ok)
            {
                b.Errors++;
                return;
            }

            switch (step)
            {
                case "save":
                    b.Saves.RecordValue(Math.Clamp(Clock.Micros(latencyTicks), 1, 3_600_000_000L));
                    break;
                case "start":
                    b.Starts.RecordValue(Math.Clamp(Clock.Micros(latencyTicks), 1, 3_600_000_000L));
                    break;
                case "submit":
                    b.Submits++;
                    break;
            }
        }
    }

    /// <summary>A sample of the process: thread-pool threads, queued work items, resident set.</summary>
    public void Sample()
    {
        var now = Clock.Now;
        if (now < originTicks)
        {
            return;
        }

        var threads = ThreadPool.ThreadCount;
        var queue = ThreadPool.PendingWorkItemCount;
        var rss = Environment.WorkingSet;
        lock (_lock)
        {
            var b = At(now);
            b.Threads = Math.Max(b.Threads, threads);
            b.Queue = Math.Max(b.Queue, queue);
            b.Rss = Math.Max(b.Rss, rss);
        }
    }

    public ReportTable ToTable()
    {
        var t = new ReportTable("from s", "starts", "start p99 ms", "saves", "saves/s", "save p50 ms", "save p99 ms", "save max ms", "submits", "errors",
            "pool threads", "queued items", "RSS");
        lock (_lock)
        {
            foreach (var (i, b) in _buckets)
            {
                var n = b.Saves.TotalCount;
                var s = b.Starts.TotalCount;
                t.Add(Report.Number(i * BucketSeconds), Report.Number(s), s == 0 ? "-" : Report.Number(b.Starts.GetValueAtPercentile(99) / 1000.0, "N0"),
                    Report.Number(n), Report.Number(n / BucketSeconds),
                    n == 0 ? "-" : Report.Number(b.Saves.GetValueAtPercentile(50) / 1000.0, "N1"),
                    n == 0 ? "-" : Report.Number(b.Saves.GetValueAtPercentile(99) / 1000.0, "N1"),
                    n == 0 ? "-" : Report.Number(b.Saves.GetMaxValue() / 1000.0, "N1"),
                    Report.Number(b.Submits), Report.Number(b.Errors), b.Threads == 0 ? "-" : Report.Number(b.Threads),
                    b.Threads == 0 ? "-" : Report.Number(b.Queue), b.Rss == 0 ? "-" : Report.MiB(b.Rss));
            }
        }

        return t;
    }
}

public static class Clock
{
    public static long Now => Stopwatch.GetTimestamp();

    public static long Ticks(TimeSpan t) => (long)(t.TotalSeconds * Stopwatch.Frequency);

    public static long Micros(long ticks) => ticks * 1_000_000 / Stopwatch.Frequency;

    public static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;
}

/// <summary>Every answer save sent: acknowledged (204) or not. Checked against the database after the run.</summary>
public sealed record SaveRecord(long AttemptId, int QuestionId, long Seq, string Response, bool Acked);

/// <summary>
/// The simulated agents. One <see cref="HttpClient"/> (SocketsHttpHandler, HTTP/1.1, up to <c>connections</c>
/// connections to the server) shared by all agents; each request carries its agent's bearer token. Every latency is
/// measured from when the request was due, not from when it was sent, so waiting for a connection, for the thread
/// pool or for a timer counts (no coordinated omission).
/// </summary>
public sealed class ExamDayDriver : IDisposable
{
    /// <summary>Answer saves of one agent in flight at once, across questions (exam.js PARALLEL); one per question.</summary>
    public const int PerAgentParallel = 4;

    private static readonly MediaTypeHeaderValue JsonType = new("application/json");
    private readonly HttpClient _http;

    public ExamDayDriver(Uri baseAddress, int connections, TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        _http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = timeout };
    }

    /// <summary>Timer lateness: how late the driver woke up for a request that was due (the process's own CPU backlog).</summary>
    public StepStats TimerLag { get; private set; } = new("timer lag");

    public readonly record struct Reply(int Status, byte[]? Body, string? Error)
    {
        public string Kind => Error ?? Status.ToString(CultureInfo.InvariantCulture);
    }

    public async Task<Reply> SendAsync(HttpMethod method, string url, string? token, byte[]? body)
    {
        try
        {
            using var request = new HttpRequestMessage(method, url);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = JsonType;
            }
            else if (method == HttpMethod.Post)
            {
                request.Content = new ByteArrayContent([]);
            }

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            return new Reply((int)response.StatusCode, bytes, null);
        }
        catch (TaskCanceledException)
        {
            return new Reply(0, null, "timeout");
        }
        catch (HttpRequestException e)
        {
            return new Reply(0, null, "connection " + e.HttpRequestError);
        }
    }

    public void ResetTimerLag() => TimerLag = new StepStats("timer lag");

    /// <summary>Waits until <paramref name="due"/> (stopwatch ticks) and records how late the wake-up was.</summary>
    public async Task UntilAsync(long due)
    {
        var wait = due - Clock.Now;
        if (wait <= 0)
        {
            return;
        }

        await Task.Delay(TimeSpan.FromSeconds(Clock.Seconds(wait)));
        TimerLag.RecordOk(due, Clock.Now);
    }

    public static byte[] AnswerBody(PlannedSave s) => Encoding.UTF8.GetBytes($"{{\"response\":{s.Response},\"seq\":{s.Seq.ToString(CultureInfo.InvariantCulture)}}}");

    public static string AppAnswerUrl(long attemptId, int questionId) =>
        string.Create(CultureInfo.InvariantCulture, $"/api/v1/attempts/{attemptId}/answers/{questionId}");

    public static string FloorAnswerUrl(long attemptId, int questionId) =>
        string.Create(CultureInfo.InvariantCulture, $"/floor/attempts/{attemptId}/answers/{questionId}");

    /// <summary>Steps of one exam-day phase.</summary>
    public sealed class DaySteps(Timeline? timeline)
    {
        public StepStats Start { get; } = new("start");
        public StepStats Load { get; } = new("load");
        public StepStats Save { get; } = new("save");
        public StepStats Submit { get; } = new("submit");
        public Timeline? Timeline { get; } = timeline;
        public ConcurrentQueue<SaveRecord> Saves { get; } = new();

        /// <summary>Exam-day attempt per agent index (0 when the start failed).</summary>
        public long[] Attempts { get; set; } = [];

        public IEnumerable<StepStats> All => [Start, Load, Save, Submit];

        public void Record(StepStats step, long due, long done, bool ok, string kind)
        {
            if (ok)
            {
                step.RecordOk(due, done);
            }
            else
            {
                step.RecordError(kind, due, done);
            }

            Timeline?.Record(step.Name, done, done - due, ok);
        }
    }

    /// <summary>
    /// The exam day: each agent, at its scheduled time, starts an attempt (POST, due at the scheduled time), loads it
    /// (GET, due when the start answered), saves its planned answers one every <paramref name="interval"/> counted from
    /// when the attempt loaded (open loop: each save is sent when due, up to <see cref="PerAgentParallel"/> in flight and
    /// one per question, as the exam page does), then submits once every save is answered (due one interval after the last
    /// save was due). Saves and submits not answered with 204/200 are errors and are not retried.
    /// </summary>
    public async Task RunDayAsync(IReadOnlyList<BenchAgent> agents, int examId, long[] startDue, int saves, TimeSpan interval, DaySteps steps)
    {
        steps.Attempts = new long[agents.Count];
        var step = Clock.Ticks(interval);
        await Task.WhenAll(agents.Select(a => AgentAsync(a)));

        async Task AgentAsync(BenchAgent a)
        {
            await Task.Yield();
            var due = startDue[a.Index];
            await UntilAsync(due);
            var r = await SendAsync(HttpMethod.Post, string.Create(CultureInfo.InvariantCulture, $"/api/v1/exams/{examId}/attempts"), a.Token, null);
            var done = Clock.Now;
            steps.Record(steps.Start, due, done, r.Status is 200 or 201, r.Kind);
            if (r.Status is not (200 or 201))
            {
                return;
            }

            var (attemptId, questions) = ParseAttempt(r.Body!);
            steps.Attempts[a.Index] = attemptId;

            due = done;
            r = await SendAsync(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"/api/v1/attempts/{attemptId}"), a.Token, null);
            done = Clock.Now;
            steps.Record(steps.Load, due, done, r.Status == 200, r.Kind);
            if (r.Status != 200)
            {
                return;
            }

            var plan = ExamDayData.Plan(questions, saves, new Random(a.Index * 7919 + examId));
            var anchor = done;
            await SavesAsync(a, attemptId, plan, anchor, step, AppAnswerUrl, steps);

            due = anchor + (step * (plan.Count + 1));
            await UntilAsync(due);
            r = await SendAsync(HttpMethod.Post, string.Create(CultureInfo.InvariantCulture, $"/api/v1/attempts/{attemptId}/submit"), a.Token, null);
            steps.Record(steps.Submit, due, Clock.Now, r.Status == 200, r.Kind);
        }
    }

    /// <summary>The same saves as the exam day, with the same schedule, to the floor endpoint (no start, load or submit).</summary>
    public async Task RunFloorPacedAsync(IReadOnlyList<BenchAgent> agents, Func<BenchAgent, long> attemptOf, Func<BenchAgent, List<PlannedSave>> planOf,
        long[] startDue, TimeSpan interval, DaySteps steps)
    {
        var step = Clock.Ticks(interval);
        await Task.WhenAll(agents.Select(async a =>
        {
            await Task.Yield();
            await UntilAsync(startDue[a.Index]);
            await SavesAsync(a, attemptOf(a), planOf(a), startDue[a.Index], step, FloorAnswerUrl, steps);
        }));
    }

    private async Task SavesAsync(BenchAgent a, long attemptId, List<PlannedSave> plan, long anchor, long step, Func<long, int, string> url, DaySteps steps)
    {
        var last = new Dictionary<int, Task>();
        using var slots = new SemaphoreSlim(PerAgentParallel);
        var sends = new Task[plan.Count];
        for (var k = 0; k < plan.Count; k++)
        {
            var save = plan[k];
            var due = anchor + (step * (k + 1));
            await UntilAsync(due);
            var previous = last.GetValueOrDefault(save.QuestionId) ?? Task.CompletedTask;
            sends[k] = last[save.QuestionId] = SaveAsync(save, due, previous);
        }

        await Task.WhenAll(sends);

        async Task SaveAsync(PlannedSave save, long due, Task previous)
        {
            await previous;
            await slots.WaitAsync();
            try
            {
                var r = await SendAsync(HttpMethod.Put, url(attemptId, save.QuestionId), a.Token, AnswerBody(save));
                var ok = r.Status == 204;
                steps.Record(steps.Save, due, Clock.Now, ok, r.Kind);
                steps.Saves.Enqueue(new SaveRecord(attemptId, save.QuestionId, save.Seq, save.Response, ok));
            }
            finally
            {
                slots.Release();
            }
        }
    }

    /// <summary>
    /// Capacity: <paramref name="workers"/> closed-loop senders save as fast as the server answers (each sends its next
    /// save when the previous one is answered), through the saves of every agent round-robin (agent 0's first save,
    /// agent 1's first save, …), so no two saves of one attempt are in flight together. Latency from send.
    /// </summary>
    public async Task<TimeSpan> RunCapacityAsync(IReadOnlyList<BenchAgent> agents, Func<BenchAgent, long> attemptOf, IReadOnlyList<List<PlannedSave>> plans,
        int total, int workers, Func<long, int, string> url, StepStats stats, ConcurrentQueue<SaveRecord> log)
    {
        var next = -1L;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            await Task.Yield();
            long i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                var a = agents[(int)(i % agents.Count)];
                var plan = plans[a.Index];
                var k = (int)(i / agents.Count);
                var save = plan[k % plan.Count];
                if (k >= plan.Count)
                {
                    save = save with { Seq = save.Seq + (1000L * (k / plan.Count)) }; // more saves than planned: go round again with newer seqs
                }

                var attemptId = attemptOf(a);
                var sent = Clock.Now;
                var r = await SendAsync(HttpMethod.Put, url(attemptId, save.QuestionId), a.Token, AnswerBody(save));
                var ok = r.Status == 204;
                if (ok)
                {
                    stats.RecordOk(sent, Clock.Now);
                }
                else
                {
                    stats.RecordError(r.Kind, sent, Clock.Now);
                }

                log.Enqueue(new SaveRecord(attemptId, save.QuestionId, save.Seq, save.Response, ok));
            }
        }));
        return sw.Elapsed;
    }

    /// <summary>The attempt id and its questions (id, type, option ids as shown) from the start endpoint's answer.</summary>
    public static (long Id, List<QuestionInfo> Questions) ParseAttempt(byte[] body)
    {
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        var questions = root.GetProperty("questions").EnumerateArray().Select(q => new QuestionInfo(
            q.GetProperty("id").GetInt32(),
            q.GetProperty("type").GetString() ?? "",
            q.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetInt32()).ToArray())).ToList();
        return (root.GetProperty("id").GetInt64(), questions);
    }

    public void Dispose() => _http.Dispose();
}
