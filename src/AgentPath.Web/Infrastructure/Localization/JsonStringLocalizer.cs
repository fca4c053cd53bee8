using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Infrastructure.Localization;

/// <summary>
/// UI text. The key is the English text; <c>Resources/zh-CN.json</c> maps it to Chinese.
/// <c>Resources/en.json</c> holds English only for keys that are not English text themselves
/// (e.g. "Stage.Induction"). A key missing from zh-CN shows in English, and a test lists every such key.
/// </summary>
public sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    private readonly JsonStringLocalizer _localizer;

    public JsonStringLocalizerFactory(IWebHostEnvironment env)
    {
        string Find(string name)
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Resources", name);
            return File.Exists(path) ? path : Path.Combine(env.ContentRootPath, "Resources", name);
        }

        _localizer = new JsonStringLocalizer(Load(Find("zh-CN.json")), Load(Find("en.json")));
    }

    public static FrozenDictionary<string, string> Load(string path)
    {
        using var stream = File.OpenRead(path);
        var map = JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IStringLocalizer Create(Type resourceSource) => _localizer;

    public IStringLocalizer Create(string baseName, string location) => _localizer;
}

public sealed class JsonStringLocalizer(FrozenDictionary<string, string> chinese, FrozenDictionary<string, string> english) : IStringLocalizer
{
    public static bool IsChinese(CultureInfo culture) => culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    public LocalizedString this[string name]
    {
        get
        {
            if (IsChinese(CultureInfo.CurrentUICulture))
            {
                return chinese.TryGetValue(name, out var zh)
                    ? new LocalizedString(name, zh)
                    : new LocalizedString(name, name, resourceNotFound: true);
            }

            return new LocalizedString(name, english.TryGetValue(name, out var en) ? en : name);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        chinese.Select(kv => this[kv.Key]);
}

/// <summary>The type that names the one shared resource; inject <c>IStringLocalizer&lt;Text&gt;</c>.</summary>
public sealed class Text;
