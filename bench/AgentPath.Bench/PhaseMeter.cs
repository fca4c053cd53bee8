using System.Diagnostics;

namespace AgentPath.Bench;

/// <summary>What a phase cost the process (app and driver together: they share it).</summary>
public sealed record PhaseResources(TimeSpan Wall, TimeSpan Cpu, long AllocatedBytes, int Gen0, int Gen1, int Gen2, long PeakRss, long PeakManagedHeap,
    int PeakThreads, long PeakQueue, string PeakRssSource)
{
    /// <summary>CPU time over wall time over the machine's cores, in percent.</summary>
    public double CpuPercent => Wall.TotalSeconds <= 0 ? 0 : Cpu.TotalSeconds * 100 / Wall.TotalSeconds / Environment.ProcessorCount;
}

/// <summary>
/// Measures a phase: CPU time and allocations of the process, GC counts, the peak resident set (Linux VmHWM, reset at
/// the start of the phase through /proc/self/clear_refs; elsewhere the highest sampled working set), and, sampled every
/// 200 ms, the managed heap, thread-pool threads and queued work items.
/// </summary>
public sealed class PhaseMeter : IAsyncDisposable
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly TimeSpan _cpu = Report.CpuTime();
    private readonly long _allocated = GC.GetTotalAllocatedBytes(precise: false);
    private readonly int _gen0 = GC.CollectionCount(0), _gen1 = GC.CollectionCount(1), _gen2 = GC.CollectionCount(2);
    private readonly bool _hwmReset = TryResetPeakRss();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _peakSampledRss, _peakHeap, _peakQueue;
    private int _peakThreads;

    private readonly Timeline? _timeline;

    public PhaseMeter(Timeline? timeline = null)
    {
        _timeline = timeline;
        _sampler = SampleAsync();
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        do
        {
            _peakSampledRss = Math.Max(_peakSampledRss, Environment.WorkingSet);
            _peakHeap = Math.Max(_peakHeap, GC.GetTotalMemory(forceFullCollection: false));
            _peakThreads = Math.Max(_peakThreads, ThreadPool.ThreadCount);
            _peakQueue = Math.Max(_peakQueue, ThreadPool.PendingWorkItemCount);
            _timeline?.Sample();
        }
        while (await WaitAsync(timer));
    }

    private async Task<bool> WaitAsync(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async Task<PhaseResources> StopAsync()
    {
        var wall = _wall.Elapsed;
        var cpu = Report.CpuTime() - _cpu;
        var allocated = Math.Max(0, GC.GetTotalAllocatedBytes(precise: false) - _allocated);
        await _stop.CancelAsync();
        await _sampler;
        var hwm = _hwmReset ? ReadPeakRss() : null;
        return new PhaseResources(wall, cpu, allocated, GC.CollectionCount(0) - _gen0, GC.CollectionCount(1) - _gen1, GC.CollectionCount(2) - _gen2,
            Math.Max(hwm ?? 0, _peakSampledRss), _peakHeap, _peakThreads, _peakQueue, hwm is null ? "sampled" : "VmHWM");
    }

    /// <summary>Linux: writing 5 to clear_refs resets the peak resident set (VmHWM) to the current one.</summary>
    private static bool TryResetPeakRss()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long? ReadPeakRss()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            return kb is null ? null : long.Parse(kb, System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
            await _sampler;
        }

        _stop.Dispose();
    }
}
