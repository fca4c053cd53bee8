using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Infrastructure.Localization;

/// <summary>
/// Checks an input record's data annotations and returns one message per field in the user's
/// language, with the field's label filled in ("请填写姓名。"). Pages and the API share it.
/// </summary>
public static class InputValidator
{
    public static Dictionary<string, string> Validate<TInput>(TInput input, IStringLocalizer text) where TInput : notnull
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var prop in typeof(TInput).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = prop.GetValue(input);
            foreach (var attr in prop.GetCustomAttributes<ValidationAttribute>())
            {
                if (value is string s && attr is RequiredAttribute && string.IsNullOrWhiteSpace(s))
                {
                    value = null;
                }

                if (attr.IsValid(value))
                {
                    continue;
                }

                var label = text[FieldLabel.Of<TInput>(prop.Name)].Value;
                object[] args = attr switch
                {
                    RangeAttribute r => [label, r.Minimum, r.Maximum],
                    StringLengthAttribute l => [label, l.MaximumLength],
                    _ => [label],
                };
                errors.TryAdd(prop.Name, text[attr.ErrorMessage ?? "Invalid value.", args]);
                break;
            }
        }

        return errors;
    }
}
