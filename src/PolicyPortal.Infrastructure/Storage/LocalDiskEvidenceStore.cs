namespace PolicyPortal.Infrastructure.Storage;

/// <summary>
/// Evidence on local disk under one folder. Keys are random names the portal makes (never the uploader's file name), so
/// a path cannot be steered; a key that is not of that form is refused.
/// </summary>
public sealed class LocalDiskEvidenceStore(string folder) : IEvidenceStore
{
    public string Folder { get; } = Directory.CreateDirectory(folder).FullName;

    public async Task SaveAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(key);
        var temp = path + ".part";
        await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            await content.CopyToAsync(file, cancellationToken);
        File.Move(temp, path); // whole or not at all
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        return Task.FromResult<Stream?>(File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        if (key.Length is < 16 or > 80 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            throw new ArgumentException("Not an evidence key.", nameof(key));
        return Path.Combine(Folder, key);
    }
}
