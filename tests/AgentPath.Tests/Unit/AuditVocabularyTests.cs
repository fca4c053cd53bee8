using AgentPath.Web.Data;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Unit;

/// <summary>
/// Issue 11, failure 3: the audit log names every kind of record, every field and every enum value in the
/// reader's language. Each audited kind, field and enum value of the model has its zh-CN and en text.
/// </summary>
public sealed class AuditVocabularyTests
{
    private static string Resources()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AgentPath.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "src", "AgentPath.Web", "Resources");
    }

    /// <summary>Every key the audit log can ask for: the kinds, their fields, and the values of enum fields.</summary>
    private static SortedSet<string> AuditKeys(Func<string, string, string> fieldKey)
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new SqliteAppDbContext(options, new SystemActor("test"), TimeProvider.System);
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (kind, type) in AuditText.Kinds(db.Model))
        {
            keys.Add("Entity." + kind);
            foreach (var p in AuditText.Fields(type))
            {
                keys.Add(fieldKey(kind, p.Name));
                var clr = Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType;
                if (clr.IsEnum)
                {
                    keys.UnionWith(Enum.GetNames(clr).Select(n => AuditText.EnumKey(clr, n)));
                }
            }
        }

        return keys;
    }

    [Fact]
    public void Every_audited_kind_field_and_enum_value_has_its_chinese_and_english_text()
    {
        var zh = JsonStringLocalizerFactory.LoadAll(Resources(), "zh-CN");
        var en = JsonStringLocalizerFactory.LoadAll(Resources(), "en");
        // A kind's own field label wins over the shared one, as AuditText reads it.
        var keys = AuditKeys((kind, field) => zh.ContainsKey($"Field.{kind}.{field}") ? $"Field.{kind}.{field}" : "Field." + field);
        Assert.NotEmpty(keys);
        Assert.Contains("Entity.Employee", keys);
        var missingZh = keys.Where(k => !zh.ContainsKey(k)).ToList();
        var missingEn = keys.Where(k => !en.ContainsKey(k)).ToList();
        Assert.True(missingZh.Count == 0, "Missing from zh-CN.records.json:\n" + string.Join("\n", missingZh.Select(k => $"  \"{k}\": \"\",")));
        Assert.True(missingEn.Count == 0, "Missing from en.records.json:\n" + string.Join("\n", missingEn.Select(k => $"  \"{k}\": \"\",")));
    }
}
