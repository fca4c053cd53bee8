using AgentPath.Web.Data;
using AgentPath.Web.Features.Notifications;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Coaching;

/// <summary>
/// The 30-day limit of the apprenticeship (R3.4) as reminders: on day 20, day 25 and day 30 of an
/// apprenticeship the apprentice's team lead and the supervisors of their department get a
/// notification that the stage gate is due. Each reminder goes once per person and apprenticeship:
/// a reminder already posted since the apprenticeship began is not posted again, so restarts and
/// several nodes (one holds the lease) do not repeat it. A node that was down posts only the latest
/// reminder reached, not all three at once.
/// </summary>
public sealed class ApprenticeshipAlertJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<ApprenticeshipAlertJob> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);

    /// <summary>The days of the apprenticeship that post a reminder, with their message.</summary>
    public static readonly IReadOnlyList<(int Day, string Message)> Reminders =
    [
        (20, "{0} ({1}) is on day 20 of the 30-day apprenticeship: the stage gate is due by {2}."),
        (25, "{0} ({1}) is on day 25 of the 30-day apprenticeship: the stage gate is due by {2}."),
        (ApprenticeshipLimit.MaxDays, "{0} ({1}) has reached day 30, the last day of the apprenticeship: the stage gate is due now ({2})."),
    ];

    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly SemaphoreSlim _one = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The apprenticeship reminder job failed; it runs again in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Posts the reminders due now; returns how many notifications it posted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        // One run at a time in this process (the timer and a caller); the lease covers other nodes.
        await _one.WaitAsync(ct);
        try
        {
            return await RunAsync(ct);
        }
        finally
        {
            _one.Release();
        }
    }

    private async Task<int> RunAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow();
        if (!await JobLease.TryAcquireAsync(db, "apprenticeship-reminders", _holder, now, Interval * 2, ct))
        {
            return 0;
        }

        var today = CenterClock.DateOf(now);
        var from = today.AddDays(-(Reminders[0].Day - 1));
        var apprentices = await db.Employees.AsNoTracking().Include(e => e.Team)
            .Where(e => e.Stage == Stage.Apprenticeship && (e.StageSince ?? e.HireDate) <= from)
            .ToListAsync(ct);
        if (apprentices.Count == 0)
        {
            return 0;
        }

        var supervisors = await (from ur in db.UserRoles
                                 join r in db.Roles on ur.RoleId equals r.Id
                                 join u in db.Users on ur.UserId equals u.Id
                                 join e in db.Employees on u.EmployeeId equals e.Id
                                 where r.Name == Roles.Supervisor
                                 select new { u.Id, e.DepartmentId }).ToListAsync(ct);
        var leadEmployees = apprentices.Where(a => a.Team?.LeadEmployeeId is not null).Select(a => a.Team!.LeadEmployeeId!.Value).Distinct().ToList();
        var leadUsers = await db.Users.Where(u => u.EmployeeId != null && leadEmployees.Contains(u.EmployeeId.Value))
            .Select(u => new { u.Id, EmployeeId = u.EmployeeId!.Value }).ToListAsync(ct);

        // The reminders already posted to anyone about these apprentices, in one query (not one per apprentice).
        static string LinkOf(Employee a) => $"/coaching/{a.Id}";
        var links = apprentices.Select(LinkOf).ToList();
        var keys = Reminders.Select(r => r.Message).ToList();
        var earliest = CenterClock.StartOf(apprentices.Min(a => a.StageStart));
        var already = (await db.Notifications.Where(n => n.Link != null && links.Contains(n.Link) && keys.Contains(n.MessageKey) && n.CreatedAt >= earliest)
            .Select(n => new { n.UserId, n.Link, n.MessageKey, n.CreatedAt }).ToListAsync(ct))
            .ToLookup(n => (n.Link, n.MessageKey));

        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        var posted = 0;
        foreach (var a in apprentices)
        {
            var day = ApprenticeshipLimit.DayOf(a.StageStart, today);
            var reminder = Reminders.LastOrDefault(r => day >= r.Day);
            if (reminder.Message is null)
            {
                continue;
            }

            var recipients = leadUsers.Where(u => u.EmployeeId == a.Team?.LeadEmployeeId).Select(u => u.Id)
                .Concat(supervisors.Where(s => s.DepartmentId == a.DepartmentId).Select(s => s.Id))
                .Distinct().ToList();
            var link = LinkOf(a);
            var since = CenterClock.StartOf(a.StageStart);
            var sent = already[(link, reminder.Message)].Where(n => n.CreatedAt >= since).Select(n => n.UserId);
            var deadline = ApprenticeshipLimit.Deadline(a.StageStart).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            foreach (var user in recipients.Except(sent))
            {
                notifier.Post(user, reminder.Message, [a.Name, a.EmployeeNumber, deadline], link);
                posted++;
            }
        }

        if (posted > 0)
        {
            await db.SaveChangesAsync(ct);
            log.LogInformation("Posted {Count} apprenticeship reminder(s)", posted);
        }

        return posted;
    }
}
