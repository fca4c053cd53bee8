using System.Text;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.People.Import;
using MiniExcelLibs;

namespace AgentPath.Tests.Unit;

public class RosterParserTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private const string Header = "工号,姓名,手机,入职日期,班组";

    private static RosterParseResult ParseCsv(string text, Encoding? encoding = null, bool bom = false)
    {
        var enc = encoding ?? new UTF8Encoding(false);
        var bytes = (bom ? enc.GetPreamble() : []).Concat(enc.GetBytes(text)).ToArray();
        return RosterParser.Parse(new MemoryStream(bytes), RosterFormat.Csv, Today);
    }

    private static RosterProblem Single(RosterParseResult r) => Assert.Single(r.Problems);

    [Fact]
    public void A_clean_file_reads_every_row()
    {
        var r = ParseCsv($"{Header}\nA1,张伟,13800138000,2026-11-01,咨询一组\nA2,𠮷祥,,2026/11/2,咨询二组\n");
        Assert.Empty(r.Problems);
        Assert.Equal(2, r.Rows.Count);
        Assert.Equal(new DateOnly(2026, 11, 2), r.Rows[1].HireDate);
        Assert.Equal("𠮷祥", r.Rows[1].Name);
        Assert.Equal(Stage.Induction, r.Rows[0].Stage);
        Assert.Equal(2, r.Rows[0].Line);
    }

    [Fact]
    public void English_headers_and_a_stage_column_are_understood()
    {
        var r = ParseCsv("Employee number,Name,Phone,Hire date,Team,Stage\nA1,Li Wei,,2026-11-01,T1,Probation\nA2,王芳,,2026-11-01,T1,见习期\n");
        Assert.Empty(r.Problems);
        Assert.Equal([Stage.Probation, Stage.Apprenticeship], r.Rows.Select(x => x.Stage));
    }

    [Fact]
    public void A_missing_column_is_named()
    {
        var p = Single(ParseCsv("工号,姓名,入职日期\nA1,张伟,2026-11-01\n"));
        Assert.Equal("Missing column \"{0}\".", p.Message);
        Assert.Contains("班组", p.Args[0]);
    }

    [Fact]
    public void A_missing_value_is_reported_with_its_row()
    {
        var p = Single(ParseCsv($"{Header}\nA1,,,2026-11-01,咨询一组\n"));
        Assert.Equal(2, p.Line);
        Assert.Equal("\"{0}\" is empty.", p.Message);
        Assert.Contains("姓名", p.Column);
    }

    [Fact]
    public void A_duplicate_employee_number_names_the_first_line()
    {
        var r = ParseCsv($"{Header}\nA1,张伟,,2026-11-01,咨询一组\nA2,王芳,,2026-11-01,咨询一组\na1,李娜,,2026-11-01,咨询一组\n");
        var p = Single(r);
        Assert.Equal(4, p.Line);
        Assert.Equal(["A1", "2"], p.Args); // numbers are compared and kept in upper case
        Assert.Equal(2, r.Rows.Count);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026-13-01")]
    [InlineData("1899-12-31")]
    [InlineData("2035-01-01")]
    [InlineData("next monday")]
    [InlineData("60")]
    [InlineData("0")]
    public void An_impossible_date_is_refused(string date)
    {
        var p = Single(ParseCsv($"{Header}\nA1,张伟,,{date},咨询一组\n"));
        Assert.Equal("\"{0}\" is not a possible hire date: write a date such as 2026-12-01, from {1} to {2}.", p.Message);
    }

    [Theory]
    [InlineData("46000", 2025, 12, 9)]
    [InlineData("2026年3月8日", 2026, 3, 8)]
    [InlineData("20260308", 2026, 3, 8)]
    [InlineData("2026.3.8", 2026, 3, 8)]
    public void Excel_serials_and_Chinese_date_forms_are_read(string date, int y, int m, int d)
    {
        var r = ParseCsv($"{Header}\nA1,张伟,,{date},咨询一组\n");
        Assert.Empty(r.Problems);
        Assert.Equal(new DateOnly(y, m, d), r.Rows[0].HireDate);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+8613800138000")]
    [InlineData("-1+1")]
    [InlineData("@SUM(A1)")]
    public void A_cell_a_spreadsheet_would_run_as_a_formula_is_refused(string cell)
    {
        var quoted = "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var p = Single(ParseCsv($"{Header}\nA1,张伟,{quoted},2026-11-01,咨询一组\n"));
        Assert.Equal("\"{0}\" starts with a character a spreadsheet would run as a formula.", p.Message);
        Assert.Contains("手机", p.Column);
    }

    [Fact]
    public void An_unknown_stage_and_a_bad_service_level_are_refused()
    {
        var r = ParseCsv("工号,姓名,入职日期,班组,阶段,服务等级\nA1,张伟,2026-11-01,咨询一组,试岗,\nA2,王芳,2026-11-01,咨询一组,,12\n");
        Assert.Equal(["Unknown stage \"{0}\"; choose one of: {1}.", "Service level must be a whole number from 1 to 9, not \"{0}\"."], r.Problems.Select(p => p.Message));
    }

    [Theory]
    [InlineData("1380013")]
    [InlineData("12345678901")]
    [InlineData("138-0013-800a")]
    public void A_phone_that_is_neither_a_mobile_nor_a_landline_is_refused(string phone)
    {
        var p = Single(ParseCsv($"{Header}\nA1,张伟,{phone},2026-11-01,咨询一组\n"));
        Assert.Contains("is not a phone number", p.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("138 0013 8000", "13800138000")]
    [InlineData("020-12345678", "020-12345678")]
    [InlineData("0755 1234567", "0755-1234567")]
    public void Mobile_and_landline_numbers_are_read(string phone, string stored)
    {
        var r = ParseCsv($"{Header}\nA1,张伟,{phone},2026-11-01,咨询一组\n");
        Assert.Empty(r.Problems);
        Assert.Equal(stored, r.Rows[0].Phone);
    }

    [Fact]
    public void Every_mistake_of_a_row_is_reported_at_once()
    {
        var r = ParseCsv("工号,姓名,手机,入职日期,班组,阶段,服务等级\n,,1380013,2026-02-30,,学徒,12\n");
        Assert.Equal(7, r.Problems.Count);
        Assert.Single(r.Keys);
        var stage = r.Problems.Single(p => p.Message.StartsWith("Unknown stage", StringComparison.Ordinal));
        Assert.Equal("实习期、见习期、试用期、正式员工、淘汰、离职", stage.FormatArgs(true)[1]);
    }

    [Fact]
    public void Utf8_with_bom_and_gbk_are_both_read()
    {
        var text = $"{Header}\nA1,张伟,,2026-11-01,咨询一组\n";
        Assert.Equal("张伟", ParseCsv(text, bom: true).Rows.Single().Name);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GBK");
        var r = ParseCsv(text, gbk);
        Assert.Empty(r.Problems);
        Assert.Equal("张伟", r.Rows.Single().Name);
        Assert.Equal("咨询一组", r.Rows.Single().Team);
    }

    [Fact]
    public void Blank_lines_are_skipped_and_an_empty_file_is_reported()
    {
        Assert.Single(ParseCsv($"\n{Header}\n\nA1,张伟,,2026-11-01,咨询一组\n,,,,\n").Rows);
        Assert.Equal("The file is empty.", Single(ParseCsv("")).Message);
        Assert.Equal("The file has a header but no rows.", Single(ParseCsv(Header + "\n")).Message);
    }

    [Fact]
    public void An_xlsx_with_real_dates_and_serial_numbers_is_read()
    {
        var rows = new[]
        {
            new Dictionary<string, object> { ["工号 / Employee number"] = "A1", ["姓名 / Name"] = "张伟", ["入职日期 / Hire date"] = new DateTime(2026, 11, 1), ["班组 / Team"] = "咨询一组" },
            new Dictionary<string, object> { ["工号 / Employee number"] = 1002, ["姓名 / Name"] = "王芳", ["入职日期 / Hire date"] = 46000, ["班组 / Team"] = "咨询一组" },
        };
        using var ms = new MemoryStream();
        MiniExcel.SaveAs(ms, rows, excelType: ExcelType.XLSX);
        ms.Position = 0;
        var r = RosterParser.Parse(ms, RosterFormat.Xlsx, Today);
        Assert.Empty(r.Problems);
        Assert.Equal(new DateOnly(2026, 11, 1), r.Rows[0].HireDate);
        Assert.Equal(new DateOnly(2025, 12, 9), r.Rows[1].HireDate);
        Assert.Equal("1002", r.Rows[1].EmployeeNumber);
    }

    [Fact]
    public void A_file_that_is_not_a_spreadsheet_is_reported_not_thrown()
    {
        var r = RosterParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes("<html>not excel</html>")), RosterFormat.Xlsx, Today);
        Assert.Equal("The file cannot be read as {0}.", Single(r).Message);
    }
}
