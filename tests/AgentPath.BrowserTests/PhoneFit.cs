using Microsoft.Playwright;

namespace AgentPath.BrowserTests;

/// <summary>What "fits the phone" means for a page: nothing wider than the screen, no visible control cut off at its right edge.</summary>
public static class PhoneFit
{
    /// <summary>A visible control (button, link, input, select, textarea) whose box goes past the viewport's right or left edge.</summary>
    public sealed record CutOff(string Tag, string Text, int Left, int Right);

    public sealed record Report(int Overflow, int ViewportWidth, IReadOnlyList<CutOff> CutOff)
    {
        public bool Fits => Overflow <= 0 && CutOff.Count == 0;

        public string Describe(string what)
        {
            var parts = new List<string>();
            if (Overflow > 0)
            {
                parts.Add($"{what} is {Overflow}px wider than the phone's screen ({ViewportWidth}px)");
            }

            if (CutOff.Count > 0)
            {
                parts.Add($"{what} cuts off {CutOff.Count} control(s): " + string.Join("; ", CutOff.Take(5).Select(c => $"<{c.Tag}> \"{c.Text}\" at {c.Left}..{c.Right}px")));
            }

            return string.Join(". ", parts);
        }
    }

    private const string Measure = """
        () => {
          const vw = document.documentElement.clientWidth;
          const overflow = document.documentElement.scrollWidth - vw;
          const cut = [];
          for (const el of document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea")) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.height === 0) continue;
            const style = getComputedStyle(el);
            if (style.visibility === "hidden" || style.display === "none") continue;
            // Screen-reader-only text (1px, clipped) is not a control anyone sees.
            if (r.width <= 1 && r.height <= 1) continue;
            const left = r.left + window.scrollX, right = r.right + window.scrollX;
            if (right > vw + 1 || left < -1) {
              const text = (el.innerText || el.value || el.getAttribute("aria-label") || el.name || "").replace(/\s+/g, " ").trim().slice(0, 40);
              cut.push({ tag: el.tagName.toLowerCase(), text, left: Math.round(left), right: Math.round(right) });
            }
          }
          return { overflow, vw, cut };
        }
        """;

    public static async Task<Report> MeasureAsync(IPage page)
    {
        var r = await page.EvaluateAsync<System.Text.Json.JsonElement>(Measure);
        var cut = r.GetProperty("cut").EnumerateArray()
            .Select(c => new CutOff(c.GetProperty("tag").GetString()!, c.GetProperty("text").GetString()!, c.GetProperty("left").GetInt32(), c.GetProperty("right").GetInt32()))
            .ToList();
        return new Report((int)Math.Ceiling(r.GetProperty("overflow").GetDouble()), r.GetProperty("vw").GetInt32(), cut);
    }

    /// <summary>Fails naming <paramref name="what"/> when the page is wider than the screen or a visible control is cut off.</summary>
    public static async Task AssertFitsThePhoneAsync(IPage page, string what)
    {
        var report = await MeasureAsync(page);
        Assert.True(report.Fits, report.Describe(what));
    }
}
