using System.Text;

namespace AgentPath.Web.Features.Quality;

/// <summary>
/// Reads what an uploaded file really is from its first bytes, never from its name: WAV (RIFF/WAVE),
/// MP3 (ID3 tag or an MPEG audio frame), M4A (an ISO media file with an audio brand) or raw AAC
/// (ADTS), OGG. Anything else is refused with what it looks like instead.
/// </summary>
public static class AudioSniffer
{
    /// <summary>Bytes needed to decide.</summary>
    public const int HeaderBytes = 64;

    public sealed record Sniffed(AudioFormat? Format, string? LooksLike);

    public static Sniffed Sniff(ReadOnlySpan<byte> h)
    {
        if (h.Length >= 12 && h[..4].SequenceEqual("RIFF"u8) && h.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            return new(AudioFormat.Wav, null);
        }

        if (h.Length >= 4 && h[..4].SequenceEqual("OggS"u8))
        {
            return new(AudioFormat.Ogg, null);
        }

        if (h.Length >= 10 && h[..3].SequenceEqual("ID3"u8) && h[3] is >= 2 and <= 4)
        {
            return new(AudioFormat.Mp3, null);
        }

        if (h.Length >= 12 && h.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            var brand = Encoding.ASCII.GetString(h.Slice(8, 4));
            return brand is "M4A " or "M4B " or "mp42" or "mp41" or "isom" or "iso2" or "3gp4" or "3gp5" or "dash"
                ? new(AudioFormat.M4a, null)
                : new(null, "video or another MPEG-4 file");
        }

        if (h.Length >= 4 && h[0] == 0xFF && (h[1] & 0xF6) == 0xF0)
        {
            // ADTS: sync word 0xFFF, layer bits 00 — raw AAC.
            return new(AudioFormat.M4a, null);
        }

        if (h.Length >= 4 && IsMpegFrame(h))
        {
            return new(AudioFormat.Mp3, null);
        }

        return new(null, Describe(h));
    }

    private static bool IsMpegFrame(ReadOnlySpan<byte> h)
    {
        // 11 sync bits, a version that is not "reserved", layer III/II/I, a bitrate that is not "bad", a sample rate that is not "reserved".
        if (h[0] != 0xFF || (h[1] & 0xE0) != 0xE0)
        {
            return false;
        }

        var version = (h[1] >> 3) & 0b11;
        var layer = (h[1] >> 1) & 0b11;
        var bitrate = (h[2] >> 4) & 0b1111;
        var rate = (h[2] >> 2) & 0b11;
        return version != 0b01 && layer != 0 && bitrate != 0b1111 && rate != 0b11;
    }

    private static string Describe(ReadOnlySpan<byte> h)
    {
        if (h.Length == 0)
        {
            return "an empty file";
        }

        if (h.Length >= 2 && h[0] == (byte)'M' && h[1] == (byte)'Z')
        {
            return "a Windows program";
        }

        if (h.Length >= 4 && h[..4].SequenceEqual("\u007fELF"u8))
        {
            return "a Linux program";
        }

        if (h.Length >= 4 && h[..4].SequenceEqual("%PDF"u8))
        {
            return "a PDF document";
        }

        if (h.Length >= 4 && h[..4].SequenceEqual("PK\u0003\u0004"u8))
        {
            return "a ZIP archive or Office document";
        }

        var start = Encoding.UTF8.GetString(h).TrimStart('\uFEFF', ' ', '\t', '\r', '\n').ToLowerInvariant();
        if (start.StartsWith('<'))
        {
            return start.StartsWith("<?xml", StringComparison.Ordinal) && !start.Contains("<html", StringComparison.Ordinal) ? "an XML document" : "a web page (HTML)";
        }

        var text = h.ToArray().All(b => b is >= 0x20 or (byte)'\t' or (byte)'\r' or (byte)'\n');
        return text ? "a text file" : "an unknown binary file";
    }

    public static string ContentType(AudioFormat f) => f switch
    {
        AudioFormat.Wav => "audio/wav",
        AudioFormat.Mp3 => "audio/mpeg",
        AudioFormat.M4a => "audio/mp4",
        _ => "audio/ogg",
    };

    public static string Extension(AudioFormat f) => f switch
    {
        AudioFormat.Wav => ".wav",
        AudioFormat.Mp3 => ".mp3",
        AudioFormat.M4a => ".m4a",
        _ => ".ogg",
    };
}
