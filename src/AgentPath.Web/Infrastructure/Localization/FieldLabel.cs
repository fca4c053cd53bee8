using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace AgentPath.Web.Infrastructure.Localization;

/// <summary>The label of an input field: its [Display(Name)] (a resource key), or the property name.</summary>
public static class FieldLabel
{
    public static string Of<TInput>(string property) =>
        typeof(TInput).GetProperty(property)?.GetCustomAttribute<DisplayAttribute>()?.Name ?? property;
}
