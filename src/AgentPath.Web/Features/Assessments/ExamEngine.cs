using System.Text.Json;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace AgentPath.Web.Features.Assessments;

public enum StartError
{
    None,
    NotFound,
    NotOpen,
    NoAttemptsLeft,
}

public enum SaveOutcome
{
    Saved,
    /// <summary>A save with a sequence number not higher than the stored one: ignored, answered 204 all the same.</summary>
    Older,
    NotFound,
    /// <summary>After the deadline and its grace, or the attempt is already submitted.</summary>
    Closed,
    /// <summary>The answer is not of the question's shape (<see cref="ExamEngine.SaveCheckedAsync"/> says which question type it was).</summary>
    BadResponse,
    /// <summary>The sequence number is not in 1..2^31−1.</summary>
    BadSeq,
}

/// <summary>
/// The exam engine: starts attempts, saves answers as they change, submits and grades. It knows
/// nothing of gates or plans; they use its results. The server's clock decides every deadline.
/// </summary>
public sealed class ExamEngine(AppDbContext db, TimeProvider time, IMemoryCache cache, ICurrentActor actor, WriteGate gate, AnswerWriter writer, ExamStatsJob statsJob)
{
    private sealed record AttemptMeta(int EmployeeId, DateTimeOffset Deadline, int GraceSeconds, Dictionary<int, (QuestionType Type, int[] OptionIds)> Items);

    /// <summary>Exams whose audience includes the person.</summary>
    public static IQueryable<Exam> For(IQueryable<Exam> exams, Employee e)
    {
        var team = e.TeamId ?? -1;
        var stage = e.Stage;
        return exams.Where(x => x.Audience.Any(a =>
            (a.Kind == AudienceKind.Person && a.RefId == e.Id) ||
            (a.Kind == AudienceKind.Team && a.RefId == team) ||
            (a.Kind == AudienceKind.Stage && a.Stage == stage)));
    }

    /// <summary>The people an exam is for.</summary>
    public static IQueryable<Employee> Audience(IQueryable<Employee> people, Exam exam)
    {
        var persons = exam.Audience.Where(a => a.Kind == AudienceKind.Person).Select(a => a.RefId ?? -1).ToList();
        var teams = exam.Audience.Where(a => a.Kind == AudienceKind.Team).Select(a => a.RefId ?? -1).ToList();
        var stages = exam.Audience.Where(a => a.Kind == AudienceKind.Stage && a.Stage != null).Select(a => a.Stage!.Value).ToList();
        return people.Where(e => persons.Contains(e.Id) || (e.TeamId != null && teams.Contains(e.TeamId.Value)) || stages.Contains(e.Stage));
    }

    /// <summary>What starting an attempt needs of an exam and its paper, cached for a few seconds per exam (an exam-day burst of starts reads it once, not once per agent).</summary>
    private sealed record PlanQuestion(int Id, QuestionType Type, int[] OptionIds);

    private sealed record ExamPlan(
        int ExamId, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int AttemptsAllowed, int DurationMinutes,
        bool ShuffleQuestions, bool ShuffleOptions, List<(PlanQuestion Q, decimal Points)> Fixed, List<(int[] Pool, int Count, decimal Points)> Draws,
        Dictionary<int, PlanQuestion> Questions)
    {
        public bool IsOpenAt(DateTimeOffset now) => now >= OpensAt && now < ClosesAt;
    }

    /// <summary>How long a start may use a cached exam plan: a changed window or paper reaches new attempts within this time.</summary>
    public static readonly TimeSpan PlanCacheTime = TimeSpan.FromSeconds(10);

    private Task<ExamPlan?> PlanAsync(int examId, CancellationToken ct) => cache.GetOrCreateAsync(("exam-plan", examId, ReferenceData.Generation), async entry =>
    {
        entry.AbsoluteExpirationRelativeToNow = PlanCacheTime;
        var exam = await db.Exams.AsNoTracking().Include(x => x.Paper).ThenInclude(p => p.Items).ThenInclude(i => i.Question)
            .Include(x => x.Paper).ThenInclude(p => p.DrawRules).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == examId, ct);
        if (exam is null)
        {
            return null;
        }

        static PlanQuestion Of(Question q) => new(q.Id, q.Type, q.Options.Select(o => o.Id).ToArray());
        var paper = exam.Paper;
        var fixedItems = new List<(PlanQuestion, decimal)>();
        var draws = new List<(int[], int, decimal)>();
        var questions = new Dictionary<int, PlanQuestion>();
        if (paper.Mode == PaperMode.Fixed)
        {
            // The current version of each question: a question edited after it was put on the paper shows its new version.
            var families = paper.Items.Select(i => i.Question.FamilyId).ToList();
            var current = await db.Questions.AsNoTracking().Where(q => families.Contains(q.FamilyId) && q.IsCurrent).ToDictionaryAsync(q => q.FamilyId, ct);
            foreach (var i in paper.Items.OrderBy(i => i.Order))
            {
                var q = Of(current.GetValueOrDefault(i.Question.FamilyId, i.Question));
                fixedItems.Add((q, i.Points));
                questions[q.Id] = q;
            }
        }
        else
        {
            foreach (var rule in paper.DrawRules)
            {
                var pool = db.Questions.AsNoTracking().Where(q => q.AreaId == rule.AreaId && q.IsCurrent && q.Status == QuestionStatus.Active);
                if (rule.Difficulty is { } d)
                {
                    pool = pool.Where(q => q.Difficulty == d);
                }

                var found = await pool.ToListAsync(ct);
                foreach (var q in found)
                {
                    questions[q.Id] = Of(q);
                }

                draws.Add((found.Select(q => q.Id).ToArray(), rule.Count, rule.PointsEach));
            }
        }

        return new ExamPlan(exam.Id, exam.OpensAt, exam.ClosesAt, exam.AttemptsAllowed, paper.DurationMinutes,
            paper.ShuffleQuestions, paper.ShuffleOptions, fixedItems, draws, questions);
    });

    public async Task<(Attempt? Attempt, bool Created, StartError Error)> StartAsync(int examId, Employee me, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        if (!await For(db.Exams, me).AnyAsync(x => x.Id == examId, ct) || await PlanAsync(examId, ct) is not { } plan)
        {
            return (null, false, StartError.NotFound);
        }

        var mine = await db.Attempts.Where(a => a.ExamId == examId && a.EmployeeId == me.Id)
            .Select(a => new { a.Id, a.Status }).ToListAsync(ct);
        if (mine.FirstOrDefault(a => a.Status == AttemptStatus.Open) is { } openOne)
        {
            return (await db.Attempts.FirstAsync(a => a.Id == openOne.Id, ct), false, StartError.None);
        }

        if (!plan.IsOpenAt(now))
        {
            return (null, false, StartError.NotOpen);
        }

        if (mine.Count >= plan.AttemptsAllowed)
        {
            return (null, false, StartError.NoAttemptsLeft);
        }

        var chosen = plan.Fixed.Count > 0 ? plan.Fixed : Draw(plan);
        var order = plan.ShuffleQuestions ? chosen.OrderBy(_ => Random.Shared.Next()).ToList() : chosen;
        var byDuration = now.AddMinutes(plan.DurationMinutes);
        var attempt = new Attempt(examId, me.Id, mine.Count + 1, now, byDuration < plan.ClosesAt ? byDuration : plan.ClosesAt);
        var n = 0;
        foreach (var (q, points) in order)
        {
            var ids = q.OptionIds;
            if (plan.ShuffleOptions && q.Type is QuestionType.Single or QuestionType.Multiple)
            {
                ids = ids.OrderBy(_ => Random.Shared.Next()).ToArray();
            }

            attempt.Items.Add(new AttemptItem(q.Id, ++n, points, ids));
        }

        db.Attempts.Add(attempt);
        using var writing = await gate.EnterAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same person started twice at once (a double tap): the other request won.
            db.ChangeTracker.Clear();
            var other = await db.Attempts.FirstOrDefaultAsync(a => a.ExamId == examId && a.EmployeeId == me.Id && a.Status == AttemptStatus.Open, ct);
            return other is null ? (null, false, StartError.NoAttemptsLeft) : (other, false, StartError.None);
        }

        await EnsureStatsAsync(examId, attempt.Items.Select(i => (i.QuestionId, i.Points, (IReadOnlyList<int>)plan.Questions[i.QuestionId].OptionIds)), ct);
        return (attempt, true, StartError.None);
    }

    private static List<(PlanQuestion Q, decimal Points)> Draw(ExamPlan plan)
    {
        var chosen = new List<(PlanQuestion, decimal)>();
        foreach (var (pool, count, points) in plan.Draws)
        {
            chosen.AddRange(pool.OrderBy(_ => Random.Shared.Next()).Take(count).Select(id => (plan.Questions[id], points)));
        }

        return chosen;
    }

    /// <summary>
    /// Creates the running-sum rows of the paper analysis for questions the exam has not shown yet.
    /// Which rows exist is remembered per exam, so a start of an exam already under way costs no query;
    /// concurrent starts may race to create a row, and the database keeps the first (ON CONFLICT DO NOTHING).
    /// </summary>
    public async Task EnsureStatsAsync(int examId, IEnumerable<(int QuestionId, decimal Points, IReadOnlyList<int> OptionIds)> items, CancellationToken ct)
    {
        var known = cache.GetOrCreate(("stats-rows", examId), e =>
        {
            e.SlidingExpiration = TimeSpan.FromHours(1);
            return new System.Collections.Concurrent.ConcurrentDictionary<int, bool>();
        })!;
        var missing = items.Where(i => !known.ContainsKey(i.QuestionId)).DistinctBy(i => i.QuestionId).OrderBy(i => i.QuestionId).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var ids = missing.Select(m => m.QuestionId).ToList();
        var have = await db.ExamQuestionStats.Where(s => s.ExamId == examId && ids.Contains(s.QuestionId)).Select(s => s.QuestionId).ToListAsync(ct);
        foreach (var (qid, points, options) in missing.Where(m => !have.Contains(m.QuestionId)))
        {
            var max = (double)points;
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "ExamQuestionStats" ("ExamId", "QuestionId", "MaxPoints", "N", "SumX", "SumX2", "SumY", "SumY2", "SumXY") VALUES ({examId}, {qid}, {max}, 0, 0, 0, 0, 0, 0) ON CONFLICT DO NOTHING""", ct);
            foreach (var optionId in options.Order())
            {
                await db.Database.ExecuteSqlAsync(
                    $"""INSERT INTO "ExamOptionStats" ("ExamId", "QuestionId", "OptionId", "Count") VALUES ({examId}, {qid}, {optionId}, 0) ON CONFLICT DO NOTHING""", ct);
            }
        }

        foreach (var m in missing)
        {
            known[m.QuestionId] = true;
        }
    }

    /// <summary>Saves one answer if its sequence number is newer than the stored one. One UPDATE on the hot path.</summary>
    public async Task<SaveOutcome> SaveAsync(long attemptId, int employeeId, int questionId, JsonElement response, long seq, CancellationToken ct = default) =>
        (await SaveCheckedAsync(attemptId, employeeId, questionId, response, seq, ct)).Outcome;

    /// <summary><see cref="SaveAsync"/>, with the question's type when the answer was not of its shape (for the message).</summary>
    public async Task<(SaveOutcome Outcome, QuestionType? Type)> SaveCheckedAsync(long attemptId, int employeeId, int questionId, JsonElement response, long seq, CancellationToken ct = default)
    {
        var meta = await cache.GetOrCreateAsync(("attempt", attemptId), async entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(30);
            var head = await db.Attempts.Where(a => a.Id == attemptId)
                .Select(a => new { a.EmployeeId, a.Deadline, a.Exam.GraceSeconds }).FirstOrDefaultAsync(ct);
            if (head is null)
            {
                return null;
            }

            // The shape of each question as shown in this attempt, so that an answer is checked without a query per save.
            var items = await db.AttemptItems.Where(i => i.AttemptId == attemptId)
                .Select(i => new { i.QuestionId, i.Question.Type, i.OptionOrder }).ToListAsync(ct);
            return new AttemptMeta(head.EmployeeId, head.Deadline, head.GraceSeconds, items.ToDictionary(i => i.QuestionId,
                i => (i.Type, i.OptionOrder.Length == 0 ? Array.Empty<int>() : i.OptionOrder.Split(',').Select(int.Parse).ToArray())));
        });
        if (meta is null || meta.EmployeeId != employeeId)
        {
            return (SaveOutcome.NotFound, null);
        }

        if (time.GetUtcNow() > meta.Deadline.AddSeconds(meta.GraceSeconds))
        {
            return (SaveOutcome.Closed, null);
        }

        if (!AnswerShape.IsValidSeq(seq))
        {
            return (SaveOutcome.BadSeq, null);
        }

        if (!meta.Items.TryGetValue(questionId, out var shape))
        {
            return (SaveOutcome.NotFound, null);
        }

        var json = AnswerShape.Canonical(shape.Type, shape.OptionIds, response);
        if (json is null)
        {
            // A submitted attempt takes nothing: say so before complaining about the answer's form.
            var open = await db.Attempts.AnyAsync(a => a.Id == attemptId && a.Status == AttemptStatus.Open, ct);
            return open ? (SaveOutcome.BadResponse, shape.Type) : (SaveOutcome.Closed, null);
        }

        var now = time.GetUtcNow();
        int updated;
        if (writer.Enabled)
        {
            // Not cancelled with the request: once queued, the save is written, and a resend finds it (same sequence number).
            updated = await writer.WriteAsync(attemptId, questionId, json, seq, now) ? 1 : 0;
        }
        else
        {
            updated = await WriteAnswerAsync(db, attemptId, questionId, json, seq, now, ct);
        }

        if (updated == 1)
        {
            return (SaveOutcome.Saved, null);
        }

        var state = await db.AttemptItems.Where(i => i.AttemptId == attemptId && i.QuestionId == questionId)
            .Select(i => new { i.Attempt.Status }).FirstOrDefaultAsync(ct);
        return (state is null ? SaveOutcome.NotFound : state.Status != AttemptStatus.Open ? SaveOutcome.Closed : SaveOutcome.Older, null);
    }

    /// <summary>The one UPDATE of a save: only if the stored sequence number is lower and the attempt is still open.</summary>
    public static Task<int> WriteAnswerAsync(AppDbContext db, long attemptId, int questionId, string json, long seq, DateTimeOffset now, CancellationToken ct) =>
        db.AttemptItems
            .Where(i => i.AttemptId == attemptId && i.QuestionId == questionId && i.Seq < seq && i.Attempt.Status == AttemptStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Response, json).SetProperty(i => i.Seq, seq).SetProperty(i => i.SavedAt, now), ct);

    /// <summary>
    /// Finishes an attempt with the answers saved so far and grades it. Idempotent: a second call,
    /// or a call on an attempt the deadline job already finished, returns the same result.
    /// </summary>
    public async Task<AttemptResult?> SubmitAsync(long attemptId, int? employeeId, bool atDeadline, CancellationToken ct = default)
    {
        var owner = await db.Attempts.Where(a => a.Id == attemptId).Select(a => (int?)a.EmployeeId).FirstOrDefaultAsync(ct);
        if (owner is null || (employeeId is not null && owner != employeeId))
        {
            return null;
        }

        var now = time.GetUtcNow();
        using (await gate.EnterAsync(ct))
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // The write comes first, so that SQLite takes its write lock before anything is read.
            var won = await db.Attempts.Where(a => a.Id == attemptId && a.Status == AttemptStatus.Open)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AttemptStatus.Submitted).SetProperty(a => a.SubmittedAt, now)
                    .SetProperty(a => a.FinishedAtDeadline, atDeadline), ct);
            if (won == 1)
            {
                await GradeAsync(attemptId, now, ct);
                await tx.CommitAsync(ct);
            }
        }

        cache.Remove(("attempt", attemptId));
        statsJob.Signal();
        return await CurrentResultAsync(attemptId, ct);
    }

    private sealed record GradingMeta(long Id, int ExamId, int EmployeeId, bool FinishedAtDeadline, string Title, ExamKind Kind, bool CountsForPoints, decimal PassPercent);

    /// <summary>One answer as grading sees it.</summary>
    private sealed record Scored(long ItemId, int QuestionId, string? Response, decimal? Score);

    /// <summary>Question keys by id, from memory (a key changes only by a saved edit or regrade, which moves the generation).</summary>
    private async Task<Dictionary<int, QuestionKey>> KeysAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var generation = ReferenceData.Generation;
        var keys = new Dictionary<int, QuestionKey>(ids.Count);
        var missing = new List<int>();
        foreach (var id in ids)
        {
            if (cache.TryGetValue(("question-key", id, generation), out QuestionKey? key) && key is not null)
            {
                keys[id] = key;
            }
            else
            {
                missing.Add(id);
            }
        }

        if (missing.Count > 0)
        {
            foreach (var q in await db.Questions.AsNoTracking().Where(q => missing.Contains(q.Id)).ToListAsync(ct))
            {
                keys[q.Id] = cache.Set(("question-key", q.Id, generation), q.Key, TimeSpan.FromMinutes(10));
            }
        }

        return keys;
    }

    private async Task GradeAsync(long attemptId, DateTimeOffset now, CancellationToken ct)
    {
        var attempt = await db.Attempts.Where(a => a.Id == attemptId).Select(a => new GradingMeta(a.Id, a.ExamId, a.EmployeeId, a.FinishedAtDeadline,
            a.Exam.Title, a.Exam.Kind, a.Exam.CountsForPoints, a.Exam.Paper.PassPercent)).SingleAsync(ct);
        var items = await db.AttemptItems.Where(i => i.AttemptId == attemptId).Select(i => new { i.Id, i.QuestionId, i.Points, i.Response }).ToListAsync(ct);
        var keys = await KeysAsync(items.Select(i => i.QuestionId).Distinct().ToList(), ct);
        var by = actor.UserName;
        var scored = new List<Scored>(items.Count);
        foreach (var item in items)
        {
            var fraction = Grader.Fraction(keys[item.QuestionId], item.Response);
            var score = fraction is { } f ? Grader.Points(f, item.Points) : (decimal?)null;
            scored.Add(new Scored(item.Id, item.QuestionId, item.Response, score));
            if (score is { } s)
            {
                db.ItemGrades.Add(new ItemGrade(item.Id, s, GradeSource.Auto, now, by));
            }
        }

        var total = scored.Sum(x => x.Score ?? 0);
        var max = items.Sum(i => i.Points);
        var provisional = scored.Any(x => x.Score is null);
        var passed = max > 0 && total * 100 / max >= attempt.PassPercent;
        var result = new AttemptResult(attemptId, total, max, passed, provisional, GradeSource.Auto, now, by,
            attempt.FinishedAtDeadline ? "Finished at the deadline" : null);
        db.AttemptResults.Add(result);
        if (!provisional && attempt.CountsForPoints)
        {
            await AwardPointsAsync(attempt, result, now, ct);
        }

        // The paper analysis takes the attempt in shortly after, in a batch (ExamStatsJob): the submit itself touches no shared row.
        db.PendingStats.Add(new PendingStat(attemptId, attempt.ExamId, now));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>One question's share of a batch of attempts in the running sums.</summary>
    private sealed class Delta
    {
        public int N;
        public double X, X2, Y, Y2, XY;

        public void Add(double x, double y)
        {
            N++;
            X += x;
            X2 += x * x;
            Y += y;
            Y2 += y * y;
            XY += x * y;
        }
    }

    /// <summary>On PostgreSQL, locks the exam's statistics rows in question order: every writer of the sums (fold, hand grade, rebuild) takes this lock first.</summary>
    private async Task LockStatsAsync(int examId, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "ExamQuestionStats" WHERE "ExamId" = {examId} ORDER BY "QuestionId" FOR UPDATE""", ct);
        }
    }

    /// <summary>
    /// Adds submitted attempts waiting in the queue to the running sums of their exams' paper analysis,
    /// up to <paramref name="limit"/> per exam, in one transaction: one UPDATE per hundred questions and
    /// one per two hundred options for the whole batch, however many attempts it holds.
    /// Returns how many attempts were added.
    /// </summary>
    public async Task<int> FoldPendingStatsAsync(int limit, CancellationToken ct = default)
    {
        using var writing = await gate.EnterAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var exams = await db.PendingStats.Select(p => p.ExamId).Distinct().OrderBy(e => e).Take(20).ToListAsync(ct);
        var folded = 0;
        foreach (var examId in exams)
        {
            await LockStatsAsync(examId, ct);
            var attemptIds = await db.PendingStats.Where(p => p.ExamId == examId).OrderBy(p => p.AttemptId).Select(p => p.AttemptId).Take(limit).ToListAsync(ct);
            if (attemptIds.Count == 0)
            {
                continue;
            }

            var items = await db.AttemptItems.Where(i => attemptIds.Contains(i.AttemptId))
                .Select(i => new { i.Id, i.AttemptId, i.QuestionId, i.Response }).ToListAsync(ct);
            var grades = (await (from g in db.ItemGrades
                                 join i in db.AttemptItems on g.AttemptItemId equals i.Id
                                 where attemptIds.Contains(i.AttemptId)
                                 select new { g.Id, g.AttemptItemId, g.Score }).ToListAsync(ct))
                .GroupBy(g => g.AttemptItemId).ToDictionary(g => g.Key, g => (double)g.MaxBy(x => x.Id)!.Score);
            var totals = items.GroupBy(i => i.AttemptId).ToDictionary(g => g.Key, g => g.Sum(i => grades.GetValueOrDefault(i.Id)));
            var questions = new Dictionary<int, Delta>();
            var options = new Dictionary<(int Q, int O), int>();
            foreach (var i in items)
            {
                if (!grades.TryGetValue(i.Id, out var x))
                {
                    continue; // not graded yet (a short answer): it joins when graded by hand
                }

                (questions.TryGetValue(i.QuestionId, out var d) ? d : questions[i.QuestionId] = new Delta()).Add(x, totals[i.AttemptId] - x);
                foreach (var o in ChosenOptions(i.Response).Distinct())
                {
                    options[(i.QuestionId, o)] = options.GetValueOrDefault((i.QuestionId, o)) + 1;
                }
            }

            await ApplyStatsAsync(examId, questions, options, ct);
            await db.PendingStats.Where(p => attemptIds.Contains(p.AttemptId)).ExecuteDeleteAsync(ct);
            folded += attemptIds.Count;
        }

        await tx.CommitAsync(ct);
        return folded;
    }

    /// <remarks>The SQL text holds only column names and {n} placeholders; every value is a parameter.</remarks>
#pragma warning disable EF1002, EF1003
    private async Task ApplyStatsAsync(int examId, Dictionary<int, Delta> questions, Dictionary<(int Q, int O), int> options, CancellationToken ct)
    {
        foreach (var chunk in questions.OrderBy(q => q.Key).Chunk(100))
        {
            var args = new List<object> { examId };
            string P(object value)
            {
                args.Add(value);
                return "{" + (args.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "}";
            }

            var qs = chunk.Select(c => (Q: P(c.Key), D: c.Value)).ToList();
            string Case(Func<Delta, object> value) => "CASE \"QuestionId\" " + string.Concat(qs.Select(q => $"WHEN {q.Q} THEN {P(value(q.D))} ")) + "END";
            var sql = "UPDATE \"ExamQuestionStats\" SET " +
                $"\"N\" = \"N\" + {Case(d => d.N)}, \"SumX\" = \"SumX\" + {Case(d => d.X)}, \"SumX2\" = \"SumX2\" + {Case(d => d.X2)}, " +
                $"\"SumY\" = \"SumY\" + {Case(d => d.Y)}, \"SumY2\" = \"SumY2\" + {Case(d => d.Y2)}, \"SumXY\" = \"SumXY\" + {Case(d => d.XY)} " +
                $"WHERE \"ExamId\" = {{0}} AND \"QuestionId\" IN ({string.Join(", ", qs.Select(q => q.Q))})";
            await db.Database.ExecuteSqlRawAsync(sql, args.ToArray());
        }

        foreach (var chunk in options.OrderBy(o => o.Key).Chunk(200))
        {
            var args = new List<object> { examId };
            string P(object value)
            {
                args.Add(value);
                return "{" + (args.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "}";
            }

            var cases = string.Concat(chunk.Select(c => $"WHEN \"QuestionId\" = {P(c.Key.Q)} AND \"OptionId\" = {P(c.Key.O)} THEN {P(c.Value)} "));
            var inList = string.Join(", ", chunk.Select(c => c.Key.Q).Distinct().Select(q => P(q)));
            var sql = $"UPDATE \"ExamOptionStats\" SET \"Count\" = \"Count\" + CASE {cases}ELSE 0 END WHERE \"ExamId\" = {{0}} AND \"QuestionId\" IN ({inList})";
            await db.Database.ExecuteSqlRawAsync(sql, args.ToArray());
        }
    }
#pragma warning restore EF1002, EF1003

    public static List<int> ChosenOptions(string? response)
    {
        if (string.IsNullOrEmpty(response))
        {
            return [];
        }

        var r = JsonDocument.Parse(response).RootElement;
        return r.ValueKind switch
        {
            JsonValueKind.Number => [r.GetInt32()],
            JsonValueKind.Array => r.EnumerateArray().Select(e => e.GetInt32()).ToList(),
            _ => [],
        };
    }

    /// <summary>Books the points the result earns (added to the context; the caller saves).</summary>
    private async Task AwardPointsAsync(GradingMeta attempt, AttemptResult result, DateTimeOffset now, CancellationToken ct)
    {
        var rules = await cache.GetOrCreateAsync(("points-rules", attempt.Kind, ReferenceData.Generation), async e =>
        {
            e.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return await db.PointsRules.AsNoTracking().Where(r => r.Kind == attempt.Kind && r.SupersededAt == null).OrderByDescending(r => r.MinPercent).ToListAsync(ct);
        });
        var points = PointsRule.For(rules!, result.Percent);
        if (points == 0)
        {
            return;
        }

        var month = CenterClock.ToCenter(now).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        db.PointsEntries.Add(new PointsEntry(attempt.EmployeeId, month, points, "ExamAttempt", attempt.Id,
            $"{attempt.Title}: {result.Percent}%", now, actor.UserName));
    }

    /// <summary>A grader scores a short answer; the attempt's total becomes a new result row beside the provisional one.</summary>
    public async Task<bool> GradeByHandAsync(long attemptItemId, decimal score, string? comment, CancellationToken ct = default)
    {
        var item = await db.AttemptItems.Include(i => i.Attempt).FirstOrDefaultAsync(i => i.Id == attemptItemId, ct);
        if (item is null || item.Attempt.Status != AttemptStatus.Submitted)
        {
            return false;
        }

        if (score < 0 || score > item.Points)
        {
            throw new DomainException("The score must be between 0 and the question's points.");
        }

        var now = time.GetUtcNow();
        using var writing = await gate.EnterAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var before = await LatestGradesAsync(item.AttemptId, ct);
        var previous = await db.ItemGrades.Where(g => g.AttemptItemId == attemptItemId).OrderByDescending(g => g.Id).FirstOrDefaultAsync(ct);
        db.ItemGrades.Add(new ItemGrade(attemptItemId, score, GradeSource.Manual, now, actor.UserName, comment, previous?.Id));
        await db.SaveChangesAsync(ct);
        var after = new Dictionary<int, decimal>(before) { [item.QuestionId] = score };
        await ShiftStatsAsync(item.AttemptId, item.Attempt.ExamId, before, after, ct);
        await RecomputeAsync(item.AttemptId, GradeSource.Manual, comment, now, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// After a question's key was corrected: re-scores every submitted attempt that showed it and keeps
    /// the original scores beside the new ones (who, when, why); points follow with correction entries;
    /// the paper analysis of each exam concerned is rebuilt. Returns how many attempts changed.
    /// </summary>
    public async Task<int> RegradeAsync(int questionId, string reason, CancellationToken ct = default)
    {
        var question = await db.Questions.AsNoTracking().SingleAsync(q => q.Id == questionId, ct);
        var now = time.GetUtcNow();
        using var writing = await gate.EnterAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var items = await db.AttemptItems.Where(i => i.QuestionId == questionId && i.Attempt.Status == AttemptStatus.Submitted)
            .Select(i => new { i.Id, i.AttemptId, i.Response, i.Points, i.Attempt.ExamId }).ToListAsync(ct);
        var itemIds = items.Select(i => i.Id).ToList();
        var latest = (await db.ItemGrades.Where(g => itemIds.Contains(g.AttemptItemId)).ToListAsync(ct))
            .GroupBy(g => g.AttemptItemId).ToDictionary(g => g.Key, g => g.MaxBy(x => x.Id)!);
        var changedAttempts = new HashSet<long>();
        foreach (var i in items)
        {
            if (Grader.Fraction(question.Key, i.Response) is not { } f)
            {
                continue;
            }

            var score = Grader.Points(f, i.Points);
            var before = latest.GetValueOrDefault(i.Id);
            if (before is not null && before.Score == score)
            {
                continue;
            }

            db.ItemGrades.Add(new ItemGrade(i.Id, score, GradeSource.Regrade, now, actor.UserName, reason, before?.Id));
            changedAttempts.Add(i.AttemptId);
        }

        await db.SaveChangesAsync(ct);
        foreach (var attemptId in changedAttempts)
        {
            await RecomputeAsync(attemptId, GradeSource.Regrade, reason, now, ct);
        }

        foreach (var examId in items.Select(i => i.ExamId).Distinct())
        {
            await RebuildStatsAsync(examId, ct);
        }

        await tx.CommitAsync(ct);
        return changedAttempts.Count;
    }

    /// <summary>A new result row from the latest grade of each answer, superseding the current one; points follow.</summary>
    /// <summary>The latest score of each graded question of an attempt, by question.</summary>
    private async Task<Dictionary<int, decimal>> LatestGradesAsync(long attemptId, CancellationToken ct) =>
        (await (from g in db.ItemGrades
                join i in db.AttemptItems on g.AttemptItemId equals i.Id
                where i.AttemptId == attemptId
                select new { g.Id, i.QuestionId, g.Score }).ToListAsync(ct))
        .GroupBy(x => x.QuestionId).ToDictionary(g => g.Key, g => g.MaxBy(x => x.Id)!.Score);

    /// <summary>
    /// Moves one attempt's share of the running sums from its old grades to its new ones: a hand-graded
    /// short answer joins the analysis, and the "rest of the attempt" of every other question grows with it.
    /// </summary>
    private async Task ShiftStatsAsync(long attemptId, int examId, Dictionary<int, decimal> before, Dictionary<int, decimal> after, CancellationToken ct)
    {
        await LockStatsAsync(examId, ct);
        if (await db.PendingStats.AnyAsync(p => p.AttemptId == attemptId, ct))
        {
            return; // not in the sums yet: the fold will take its latest grades
        }

        var questions = before.Keys.Union(after.Keys).ToList();
        var stats = await db.ExamQuestionStats.Where(s => s.ExamId == examId && questions.Contains(s.QuestionId)).ToDictionaryAsync(s => s.QuestionId, ct);
        double oldTotal = (double)before.Values.Sum(), newTotal = (double)after.Values.Sum();
        foreach (var q in questions)
        {
            if (!stats.TryGetValue(q, out var stat))
            {
                continue;
            }

            if (before.TryGetValue(q, out var o))
            {
                stat.Remove((double)o, oldTotal - (double)o);
            }

            if (after.TryGetValue(q, out var n))
            {
                stat.Add((double)n, newTotal - (double)n);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task RecomputeAsync(long attemptId, GradeSource source, string? reason, DateTimeOffset now, CancellationToken ct)
    {
        var attempt = await db.Attempts.Include(a => a.Exam).ThenInclude(e => e.Paper).Include(a => a.Items).ThenInclude(i => i.Question)
            .AsSplitQuery().SingleAsync(a => a.Id == attemptId, ct);
        var ids = attempt.Items.Select(i => i.Id).ToList();
        var grades = (await db.ItemGrades.Where(g => ids.Contains(g.AttemptItemId)).ToListAsync(ct))
            .GroupBy(g => g.AttemptItemId).ToDictionary(g => g.Key, g => g.MaxBy(x => x.Id)!.Score);
        var total = grades.Values.Sum();
        var max = attempt.Items.Sum(i => i.Points);
        var provisional = attempt.Items.Any(i => !grades.ContainsKey(i.Id));
        var passed = max > 0 && total * 100 / max >= attempt.Exam.Paper.PassPercent;
        var current = await CurrentResultAsync(attemptId, ct);
        var result = new AttemptResult(attemptId, total, max, passed, provisional, source, now, actor.UserName, reason, current?.Id);
        db.AttemptResults.Add(result);
        await db.SaveChangesAsync(ct);
        if (provisional || !attempt.Exam.CountsForPoints)
        {
            return;
        }

        // Points: the difference between what the new score earns and what was already booked, as a correction naming the first entry.
        // The attempt is priced under the tiers in force when it was submitted: a later change of the rules does not re-price it.
        var at = attempt.SubmittedAt ?? now;
        var rules = await db.PointsRules.Where(r => r.Kind == attempt.Exam.Kind && (r.ChangedAt == null || r.ChangedAt <= at) && (r.SupersededAt == null || r.SupersededAt > at))
            .OrderByDescending(r => r.MinPercent).ToListAsync(ct);
        var booked = await db.PointsEntries.Where(p => p.SourceType == "ExamAttempt" && p.SourceId == attemptId).ToListAsync(ct);
        var due = PointsRule.For(rules, result.Percent) - booked.Sum(p => p.Points);
        if (due != 0)
        {
            var month = CenterClock.ToCenter(now).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            db.PointsEntries.Add(new PointsEntry(attempt.EmployeeId, booked.FirstOrDefault()?.Month ?? month, due, "ExamAttempt", attemptId,
                $"{attempt.Exam.Title}: {result.Percent}%" + (reason is null ? "" : $" ({reason})"), now, actor.UserName, booked.FirstOrDefault()?.Id));
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Rebuilds an exam's running sums from the latest grade of every answer (after a regrade).</summary>
    /// <summary>Recomputes an exam's sums from every graded answer (after a key correction); attempts waiting in the queue are taken in too.</summary>
    private async Task RebuildStatsAsync(int examId, CancellationToken ct)
    {
        await LockStatsAsync(examId, ct);
        var rows = await (from i in db.AttemptItems
                          where i.Attempt.ExamId == examId && i.Attempt.Status == AttemptStatus.Submitted
                          select new { i.Id, i.AttemptId, i.QuestionId, i.Response }).ToListAsync(ct);
        var grades = (await (from g in db.ItemGrades
                             join i in db.AttemptItems on g.AttemptItemId equals i.Id
                             where i.Attempt.ExamId == examId
                             select new { g.Id, g.AttemptItemId, g.Score }).ToListAsync(ct))
            .GroupBy(g => g.AttemptItemId).ToDictionary(g => g.Key, g => g.MaxBy(x => x.Id)!.Score);
        var totals = rows.GroupBy(r => r.AttemptId).ToDictionary(g => g.Key, g => g.Sum(r => grades.GetValueOrDefault(r.Id)));
        var stats = await db.ExamQuestionStats.Where(s => s.ExamId == examId).ToListAsync(ct);
        foreach (var s in stats)
        {
            var xs = rows.Where(r => r.QuestionId == s.QuestionId && grades.ContainsKey(r.Id))
                .Select(r => ((double)grades[r.Id], (double)(totals[r.AttemptId] - grades[r.Id]))).ToList();
            s.Reset(xs);
        }

        var chosen = rows.Where(r => grades.ContainsKey(r.Id)).SelectMany(r => ChosenOptions(r.Response).Distinct().Select(o => (r.QuestionId, o)))
            .GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        foreach (var o in await db.ExamOptionStats.Where(o => o.ExamId == examId).ToListAsync(ct))
        {
            o.Reset(chosen.GetValueOrDefault((o.QuestionId, o.OptionId)));
        }

        await db.SaveChangesAsync(ct);
        await db.PendingStats.Where(p => p.ExamId == examId).ExecuteDeleteAsync(ct);
    }

    /// <summary>The attempt's current result: the newest row that no later row supersedes.</summary>
    public Task<AttemptResult?> CurrentResultAsync(long attemptId, CancellationToken ct = default) =>
        db.AttemptResults.AsNoTracking().Where(r => r.AttemptId == attemptId).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);

    /// <summary>Finishes every open attempt whose deadline and grace have passed, with its saved answers. Returns how many.</summary>
    public async Task<int> FinishOverdueAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var candidates = await db.Attempts.Where(a => a.Status == AttemptStatus.Open && a.Deadline < now)
            .Select(a => new { a.Id, a.Deadline, a.Exam.GraceSeconds }).ToListAsync(ct);
        var done = 0;
        foreach (var a in candidates.Where(a => a.Deadline.AddSeconds(a.GraceSeconds) < now))
        {
            if (await SubmitAsync(a.Id, null, atDeadline: true, ct) is not null)
            {
                done++;
            }
        }

        return done;
    }
}
