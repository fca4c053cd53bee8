using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;

namespace AgentPath.Web.Infrastructure.OpenApi;

/// <summary>
/// Schema ids of the OpenAPI document, unique by name: the framework names a schema after the bare type
/// name, so two features' <c>AnswerInput</c> (the exam answer <c>{response, seq}</c> and the QA item score
/// <c>{itemId, value}</c>) became one schema and one endpoint was described with the other's body.
/// Types of a feature get the feature's name in front (<c>QualityAnswerInput</c>, <c>AssessmentsAnswerInput</c>).
/// </summary>
public static class SchemaIds
{
    private const string Root = "AgentPath.Web.Features.";

    public static string? Of(JsonTypeInfo info)
    {
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(info);
        if (id is null)
        {
            return null;
        }

        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        var ns = type.Namespace ?? "";
        if (!ns.StartsWith(Root, StringComparison.Ordinal))
        {
            return id;
        }

        var feature = ns[Root.Length..].Split('.')[0];
        return id.StartsWith(feature, StringComparison.Ordinal) ? id : feature + id;
    }
}
