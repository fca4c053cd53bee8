using AgentPath.Web.Features.Quality;
using static AgentPath.Web.Features.Quality.ScorecardMath;

namespace AgentPath.Tests.Quality;

/// <summary>The scorecard total: weights, N/A re-basing, critical items, the comment threshold.</summary>
public sealed class ScorecardMathTests
{
    // Section 1 (weight 60): item 1 yes/no (weight 1), item 2 0–4 points (weight 3).
    // Section 2 (weight 40): item 3 1–5 (weight 1, N/A allowed), item 4 yes/no critical for the card.
    // Section 3 (weight 20): item 5 yes/no critical for its section, item 6 1–5 (N/A allowed).
    private static readonly Card Card = new(
    [
        new Section(1, 60, [new Item(1, ItemScale.YesNo, 1, 1, Critical.None, false), new Item(2, ItemScale.Points, 4, 3, Critical.None, false)]),
        new Section(2, 40, [new Item(3, ItemScale.OneToFive, 5, 1, Critical.None, true), new Item(4, ItemScale.YesNo, 1, 1, Critical.Card, false)]),
        new Section(3, 20, [new Item(5, ItemScale.YesNo, 1, 1, Critical.Section, false), new Item(6, ItemScale.OneToFive, 5, 1, Critical.None, true)]),
    ], PassMark: 80, CommentBelow: 70);

    private static Answer[] All(decimal? i3 = 5, decimal i4 = 1, decimal i5 = 1, decimal? i6 = 5, decimal i1 = 1, decimal i2 = 4) =>
        [new(1, i1), new(2, i2), new(3, i3), new(4, i4), new(5, i5), new(6, i6)];

    [Fact]
    public void Full_marks_make_100_and_pass()
    {
        var r = Total(Card, All());
        Assert.Equal(100m, r.Total);
        Assert.True(r.Passed);
        Assert.False(r.CommentRequired);
    }

    [Fact]
    public void Items_and_sections_are_weighted()
    {
        // Section 1: (1×1 + 3×2/4)/4 = 62.5; section 2: (1×(4−1)/4 + 1×1)/2 = 87.5; section 3: 100.
        // Total: (60×62.5 + 40×87.5 + 20×100)/120 = 77.08.
        var r = Total(Card, All(i2: 2, i3: 4));
        Assert.Equal(62.5m, r.Sections[0].Score);
        Assert.Equal(87.5m, r.Sections[1].Score);
        Assert.Equal(100m, r.Sections[2].Score);
        Assert.Equal(77.08m, r.Total);
        Assert.False(r.Passed);
        Assert.False(r.CommentRequired);
    }

    [Fact]
    public void NA_leaves_an_item_out_and_rebases_instead_of_counting_as_zero_or_full()
    {
        // Item 3 N/A: section 2 is item 4 alone = 100. Section 1 at 62.5 → (60×62.5 + 40×100 + 20×100)/120 = 81.25.
        var r = Total(Card, All(i2: 2, i3: null));
        Assert.Equal(100m, r.Sections[1].Score);
        Assert.Equal(81.25m, r.Total);
        Assert.True(r.Passed);
    }

    [Fact]
    public void A_section_whose_items_are_all_NA_is_left_out_of_the_total()
    {
        var card = new Card([new Section(1, 50, [new Item(1, ItemScale.YesNo, 1, 1, Critical.None, false)]), new Section(2, 50, [new Item(2, ItemScale.OneToFive, 5, 1, Critical.None, true)])], 80, 70);
        var r = Total(card, [new Answer(1, 1), new Answer(2, null)]);
        Assert.Null(r.Sections[1].Score);
        Assert.Equal(100m, r.Total);
    }

    [Fact]
    public void A_failed_card_critical_item_zeroes_the_whole_card_and_requires_a_comment()
    {
        var r = Total(Card, All(i4: 0));
        Assert.True(r.AutoFailed);
        Assert.Equal(0m, r.Total);
        Assert.False(r.Passed);
        Assert.True(r.CommentRequired);
        Assert.Equal([4], r.FailedCriticalItems);
    }

    [Fact]
    public void A_failed_section_critical_item_zeroes_only_its_section()
    {
        // Section 3 → 0: (60×100 + 40×100 + 20×0)/120 = 83.33, still a pass.
        var r = Total(Card, All(i5: 0));
        Assert.False(r.AutoFailed);
        Assert.Equal(0m, r.Sections[2].Score);
        Assert.True(r.Sections[2].ZeroedByCritical);
        Assert.Equal(83.33m, r.Total);
        Assert.True(r.Passed);
    }

    [Fact]
    public void Below_the_threshold_a_comment_is_required()
    {
        // Section 1: item 1 no, item 2 at 0 → 0; (0 + 40×100 + 20×100)/120 = 50.
        var r = Total(Card, All(i1: 0, i2: 0));
        Assert.Equal(50m, r.Total);
        Assert.True(r.CommentRequired);
    }

    [Fact]
    public void Answers_outside_the_scale_missing_or_NA_where_not_allowed_are_refused()
    {
        Assert.Null(Check(Card, All()));
        Assert.NotNull(Check(Card, All(i2: 5)));
        Assert.NotNull(Check(Card, All(i3: 0)));
        Assert.NotNull(Check(Card, All().Take(5).ToArray()));
        Assert.Null(Check(Card, All().Take(5).ToArray(), complete: false));
        Assert.NotNull(Check(Card, [.. All().Where(a => a.ItemId != 1), new Answer(1, null)]));
        Assert.NotNull(Check(Card, [.. All(), new Answer(99, 1)]));
    }
}
