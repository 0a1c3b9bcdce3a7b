using System.Text;

namespace PolicyPortal.Integration.Tests.Security;

/// <summary>
/// The matrix as a Markdown table in docs/security.md, between two marker comments. The test fails when the document and
/// <see cref="AuthorizationMatrix.Rows"/> differ; run it with UPDATE_SECURITY_DOC=1 to rewrite the table.
/// </summary>
public sealed class AuthorizationMatrixDocument
{
    private const string Begin = "<!-- authorization-matrix:begin (generated from AuthorizationMatrix.Rows: UPDATE_SECURITY_DOC=1 dotnet test --filter AuthorizationMatrixDocument) -->";
    private const string End = "<!-- authorization-matrix:end -->";

    public static string Table()
    {
        var text = new StringBuilder();
        text.Append("| Endpoint | Tried | Who gets through | Seed it needs |\n|---|---|---|---|\n");
        foreach (var row in AuthorizationMatrix.Rows)
        {
            var tried = string.Join(", ", new[] { row.Get is null ? null : "GET", row.Post is null ? null : "POST" }.OfType<string>());
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"| `{row.Pattern.Replace("|", "\\|", StringComparison.Ordinal)}` | {tried} | {Who(row.Rightful)} | {row.Needs} |\n");
        }
        return text.ToString();
    }

    private static string Who(Persona[] who) =>
        who.Length == AuthorizationMatrix.Everyone.Length ? "everyone (public)"
        : who.SequenceEqual(AuthorizationMatrix.SignedIn) ? "anyone signed in"
        : who.SequenceEqual(AuthorizationMatrix.Enterprises) ? "any enterprise (its own data)"
        : who.SequenceEqual(AuthorizationMatrix.Owner) ? "the owning enterprise"
        : who.SequenceEqual(AuthorizationMatrix.DistrictStaff) ? "the district's reviewers and admins, portal-wide admins"
        : who.SequenceEqual(AuthorizationMatrix.Staff) ? "any reviewer or admin (own district's rows only)"
        : who.SequenceEqual(AuthorizationMatrix.Admins) ? "any admin (own districts only)"
        : who.SequenceEqual(AuthorizationMatrix.DistrictAdmins) ? "the district's admins, portal-wide admins"
        : string.Join(", ", who);

    [Fact]
    public void Docs_security_md_carries_the_matrix_the_test_runs()
    {
        var path = DocPath();
        var doc = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = doc.IndexOf(Begin, StringComparison.Ordinal);
        var end = doc.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"{path} has lost its authorization-matrix markers");
        var current = doc[(start + Begin.Length)..end].Trim('\n') + "\n";
        var wanted = Table();
        if (current != wanted && Environment.GetEnvironmentVariable("UPDATE_SECURITY_DOC") == "1")
        {
            File.WriteAllText(path, doc[..(start + Begin.Length)] + "\n" + wanted + doc[end..]);
            return;
        }
        Assert.True(current == wanted, "docs/security.md's authorization matrix differs from AuthorizationMatrix.Rows: run the test with UPDATE_SECURITY_DOC=1 to rewrite it");
    }

    private static string DocPath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PolicyPortal.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "docs", "security.md");
    }
}
