namespace PolicyPortal.Domain.Tests;

/// <summary>Every qualification a shipped clause asks for has a name the profile page can show.</summary>
public sealed class QualificationVocabularyTests
{
    [Fact]
    public void Every_qualification_used_by_a_shipped_clause_is_in_the_vocabulary()
    {
        var used = TestData.ShippedCatalogs.Values.SelectMany(d => d.Articles).SelectMany(a => a.Parts).SelectMany(p => p.Qualifications).Distinct().ToList();
        Assert.NotEmpty(used);
        Assert.All(used, key => Assert.True(PolicyPortal.Domain.Enterprises.Qualifications.IsKnown(key), $"unknown qualification '{key}'"));
    }
}
