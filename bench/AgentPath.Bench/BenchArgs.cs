using System.Globalization;

namespace AgentPath.Bench;

/// <summary>Options after the benchmark name: <c>--name value</c>, <c>--name=value</c> or a bare <c>--flag</c>.</summary>
public sealed class BenchArgs
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.OrdinalIgnoreCase);

    public static BenchArgs Parse(ReadOnlySpan<string> args)
    {
        var result = new BenchArgs();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal) || a.Length == 2)
            {
                throw new BenchUsageException($"Unexpected argument \"{a}\".");
            }

            var eq = a.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                result._values[a[2..eq]] = a[(eq + 1)..];
            }
            else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                result._values[a[2..]] = args[++i];
            }
            else
            {
                result._values[a[2..]] = null;
            }
        }

        return result;
    }

    /// <summary>Refuses options the benchmark does not know, so a typo is not silently ignored.</summary>
    public void AllowOnly(params string[] names)
    {
        var unknown = _values.Keys.Where(k => !names.Contains(k, StringComparer.OrdinalIgnoreCase) && !k.Equals("help", StringComparison.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            throw new BenchUsageException("Unknown option(s): " + string.Join(", ", unknown.Select(u => "--" + u)));
        }
    }

    public bool Flag(string name) => _values.ContainsKey(name);

    public string? String(string name, string? fallback = null) =>
        _values.TryGetValue(name, out var v) ? v ?? throw new BenchUsageException($"--{name} needs a value.") : fallback;

    public int Int(string name, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        if (String(name) is not { } text)
        {
            return fallback;
        }

        var ok = int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value);
        return ok && value >= min && value <= max
            ? value
            : throw new BenchUsageException($"--{name} must be a whole number from {min} to {max}, not \"{text}\".");
    }

    public double Double(string name, double fallback, double min, double max)
    {
        if (String(name) is not { } text)
        {
            return fallback;
        }

        var ok = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value);
        return ok && value >= min && value <= max
            ? value
            : throw new BenchUsageException($"--{name} must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, not \"{text}\".");
    }
}

/// <summary>A wrong command line: Main prints the message and the benchmark's usage, and exits with 2.</summary>
public sealed class BenchUsageException(string message) : Exception(message);
