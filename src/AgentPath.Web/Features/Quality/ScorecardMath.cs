namespace AgentPath.Web.Features.Quality;

/// <summary>
/// The scorecard total, as a pure function (ARCHITECTURE: pure scoring functions are static and unit-tested).
/// <list type="bullet">
/// <item>An item's fraction: yes/no → 1 or 0; 0–N points → p/N; 1–5 → (v−1)/4. N/A leaves the item out.</item>
/// <item>A section's score: the weighted mean of its items' fractions; all N/A → the section is N/A.</item>
/// <item>The total: the weighted mean of the sections that are not N/A, × 100 — so N/A re-bases the total
///   instead of counting as full or zero marks.</item>
/// <item>A critical item scored at its lowest (no, 0 points, 1 of 5) zeroes its section, or the whole card (auto-fail).</item>
/// <item>Passed: not auto-failed and total ≥ the pass mark. A comment is required when the total is below the
///   comment threshold or the card auto-failed.</item>
/// </list>
/// </summary>
public static class ScorecardMath
{
    public sealed record Item(int Id, ItemScale Scale, int MaxPoints, decimal Weight, Critical Critical, bool AllowNa);

    public sealed record Section(int Id, decimal Weight, IReadOnlyList<Item> Items);

    public sealed record Card(IReadOnlyList<Section> Sections, decimal PassMark, decimal CommentBelow);

    /// <summary>One item's answer: a value on its scale, or N/A (<see cref="Value"/> null).</summary>
    public sealed record Answer(int ItemId, decimal? Value);

    public sealed record SectionResult(int SectionId, decimal? Score, bool ZeroedByCritical);

    public sealed record Result(decimal Total, bool Passed, bool AutoFailed, bool CommentRequired, IReadOnlyList<SectionResult> Sections, IReadOnlyList<int> FailedCriticalItems);

    /// <summary>Why a set of answers cannot be scored (a resource key and its arguments), or null.</summary>
    public static (string Message, object[] Args)? Check(Card card, IReadOnlyCollection<Answer> answers, bool complete = true)
    {
        var byId = answers.GroupBy(a => a.ItemId).ToDictionary(g => g.Key, g => g.Last());
        var items = card.Sections.SelectMany(s => s.Items).ToList();
        foreach (var a in byId.Keys.Where(id => items.All(i => i.Id != id)))
        {
            return ("Item {0} is not on this scorecard.", [a]);
        }

        foreach (var item in items)
        {
            if (!byId.TryGetValue(item.Id, out var a))
            {
                if (!complete)
                {
                    continue;
                }

                return ("Every item needs a score or N/A.", []);
            }

            if (a.Value is null)
            {
                if (!item.AllowNa)
                {
                    return ("Item {0} cannot be N/A.", [item.Id]);
                }

                continue;
            }

            var v = a.Value.Value;
            var ok = item.Scale switch
            {
                ItemScale.YesNo => v is 0 or 1,
                ItemScale.OneToFive => v is 1 or 2 or 3 or 4 or 5,
                _ => v >= 0 && v <= item.MaxPoints && v == decimal.Truncate(v * 2) / 2,
            };
            if (!ok)
            {
                return ("The score of item {0} is outside its scale.", [item.Id]);
            }
        }

        return null;
    }

    /// <summary>An item's fraction of full marks (0–1); null for N/A.</summary>
    public static decimal? Fraction(Item item, decimal? value) => value is not { } v
        ? null
        : item.Scale switch
        {
            ItemScale.YesNo => v >= 1 ? 1m : 0m,
            ItemScale.OneToFive => (Math.Clamp(v, 1, 5) - 1) / 4m,
            _ => Math.Clamp(v, 0, item.MaxPoints) / item.MaxPoints,
        };

    /// <summary>Scores answers that passed <see cref="Check"/>. Missing answers count as N/A.</summary>
    public static Result Total(Card card, IReadOnlyCollection<Answer> answers)
    {
        var byId = answers.GroupBy(a => a.ItemId).ToDictionary(g => g.Key, g => g.Last().Value);
        var sections = new List<SectionResult>();
        var failedCritical = new List<int>();
        var autoFail = false;
        decimal weighted = 0, weights = 0;
        foreach (var s in card.Sections)
        {
            decimal sum = 0, w = 0;
            var zeroed = false;
            foreach (var item in s.Items)
            {
                var f = Fraction(item, byId.GetValueOrDefault(item.Id));
                if (f is null)
                {
                    continue;
                }

                if (item.Critical != Critical.None && f == 0)
                {
                    failedCritical.Add(item.Id);
                    zeroed |= item.Critical == Critical.Section;
                    autoFail |= item.Critical == Critical.Card;
                }

                sum += item.Weight * f.Value;
                w += item.Weight;
            }

            decimal? score = w == 0 ? null : zeroed ? 0 : Math.Round(100 * sum / w, 2);
            sections.Add(new SectionResult(s.Id, score, zeroed));
            if (score is { } sc)
            {
                weighted += s.Weight * sc;
                weights += s.Weight;
            }
        }

        var total = autoFail || weights == 0 ? 0 : Math.Round(weighted / weights, 2);
        var passed = !autoFail && weights > 0 && total >= card.PassMark;
        return new Result(total, passed, autoFail, autoFail || total < card.CommentBelow, sections, failedCritical);
    }
}
