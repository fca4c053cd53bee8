using System.Globalization;
using AgentPath.Web.Infrastructure.Files;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.People.Import;

/// <summary>
/// The roster workbook (花名册): the template and the export share one layout — the roster sheet with its bilingual
/// header, a note (input prompt) on every column and drop-down lists for team, stage, post and department built
/// from the center's own org tree and posts; an instructions sheet; and the hidden lists sheet the drop-downs read.
/// </summary>
public static class RosterSheets
{
    /// <summary>Rows 2 to this carry the validations.</summary>
    public const int ValidatedRows = 5001;

    public const string TeamsName = "RosterTeams";
    public const string StagesName = "RosterStages";
    public const string PostsName = "RosterPosts";
    public const string DepartmentsName = "RosterDepartments";

    internal static byte[] Workbook(RosterImporter.OrgLookup org, IEnumerable<object?[]> rows, bool chinese, IStringLocalizer text, DateOnly today)
    {
        var book = new XlsxBook();
        var roster = book.AddSheet(text["Roster"]);
        var notes = book.AddSheet(text["Instructions"]);
        var lists = book.AddSheet(text["Lists"], hidden: true);
        roster.HeaderRow = true;
        roster.Row([.. RosterParser.Columns.Select(c => (object?)(c.Chinese + " / " + c.English))]);
        foreach (var r in rows)
        {
            roster.Row(r);
        }

        double[] widths = [16, 12, 16, 14, 16, 12, 10, 16, 16];
        for (var i = 0; i < widths.Length; i++)
        {
            roster.Width(i, widths[i]);
        }

        // The lists the drop-downs read: column A teams, B stages, C posts, D departments.
        var teams = org.TeamChoices();
        var stages = RosterParser.StageChoices;
        var posts = org.PostChoices;
        var departments = org.DepartmentChoices;
        lists.Row(text["Team"], text["Stage"], text["Post"], text["Department"]);
        var n = new[] { teams.Count, stages.Count, posts.Count, departments.Count }.Max();
        string? Pick(IReadOnlyList<RosterChoice> c, int i) => i < c.Count ? (chinese ? c[i].Chinese : c[i].English) : null;
        for (var i = 0; i < n; i++)
        {
            lists.Row(Pick(teams, i), Pick(stages, i), Pick(posts, i), Pick(departments, i));
        }

        book.DefineName(TeamsName, lists, 0, 2, teams.Count + 1);
        book.DefineName(StagesName, lists, 1, 2, stages.Count + 1);
        book.DefineName(PostsName, lists, 2, 2, posts.Count + 1);
        book.DefineName(DepartmentsName, lists, 3, 2, departments.Count + 1);

        var latest = RosterParser.LatestHireDate(today);
        var latestText = latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string Range(string key)
        {
            var col = XlsxSheet.ColumnName(RosterParser.Columns.ToList().FindIndex(c => c.Key == key));
            return $"{col}2:{col}{ValidatedRows}";
        }

        var notesByKey = new Dictionary<string, string>
        {
            ["EmployeeNumber"] = text["Required. Unique for each person, at most 32 characters; upper and lower case are the same number."],
            ["Name"] = text["Required, at most 64 characters."],
            ["Phone"] = text["An 11-digit mobile number (13800138000) or a landline with its area code (020-12345678)."],
            ["HireDate"] = text["Required. A date such as 2026-12-01, from 2000-01-01 to {0}.", latestText],
            ["Team"] = text["Pick the team from the list. Someone without a team (HR, trainers, managers) leaves it empty and gives the department."],
            ["Stage"] = text["Pick from the list; empty means induction."],
            ["ServiceLevel"] = text["Optional, a whole number from 1 to 9."],
            ["Post"] = text["Pick from the list; several posts separated by 、."],
            ["Department"] = text["Needed for someone without a team, or when a team name is used in two departments."],
        };
        string Title(string key) => RosterParser.Columns.First(c => c.Key == key) is var c && chinese ? c.Chinese : RosterParser.Columns.First(x => x.Key == key).English;
        var wrong = text["Not an allowed value"].Value;
        roster.Validate(new XlsxValidation(Range("EmployeeNumber"), XlsxValidationType.None) { PromptTitle = Title("EmployeeNumber"), Prompt = notesByKey["EmployeeNumber"] });
        roster.Validate(new XlsxValidation(Range("Name"), XlsxValidationType.None) { PromptTitle = Title("Name"), Prompt = notesByKey["Name"] });
        roster.Validate(new XlsxValidation(Range("Phone"), XlsxValidationType.None) { PromptTitle = Title("Phone"), Prompt = notesByKey["Phone"] });
        roster.Validate(new XlsxValidation(Range("HireDate"), XlsxValidationType.Date,
            XlsxSheet.Serial(EmployeeEditor.EarliestHireDate).ToString(CultureInfo.InvariantCulture), XlsxSheet.Serial(latest).ToString(CultureInfo.InvariantCulture))
        { PromptTitle = Title("HireDate"), Prompt = notesByKey["HireDate"], ErrorTitle = wrong, Error = notesByKey["HireDate"] });
        roster.Validate(new XlsxValidation(Range("Team"), XlsxValidationType.List, TeamsName) { PromptTitle = Title("Team"), Prompt = notesByKey["Team"], ErrorTitle = wrong, Error = notesByKey["Team"] });
        roster.Validate(new XlsxValidation(Range("Stage"), XlsxValidationType.List, StagesName) { PromptTitle = Title("Stage"), Prompt = notesByKey["Stage"], ErrorTitle = wrong, Error = notesByKey["Stage"] });
        roster.Validate(new XlsxValidation(Range("ServiceLevel"), XlsxValidationType.Whole, "1", "9") { PromptTitle = Title("ServiceLevel"), Prompt = notesByKey["ServiceLevel"], ErrorTitle = wrong, Error = notesByKey["ServiceLevel"] });
        roster.Validate(new XlsxValidation(Range("Post"), XlsxValidationType.List, PostsName) { PromptTitle = Title("Post"), Prompt = notesByKey["Post"], ErrorTitle = wrong, Error = notesByKey["Post"], Warn = true });
        roster.Validate(new XlsxValidation(Range("Department"), XlsxValidationType.List, DepartmentsName) { PromptTitle = Title("Department"), Prompt = notesByKey["Department"], ErrorTitle = wrong, Error = notesByKey["Department"] });

        // The instructions sheet: how the import works, then one line per column.
        notes.Wrap = true;
        notes.Width(0, 16).Width(1, 8).Width(2, 70);
        notes.Row(text["How to fill in the roster"]);
        notes.Row(text["Row 1 is the header: keep it. One person per row from row 2. At most {0} rows.", RosterParser.MaxRows.ToString("N0", CultureInfo.InvariantCulture)]);
        notes.Row(text["Upload the file to check it: every problem of every row is listed at once. Nothing is imported until the whole file is clean; then all rows are imported together."]);
        notes.Row();
        notes.Row(text["Column"], text["Required"], text["Note"]);
        foreach (var c in RosterParser.Columns)
        {
            notes.Row(chinese ? c.Chinese : c.English, c.Required ? text["Yes"] : "", notesByKey[c.Key]);
        }

        return book.ToBytes();
    }

    /// <summary>A person's row as the roster sheet holds it (the same columns the import reads).</summary>
    internal static object?[] Row(string number, string name, string? phone, DateOnly hire, string? team, Stage stage, int? level, IEnumerable<string> posts, string department, bool chinese) =>
        [number, name, phone, hire, team, RosterParser.StageName(stage, chinese), level, string.Join("、", posts), department];
}
