using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Infrastructure.Localization;

public static class LocalizationSetup
{
    public const string CookieName = "agentpath-culture";
    public static readonly CultureInfo[] Supported = [new("zh-CN"), new("en")];

    public static IServiceCollection AddAppLocalization(this IServiceCollection services)
    {
        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.AddSingleton(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Supported;
            o.SupportedUICultures = Supported;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;

            // A choice made with the header switch wins; then the browser's language; then zh-CN.
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider { CookieName = CookieName },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>Sets the language cookie, as the header switch does.</summary>
    public static void SetCulture(HttpResponse response, string culture, bool secure)
    {
        var c = Supported.FirstOrDefault(s => s.Name.Equals(culture, StringComparison.OrdinalIgnoreCase)) ?? Supported[0];
        response.Cookies.Append(CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(c)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, Secure = secure, SameSite = SameSiteMode.Lax, Path = "/" });
    }
}
