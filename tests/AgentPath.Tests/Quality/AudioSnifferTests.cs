using System.Text;
using AgentPath.Web.Features.Quality;
using AgentPath.Web.Infrastructure.Files;
using AgentPath.Web.Infrastructure.Localization;

namespace AgentPath.Tests.Quality;

/// <summary>What a file is comes from its bytes; names that could disguise or escape are refused.</summary>
public sealed class AudioSnifferTests
{
    [Fact]
    public void Audio_is_recognised_by_content()
    {
        Assert.Equal(AudioFormat.Wav, AudioSniffer.Sniff(DemoAudio.Wav(1, 1)).Format);
        Assert.Equal(AudioFormat.Mp3, AudioSniffer.Sniff([.. "ID3"u8, 3, 0, 0, 0, 0, 0, 0, 0]).Format);
        Assert.Equal(AudioFormat.Mp3, AudioSniffer.Sniff([0xFF, 0xFB, 0x90, 0x64]).Format);
        Assert.Equal(AudioFormat.Ogg, AudioSniffer.Sniff([.. "OggS"u8, 0, 2]).Format);
        Assert.Equal(AudioFormat.M4a, AudioSniffer.Sniff([0, 0, 0, 0x20, .. "ftypM4A "u8]).Format);
        Assert.Equal(AudioFormat.M4a, AudioSniffer.Sniff([0xFF, 0xF1, 0x50, 0x80]).Format);
    }

    [Theory]
    [InlineData("MZ\u0090\0\u0003", "a Windows program")]
    [InlineData("<!DOCTYPE html><html><body>", "a web page (HTML)")]
    [InlineData("%PDF-1.7", "a PDF document")]
    [InlineData("hello, this is text", "a text file")]
    [InlineData("", "an empty file")]
    public void Other_files_are_refused_with_what_they_look_like(string content, string looksLike)
    {
        var sniffed = AudioSniffer.Sniff(Encoding.Latin1.GetBytes(content));
        Assert.Null(sniffed.Format);
        Assert.Equal(looksLike, sniffed.LooksLike);
    }

    [Theory]
    [InlineData("../../etc/passwd.wav")]
    [InlineData("call\0.wav")]
    [InlineData("invoice\u202Evaw.exe")]
    public void Dangerous_file_names_are_refused(string name) => Assert.NotNull(FileNames.Problem(name));

    [Fact]
    public void Names_over_255_characters_are_refused_and_ordinary_ones_pass()
    {
        Assert.NotNull(FileNames.Problem(new string('录', 300) + ".wav"));
        Assert.Null(FileNames.Problem("马晓东 2026-11-27 回访.wav"));
    }

    [Fact]
    public void Every_text_of_the_feature_has_its_Chinese()
    {
        var root = Path.Combine(Root(), "src", "AgentPath.Web", "Resources");
        var zh = JsonStringLocalizerFactory.LoadAll(root, "zh-CN");
        var en = JsonStringLocalizerFactory.LoadAll(root, "en");
        var looks = new[] { "a Windows program", "a Linux program", "a PDF document", "a ZIP archive or Office document", "a web page (HTML)", "an XML document", "a text file", "an unknown binary file", "an empty file", "video or another MPEG-4 file" };
        var needs = Enum.GetNames<AgentPath.Web.Features.Training.TrainingNeedStatus>().Select(s => "Need." + s).ToList();
        var missing = QualityText.AllKeys().Concat(looks).Concat(needs).Where(k => !zh.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "Missing from zh-CN: " + string.Join(", ", missing));
        Assert.All(needs, k => Assert.True(en.ContainsKey(k), k));
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AgentPath.slnx")))
        {
            dir = dir.Parent;
        }

        return dir!.FullName;
    }
}
