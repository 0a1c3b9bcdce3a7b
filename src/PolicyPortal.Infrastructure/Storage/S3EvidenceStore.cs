using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace PolicyPortal.Infrastructure.Storage;

/// <summary>Section "Storage": local disk by default; S3-compatible object storage when Provider is "S3".</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public string Provider { get; set; } = "Disk";
    public string? Folder { get; set; }
    public string? ServiceUrl { get; set; }
    public string Bucket { get; set; } = "policyportal-evidence";
    public string? AccessKey { get; set; }
    public string? SecretKey { get; set; }
    public string Region { get; set; } = "us-east-1";

    public bool IsS3 => string.Equals(Provider, "S3", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Evidence in S3-compatible object storage (MinIO, Ceph, a cloud bucket): one object per random key.</summary>
public sealed class S3EvidenceStore(IAmazonS3 s3, string bucket) : IEvidenceStore, IDisposable
{
    public static S3EvidenceStore Create(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new AmazonS3Config
        {
            ServiceURL = options.ServiceUrl,
            ForcePathStyle = true,
            AuthenticationRegion = options.Region,
            // Plain checksums only: S3-compatible servers do not all speak the newer trailing-checksum uploads.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        var credentials = new BasicAWSCredentials(options.AccessKey ?? "", options.SecretKey ?? "");
        return new S3EvidenceStore(new AmazonS3Client(credentials, config), options.Bucket);
    }

    public async Task SaveAsync(string key, Stream content, CancellationToken cancellationToken = default) =>
        // Whole-body uploads: some S3-compatible servers store aws-chunked bodies verbatim instead of decoding them.
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = content, AutoCloseStream = false, UseChunkEncoding = false }, cancellationToken);

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await s3.GetObjectAsync(bucket, key, cancellationToken);
            var copy = new MemoryStream(); // at most 20 MB; the response is released at once
            await response.ResponseStream.CopyToAsync(copy, cancellationToken);
            copy.Position = 0;
            return copy;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        await s3.DeleteObjectAsync(bucket, key, cancellationToken);

    public void Dispose() => s3.Dispose();
}
