using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Data;

/// <summary>
/// A decision that lost a race: another request changed the same record first (a concurrency
/// token moved, a conditional update matched nothing) or the record it would create exists. The
/// edge answers 409 with <see cref="DbErrors.ChangedMessage"/> or <see cref="DbErrors.ExistsMessage"/>.
/// </summary>
public sealed class ConflictException(string message = DbErrors.ChangedMessage) : Exception(message);

/// <summary>Recognises the database's refusals that mean "someone else was first", on SQLite and PostgreSQL alike.</summary>
public static class DbErrors
{
    public const string ChangedMessage = "Someone else changed this at the same time. Reload and try again.";
    public const string ExistsMessage = "This record already exists.";

    /// <summary>A unique index refused the row: SQLite's SQLITE_CONSTRAINT_UNIQUE (2067) or _PRIMARYKEY (1555), PostgreSQL's 23505.</summary>
    public static bool IsUniqueViolation(Exception? e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case Microsoft.Data.Sqlite.SqliteException s when s.SqliteErrorCode == 19 && s.SqliteExtendedErrorCode is 2067 or 1555:
                case DbException d when d.SqlState == "23505":
                    return true;
            }
        }

        return false;
    }

    /// <summary>The second of two racing decisions: a moved concurrency token, a unique violation, or an explicit <see cref="ConflictException"/>.</summary>
    public static bool IsConflict(Exception? e) => e is DbUpdateConcurrencyException or ConflictException || IsUniqueViolation(e);

    /// <summary>The message a user sees for a lost race, as a resource key.</summary>
    public static string MessageFor(Exception e) =>
        e is ConflictException c ? c.Message : e is DbUpdateConcurrencyException ? ChangedMessage : IsUniqueViolation(e) ? ExistsMessage : ChangedMessage;
}
