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
            IEnumerable<ValidationAttribute> attributes = prop.GetCustomAttributes<ValidationAttribute>();
            if (prop.PropertyType == typeof(string) && (prop.Name.EndsWith("Name", StringComparison.Ordinal) || prop.Name == "Title")
                && !attributes.OfType<Files.NoFormulaAttribute>().Any())
            {
                attributes = attributes.Append(new Files.NoFormulaAttribute());
            }

            foreach (var attr in attributes)
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

            // Dates typed in: from 2000 to a few years ahead (InputRanges), whatever the form.
            var now = DateTimeOffset.UtcNow;
            var outOfRange = value switch
            {
                DateOnly d when d != default => !InputRanges.IsDate(d, now),
                DateTimeOffset t when t != default => !InputRanges.IsMoment(t, now),
                DateTime t when t != default => !InputRanges.IsMoment(new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)), now),
                _ => false,
            };
            if (outOfRange && !errors.ContainsKey(prop.Name))
            {
                errors[prop.Name] = text[InputRanges.DateMessage, text[FieldLabel.Of<TInput>(prop.Name)].Value, InputRanges.LatestDate(now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)];
            }
        }

        return errors;
    }
}
