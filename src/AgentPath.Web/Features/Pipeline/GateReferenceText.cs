using System.Globalization;
using System.Text.RegularExpressions;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Pipeline;

/// <summary>
/// A gate part's source and reference as a reader sees them: the sources store a language-neutral
/// reference ("2 × QA evaluation (#10, #12)", "3 × daily evaluation", "12 h / 40 h", "Title #1 (8/10)");
/// this turns it into the reader's language, with links to the QA evaluations it names. A reference
/// typed by an assessor (a paper sheet number) is shown as typed.
/// </summary>
public static partial class GateReferenceText
{
    [GeneratedRegex(@"^(\d+) × QA evaluation \(([#\d, …]+)\)$")]
    private static partial Regex Qa();

    [GeneratedRegex(@"^(\d+) × daily evaluation$")]
    private static partial Regex Daily();

    [GeneratedRegex(@"^([\d.]+) h / ([\d.]+) h$")]
    private static partial Regex Hours();

    [GeneratedRegex(@"^(.+) #(\d+) \(([\d.]+)/([\d.]+)\)$")]
    private static partial Regex Exam();

    [GeneratedRegex(@"#(\d+)")]
    private static partial Regex Ids();

    /// <summary>The source's name and the reference, HTML-encoded, with links where the reference names records.</summary>
    public static IHtmlContent Render(string source, string? reference, IStringLocalizer<Text> L)
    {
        var head = System.Net.WebUtility.HtmlEncode(source switch
        {
            GateSourceNames.Entered => L["Entered by the assessor"].Value,
            "" => L["Source.None"].Value,
            _ => L["Source." + source].Value,
        });
        if (string.IsNullOrWhiteSpace(reference))
        {
            return new HtmlString(head);
        }

        return new HtmlString(L["{0}: {1}", head, ReferenceHtml(source, reference, L)].Value);
    }

    /// <summary>The reference alone, HTML-encoded, in the reader's language.</summary>
    public static string ReferenceHtml(string source, string reference, IStringLocalizer<Text> L)
    {
        if (source == GateSourceNames.Entered)
        {
            return System.Net.WebUtility.HtmlEncode(reference);
        }

        if (Qa().Match(reference) is { Success: true } qa)
        {
            var links = Ids().Matches(qa.Groups[2].Value).Select(m => $"<a href=\"/quality/evaluations/{m.Groups[1].Value}\">#{m.Groups[1].Value}</a>").ToList();
            if (qa.Groups[2].Value.Contains('…', StringComparison.Ordinal))
            {
                links.Add("…");
            }

            return L["{0} ({1})", System.Net.WebUtility.HtmlEncode(L["{0} QA evaluations", qa.Groups[1].Value].Value), string.Join(L["List separator"].Value, links)].Value;
        }

        if (Daily().Match(reference) is { Success: true } daily)
        {
            return System.Net.WebUtility.HtmlEncode(L["{0} daily evaluations", daily.Groups[1].Value].Value);
        }

        if (Hours().Match(reference) is { Success: true } hours)
        {
            return System.Net.WebUtility.HtmlEncode(L["{0} h of {1} h", hours.Groups[1].Value, hours.Groups[2].Value].Value);
        }

        if (Exam().Match(reference) is { Success: true } exam)
        {
            return System.Net.WebUtility.HtmlEncode(L["{0}, attempt {1} ({2} of {3} points)", exam.Groups[1].Value, exam.Groups[2].Value, exam.Groups[3].Value, exam.Groups[4].Value].Value);
        }

        return System.Net.WebUtility.HtmlEncode(reference);
    }

    /// <summary>For the hint of an entered part: what the reference should name.</summary>
    public static string PlaceholderKey(GatePartKind kind) => kind switch
    {
        GatePartKind.WrittenTest or GatePartKind.BusinessExam => "Paper sheet number or signature sheet",
        _ => "Reference (scorecard, recording)",
    };

    public static string Invariant(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);
}
