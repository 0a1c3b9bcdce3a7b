using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Infrastructure.Audit;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Identity;

namespace PolicyPortal.Web.Features.Account;

/// <summary>
/// An invited staff member sets their first password through the link in the invitation e-mail. The link works once, for
/// <see cref="InvitationTokenProvider.Lifespan"/>, only while the account has no password and is not disabled; setting the
/// password renews the security stamp, which voids the link.
/// </summary>
internal sealed class Activation(UserManager<PortalUser> users, PortalDbContext db, AuditLog audit, IHttpContextAccessor http)
{
    /// <summary>The invited account the link is for, or null when the link is not (or no longer) valid.</summary>
    public async Task<PortalUser?> FindAsync(string? userId, string? token)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token) || userId.Length > 450 || token.Length > 2000) return null;
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.PasswordHash is not null || user.DisabledAt is not null) return null;
        return await users.VerifyUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose, token) ? user : null;
    }

    /// <summary>Sets the password; the errors of the password policy, if any, in Chinese. Null: the link is not valid.</summary>
    public async Task<IReadOnlyList<string>?> ActivateAsync(string? userId, string? token, string password)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync<IReadOnlyList<string>?>(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var user = await FindAsync(userId, token);
            if (user is null) return null;
            var added = await users.AddPasswordAsync(user, password);
            if (!added.Succeeded) return [.. added.Errors.Select(e => e.Description)];
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
            audit.Add(new AuditActor(user.Id, user.UserName ?? user.Id, http.HttpContext?.Connection.RemoteIpAddress?.ToString()),
                "User", user.UserName ?? user.Id, "ActivateAccount", new { invited = true }, new { invited = false }, "受邀人设置密码，账号启用", district: user.District);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            return [];
        });
    }
}
