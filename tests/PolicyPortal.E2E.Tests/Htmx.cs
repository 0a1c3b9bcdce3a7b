using Microsoft.Playwright;

namespace PolicyPortal.E2E.Tests;

/// <summary>Waiting for htmx, so a test types only into elements whose triggers are wired.</summary>
internal static class Htmx
{
    /// <summary>
    /// Waits until the page has loaded and htmx has no request, swap or settle in progress: htmx wires the triggers of
    /// swapped-in content as it settles, and an input event before that goes unheard (seen under CI load).
    /// </summary>
    public static async Task SettledAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.WaitForFunctionAsync("() => window.htmx !== undefined && !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added')");
    }
}
