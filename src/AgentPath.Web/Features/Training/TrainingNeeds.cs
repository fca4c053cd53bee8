using AgentPath.Web.Data;

namespace AgentPath.Web.Features.Training;

/// <summary>
/// Raises training needs and retraining tasks for higher floors (Quality today; Plans reads the
/// needs). It only adds to the context: the caller saves with its own changes, in one transaction.
/// </summary>
public sealed class TrainingNeeds(AppDbContext db, TimeProvider time)
{
    public TrainingNeed RaiseNeed(string title, DateOnly forMonth, string audience, int? teamId, int headcount, string details, string source, string? sourceRef, string by)
    {
        var need = new TrainingNeed(title, forMonth, audience, teamId, headcount, details, source, sourceRef, by, time.GetUtcNow());
        db.TrainingNeeds.Add(need);
        return need;
    }

    public RetrainingTask AssignRetraining(int employeeId, string topic, string? focusKey, string note, int ownerUserId, string ownerName, DateOnly dueOn,
        string source, string? sourceRef, decimal? baseline, string by)
    {
        var now = time.GetUtcNow();
        var today = CenterClock.DateOf(now);
        var task = new RetrainingTask(employeeId, topic, focusKey, note, ownerUserId, ownerName, dueOn, today, source, sourceRef, baseline, by, now);
        db.RetrainingTasks.Add(task);
        return task;
    }
}

public static class TrainingNeedsSetup
{
    public static IServiceCollection AddTrainingNeeds(this IServiceCollection services) => services.AddScoped<TrainingNeeds>();
}
