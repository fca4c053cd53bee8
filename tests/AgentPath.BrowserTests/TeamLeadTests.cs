using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentPath.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class TeamLeadTests(AppFixture app)
{
    private const string LeadName = "黄志强";
    private const string LeadTeam = "咨询一组";

    [Fact]
    public async Task A_team_lead_sees_only_their_team()
    {
        int hrTotal;
        await using (var hr = await app.OpenAsync("TeamLead.hr-directory"))
        {
            await hr.LogInAsync("hr");
            await hr.MainNav().GetByRole(AriaRole.Link, new() { Name = "人员", Exact = true }).ClickAsync();
            hrTotal = await hr.DirectoryTotalAsync();
        }

        await using var lead = await app.OpenAsync("TeamLead.lead-directory");
        await lead.LogInAsync("lead");
        await lead.MainNav().GetByRole(AriaRole.Link, new() { Name = "我的班组", Exact = true }).ClickAsync();
        await Expect(lead.Page).ToHaveURLAsync(new Uri(app.BaseUrl, "/people").ToString());
        var total = await lead.DirectoryTotalAsync();
        Assert.InRange(total, 1, hrTotal - 1);

        var table = lead.Page.GetByRole(AriaRole.Table);
        var headers = await table.GetByRole(AriaRole.Columnheader).AllInnerTextsAsync();
        var nameColumn = IndexOf(headers, "姓名");
        var teamColumn = IndexOf(headers, "班组");

        // Every page of the directory: each row is on the lead's team (or is the lead).
        var names = new List<string>();
        while (true)
        {
            var rows = table.GetByRole(AriaRole.Row).Filter(new() { Has = lead.Page.GetByRole(AriaRole.Cell) });
            foreach (var row in await rows.AllAsync())
            {
                var cells = await row.GetByRole(AriaRole.Cell).AllInnerTextsAsync();
                var name = cells[nameColumn].Trim();
                names.Add(name);
                Assert.True(cells[teamColumn].Trim() == LeadTeam || name == LeadName, $"{name} is on team \"{cells[teamColumn]}\", not {LeadTeam}.");
            }

            var pager = lead.Page.GetByRole(AriaRole.Navigation, new() { Name = "分页" });
            var next = pager.GetByRole(AriaRole.Link, new() { Name = "下一页" });
            if (await next.CountAsync() == 0)
            {
                break;
            }

            // The next page must be another page: a pager that does not move would loop here for ever.
            var here = (await pager.InnerTextAsync()).Trim();
            await next.ClickAsync();
            await Expect(pager).Not.ToHaveTextAsync(here);
        }

        Assert.Equal(total, names.Count);
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(LeadName, names);
        Assert.Contains("马晓东", names);
    }

    private static int IndexOf(IReadOnlyList<string> headers, string text)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i].Split('\n')[0].Trim().TrimEnd('▲', '▼', '↕').Trim() == text) // a sortable column reads its name, then its sort mark
            {
                return i;
            }
        }

        throw new Xunit.Sdk.XunitException($"No column \"{text}\" in [{string.Join(", ", headers)}].");
    }
}
