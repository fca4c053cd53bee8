using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Pipeline;

namespace AgentPath.Tests.Pipeline;

/// <summary>The gate composite (SPEC R1.3, R2.2): weights, minimums, the pass mark 80 and retakes.</summary>
public class GateCompositeTests
{
    private static ScoredPart Part(GatePartKind kind, decimal weight, decimal? score, decimal? minimum = null) =>
        new(kind, weight, minimum, score, GateSourceNames.Entered, "ref");

    private static GateComposite Induction(decimal? written, decimal? recording, decimal? mock) => GateComposite.Compute(
    [
        Part(GatePartKind.WrittenTest, 40, written, 60),
        Part(GatePartKind.RecordingQa, 30, recording),
        Part(GatePartKind.MockCall, 30, mock, 60),
    ], 80);

    [Fact]
    public void The_composite_is_the_weighted_mean_of_the_parts()
    {
        // 0.4 × 90 + 0.3 × 80 + 0.3 × 70 = 36 + 24 + 21 = 81
        var c = Induction(90, 80, 70);
        Assert.Equal(81m, c.Score);
        Assert.True(c.Passed);
    }

    [Fact]
    public void Exactly_the_pass_mark_passes_and_just_under_fails()
    {
        Assert.True(Induction(80, 80, 80).Passed);
        var under = Induction(80, 80, 79.5m); // 79.85 → 79.9
        Assert.Equal(79.9m, under.Score);
        Assert.False(under.Passed);
    }

    [Fact]
    public void The_composite_rounds_half_away_from_zero_to_one_decimal()
    {
        // 0.4 × 83.25 + 0.3 × 80 + 0.3 × 80 = 33.3 + 48 = 81.3; 0.4 × 80.125 = 32.05 → 80.05 → 80.1
        Assert.Equal(80.1m, Induction(80.125m, 80, 80).Score);
    }

    [Fact]
    public void A_part_under_its_minimum_fails_the_gate_whatever_the_composite()
    {
        var c = Induction(55, 100, 100); // 22 + 30 + 30 = 82, but the written test is under 60
        Assert.Equal(82m, c.Score);
        Assert.False(c.Passed);
        Assert.Equal([GatePartKind.WrittenTest], c.BelowMinimum.Select(p => p.Kind));
    }

    [Fact]
    public void A_missing_part_fails_and_is_named()
    {
        var c = Induction(95, null, 95);
        Assert.False(c.Complete);
        Assert.False(c.Passed);
        Assert.Equal([GatePartKind.RecordingQa], c.Missing.Select(p => p.Kind));
    }

    [Fact]
    public void The_pass_mark_is_configurable_per_gate()
    {
        var parts = new[] { Part(GatePartKind.LeadAssessment, 100, 75) };
        Assert.False(GateComposite.Compute(parts, 80).Passed);
        Assert.True(GateComposite.Compute(parts, 75).Passed);
    }

    [Fact]
    public void A_failure_allows_a_retake_while_retakes_remain_then_only_elimination()
    {
        Assert.Equal([GateOutcome.Passed], GateComposite.AllowedOutcomes(passed: true, sitting: 2, retakesAllowed: 1));
        Assert.Equal([GateOutcome.Retake, GateOutcome.Eliminated], GateComposite.AllowedOutcomes(false, sitting: 1, retakesAllowed: 1));
        Assert.Equal([GateOutcome.Eliminated], GateComposite.AllowedOutcomes(false, sitting: 2, retakesAllowed: 1));
        Assert.Equal([GateOutcome.Eliminated], GateComposite.AllowedOutcomes(false, sitting: 1, retakesAllowed: 0));
        Assert.Equal([GateOutcome.Retake, GateOutcome.Eliminated], GateComposite.AllowedOutcomes(false, sitting: 2, retakesAllowed: 2));
        Assert.Equal([GateOutcome.Eliminated], GateComposite.AllowedOutcomes(false, sitting: 3, retakesAllowed: 2));
    }

    [Fact]
    public void Gate_weights_must_add_up_to_one_hundred()
    {
        var gate = new GateDefinition(Stage.Induction, "实习期培训考核", 80, 1);
        var ex = Assert.Throws<DomainException>(() => gate.SetParts([(GatePartKind.WrittenTest, 40m, null, null), (GatePartKind.MockCall, 50m, null, null)]));
        Assert.Equal("The weights of a gate's parts must be positive and add up to 100.", ex.Message);
        Assert.Throws<DomainException>(() => gate.SetParts([(GatePartKind.WrittenTest, 100m, 120m, null)]));
        Assert.Throws<DomainException>(() => new GateDefinition(Stage.Regular, "x", 80, 1));
        Assert.Throws<DomainException>(() => gate.Configure("x", 0, 1));
    }

    [Fact]
    public void A_result_must_agree_with_its_composite()
    {
        var gate = new GateDefinition(Stage.Induction, "实习期培训考核", 80, 1);
        var failed = Induction(50, 50, 50);
        var at = DateTimeOffset.UtcNow;
        Assert.Throws<DomainException>(() => new GateResult(1, gate, 1, failed, GateOutcome.Passed, null, null, new DateOnly(2026, 11, 1), at, 1, "刘洋"));
        Assert.Throws<DomainException>(() => new GateResult(1, gate, 1, Induction(90, 90, 90), GateOutcome.Retake, null, null, new DateOnly(2026, 11, 1), at, 1, "刘洋"));
        var ex = Assert.Throws<DomainException>(() => new GateResult(1, gate, 1, failed, GateOutcome.Eliminated, null, null, new DateOnly(2026, 11, 1), at, 1, "刘洋"));
        Assert.Equal("An elimination needs a reason.", ex.Message);
        var ok = new GateResult(1, gate, 2, failed, GateOutcome.Eliminated, StageReason.FailedGate, null, new DateOnly(2026, 11, 1), at, 1, "刘洋");
        Assert.True(ok.IsRetake);
        Assert.Equal(3, ok.Parts.Count);
        Assert.Equal(50m, ok.Composite);
    }
}
