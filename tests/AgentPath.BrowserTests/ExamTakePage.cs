using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentPath.BrowserTests;

/// <summary>
/// An answer a test gives: the question found by a piece of its text (unique on the paper), and
/// either the option texts chosen (single, multiple, true/false) or the text typed (fill-in).
/// Questions and options are shuffled per attempt, so neither is found by position.
/// </summary>
public sealed record ExamAnswer(string Question, IReadOnlyList<string> Options, string? Text)
{
    public static ExamAnswer Choose(string question, params string[] options) => new(question, options, null);

    public static ExamAnswer Type(string question, string text) => new(question, [], text);

    public override string ToString() => Question + " → " + (Text ?? string.Join("、", Options));
}

/// <summary>The exam page (/exams/attempts/{id}/take) as an agent sees it, with js/exam.js running.</summary>
public sealed partial class ExamTakePage(IPage page)
{
    public const string AllSaved = "全部答案已保存";
    public const string NotAnswered = "尚未作答";
    public const string OfflineStatus = "离线：答案已保存在本机，联网后自动保存到服务器";

    public IPage Page { get; } = page;

    private long? _attemptId;

    /// <summary>The attempt's id, from the page's address when it was first asked (the page moves on to the result after submitting).</summary>
    public long AttemptId
    {
        get
        {
            if (_attemptId is null)
            {
                var m = TakePath().Match(new Uri(Page.Url).AbsolutePath);
                Assert.True(m.Success, $"{Page.Url} is not an exam page.");
                _attemptId = long.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture);
            }

            return _attemptId.Value;
        }
    }

    /// <summary>#exam-status: the line that says whether everything is saved, or that the device is offline.</summary>
    public ILocator Status => Page.GetByRole(AriaRole.Status);

    public ILocator Timer => Page.Locator("#exam-timer");

    public ILocator SubmitButton => Page.GetByRole(AriaRole.Button, new() { Name = "交卷", Exact = true });

    /// <summary>A question's fieldset: a group named by its legend (number, text and points).</summary>
    public ILocator Question(string text) => Page.GetByRole(AriaRole.Group, new() { Name = text });

    /// <summary>The line under a question that says 已保存 / 正在保存… / 未保存.</summary>
    public ILocator SaveState(string question) => Question(question).Locator(".save-state");

    public async Task ExpectLoadedAsync(string title)
    {
        await Expect(Page).ToHaveURLAsync(TakeUrl());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Expect(Timer).ToHaveTextAsync(TimeLeft());

        // exam.js has started (it exposes the saving queue for tests and for the submit button).
        await Page.WaitForFunctionAsync("() => !!window.AgentPathExam");
    }

    /// <summary>Taps each option's label (a phone has no mouse), or types into the fill-in box.</summary>
    public async Task AnswerAsync(ExamAnswer answer)
    {
        var question = Question(answer.Question);
        await Expect(question).ToHaveCountAsync(1);
        if (answer.Text is { } text)
        {
            await question.GetByRole(AriaRole.Textbox, new() { Name = "你的答案", Exact = true }).FillAsync(text);
            return;
        }

        foreach (var option in answer.Options)
        {
            await question.Locator("label").Filter(new() { Has = Page.GetByText(option, new() { Exact = true }) }).TapAsync();
        }
    }

    public async Task ExpectSavedAsync(ExamAnswer answer, float timeout = 10_000)
    {
        var state = SaveState(answer.Question);
        await Expect(state).ToHaveAttributeAsync("data-state", "saved", new() { Timeout = timeout });
        await Expect(state).ToHaveTextAsync("已保存");
    }

    /// <summary>Offline: the question says 未保存 in the offline style, and the status line says the answers are kept on the device.</summary>
    public async Task ExpectKeptOfflineAsync(ExamAnswer answer)
    {
        var state = SaveState(answer.Question);
        await Expect(state).ToHaveAttributeAsync("data-state", "offline");
        await Expect(state).ToHaveTextAsync("未保存");
        await Expect(Status).ToHaveTextAsync(OfflineStatus);
    }

    /// <summary>
    /// The answer is on the page: the options chosen are checked and no other is, or the box holds the text.
    /// With <paramref name="renderedByServer"/>, also that the HTML itself says so (the checked/value
    /// attributes), not only exam.js having put a local copy back into the inputs.
    /// </summary>
    public async Task ExpectShownAsync(ExamAnswer answer, bool renderedByServer)
    {
        var question = Question(answer.Question);
        if (answer.Text is { } text)
        {
            var box = question.GetByRole(AriaRole.Textbox, new() { Name = "你的答案", Exact = true });
            await Expect(box).ToHaveValueAsync(text);
            if (renderedByServer)
            {
                Assert.Equal(text, await box.EvaluateAsync<string>("el => el.defaultValue"));
            }

            return;
        }

        var inputs = question.Locator("input[type=radio], input[type=checkbox]");
        Assert.True(await inputs.CountAsync() >= 2, $"No options found for {answer.Question}.");
        foreach (var input in await inputs.AllAsync())
        {
            var label = (await input.EvaluateAsync<string>("el => el.closest('label').textContent")).Trim();
            var chosen = answer.Options.Contains(label);
            if (chosen)
            {
                await Expect(input).ToBeCheckedAsync();
            }
            else
            {
                await Expect(input).Not.ToBeCheckedAsync();
            }

            if (renderedByServer)
            {
                Assert.True(chosen == await input.EvaluateAsync<bool>("el => el.defaultChecked"),
                    $"{answer}: the server rendered option \"{label}\" as {(chosen ? "not " : "")}checked.");
            }
        }
    }

    public Task<int> PendingCountAsync() => Page.EvaluateAsync<int>("() => window.AgentPathExam.pendingCount()");

    /// <summary>Waits until exam.js has no answer waiting for the server and the status line says so.</summary>
    public async Task WaitAllSavedAsync(float timeout = 20_000)
    {
        await Page.WaitForFunctionAsync("() => !!window.AgentPathExam && window.AgentPathExam.pendingCount() === 0", null,
            new() { Timeout = timeout, PollingInterval = 100 });
        await Expect(Status).ToHaveTextAsync(AllSaved, new() { Timeout = timeout });
    }

    /// <summary>The copy exam.js keeps in localStorage: question id → { response, seq, acked }, or null when there is none.</summary>
    public async Task<JsonElement?> LocalCopyAsync()
    {
        var json = await Page.EvaluateAsync<string?>("id => localStorage.getItem('agentpath:attempt:' + id)", AttemptId.ToString(CultureInfo.InvariantCulture));
        return json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
    }

    /// <summary>The question id the page gives a question (its fieldset's data-question-id).</summary>
    public Task<string?> QuestionIdAsync(string question) => Question(question).GetAttributeAsync("data-question-id");

    [GeneratedRegex(@"^/exams/attempts/(?<id>\d+)/take$")]
    private static partial Regex TakePath();

    [GeneratedRegex(@"/exams/attempts/\d+/take$")]
    private static partial Regex TakeUrl();

    [GeneratedRegex(@"^剩余时间 \d{2}:\d{2}$")]
    private static partial Regex TimeLeft();
}

/// <summary>The attempt as the server holds it, read through GET /api/v1/attempts/{id} with the agent's session cookie.</summary>
public sealed class ServerAttempt(JsonElement dto)
{
    public static async Task<ServerAttempt> GetAsync(IAPIRequestContext request, Uri baseUrl, long attemptId)
    {
        var response = await request.GetAsync(new Uri(baseUrl, $"/api/v1/attempts/{attemptId}").ToString());
        Assert.Equal(200, response.Status);
        var json = await response.JsonAsync();
        Assert.NotNull(json);
        return new ServerAttempt(json.Value);
    }

    public string Status => dto.GetProperty("status").GetString()!;

    /// <summary>What the server has for this question, in the answer's own terms (option texts or text), or null if nothing.</summary>
    public ExamAnswer? Held(ExamAnswer answer)
    {
        var matches = dto.GetProperty("questions").EnumerateArray()
            .Where(q => q.GetProperty("text").GetString()!.Contains(answer.Question, StringComparison.Ordinal)).ToList();
        Assert.True(matches.Count == 1, $"{matches.Count} questions on the paper match \"{answer.Question}\".");
        var question = matches[0];
        var id = question.GetProperty("id").GetInt32();
        var saved = dto.GetProperty("answers").EnumerateArray().Where(a => a.GetProperty("questionId").GetInt32() == id).ToList();
        if (saved.Count == 0 || saved[0].GetProperty("response") is not { ValueKind: not JsonValueKind.Null } response)
        {
            return null;
        }

        if (response.ValueKind == JsonValueKind.String)
        {
            return ExamAnswer.Type(answer.Question, response.GetString()!);
        }

        var chosen = response.ValueKind == JsonValueKind.Array ? response.EnumerateArray().Select(e => e.GetInt32()).ToHashSet() : [response.GetInt32()];
        var texts = question.GetProperty("options").EnumerateArray()
            .Where(o => chosen.Contains(o.GetProperty("id").GetInt32()))
            .Select(o => o.GetProperty("text").GetString()!).ToArray();
        return ExamAnswer.Choose(answer.Question, texts);
    }

    public void AssertHolds(ExamAnswer answer)
    {
        var held = Held(answer);
        Assert.True(held is not null, $"The server has no answer for {answer}.");
        if (answer.Text is not null)
        {
            Assert.Equal(answer.Text, held.Text);
        }
        else
        {
            Assert.Equal(answer.Options.Order(StringComparer.Ordinal), held.Options.Order(StringComparer.Ordinal));
        }
    }

    public void AssertLacks(ExamAnswer answer) =>
        Assert.True(Held(answer) is null, $"The server already has {answer}.");
}
