using FluentValidation;
using Microsoft.AspNetCore.Components.Forms;

namespace PolicyPortal.Web.Validation;

/// <summary>Runs a FluentValidation validator on a static-SSR form and puts each message next to its field.</summary>
internal sealed class FormValidation<T> where T : class
{
    private readonly ValidationMessageStore _messages;

    public FormValidation(T model)
    {
        Model = model;
        Context = new EditContext(model);
        _messages = new ValidationMessageStore(Context);
    }

    public T Model { get; }
    public EditContext Context { get; }

    public async Task<bool> ValidateAsync(IValidator<T> validator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(validator);
        _messages.Clear();
        var result = await validator.ValidateAsync(Model, cancellationToken);
        foreach (var error in result.Errors)
            _messages.Add(Context.Field(error.PropertyName), error.ErrorMessage);
        Context.NotifyValidationStateChanged();
        return result.IsValid;
    }

    /// <summary>A message found after validation (a duplicate code, the password policy) next to its field.</summary>
    public void AddFieldError(string field, string message)
    {
        _messages.Add(Context.Field(field), message);
        Context.NotifyValidationStateChanged();
    }

    /// <summary>A message that belongs to the form as a whole (shown in the summary).</summary>
    public void AddFormError(string message)
    {
        _messages.Add(new FieldIdentifier(Model, string.Empty), message);
        Context.NotifyValidationStateChanged();
    }
}
