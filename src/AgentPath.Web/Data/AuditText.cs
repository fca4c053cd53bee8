using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Data;

/// <summary>
/// Reads audit rows the way a person reads them: the kind of record, each field's name and each value
/// in the reader's language (enums by their text, instants in center time, a team by its name rather than
/// its id), Chinese as text. The texts are resource keys <c>Entity.{kind}</c>, <c>Field.{field}</c> (or
/// <c>Field.{kind}.{field}</c> where one kind means something else by the same field) and
/// <c>Enum.{type}.{value}</c>, kept in <c>Resources/*.records.json</c>; a test checks that every audited
/// kind, field and enum value has them. Old rows (escaped text, enums as numbers) read the same.
/// </summary>
public sealed class AuditText(AppDbContext db, IStringLocalizer<Text> text)
{
    /// <summary>A changed field: its label, and the old and new value as text (null when there was none).</summary>
    public sealed record Change(string Field, string? Old, string? New);

    /// <summary>One audit row made readable.</summary>
    public sealed record Row(AuditEntry Entry, string Kind, IReadOnlyList<Change> Changes);

    /// <summary>Values longer than this are cut on screen (the export holds the same cut text).</summary>
    public const int MaxValueChars = 300;

    private static FrozenSet<string>? keys;

    private FrozenSet<string> Keys => keys ??= text.GetAllStrings(false).Select(s => s.Name).ToFrozenSet(StringComparer.Ordinal);

    private bool Has(string key) => Keys.Contains(key);

    /// <summary>The record kind in the reader's language ("Employee" → 员工); an unknown kind as it is stored.</summary>
    public string Kind(string entity) => Has("Entity." + entity) ? text["Entity." + entity].Value : entity;

    /// <summary>The key of a field's label: the kind's own (<c>Field.Employee.Name</c>) before the shared one (<c>Field.Name</c>).</summary>
    public string FieldKey(string entity, string field) =>
        Has($"Field.{entity}.{field}") ? $"Field.{entity}.{field}" : "Field." + field;

    public string Field(string entity, string field)
    {
        var key = FieldKey(entity, field);
        return Has(key) ? text[key].Value : field;
    }

    /// <summary>The resource key of an enum value.</summary>
    public static string EnumKey(Type type, string name) => $"Enum.{type.Name}.{name}";

    /// <summary>The audited entity types by the name the trail stores (<see cref="IReadOnlyTypeBase.ShortName"/>).</summary>
    public static IReadOnlyDictionary<string, IEntityType> Kinds(IModel model) =>
        model.GetEntityTypes().Where(AuditRecorder.IsAudited)
            .GroupBy(t => t.ShortName(), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>The fields a change names: every property but the audit's own exclusions.</summary>
    public static IEnumerable<IProperty> Fields(IEntityType type) => type.GetProperties().Where(p => !AuditRecorder.IsIgnored(p.Name));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IModel, IReadOnlyDictionary<string, IEntityType>> ByModel = [];

    private IReadOnlyDictionary<string, IEntityType>? kinds;

    public async Task<IReadOnlyList<Row>> ReadAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        kinds ??= ByModel.GetValue(db.Model, Kinds);
        var parsed = entries.Select(a => (a, Fields: Parse(a.Changes))).ToList();

        // Foreign keys are shown by the name of what they point to, loaded once per kind of target.
        var wanted = new Dictionary<IEntityType, HashSet<object>>();
        foreach (var (a, fields) in parsed)
        {
            foreach (var (name, values) in fields)
            {
                if (Target(a.Entity, name) is { } target)
                {
                    foreach (var v in values)
                    {
                        if (Number(v) is { } id)
                        {
                            (wanted.TryGetValue(target.Type, out var set) ? set : wanted[target.Type] = []).Add(Convert.ChangeType(id, target.Key.ClrType, CultureInfo.InvariantCulture));
                        }
                    }
                }
            }
        }

        var names = new Dictionary<(IEntityType, long), string>();
        foreach (var (type, ids) in wanted)
        {
            foreach (var (id, name) in await NamesAsync(type, ids, ct))
            {
                names[(type, id)] = name;
            }
        }

        return parsed.Select(x => new Row(x.a, Kind(x.a.Entity), x.Fields.Select(f => new Change(
            Field(x.a.Entity, f.Key),
            Show(x.a.Entity, f.Key, f.Value.Length > 0 ? f.Value[0] : default, names),
            Show(x.a.Entity, f.Key, f.Value.Length > 1 ? f.Value[1] : default, names))).ToList())).ToList();
    }

    private static List<KeyValuePair<string, JsonElement[]>> Parse(string json)
    {
        try
        {
            return (JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(json) ?? []).ToList();
        }
        catch (JsonException)
        {
            return [new("?", [default, JsonSerializer.SerializeToElement(json)])];
        }
    }

    private IProperty? Property(string entity, string field) =>
        kinds!.TryGetValue(entity, out var type) ? type.FindProperty(field) : null;

    private (IEntityType Type, IProperty Key)? Target(string entity, string field)
    {
        var fk = Property(entity, field)?.GetContainingForeignKeys().FirstOrDefault(k => k.Properties.Count == 1);
        if (fk is null || NameProperty(fk.PrincipalEntityType) is null)
        {
            return null;
        }

        return (fk.PrincipalEntityType, fk.PrincipalKey.Properties[0]);
    }

    /// <summary>The property that names a record of this kind for a reader, if any.</summary>
    private static PropertyInfo? NameProperty(IEntityType type) =>
        type.ClrType.IsClass && type.ClrType != typeof(Dictionary<string, object>) && type.FindPrimaryKey() is { Properties.Count: 1 } key
        && (key.Properties[0].ClrType == typeof(int) || key.Properties[0].ClrType == typeof(long))
            ? new[] { "DisplayName", "Name", "Title", "Number" }.Select(n => type.ClrType.GetProperty(n, BindingFlags.Public | BindingFlags.Instance))
                .FirstOrDefault(p => p is not null && p.PropertyType == typeof(string) && type.FindProperty(p.Name) is not null)
            : null;

    private async Task<IEnumerable<(long Id, string Name)>> NamesAsync(IEntityType type, HashSet<object> ids, CancellationToken ct)
    {
        var key = type.FindPrimaryKey()!.Properties[0];
        var name = NameProperty(type)!.Name;
        var method = typeof(AuditText).GetMethod(nameof(NamesOfAsync), BindingFlags.NonPublic | BindingFlags.Instance)!
            .MakeGenericMethod(type.ClrType, key.ClrType);
        var task = (Task<List<(long, string)>>)method.Invoke(this, [key.Name, name, ids, ct])!;
        return await task;
    }

    private async Task<List<(long, string)>> NamesOfAsync<TEntity, TKey>(string keyName, string nameName, HashSet<object> ids, CancellationToken ct)
        where TEntity : class
        where TKey : struct
    {
        var list = ids.Cast<TKey>().ToList();
        var rows = await db.Set<TEntity>().AsNoTracking().IgnoreQueryFilters()
            .Where(e => list.Contains(EF.Property<TKey>(e, keyName)))
            .Select(e => new { Id = EF.Property<TKey>(e, keyName), Name = EF.Property<string>(e, nameName) })
            .ToListAsync(ct);
        return rows.Select(r => (Convert.ToInt64(r.Id, CultureInfo.InvariantCulture), r.Name)).ToList();
    }

    private static long? Number(JsonElement v) =>
        v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;

    /// <summary>A value as a reader sees it; null for "none".</summary>
    private string? Show(string entity, string field, JsonElement v, Dictionary<(IEntityType, long), string> names)
    {
        if (v.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return null;
        }

        var property = Property(entity, field);
        var type = property is null ? null : Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        if (Target(entity, field) is { } target && Number(v) is { } id)
        {
            return names.TryGetValue((target.Type, id), out var name) ? name : "#" + id.ToString(CultureInfo.InvariantCulture);
        }

        string shown;
        if (type is { IsEnum: true })
        {
            var member = v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? Enum.GetName(type, Enum.ToObject(type, n))
                : v.ValueKind == JsonValueKind.String && Enum.TryParse(type, v.GetString(), out var parsed) ? parsed!.ToString() : null;
            shown = member is not null && Has(EnumKey(type, member)) ? text[EnumKey(type, member)].Value : member ?? v.ToString();
        }
        else if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            shown = text[v.GetBoolean() ? "Yes" : "No"].Value;
        }
        else if ((type == typeof(DateTimeOffset) || type == typeof(DateTime)) && v.ValueKind == JsonValueKind.String && v.TryGetDateTimeOffset(out var at))
        {
            shown = CenterClock.Show(at);
        }
        else if (v.ValueKind == JsonValueKind.String)
        {
            shown = v.GetString()!;
        }
        else
        {
            // Numbers as written; arrays and objects (rare: value objects) as compact JSON with text unescaped.
            shown = v.ValueKind == JsonValueKind.Number ? v.GetRawText() : JsonSerializer.Serialize(v, AuditRecorder.Json);
        }

        return shown.Length > MaxValueChars ? shown[..MaxValueChars] + "…" : shown;
    }
}
