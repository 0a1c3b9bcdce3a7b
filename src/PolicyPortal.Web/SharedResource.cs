namespace PolicyPortal.Web;

/// <summary>Marker for the shared UI strings: Resources/SharedResource.resx (Simplified Chinese, the default) and .en.resx.</summary>
public sealed class SharedResource;
