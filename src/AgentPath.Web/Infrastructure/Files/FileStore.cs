namespace AgentPath.Web.Infrastructure.Files;

/// <summary>Settings under "Files".</summary>
public sealed class FileStoreOptions
{
    /// <summary>Folder for stored files, outside wwwroot; relative paths are under the content root.</summary>
    public string Root { get; set; } = "data/files";
}

/// <summary>
/// The one place files are kept (recordings, courseware, uploads awaiting confirmation). The app
/// chooses every stored name; the user's file name is never used as a path. Files live outside
/// wwwroot and are served only through endpoints that check the data scope.
/// </summary>
public sealed class FileStore
{
    private readonly string _root;

    public FileStore(FileStoreOptions options, string contentRoot)
    {
        _root = Path.GetFullPath(Path.IsPathRooted(options.Root) ? options.Root : Path.Combine(contentRoot, options.Root));
        Directory.CreateDirectory(_root);
    }

    /// <summary>Stores the stream under a new app-chosen key in <paramref name="area"/>, refusing more than <paramref name="maxBytes"/>.</summary>
    public async Task<StoredFile> SaveAsync(string area, Stream content, long maxBytes, CancellationToken ct = default)
    {
        var key = $"{Area(area)}/{DateTime.UtcNow:yyyyMM}/{Guid.NewGuid():N}";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        long total = 0;
        var buffer = new byte[81920];
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    file.Close();
                    File.Delete(path);
                    throw new FileTooLargeException(maxBytes);
                }

                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }

            await file.FlushAsync(ct);
            file.Flush(flushToDisk: true);
        }

        return new StoredFile(key, total);
    }

    public Stream OpenRead(string key) => new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public bool Exists(string key) => File.Exists(PathOf(key));

    public void Delete(string key)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private static string Area(string area) =>
        area.All(c => char.IsAsciiLetterLower(c) || c == '-') ? area : throw new ArgumentException("Bad file area.", nameof(area));

    private string PathOf(string key)
    {
        var full = Path.GetFullPath(Path.Combine(_root, key));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("Bad file key.", nameof(key));
        }

        return full;
    }
}

public sealed record StoredFile(string Key, long Length);

public sealed class FileTooLargeException(long maxBytes) : Exception($"The file is larger than {maxBytes} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}

public static class FileStoreSetup
{
    public static IServiceCollection AddFileStore(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        var options = config.GetSection("Files").Get<FileStoreOptions>() ?? new FileStoreOptions();
        services.AddSingleton(new FileStore(options, contentRoot));
        return services;
    }
}
