using AgentPath.Web.Features.Quality;

namespace AgentPath.Tests.Quality;

/// <summary>The random draw: reproducible from its seed, and fair — every eligible call of an agent has the same chance.</summary>
public sealed class SamplerTests
{
    private static List<Sampler.Candidate> Calls(int agents, int perAgent) =>
        Enumerable.Range(0, agents).SelectMany(a => Enumerable.Range(0, perAgent).Select(k => new Sampler.Candidate((a * 1000) + k + 1, a + 1))).ToList();

    [Fact]
    public void The_same_seed_gives_the_same_draw_whatever_the_order_the_calls_come_in()
    {
        var calls = Calls(20, 30);
        var quotas = Enumerable.Range(1, 20).ToDictionary(a => a, a => a % 3 == 0 ? 8 : 4);
        var first = Sampler.Draw(calls, quotas, 123456789).Select(c => c.RecordingId).ToList();
        var again = Sampler.Draw(calls.AsEnumerable().Reverse(), quotas, 123456789).Select(c => c.RecordingId).ToList();
        Assert.Equal(first, again);
        Assert.NotEqual(first, Sampler.Draw(calls, quotas, 987654321).Select(c => c.RecordingId).ToList());
        Assert.Equal(20 * 4 + 6 * 4, first.Count);
        Assert.Equal(first.Count, first.Distinct().Count());
    }

    [Fact]
    public void An_agent_with_fewer_calls_than_the_quota_has_all_of_them_drawn()
    {
        var calls = Calls(1, 3);
        Assert.Equal(3, Sampler.Draw(calls, new Dictionary<int, int> { [1] = 5 }, 1).Count);
    }

    [Fact]
    public void Every_eligible_call_has_the_same_chance_chi_square()
    {
        // 10 calls, 3 drawn per period, 20,000 seeds: each call is expected 6,000 times. With 9 degrees of
        // freedom the chi-square statistic exceeds 27.88 with probability 0.001; a biased draw (modulo bias,
        // a shuffle that favours the first calls) lands far above it.
        const int calls = 10, quota = 3, runs = 20_000;
        var counts = new int[calls];
        var candidates = Enumerable.Range(1, calls).Select(i => new Sampler.Candidate(i, 7)).ToList();
        var quotas = new Dictionary<int, int> { [7] = quota };
        for (var seed = 0; seed < runs; seed++)
        {
            foreach (var c in Sampler.Draw(candidates, quotas, seed * 7919L))
            {
                counts[c.RecordingId - 1]++;
            }
        }

        var expected = (double)runs * quota / calls;
        var chi = counts.Sum(c => (c - expected) * (c - expected) / expected);
        Assert.True(chi < 27.88, $"chi-square {chi:0.00} over {string.Join(",", counts)}");
    }

    [Fact]
    public void Inspectors_are_balanced_counting_their_open_work()
    {
        var who = Sampler.Balance(10, new Dictionary<int, int> { [1] = 4, [2] = 0, [3] = 1 });
        var load = who.GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1, load.GetValueOrDefault(1));
        Assert.Equal(5, load[2]);
        Assert.Equal(4, load[3]);
    }

    [Fact]
    public void Periods_are_Monday_to_Sunday_or_the_calendar_month()
    {
        Assert.Equal((new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 29)), SamplingPlan.PeriodOf(SamplingPeriod.Week, new DateOnly(2026, 11, 27)));
        Assert.Equal((new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 29)), SamplingPlan.PeriodOf(SamplingPeriod.Week, new DateOnly(2026, 11, 29)));
        Assert.Equal((new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)), SamplingPlan.PeriodOf(SamplingPeriod.Month, new DateOnly(2026, 2, 14)));
    }
}
