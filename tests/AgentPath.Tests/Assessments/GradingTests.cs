using System.Text.Json;
using AgentPath.Web.Features.Assessments;

namespace AgentPath.Tests.Assessments;

/// <summary>Grading of each question type, the partial-credit rules and fill-in normalisation.</summary>
public class GradingTests
{
    private static readonly QuestionKey Single = new(QuestionType.Single, [new(1, "A", 1), new(2, "B", 0), new(3, "C", 0)], [], MultipleScoring.Partial);

    private static QuestionKey Multiple(MultipleScoring rule) =>
        new(QuestionType.Multiple, [new(1, "A", 0.5m), new(2, "B", 0.5m), new(3, "C", -0.5m), new(4, "D", -0.5m)], [], rule);

    private static string J(object v) => JsonSerializer.Serialize(v);

    [Fact]
    public void Single_choice_scores_the_chosen_options_fraction()
    {
        Assert.Equal(1m, Grader.Fraction(Single, J(1)));
        Assert.Equal(0m, Grader.Fraction(Single, J(2)));
        Assert.Equal(0m, Grader.Fraction(Single, J(99)));
        Assert.Equal(0m, Grader.Fraction(Single, null));
        Assert.Equal(0m, Grader.Fraction(Single, "null"));
        Assert.Equal(0m, Grader.Fraction(Single, J("1")));
    }

    [Fact]
    public void True_false_is_graded_like_a_single_choice()
    {
        var tf = new QuestionKey(QuestionType.TrueFalse, [new(1, "True", 0), new(2, "False", 1)], [], MultipleScoring.Partial);
        Assert.Equal(1m, Grader.Fraction(tf, J(2)));
        Assert.Equal(0m, Grader.Fraction(tf, J(1)));
    }

    [Theory]
    [InlineData(MultipleScoring.Partial, new[] { 1, 2 }, 1.0)]
    [InlineData(MultipleScoring.Partial, new[] { 1 }, 0.5)]
    [InlineData(MultipleScoring.Partial, new[] { 1, 3 }, 0.0)]
    [InlineData(MultipleScoring.Partial, new[] { 1, 2, 3 }, 0.5)]
    [InlineData(MultipleScoring.Partial, new[] { 3, 4 }, 0.0)]
    [InlineData(MultipleScoring.AllOrNothing, new[] { 1, 2 }, 1.0)]
    [InlineData(MultipleScoring.AllOrNothing, new[] { 1 }, 0.0)]
    [InlineData(MultipleScoring.AllOrNothing, new[] { 1, 2, 3 }, 0.0)]
    [InlineData(MultipleScoring.RightMinusWrong, new[] { 1, 2 }, 1.0)]
    [InlineData(MultipleScoring.RightMinusWrong, new[] { 1 }, 0.5)]
    [InlineData(MultipleScoring.RightMinusWrong, new[] { 1, 2, 3 }, 0.5)]
    [InlineData(MultipleScoring.RightMinusWrong, new[] { 1, 3, 4 }, 0.0)]
    [InlineData(MultipleScoring.RightMinusWrong, new int[0], 0.0)]
    public void Multiple_choice_gives_credit_by_its_rule(MultipleScoring rule, int[] chosen, double expected) =>
        Assert.Equal((decimal)expected, Grader.Fraction(Multiple(rule), J(chosen)));

    [Theory]
    [InlineData("24", true)]
    [InlineData("２４", true)]
    [InlineData("  24 ", true)]
    [InlineData("twenty-four", true)]
    [InlineData("ＴＷＥＮＴＹ－ＦＯＵＲ", true)]
    [InlineData("生活  愉快", false)]
    [InlineData("生活愉快", true)]
    [InlineData("25", false)]
    [InlineData("", false)]
    public void Fill_in_ignores_case_width_and_surrounding_space(string typed, bool right)
    {
        var key = new QuestionKey(QuestionType.FillIn, [], ["24", "Twenty-Four", "生活愉快"], MultipleScoring.Partial);
        Assert.Equal(right ? 1m : 0m, Grader.Fraction(key, J(typed)));
    }

    [Fact]
    public void Short_answers_wait_for_a_grader() =>
        Assert.Null(Grader.Fraction(new QuestionKey(QuestionType.Short, [], [], MultipleScoring.Partial), J("我会深呼吸")));

    [Fact]
    public void Points_are_rounded_to_two_decimals() => Assert.Equal(1.67m, Grader.Points(1m / 3, 5));
}

/// <summary>Moodle's item statistics from running sums, against a worked example computed by hand.</summary>
public class ItemStatisticsTests
{
    // Five candidates; item worth 2 points. x = item score, y = rest-of-test score.
    //   x: 2, 2, 1, 0, 0    y: 8, 6, 5, 3, 2
    // mean x = 1.0 → facility 1.0 / 2 = 50 %.
    // Sxx = Σx² − (Σx)²/n = 9 − 25/5 = 4;  Syy = Σy² − (Σy)²/n = 138 − 576/5 = 22.8;  Sxy = Σxy − ΣxΣy/n = 33 − 5·24/5 = 9
    // r = 9 / √(4 · 22.8) = 9 / √91.2 = 9 / 9.54987 = 0.942421 → discrimination index 94.242 %.
    // sample SD of x = √(4/4) = 1 → 50 % of the maximum.
    private static readonly (double X, double Y)[] Worked = [(2, 8), (2, 6), (1, 5), (0, 3), (0, 2)];

    [Fact]
    public void Facility_discrimination_and_deviation_match_the_worked_example()
    {
        int n = Worked.Length;
        double sx = Worked.Sum(p => p.X), sx2 = Worked.Sum(p => p.X * p.X), sy = Worked.Sum(p => p.Y), sy2 = Worked.Sum(p => p.Y * p.Y), sxy = Worked.Sum(p => p.X * p.Y);
        Assert.Equal(5, sx);
        Assert.Equal(138, sy2);
        Assert.Equal(33, sxy);
        Assert.Equal(50.0, ItemStatistics.Facility(n, sx, 2)!.Value, 6);
        Assert.Equal(94.242, ItemStatistics.Discrimination(n, sx, sx2, sy, sy2, sxy)!.Value, 3);
        Assert.Equal(50.0, ItemStatistics.StandardDeviation(n, sx, sx2, 2)!.Value, 6);
    }

    [Fact]
    public void An_item_everyone_gets_right_has_no_discrimination_and_is_too_easy()
    {
        Assert.Null(ItemStatistics.Discrimination(3, 3, 3, 10, 40, 10));
        Assert.Equal(["Too easy"], ItemStatistics.Flags(ItemStatistics.Facility(3, 3, 1), null));
    }

    [Fact]
    public void A_question_the_strong_get_wrong_is_flagged_negative()
    {
        var pairs = new[] { (0.0, 9.0), (0.0, 8.0), (1.0, 2.0), (1.0, 1.0) };
        var d = ItemStatistics.Discrimination(4, pairs.Sum(p => p.Item1), pairs.Sum(p => p.Item1 * p.Item1), pairs.Sum(p => p.Item2),
            pairs.Sum(p => p.Item2 * p.Item2), pairs.Sum(p => p.Item1 * p.Item2));
        Assert.True(d < 0);
        Assert.Contains("Negative discrimination", ItemStatistics.Flags(50, d));
        Assert.Contains("Too hard", ItemStatistics.Flags(10, 30));
    }

    [Fact]
    public void Nothing_is_computed_before_two_answers()
    {
        Assert.Null(ItemStatistics.Facility(0, 0, 5));
        Assert.Null(ItemStatistics.Discrimination(1, 1, 1, 1, 1, 1));
    }
}

public class PointsRuleTests
{
    private static readonly PointsRule[] Tiers =
    [
        new(ExamKind.MonthlyBusiness, 95, 100, 2), new(ExamKind.MonthlyBusiness, 90, 95, 1), new(ExamKind.MonthlyBusiness, 0, 60, -2),
    ];

    [Theory]
    [InlineData(100, 2)]
    [InlineData(95, 2)]
    [InlineData(94.9, 1)]
    [InlineData(90, 1)]
    [InlineData(75, 0)]
    [InlineData(60, 0)]
    [InlineData(59.9, -2)]
    [InlineData(0, -2)]
    public void A_score_earns_the_points_of_its_tier(double percent, int points) =>
        Assert.Equal(points, PointsRule.For(Tiers, (decimal)percent));
}
