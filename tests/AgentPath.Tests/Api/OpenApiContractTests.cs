using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AgentPath.Tests.Authorization;
using AgentPath.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace AgentPath.Tests.Api;

public sealed class OpenApiContractTests_Sqlite(SqliteAppFactory f) : OpenApiContractTests<SqliteAppFactory>(f);

/// <summary>
/// The served OpenAPI document is the contract: every schema name stands for one type, every reference
/// resolves, and every documented operation, called as a role the authorization matrix allows with a body
/// made from its documented request schema, answers neither 5xx nor a "your body does not fit" 400/415.
/// </summary>
public abstract partial class OpenApiContractTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    private static readonly Dictionary<string, string> LoginOf = new(StringComparer.Ordinal)
    {
        ["Agent"] = "agent", ["TeamLead"] = "lead", ["Supervisor"] = "supervisor", ["Trainer"] = "trainer", ["QaInspector"] = "qa",
        ["Hr"] = "hr", ["DepartmentManager"] = "manager", ["GeneralManager"] = "gm", ["SystemAdmin"] = "admin",
    };

    /// <summary>The English titles of the API's binding refusals (ApiExceptionHandler): the body or a parameter did not fit the endpoint.</summary>
    private static readonly string[] BindingRefusals =
    [
        "The request body is not valid JSON.", "has a value of the wrong type", "The request body is empty", "is not valid.", "Send the request body as application/json.",
    ];

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\}")]
    private static partial Regex RouteParam();

    private async Task<JsonObject> DocumentAsync()
    {
        using var client = factory.NewClient();
        var json = await client.GetStringAsync("/openapi/v1.json");
        return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false })!.AsObject();
    }

    [Fact]
    public void No_two_types_the_api_takes_or_gives_share_a_schema_name()
    {
        var json = factory.Service<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var ids = factory.Service<IOptionsMonitor<OpenApiOptions>>().Get("v1");
        var seen = new HashSet<Type>();
        var pending = new Queue<Type>();
        foreach (var e in factory.Service<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
                     .Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("api/", StringComparison.Ordinal)))
        {
            foreach (var t in e.Metadata.OfType<IAcceptsMetadata>().Select(a => a.RequestType).Concat(e.Metadata.OfType<IProducesResponseTypeMetadata>().Select(p => p.Type)))
            {
                if (t is not null)
                {
                    pending.Enqueue(t);
                }
            }
        }

        var byId = new Dictionary<string, HashSet<Type>>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var type))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (!seen.Add(type) || type == typeof(void) || type.IsPointer || type.IsByRef || type.ContainsGenericParameters)
            {
                continue;
            }

            var info = json.GetTypeInfo(type);
            if (ids.CreateSchemaReferenceId(info) is { } id)
            {
                (byId.TryGetValue(id, out var set) ? set : byId[id] = []).Add(type);
            }

            foreach (var next in info.Properties.Select(p => p.PropertyType).Append(info.ElementType).Append(info.KeyType))
            {
                if (next is not null)
                {
                    pending.Enqueue(next);
                }
            }
        }

        var clashes = byId.Where(kv => kv.Value.Count > 1).Select(kv => $"{kv.Key}: {string.Join(", ", kv.Value.Select(t => t.FullName))}").ToList();
        Assert.True(byId.Count > 20, $"only {byId.Count} schemas found");
        Assert.True(clashes.Count == 0, "Schema names shared by different types:\n" + string.Join("\n", clashes));
    }

    [Fact]
    public async Task The_document_has_unique_schemas_every_reference_resolves_and_evaluation_items_are_item_scores()
    {
        var doc = await DocumentAsync(); // duplicate property names (two schemas of one name) make the parse fail
        var schemas = doc["components"]!["schemas"]!.AsObject();
        var refs = new List<string>();
        void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var (k, v) in o)
                    {
                        if (k == "$ref" && v is JsonValue r)
                        {
                            refs.Add(r.GetValue<string>());
                        }
                        else
                        {
                            Walk(v);
                        }
                    }

                    break;
                case JsonArray a:
                    foreach (var v in a)
                    {
                        Walk(v);
                    }

                    break;
            }
        }

        Walk(doc);
        var dangling = refs.Distinct().Where(r => !r.StartsWith("#/components/schemas/", StringComparison.Ordinal) || !schemas.ContainsKey(r["#/components/schemas/".Length..])).ToList();
        Assert.True(dangling.Count == 0, "References to schemas that do not exist:\n" + string.Join("\n", dangling));

        // The QA evaluation's items are item scores {itemId, value}, not the exam answer {response, seq}.
        var body = Resolve(doc, doc["paths"]!["/api/v1/evaluations"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!);
        var item = Resolve(doc, ItemsOf(doc, body["properties"]!["items"]!));
        var names = item["properties"]!.AsObject().Select(p => p.Key).Order().ToList();
        Assert.Equal(["itemId", "value"], names);
        var answer = Resolve(doc, doc["paths"]!["/api/v1/attempts/{id}/answers/{questionId}"]!["put"]!["requestBody"]!["content"]!["application/json"]!["schema"]!);
        Assert.Equal(["response", "seq"], answer["properties"]!.AsObject().Select(p => p.Key).Order().ToList());
    }

    [Fact]
    public async Task Every_documented_operation_takes_a_body_made_from_its_documented_schema()
    {
        var doc = await DocumentAsync();
        var matrix = AuthorizationMatrix.Load().Rows.Where(r => r.IsApi).ToDictionary(r => Key(r.Endpoint), StringComparer.Ordinal);
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        var failures = new List<string>();
        var called = 0;
        foreach (var (path, item) in doc["paths"]!.AsObject())
        {
            foreach (var (verb, op) in item!.AsObject())
            {
                var endpoint = $"{verb.ToUpperInvariant()} {path}";
                if (!matrix.TryGetValue(endpoint, out var row))
                {
                    failures.Add($"{endpoint}: documented but not in the authorization matrix");
                    continue;
                }

                // The first signed-in role the matrix allows (the token endpoint: anyone).
                var role = AuthorizationMatrix.Columns.Skip(1).FirstOrDefault(c => row.Expect[c] == "allow");
                if (role is null)
                {
                    continue;
                }

                if (!clients.TryGetValue(role, out var client))
                {
                    client = clients[role] = await factory.BearerAsync(LoginOf[role]);
                    client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
                }

                var url = RouteParam().Replace(path, "1");
                var query = (op!["parameters"] as JsonArray ?? []).Where(p => p!["in"]?.GetValue<string>() == "query" && p["required"]?.GetValue<bool>() == true)
                    .Select(p => $"{p!["name"]!.GetValue<string>()}={Uri.EscapeDataString(Sample(doc, p["schema"]!, p["name"]!.GetValue<string>(), 0)?.ToJsonString().Trim('"') ?? "1")}").ToList();
                if (query.Count > 0)
                {
                    url += "?" + string.Join("&", query);
                }

                using var request = new HttpRequestMessage(new HttpMethod(verb.ToUpperInvariant()), url);
                var content = op["requestBody"]?["content"]?.AsObject();
                if (content?["application/json"]?["schema"] is { } schema)
                {
                    var body = Sample(doc, schema, "", 0)?.ToJsonString() ?? "{}";
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }
                else if (content?["multipart/form-data"] is not null)
                {
                    request.Content = new MultipartFormDataContent { { new StringContent("gift"), "format" } };
                }

                using var response = await client.SendAsync(request);
                called++;
                var status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync();
                if (status >= 500)
                {
                    failures.Add($"{endpoint} as {role}: {status} {text[..Math.Min(300, text.Length)]}");
                }
                else if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnsupportedMediaType && content?["application/json"] is not null
                         && BindingRefusals.Any(b => text.Contains(b, StringComparison.Ordinal)))
                {
                    failures.Add($"{endpoint} as {role}: {status} on a body made from its documented schema: {text[..Math.Min(300, text.Length)]}");
                }
            }
        }

        foreach (var c in clients.Values)
        {
            c.Dispose();
        }

        Assert.True(called > 60, $"only {called} operations called");
        Assert.True(failures.Count == 0, $"{failures.Count} operations do not keep their documented contract:\n" + string.Join("\n", failures));
    }

    private static string Key(string endpoint) => RouteParam().Replace(endpoint, m => "{" + m.Groups[1].Value + "}");

    private static JsonNode Resolve(JsonObject doc, JsonNode schema)
    {
        var guard = 0;
        while (schema["$ref"] is JsonValue r && guard++ < 10)
        {
            schema = doc["components"]!["schemas"]![r.GetValue<string>()["#/components/schemas/".Length..]]!;
        }

        return schema;
    }

    private static JsonNode ItemsOf(JsonObject doc, JsonNode schema)
    {
        var s = Resolve(doc, schema);
        return s["items"] ?? (s["oneOf"] ?? s["anyOf"])!.AsArray().Select(x => Resolve(doc, x!)).First(x => x["items"] is not null)["items"]!;
    }

    private static List<string> Types(JsonNode schema) => schema["type"] switch
    {
        JsonArray a => a.Select(t => t!.GetValue<string>()).ToList(),
        JsonValue v => [v.GetValue<string>()],
        _ => [],
    };

    /// <summary>A value that fits the schema: every property given, dates today, numbers 1, the first enum value.</summary>
    private JsonNode? Sample(JsonObject doc, JsonNode schema, string name, int depth)
    {
        var s = Resolve(doc, schema);
        if (depth > 8)
        {
            return null;
        }

        if (s["enum"] is JsonArray values && values.FirstOrDefault(v => v is not null) is { } first)
        {
            return first.DeepClone();
        }

        if ((s["oneOf"] ?? s["anyOf"]) is JsonArray options)
        {
            var pick = options.Select(o => Resolve(doc, o!)).FirstOrDefault(o => !Types(o).SequenceEqual(["null"]));
            return pick is null ? null : Sample(doc, pick, name, depth + 1);
        }

        var types = Types(s).Where(t => t != "null").ToList();
        var format = s["format"]?.GetValue<string>();
        var today = AgentPath.Web.CenterClock.DateOf(factory.Clock.GetUtcNow());
        return types.FirstOrDefault() switch
        {
            "object" or null when s["properties"] is JsonObject props => new JsonObject(props.Select(p => KeyValuePair.Create(p.Key, Sample(doc, p.Value!, p.Key, depth + 1)))),
            "object" => new JsonObject(),
            "array" => s["items"] is { } items ? new JsonArray(Sample(doc, items, name, depth + 1)) : new JsonArray(),
            "string" when format == "date" => JsonValue.Create(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            "string" when format == "date-time" => JsonValue.Create(factory.Clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
            "string" when format == "time" => JsonValue.Create("09:00:00"),
            "string" when format == "uuid" => JsonValue.Create(Guid.NewGuid().ToString()),
            "string" when s["pattern"] is not null => JsonValue.Create("1"),
            "string" => JsonValue.Create(name.EndsWith("month", StringComparison.OrdinalIgnoreCase) ? today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) : "契约测试"),
            "integer" or "number" => JsonValue.Create(1),
            "boolean" => JsonValue.Create(false),
            _ => JsonValue.Create("契约测试"),
        };
    }
}
