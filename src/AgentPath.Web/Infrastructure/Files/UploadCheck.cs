using System.Text;

namespace AgentPath.Web.Infrastructure.Files;

/// <summary>
/// The one check every upload passes before it is kept (courseware, homework and review hand-ins,
/// imports; recordings sniff their audio with the same rule): the type is read from the first bytes,
/// never from the name, and must be the kind the name says. HTML named slides.pdf is refused.
/// </summary>
public static class UploadCheck
{
    /// <summary>Bytes read from the start of a file to decide.</summary>
    public const int HeaderBytes = 512;

    public const string Mismatch = "The file's content does not match its type.";

    /// <summary>Whether the first bytes are what a file with this extension must start with; an unknown extension never matches.</summary>
    public static bool Matches(string fileName, ReadOnlySpan<byte> h) => Path.GetExtension(fileName ?? "").ToLowerInvariant() switch
    {
        ".pdf" => h.StartsWith("%PDF-"u8),
        ".pptx" or ".docx" or ".xlsx" or ".zip" => h.StartsWith("PK\u0003\u0004"u8),
        ".ppt" or ".doc" or ".xls" => h.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
        ".png" => h.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ".jpg" or ".jpeg" => h.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        ".wav" => h.Length >= 12 && h.StartsWith("RIFF"u8) && h.Slice(8, 4).SequenceEqual("WAVE"u8),
        ".mp3" => h.StartsWith("ID3"u8) || (h.Length >= 2 && h[0] == 0xFF && (h[1] & 0xE0) == 0xE0),
        ".mp4" or ".m4a" => h.Length >= 8 && h.Slice(4, 4).SequenceEqual("ftyp"u8),
        ".ogg" => h.StartsWith("OggS"u8),
        ".txt" or ".csv" or ".gift" => IsPlainText(h),
        ".xml" => IsPlainText(h, markupAllowed: true),
        _ => false,
    };

    /// <summary>Text: no NUL or other binary control bytes, and (unless markup is the point) not a web page.</summary>
    public static bool IsPlainText(ReadOnlySpan<byte> h, bool markupAllowed = false)
    {
        foreach (var b in h)
        {
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\r' and not (byte)'\n' and not 0x0C and not 0x1A)
            {
                return false;
            }
        }

        if (markupAllowed)
        {
            return true;
        }

        var start = Encoding.UTF8.GetString(h).TrimStart('\uFEFF', ' ', '\t', '\r', '\n').ToLowerInvariant();
        return !(start.StartsWith("<!doctype", StringComparison.Ordinal) || start.StartsWith("<html", StringComparison.Ordinal)
                 || start.StartsWith("<script", StringComparison.Ordinal) || start.StartsWith("<svg", StringComparison.Ordinal)
                 || start.StartsWith("<?xml", StringComparison.Ordinal));
    }

    /// <summary>Reads the first bytes of an upload and checks them against its name.</summary>
    public static async Task<bool> MatchesAsync(IFormFile upload, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var head = new byte[HeaderBytes];
        int read;
        await using (var peek = upload.OpenReadStream())
        {
            read = await peek.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        }

        return Matches(upload.FileName, head.AsSpan(0, read));
    }
}

/// <summary>
/// File names and paths as users and call systems write them, checked before anything is kept.
/// A name is shown to people, never used as a path: the file store chooses where a file lives.
/// </summary>
public static class FileNames
{
    public const int NameMax = 255;

    /// <summary>Why a user's file name is refused (a resource key), or null when it is fine to show.</summary>
    public static string? Problem(string? name, int max = NameMax)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        if (name.Length > max)
        {
            return "The file name is longer than {0} characters.";
        }

        if (name.Any(c => char.IsControl(c)))
        {
            return "The file name contains control characters.";
        }

        if (name.Any(IsBidiControl))
        {
            return "The file name contains a hidden direction-changing character that can disguise its type.";
        }

        if (name.Split('/', '\\').Any(p => p is ".." or "."))
        {
            return "The file name points into another folder (\"..\").";
        }

        return null;
    }

    /// <summary>
    /// A user's file name made fit to keep and show, for uploads that accept any name (homework hand-ins): control
    /// characters (NUL included) and direction-changing characters removed, only the last folder segment kept
    /// (so "..\..\x.pdf" and "C:\Users\me\x.pdf" become "x.pdf"), "." and ".." never a name, and cut to
    /// <paramref name="max"/> characters keeping the extension. The same rules <see cref="Problem"/> refuses by.
    /// </summary>
    public static string Normalise(string? name, int max = NameMax)
    {
        var clean = new string((name ?? "").Where(c => !char.IsControl(c) && !IsBidiControl(c) && c != '\uFEFF').ToArray());
        var last = clean.Split('/', '\\').Select(p => p.Trim()).LastOrDefault(p => p.Trim('.').Length > 0) ?? "";
        last = last.Trim().TrimStart('.');
        if (last.Length == 0)
        {
            return "file";
        }

        if (last.Length > max)
        {
            var ext = Path.GetExtension(last);
            ext = ext.Length > 16 ? "" : ext;
            var stem = last[..(max - ext.Length)];
            if (stem.Length > 0 && char.IsHighSurrogate(stem[^1]))
            {
                stem = stem[..^1];
            }

            last = stem + ext;
        }

        return last;
    }

    /// <summary>Unicode bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C): "invoice‮3pm.exe" shows as "invoiceexe.mp3".</summary>
    public static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';
}
