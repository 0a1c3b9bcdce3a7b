namespace PolicyPortal.Domain.Calculation;

/// <summary>Enterprises and (enterprise, project) pairs as numbers. A null enterprise is the request's single enterprise.</summary>
internal sealed class RequestKeys
{
    private readonly Dictionary<string, int> _enterprises = new(StringComparer.Ordinal);
    private readonly Dictionary<(int, string), int> _projects = new();
    private string? _lastEnterprise;
    private int _lastEnterpriseIndex;

    public int ProjectCount => _projects.Count;

    public int Enterprise(string? key)
    {
        if (key is null) return 0;
        // Claims of one enterprise usually come together: skip the hash when the key repeats.
        if (string.Equals(key, _lastEnterprise, StringComparison.Ordinal)) return _lastEnterpriseIndex;
        if (!_enterprises.TryGetValue(key, out var index))
        {
            index = _enterprises.Count + 1;
            _enterprises.Add(key, index);
        }
        _lastEnterprise = key;
        _lastEnterpriseIndex = index;
        return index;
    }

    public int Project(int enterprise, string project)
    {
        if (!_projects.TryGetValue((enterprise, project), out var index))
        {
            index = _projects.Count;
            _projects.Add((enterprise, project), index);
        }
        return index;
    }
}
