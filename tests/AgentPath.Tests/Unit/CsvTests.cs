using AgentPath.Web.Infrastructure.Files;

namespace AgentPath.Tests.Unit;

public class CsvTests
{
    [Fact]
    public void Reads_quoted_fields_with_commas_quotes_and_line_breaks()
    {
        var rows = Csv.Read("a,\"b,1\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",x,\r\n").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["a", "b,1", "say \"hi\""], rows[0]);
        Assert.Equal(["multi\nline", "x", ""], rows[1]);
    }

    [Fact]
    public void Detects_tab_and_semicolon_delimiters()
    {
        Assert.Equal(["工号", "姓名"], Csv.Read("工号\t姓名\n1\t张伟").First());
        Assert.Equal(["a", "b"], Csv.Read("a;b\n1;2").First());
    }

    [Fact]
    public void A_last_line_without_a_break_is_read() =>
        Assert.Equal(["1", "2"], Csv.Read("a,b\n1,2").Last());
}
