using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentPath.Web.Features.Quality;

public enum SamplingPeriod
{
    Week,
    Month,
}

/// <summary>
/// 抽检方案 — how many calls per agent per period are drawn at random for QA, for one stage and
/// (optionally) one team. Seed defaults: apprentices 5 a week, probationers 3 a week, regulars 4 a
/// month. An agent with a critical finding since their last passing evaluation gets
/// <see cref="RaisedPerAgent"/> instead, until an evaluation passes again. A change applies to the next draw: each draw
/// keeps the quotas it was made with (<see cref="SamplingDraw.Quotas"/>); every change is audited (the plan's history shows it).
/// </summary>
public sealed class SamplingPlan : IAudited, IVersioned
{
    public const int NameMax = 100;

    /// <summary>Optimistic-concurrency token: of two edits of the same state the second is a 409, not a silent overwrite.</summary>
    public int RowVersion { get; private set; }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public Stage Stage { get; private set; }
    public int? TeamId { get; private set; }
    public Team? Team { get; private set; }
    public int PerAgent { get; private set; }
    public int RaisedPerAgent { get; private set; }
    public SamplingPeriod Period { get; private set; }
    public int ScorecardId { get; private set; }
    public Scorecard Scorecard { get; private set; } = null!;
    public bool Active { get; private set; }

    private SamplingPlan() { }

    public SamplingPlan(string name, Stage stage, int? teamId, int perAgent, int raisedPerAgent, SamplingPeriod period, Scorecard scorecard)
    {
        Scorecard = scorecard;
        Update(name, stage, teamId, perAgent, raisedPerAgent, period, scorecard.Id, true);
    }

    public void Update(string name, Stage stage, int? teamId, int perAgent, int raisedPerAgent, SamplingPeriod period, int scorecardId, bool active)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMax)
        {
            throw new DomainException("A sampling plan needs a name of at most 100 characters.");
        }

        if (stage is not (Stage.Apprenticeship or Stage.Probation or Stage.Regular))
        {
            throw new DomainException("Calls are sampled for apprentices, probationers and regular employees.");
        }

        if (perAgent is < 1 or > 50 || raisedPerAgent < perAgent || raisedPerAgent > 100)
        {
            throw new DomainException("Calls per agent are 1 to 50, and the raised rate is at least that (at most 100).");
        }

        Name = name.Trim();
        Stage = stage;
        TeamId = teamId;
        PerAgent = perAgent;
        RaisedPerAgent = raisedPerAgent;
        Period = period;
        ScorecardId = scorecardId;
        Active = active;
    }

    /// <summary>The period (in center time) that contains <paramref name="day"/>: Monday–Sunday, or the calendar month.</summary>
    public static (DateOnly From, DateOnly To) PeriodOf(SamplingPeriod period, DateOnly day)
    {
        if (period == SamplingPeriod.Month)
        {
            var first = new DateOnly(day.Year, day.Month, 1);
            return (first, first.AddMonths(1).AddDays(-1));
        }

        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return (monday, monday.AddDays(6));
    }
}

/// <summary>
/// One draw of a plan for one period: the random seed is stored with the eligible calls' count, so
/// anyone can run <see cref="Sampler.Draw"/> again on the same calls and get the same choice.
/// </summary>
public sealed class SamplingDraw : IAudited
{
    public int Id { get; private set; }
    public int PlanId { get; private set; }
    public SamplingPlan Plan { get; private set; } = null!;
    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }
    public long Seed { get; private set; }
    public int Eligible { get; private set; }
    public int Chosen { get; private set; }
    public string DrawnBy { get; private set; } = "";
    public DateTimeOffset DrawnAt { get; private set; }

    /// <summary>The eligible recording ids as drawn from, in order (JSON), so the draw can be re-run exactly.</summary>
    public string EligibleIds { get; private set; } = "[]";

    /// <summary>Calls wanted per agent (JSON object agentId → n), including raised rates.</summary>
    public string Quotas { get; private set; } = "{}";
    public List<SamplingAssignment> Assignments { get; private set; } = [];

    private SamplingDraw() { }

    public SamplingDraw(SamplingPlan plan, DateOnly from, DateOnly to, long seed, int eligible, string eligibleIds, string quotas, string by, DateTimeOffset at)
    {
        Plan = plan;
        PlanId = plan.Id;
        PeriodFrom = from;
        PeriodTo = to;
        Seed = seed;
        Eligible = eligible;
        EligibleIds = eligibleIds;
        Quotas = quotas;
        DrawnBy = by;
        DrawnAt = at;
    }

    public void Add(SamplingAssignment a)
    {
        Assignments.Add(a);
        Chosen = Assignments.Count;
    }
}

public enum AssignmentStatus
{
    Open,
    Done,
}

/// <summary>One drawn call, assigned to an inspector's queue.</summary>
public sealed class SamplingAssignment : IAudited
{
    public int Id { get; private set; }
    public int DrawId { get; private set; }
    public long RecordingId { get; private set; }
    public Recording Recording { get; private set; } = null!;
    public int EmployeeId { get; private set; }
    public int InspectorUserId { get; private set; }
    public AssignmentStatus Status { get; private set; }
    public int? EvaluationId { get; private set; }

    private SamplingAssignment() { }

    public SamplingAssignment(long recordingId, int employeeId, int inspectorUserId)
    {
        RecordingId = recordingId;
        EmployeeId = employeeId;
        InspectorUserId = inspectorUserId;
        Status = AssignmentStatus.Open;
    }

    public void Done(int evaluationId)
    {
        EvaluationId = evaluationId;
        Status = AssignmentStatus.Done;
    }
}

/// <summary>
/// The random draw, as a pure function. For each agent (in id order) it takes the agent's eligible
/// calls (in id order) and picks the quota by a partial Fisher–Yates shuffle driven by SplitMix64
/// from the stored seed — a generator written out here, so a draw made today can be re-run by any
/// later version of .NET and give the same calls. Every eligible call of an agent has the same
/// chance, quota / eligible.
/// </summary>
public static class Sampler
{
    public sealed record Candidate(long RecordingId, int EmployeeId);

    public static IReadOnlyList<Candidate> Draw(IEnumerable<Candidate> eligible, IReadOnlyDictionary<int, int> quotas, long seed)
    {
        var rng = new SplitMix64(seed);
        var chosen = new List<Candidate>();
        foreach (var group in eligible.GroupBy(c => c.EmployeeId).OrderBy(g => g.Key))
        {
            var calls = group.OrderBy(c => c.RecordingId).ToArray();
            var n = Math.Min(quotas.GetValueOrDefault(group.Key), calls.Length);
            for (var i = 0; i < n; i++)
            {
                var j = i + (int)rng.Below((ulong)(calls.Length - i));
                (calls[i], calls[j]) = (calls[j], calls[i]);
                chosen.Add(calls[i]);
            }
        }

        return chosen;
    }

    /// <summary>
    /// Inspectors for the chosen calls: each call goes to the inspector with the fewest open calls so
    /// far (their existing queue counts), ties to the lower user id — a balanced, reproducible split.
    /// </summary>
    public static IReadOnlyList<int> Balance(int calls, IReadOnlyDictionary<int, int> openWork)
    {
        if (openWork.Count == 0)
        {
            return [];
        }

        var load = openWork.ToDictionary(k => k.Key, k => k.Value);
        var result = new List<int>(calls);
        for (var i = 0; i < calls; i++)
        {
            var who = load.OrderBy(k => k.Value).ThenBy(k => k.Key).First().Key;
            result.Add(who);
            load[who]++;
        }

        return result;
    }

    /// <summary>SplitMix64 (Steele, Lea and Flood 2014): small, fast, and the same on every platform forever.</summary>
    public sealed class SplitMix64(long seed)
    {
        private ulong _state = unchecked((ulong)seed);

        public ulong Next()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        /// <summary>A uniform number in [0, n) without modulo bias (rejection of the short last bucket).</summary>
        public ulong Below(ulong n)
        {
            if (n == 0)
            {
                throw new ArgumentOutOfRangeException(nameof(n));
            }

            var limit = ulong.MaxValue - (ulong.MaxValue % n);
            ulong x;
            do
            {
                x = Next();
            }
            while (x >= limit);
            return x % n;
        }
    }
}

internal sealed class SamplingPlanConfiguration : IEntityTypeConfiguration<SamplingPlan>
{
    public void Configure(EntityTypeBuilder<SamplingPlan> b)
    {
        b.Property(x => x.Name).HasMaxLength(SamplingPlan.NameMax);
        b.Property(x => x.Stage).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Period).HasConversion<string>().HasMaxLength(8);
        b.HasOne(x => x.Team).WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Scorecard).WithMany().HasForeignKey(x => x.ScorecardId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SamplingDrawConfiguration : IEntityTypeConfiguration<SamplingDraw>
{
    public void Configure(EntityTypeBuilder<SamplingDraw> b)
    {
        b.Property(x => x.DrawnBy).HasMaxLength(256);
        b.HasOne(x => x.Plan).WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Assignments).WithOne().HasForeignKey(a => a.DrawId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.PlanId, x.PeriodFrom });
    }
}

internal sealed class SamplingAssignmentConfiguration : IEntityTypeConfiguration<SamplingAssignment>
{
    public void Configure(EntityTypeBuilder<SamplingAssignment> b)
    {
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(8);
        b.HasOne(x => x.Recording).WithMany().HasForeignKey(x => x.RecordingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Employee>().WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.InspectorUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.InspectorUserId, x.Status });
        b.HasIndex(x => x.RecordingId);
    }
}
