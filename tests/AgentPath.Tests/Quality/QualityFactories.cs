using System.Net.Http.Headers;
using AgentPath.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Quality;

/// <summary>The app with a small audio limit (200,000 bytes) so that "one byte over" is cheap to send.</summary>
public sealed class QualitySqliteFactory : SqliteAppFactory
{
    public const long Limit = 200_000;

    public QualitySqliteFactory() => Set("Quality:MaxAudioBytes", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

public sealed class QualityPostgresFactory : PostgresAppFactory
{
    public QualityPostgresFactory() => Set("Quality:MaxAudioBytes", QualitySqliteFactory.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

public static class QualityCalls
{
    public static Task<string> NumberOfAsync(AppFactory f, string name) =>
        f.QueryAsync(db => db.Employees.Where(e => e.Name == name).Select(e => e.EmployeeNumber).SingleAsync());

    /// <summary>POST /api/v1/recordings as the API takes it.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string employeeNumber, byte[]? audio, string fileName = "call.wav",
        string callType = "Inbound", string? startedAt = null, int duration = 5, string? callId = null)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(employeeNumber), "employeeNumber" },
            { new StringContent(callType), "callType" },
            { new StringContent(startedAt ?? DateTimeOffset.UtcNow.AddMinutes(-30).ToString("o")), "startedAt" },
            { new StringContent(duration.ToString(System.Globalization.CultureInfo.InvariantCulture)), "durationSeconds" },
        };
        if (callId is not null)
        {
            form.Add(new StringContent(callId), "callId");
        }

        if (audio is not null)
        {
            var file = new ByteArrayContent(audio);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", fileName);
        }

        return await client.PostAsync("/api/v1/recordings", form);
    }
}
