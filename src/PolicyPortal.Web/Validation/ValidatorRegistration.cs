using FluentValidation;

namespace PolicyPortal.Web.Validation;

/// <summary>
/// Registers every FluentValidation validator of an assembly (FluentValidation.DependencyInjectionExtensions cannot be
/// restored here, so this is the small scan it would do). Validators sit beside the form or API model they check.
/// </summary>
internal static class ValidatorRegistration
{
    public static IServiceCollection AddValidatorsFromAssembly(this IServiceCollection services, System.Reflection.Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
                services.AddScoped(contract, type);
        }
        return services;
    }
}
