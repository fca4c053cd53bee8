namespace AgentPath.Web.Features.Plans;

public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>The columns of the plan's table a revision can change.</summary>
public enum PlanField
{
    Title,
    Audience,
    Time,
    Headcount,
    Method,
    Hours,
    Owner,
    Category,
    KnowledgeArea,
    QaDimension,
    Needs,
}

/// <summary>One item that differs between two versions: added, removed, or changed in the listed columns.</summary>
public sealed record ItemChange(ChangeKind Kind, ItemSnapshot? Before, ItemSnapshot? After, IReadOnlyList<PlanField> Fields)
{
    public int Key => (After ?? Before)!.Key;

    public string Title => (After ?? Before)!.Title;
}

/// <summary>
/// What changed between two versions of a plan: items are matched by their key, so a renamed item is
/// "changed", not "removed and added"; a new order alone is no change. Pure, so it is unit-tested.
/// </summary>
public static class PlanComparison
{
    public static IReadOnlyList<ItemChange> Compare(IEnumerable<ItemSnapshot> before, IEnumerable<ItemSnapshot> after)
    {
        var a = before.ToDictionary(i => i.Key);
        var b = after.ToDictionary(i => i.Key);
        var changes = new List<ItemChange>();
        foreach (var old in a.Values.OrderBy(i => i.Order))
        {
            if (!b.TryGetValue(old.Key, out var now))
            {
                changes.Add(new ItemChange(ChangeKind.Removed, old, null, []));
                continue;
            }

            var fields = Differences(old, now);
            if (fields.Count > 0)
            {
                changes.Add(new ItemChange(ChangeKind.Changed, old, now, fields));
            }
        }

        changes.AddRange(b.Values.Where(i => !a.ContainsKey(i.Key)).OrderBy(i => i.Order).Select(i => new ItemChange(ChangeKind.Added, null, i, [])));
        return changes;
    }

    public static IReadOnlyList<PlanField> Differences(ItemSnapshot x, ItemSnapshot y)
    {
        var f = new List<PlanField>();
        if (!string.Equals(x.Title.Trim(), y.Title.Trim(), StringComparison.Ordinal))
        {
            f.Add(PlanField.Title);
        }

        if (x.TeamId != y.TeamId || x.Stage != y.Stage)
        {
            f.Add(PlanField.Audience);
        }

        if (x.Date != y.Date || x.StartTime != y.StartTime)
        {
            f.Add(PlanField.Time);
        }

        if (x.Headcount != y.Headcount)
        {
            f.Add(PlanField.Headcount);
        }

        if (x.Method != y.Method)
        {
            f.Add(PlanField.Method);
        }

        if (x.Hours != y.Hours)
        {
            f.Add(PlanField.Hours);
        }

        if (x.OwnerEmployeeId != y.OwnerEmployeeId)
        {
            f.Add(PlanField.Owner);
        }

        if (x.Category != y.Category)
        {
            f.Add(PlanField.Category);
        }

        if (x.KnowledgeAreaId != y.KnowledgeAreaId)
        {
            f.Add(PlanField.KnowledgeArea);
        }

        if (!string.Equals(x.QaDimension ?? "", y.QaDimension ?? "", StringComparison.Ordinal))
        {
            f.Add(PlanField.QaDimension);
        }

        if (!x.NeedIds.Order().SequenceEqual(y.NeedIds.Order()))
        {
            f.Add(PlanField.Needs);
        }

        return f;
    }
}

/// <summary>
/// The 70/30 of on-the-job training (SPEC R4.1) for a set of plan items: training hours per person,
/// so an item counts its hours times its headcount (2 hours for 40 people is 80 person-hours).
/// </summary>
public sealed record PlanMix(decimal BusinessHours, decimal GeneralHours)
{
    public const decimal TargetBusinessPercent = 70;

    /// <summary>How far the business share may stray from 70 % before it is flagged.</summary>
    public const decimal Tolerance = 10;

    public decimal Total => BusinessHours + GeneralHours;

    /// <summary>Business share in percent, one decimal; null when there are no hours.</summary>
    public decimal? BusinessPercent => Total == 0 ? null : Math.Round(BusinessHours * 100 / Total, 1, MidpointRounding.AwayFromZero);

    public decimal? GeneralPercent => BusinessPercent is { } b ? 100 - b : null;

    public bool OffTarget => BusinessPercent is { } b && Math.Abs(b - TargetBusinessPercent) > Tolerance;

    public static PlanMix Of(IEnumerable<(PlanCategory Category, decimal Hours, int Headcount)> items)
    {
        decimal business = 0, general = 0;
        foreach (var (category, hours, headcount) in items)
        {
            if (category == PlanCategory.Business)
            {
                business += hours * headcount;
            }
            else
            {
                general += hours * headcount;
            }
        }

        return new PlanMix(business, general);
    }
}
