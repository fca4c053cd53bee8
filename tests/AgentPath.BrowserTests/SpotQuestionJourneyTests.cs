using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentPath.BrowserTests;

/// <summary>
/// Journey (issue 11): the team lead, at the post-shift meeting with a phone (390 × 844), asks a question out loud and
/// records how several people answered in one save — through the UI only, found by label and role, in Chinese and
/// once in English. Counts its clicks (taps on a button, link or choice; typing is not counted).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SpotQuestionJourneyTests(AppFixture app)
{
    private sealed record Words(string Locale, bool English, string Menu, string NavLabel, string PostShift, string Question, string Right, string Partly,
        string Wrong, string Save, string Recorded, string PastMeetings, string Scores, string QuestionText, string Note);

    private static readonly Words Zh = new("zh-CN", false, "菜单", "班前班后会提问", "班后会", "提问内容", "答对", "部分答对", "答错", "保存本场会议",
        "会议提问已记录。", "以往会议", "成绩", "客户来电要求补发发票，需要核实哪三项信息？", "漏了核实开票抬头");

    private static readonly Words En = new("en-US", true, "Menu", "Shift-meeting questions", "Post-shift meeting", "Question asked", "Right", "Partly right", "Wrong",
        "Save the meeting", "The meeting is recorded.", "Past meetings", "Scores", "Which three details do we check before re-sending an invoice?", "Forgot the invoice title");

    public static TheoryData<string> Languages => new() { "zh-CN", "en" };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_team_lead_records_a_shift_meeting_spot_question_for_several_people_on_a_phone(string language)
    {
        var w = language == "en" ? En : Zh;
        await using var s = await app.OpenAsync($"SpotQuestionJourney.lead-{language}", locale: w.Locale, width: 390, height: 844, mobile: true);
        var page = s.Page;
        var clicks = 0;
        await s.LogInAsync("lead", w.English);

        await page.GetByRole(AriaRole.Button, new() { Name = w.Menu, Exact = true }).ClickAsync(); clicks++;
        await s.MainNav().GetByRole(AriaRole.Link, new() { Name = w.NavLabel, Exact = true }).ClickAsync(); clicks++;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(w.NavLabel);
        await PhoneFit.AssertFitsThePhoneAsync(page, "The spot-question page");
        await s.ScreenshotAsync($"phone-lead-spot-{language}");

        await page.GetByLabel(w.PostShift, new() { Exact = true }).CheckAsync(); clicks++;
        await page.GetByLabel(w.Question, new() { Exact = true }).FillAsync(w.QuestionText);

        // The people of the team, one group each (after the meeting group): right, partly right (with a note), wrong.
        var people = page.GetByRole(AriaRole.Group).Filter(new() { Has = page.GetByLabel(w.Right, new() { Exact = true }) });
        Assert.True(await people.CountAsync() >= 3, "the lead's team lists at least three people to ask");
        var names = new List<string>();
        var answers = new[] { w.Right, w.Partly, w.Wrong };
        for (var i = 0; i < answers.Length; i++)
        {
            var person = people.Nth(i);
            var legend = (await person.Locator("legend").InnerTextAsync()).Trim();
            names.Add(legend.Split(' ')[0]);
            await person.GetByLabel(answers[i], new() { Exact = true }).CheckAsync(); clicks++;
        }

        await people.Nth(1).GetByRole(AriaRole.Textbox).FillAsync(w.Note);
        await s.ScreenshotAsync($"phone-lead-spot-scored-{language}", fullPage: false);
        await page.GetByRole(AriaRole.Button, new() { Name = w.Save, Exact = true }).ClickAsync(); clicks++;

        var status = page.GetByRole(AriaRole.Status);
        await Expect(status).ToContainTextAsync(w.Recorded);
        await Expect(status).ToContainTextAsync(w.English ? "3 people" : "3 人");
        var past = page.Locator("section").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = w.PastMeetings, Exact = true, Level = 2 }) });
        var meeting = past.GetByRole(AriaRole.Listitem).Filter(new() { HasText = w.QuestionText }).First;
        await Expect(meeting).ToBeVisibleAsync();
        await Expect(meeting).ToContainTextAsync(w.PostShift);
        await PhoneFit.AssertFitsThePhoneAsync(page, "The spot-question page after saving");
        await s.ScreenshotAsync($"phone-lead-spot-saved-{language}", fullPage: false);

        // The scores are in the list (opening the meeting's scores is looking, not part of the task's clicks).
        await meeting.GetByText(w.Scores, new() { Exact = true }).ClickAsync();
        foreach (var name in names)
        {
            await Expect(meeting.GetByText(name, new() { Exact = true })).ToBeVisibleAsync();
        }

        await Expect(meeting.GetByText(w.Note)).ToBeVisibleAsync();
        await meeting.ScrollIntoViewIfNeededAsync();
        await s.ScreenshotAsync($"phone-lead-spot-list-{language}", fullPage: false);

        Assert.Equal(7, clicks);
        Console.WriteLine($"Journey lead-spot-question ({language}): {clicks} clicks");
    }
}
