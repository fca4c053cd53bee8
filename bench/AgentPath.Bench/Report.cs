using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace AgentPath.Bench;

/// <summary>A small table printed to the console and written as markdown.</summary>
public sealed class ReportTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public IReadOnlyList<string> Headers { get; } = headers;

    public void Add(params string[] cells)
    {
        if (cells.Length != Headers.Count)
        {
            throw new ArgumentException($"Expected {Headers.Count} cells, got {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
    }

    public string ToText()
    {
        var widths = Headers.Select((h, i) => Math.Max(h.Length, _rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        var sb = new StringBuilder();
        sb.AppendLine(string.Join("  ", Headers.Select((h, i) => h.PadLeft(widths[i]))));
        sb.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var r in _rows)
        {
            sb.AppendLine(string.Join("  ", r.Select((c, i) => c.PadLeft(widths[i]))));
        }

        return sb.ToString();
    }

    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.AppendLine("| " + string.Join(" | ", Headers) + " |");
        sb.AppendLine("|" + string.Join("|", Headers.Select(_ => "---:")) + "|");
        foreach (var r in _rows)
        {
            sb.AppendLine("| " + string.Join(" | ", r) + " |");
        }

        return sb.ToString();
    }
}

public static class Report
{
    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    public static string Number(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string MiB(long bytes) => (bytes / 1024.0 / 1024.0).ToString(bytes < 10L << 20 ? "0.0" : "0", CultureInfo.InvariantCulture) + " MiB";

    /// <summary>CPU time of this process so far, all threads (JIT, GC and thread-pool work included).</summary>
    public static TimeSpan CpuTime()
    {
        using var p = Process.GetCurrentProcess();
        return p.TotalProcessorTime;
    }

    /// <summary>The 1, 5 and 15 minute load averages on Linux ("n/a" elsewhere): other work on the machine shows in wall times.</summary>
    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return parts.Length >= 3 ? $"{parts[0]}/{parts[1]}/{parts[2]}" : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }

    /// <summary><paramref name="dir"/>/<paramref name="stem"/>.md, or -2, -3… when an earlier run of the day is there.</summary>
    public static string NewResultFile(string dir, string stem)
    {
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, stem + ".md");
        for (var i = 2; File.Exists(path); i++)
        {
            path = Path.Combine(dir, $"{stem}-{i}.md");
        }

        return path;
    }

    /// <summary>The process's peak working set so far (VmHWM on Linux).</summary>
    public static long PeakWorkingSet()
    {
        using var p = Process.GetCurrentProcess();
        p.Refresh();
        return p.PeakWorkingSet64;
    }

    /// <summary>One line about the machine and runtime, for the report's header.</summary>
    public static string Environment()
    {
#if DEBUG
        const string build = "Debug";
#else
        const string build = "Release";
#endif
        return $"{RuntimeInformation.OSDescription.Trim()} {RuntimeInformation.OSArchitecture}, {System.Environment.ProcessorCount} logical CPUs, "
            + $"{RuntimeInformation.FrameworkDescription}, {build} build, Server GC: {System.Runtime.GCSettings.IsServerGC}";
    }

    /// <summary>bench/results of the repository (found by walking up to AgentPath.slnx), or <paramref name="overrideDir"/>.</summary>
    public static string ResultsDirectory(string? overrideDir)
    {
        if (!string.IsNullOrEmpty(overrideDir))
        {
            return Path.GetFullPath(overrideDir);
        }

        foreach (var start in new[] { System.Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "AgentPath.slnx")))
                {
                    return Path.Combine(dir.FullName, "bench", "results");
                }
            }
        }

        return Path.GetFullPath("results");
    }
}
