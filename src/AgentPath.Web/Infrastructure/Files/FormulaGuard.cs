namespace AgentPath.Web.Infrastructure.Files;

/// <summary>
/// Formula injection (CSV/xlsx): a text a spreadsheet would run as a formula when the sheet is
/// opened. Checked on the text as it will be stored, i.e. after trimming (" =1+1" is one); imports,
/// the API and the pages refuse such names and texts, and every export neutralises any that is
/// stored anyway by a leading apostrophe.
/// </summary>
public static class FormulaGuard
{
    public const string Message = "\"{0}\" starts with a character a spreadsheet would run as a formula.";

    /// <summary>The field-level message for forms and the API ({0} is the field's label).</summary>
    public const string FieldMessage = "{0} must not start with =, +, -, @ or a tab (a spreadsheet would run it as a formula).";

    public static bool IsFormulaLike(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text[0] is '\t' or '\r' or '\n')
        {
            return true;
        }

        var t = text.AsSpan().TrimStart();
        return t.Length > 0 && t[0] is '=' or '+' or '-' or '@' or '＝' or '＋' or '－' or '＠';
    }

    /// <summary>For exports: a formula-like text gets a leading apostrophe so a spreadsheet shows it as text.</summary>
    public static string Neutralise(string text) => IsFormulaLike(text) ? "'" + text : text;

    /// <summary>For exports of objects: strings neutralised, anything else as it is.</summary>
    public static object? NeutraliseCell(object? value) => value is string s ? Neutralise(s) : value;

    /// <summary>Reading a sheet this app exported: the neutralising apostrophe is taken off again.</summary>
    public static string Unneutralise(string text) => text.Length > 1 && text[0] == '\'' && IsFormulaLike(text[1..]) ? text[1..] : text;
}

/// <summary>Spreadsheet exports: every text cell neutralised by <see cref="FormulaGuard.Neutralise"/>.</summary>
public static class SafeSheet
{
    public static List<Dictionary<string, object?>> Rows(IEnumerable<IDictionary<string, object?>> rows) =>
        rows.Select(r => r.ToDictionary(kv => kv.Key, kv => FormulaGuard.NeutraliseCell(kv.Value), StringComparer.Ordinal)).ToList();

    public static Dictionary<string, object> Sheets(IDictionary<string, object> sheets) =>
        sheets.ToDictionary(kv => kv.Key, kv => kv.Value is IEnumerable<IDictionary<string, object?>> rows ? Rows(rows) : kv.Value, StringComparer.Ordinal);
}

/// <summary>
/// A name or title that a spreadsheet would run as a formula is refused (checked after trimming).
/// <see cref="Localization.InputValidator"/> applies it to every string property called *Name or Title
/// of an input, and to any other marked with this attribute.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NoFormulaAttribute : System.ComponentModel.DataAnnotations.ValidationAttribute
{
    public NoFormulaAttribute()
        : base(FormulaGuard.FieldMessage)
    {
        ErrorMessage = FormulaGuard.FieldMessage;
    }

    public override bool IsValid(object? value) => value is not string s || !FormulaGuard.IsFormulaLike(s);
}
