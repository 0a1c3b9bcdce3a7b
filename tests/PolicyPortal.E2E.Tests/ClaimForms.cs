using Microsoft.Playwright;

namespace PolicyPortal.E2E.Tests;

/// <summary>The claim form of a project section in the application editor.</summary>
internal static class ClaimForms
{
    /// <summary>
    /// Chooses a clause. The choice makes htmx fetch the page again and swap in the project's claim form, even when the
    /// same clause was already chosen; anything typed before the swap lands in a form about to be replaced and is lost.
    /// So this waits until an earlier form is gone (detached counts as hidden), the new one is there and htmx has settled.
    /// </summary>
    public static async Task SelectClauseAsync(ILocator project, string clause)
    {
        var form = project.Locator("[data-testid=claim-form]");
        var old = await form.CountAsync() > 0 ? await form.ElementHandleAsync() : null;
        await project.Locator("[data-testid=claim-clause]").SelectOptionAsync(clause);
        if (old is not null) await old.WaitForElementStateAsync(ElementState.Hidden);
        await Assertions.Expect(form.Locator($"input[name=clause][value='{clause}']")).ToHaveCountAsync(1);
        await Htmx.SettledAsync(project.Page); // the new form's live-preview triggers are wired as htmx settles
    }
}
