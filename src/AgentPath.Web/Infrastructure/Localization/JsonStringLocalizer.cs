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
        var folder = Path.Combine(AppContext.BaseDirectory, "Resources");
        if (!File.Exists(Path.Combine(folder, "zh-CN.json")))
        {
            folder = Path.Combine(env.ContentRootPath, "Resources");
        }

        _localizer = new JsonStringLocalizer(LoadAll(folder, "zh-CN"), LoadAll(folder, "en"));
    }

    /// <summary>Merges <c>{culture}.json</c> and every <c>{culture}.*.json</c> (one per feature) in the folder; a key defined twice is an error.</summary>
    public static FrozenDictionary<string, string> LoadAll(string folder, string culture)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(folder, culture + ".json").Concat(Directory.EnumerateFiles(folder, culture + ".*.json")).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            using var stream = File.OpenRead(file);
            foreach (var (k, v) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [])
            {
                if (!map.TryAdd(k, v))
                {
                    throw new InvalidOperationException($"The text key \"{k}\" is defined twice ({Path.GetFileName(file)}).");
                }
            }
        }

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
