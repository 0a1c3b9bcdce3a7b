using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PolicyPortal.Domain.Enterprises;
using PolicyPortal.Infrastructure.Data;
using PolicyPortal.Infrastructure.Data.Enterprises;
using PolicyPortal.Infrastructure.Identity;

namespace PolicyPortal.Web.Features.Enterprises;

/// <summary>
/// Registers an enterprise: its account (sign-in name = the credit code) and its file, in one transaction — a refused
/// password or a duplicate code leaves nothing behind. One account per credit code.
/// </summary>
internal sealed class EnterpriseRegistration(PortalDbContext db, UserManager<PortalUser> users, SignInManager<PortalUser> signIn, TimeProvider clock)
{
    /// <summary>Field → message for each problem; empty when registered and signed in.</summary>
    public async Task<IReadOnlyList<(string Field, string Message)>> RegisterAsync(RegisterInput input)
    {
        var code = CreditCode.Parse(input.CreditCode).Value;
        if (await db.Enterprises.AnyAsync(e => e.CreditCode == code) || await users.FindByNameAsync(code) is not null)
            return [(nameof(RegisterInput.CreditCode), "该统一社会信用代码已注册；如忘记密码，请联系所在区管理员")];

        var now = clock.GetUtcNow();
        var user = new PortalUser
        {
            UserName = code,
            DisplayName = input.Name.Trim(),
            District = input.District,
            Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim(),
            PhoneNumber = input.ContactPhone.Trim(),
            CreatedAt = now,
            LockoutEnabled = true,
        };

        var strategy = db.Database.CreateExecutionStrategy();
        var errors = await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var created = await users.CreateAsync(user, input.Password);
            if (!created.Succeeded)
                return created.Errors.Select(e => (nameof(RegisterInput.Password), e.Description)).ToList();
            await users.AddToRoleAsync(user, PortalRoles.Enterprise);
            db.Enterprises.Add(new Enterprise
            {
                CreditCode = code,
                Name = input.Name.Trim(),
                District = input.District,
                ContactName = input.ContactName.Trim(),
                ContactPhone = input.ContactPhone.Trim(),
                Email = user.Email,
                OwnerUserId = user.Id,
                CreatedAt = now,
                UpdatedAt = now,
            });
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // Two registrations of one code at once: the unique index lets only one through.
                return [(nameof(RegisterInput.CreditCode), "该统一社会信用代码已注册；如忘记密码，请联系所在区管理员")];
            }
            await tx.CommitAsync();
            return new List<(string, string)>();
        });
        if (errors.Count == 0)
            await signIn.SignInAsync(user, isPersistent: false);
        else
            db.ChangeTracker.Clear();
        return errors;
    }
}
