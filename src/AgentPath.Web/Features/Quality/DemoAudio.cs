using System.Buffers.Binary;

namespace AgentPath.Web.Features.Quality;

/// <summary>
/// Real audio for the demo and the tests: a PCM WAV (8 kHz, 8-bit, mono) of a made-up conversation —
/// alternating turns of two voices (tone clusters at different pitches with a syllable rhythm) and short pauses —
/// so the player has something to play, seek and draw.
/// </summary>
public static class DemoAudio
{
    public const int SampleRate = 8000;

    public static byte[] Wav(int seconds, int seed)
    {
        var samples = SampleRate * Math.Max(1, seconds);
        var data = new byte[samples];
        var rng = new Sampler.SplitMix64(seed);
        var i = 0;
        var agent = true;
        while (i < samples)
        {
            // One turn: 1.5–4 s of "syllables", then a 0.3–0.8 s pause.
            var turn = (int)(SampleRate * (1.5 + (rng.Below(250) / 100.0)));
            var pitch = agent ? 210.0 + rng.Below(40) : 125.0 + rng.Below(30);
            for (var t = 0; t < turn && i < samples; t++, i++)
            {
                var time = (double)t / SampleRate;
                var syllable = Math.Max(0, Math.Sin(Math.PI * 4.5 * time)); // about 4.5 syllables a second
                var envelope = syllable * (0.55 + (0.25 * Math.Sin(2 * Math.PI * 0.7 * time)));
                var f = pitch * (1 + (0.04 * Math.Sin(2 * Math.PI * 3 * time)));
                var v = (0.6 * Math.Sin(2 * Math.PI * f * time)) + (0.25 * Math.Sin(2 * Math.PI * 2 * f * time)) + (0.15 * Math.Sin(2 * Math.PI * 3 * f * time));
                data[i] = (byte)Math.Clamp(128 + (int)(100 * envelope * v), 0, 255);
            }

            var pause = (int)(SampleRate * (0.3 + (rng.Below(50) / 100.0)));
            for (var t = 0; t < pause && i < samples; t++, i++)
            {
                data[i] = (byte)(128 + (int)rng.Below(3) - 1);
            }

            agent = !agent;
        }

        return Pcm8(data);
    }

    /// <summary>A RIFF/WAVE file around 8-bit mono samples.</summary>
    public static byte[] Pcm8(byte[] samples)
    {
        var wav = new byte[44 + samples.Length];
        var s = wav.AsSpan();
        "RIFF"u8.CopyTo(s);
        BinaryPrimitives.WriteInt32LittleEndian(s[4..], 36 + samples.Length);
        "WAVE"u8.CopyTo(s[8..]);
        "fmt "u8.CopyTo(s[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(s[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(s[20..], 1); // PCM
        BinaryPrimitives.WriteInt16LittleEndian(s[22..], 1); // mono
        BinaryPrimitives.WriteInt32LittleEndian(s[24..], SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(s[28..], SampleRate); // bytes per second
        BinaryPrimitives.WriteInt16LittleEndian(s[32..], 1); // block align
        BinaryPrimitives.WriteInt16LittleEndian(s[34..], 8); // bits per sample
        "data"u8.CopyTo(s[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(s[40..], samples.Length);
        samples.CopyTo(s[44..]);
        return wav;
    }
}
