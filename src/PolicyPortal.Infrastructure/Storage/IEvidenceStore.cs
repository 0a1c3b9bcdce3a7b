namespace PolicyPortal.Infrastructure.Storage;

/// <summary>Where evidence bytes live: local disk on the embedded default; object storage is a second implementation.</summary>
public interface IEvidenceStore
{
    Task SaveAsync(string key, Stream content, CancellationToken cancellationToken = default);
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default);
    Task DeleteAsync(string key, CancellationToken cancellationToken = default);
}
