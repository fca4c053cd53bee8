namespace AgentPath.Web.Data;

/// <summary>
/// An illegal move refused by an entity. The message is an English resource key, shown to the
/// user in their language; the edge maps it to a form error or a 400 ProblemDetails.
/// </summary>
public sealed class DomainException(string message) : Exception(message);

/// <summary>Marks domain data whose every create, update and delete is written to the audit trail.</summary>
public interface IAudited;
