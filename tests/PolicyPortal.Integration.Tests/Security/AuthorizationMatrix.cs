namespace PolicyPortal.Integration.Tests.Security;

/// <summary>Who tries each endpoint. Every endpoint is tried as each of them; a row names the ones who get through.</summary>
public enum Persona
{
    Anonymous,
    /// <summary>demo-enterprise (石景山): owns every application, claim and evidence file of the seed.</summary>
    Enterprise,
    /// <summary>A second enterprise in the same district, owning nothing of the seed.</summary>
    OtherEnterprise,
    /// <summary>reviewer-shijingshan: the seed's district.</summary>
    Reviewer,
    /// <summary>reviewer-fengtai.</summary>
    OtherReviewer,
    /// <summary>admin-shijingshan: an administrator of the seed's district.</summary>
    DistrictAdmin,
    /// <summary>admin-fengtai.</summary>
    OtherAdmin,
    /// <summary>admin: a portal-wide administrator (no district).</summary>
    PortalAdmin,
    /// <summary>auditor: reads the audit log and nothing else (三权分立).</summary>
    Auditor,
}

/// <summary>The ids the rows' addresses need, made by <see cref="AuthorizationMatrixTests"/> before the matrix runs.</summary>
public sealed record MatrixSeed(long DraftId, long DraftClaimId, long DraftEvidenceId, long SpareEvidenceId, long SubmittedId, string SubmittedTracking,
    long SubmittedEvidenceId, string District, int Year, long EnterpriseId, string ReviewerUserId);

/// <summary>A form post: its fields (the antiforgery token is added), and a file for multipart uploads.</summary>
public sealed record MatrixPost(IReadOnlyDictionary<string, string> Fields, byte[]? File = null, bool Json = false)
{
    /// <summary>A Razor form: its form name and fields.</summary>
    public static MatrixPost Form(string handler, params (string Name, string Value)[] fields) =>
        new(fields.Append(("_handler", handler)).ToDictionary(f => f.Item1, f => f.Item2, StringComparer.Ordinal));
}

/// <summary>
/// One endpoint of the app: its route pattern as the app declares it, who may get through, the address to GET (null: the
/// endpoint takes no GET), the post to try (null: no POST), what the seed must hold for it, and optionally a text that only
/// <see cref="SeenBy"/> may see in the page (a list that is scoped, not refused).
/// </summary>
public sealed record MatrixRow(string Pattern, Persona[] Rightful, Func<MatrixSeed, string>? Get, Func<MatrixSeed, (string Path, MatrixPost Post)>? Post = null,
    string Needs = "", Func<MatrixSeed, string>? Secret = null, Persona[]? SeenBy = null, bool SignsOut = false);

/// <summary>
/// THE AUTHORIZATION MATRIX. Every endpoint the app maps must have a row here, or <see cref="AuthorizationMatrixTests"/> fails
/// and names it. To add an endpoint, add one line: pattern (as in @page or Map…), who gets through, the GET address, the post.
/// </summary>
public static class AuthorizationMatrix
{
    public static readonly Persona[] Everyone = Enum.GetValues<Persona>();
    public static readonly Persona[] SignedIn = [.. Everyone.Where(p => p != Persona.Anonymous)];
    public static readonly Persona[] Enterprises = [Persona.Enterprise, Persona.OtherEnterprise];
    public static readonly Persona[] Owner = [Persona.Enterprise];
    /// <summary>The seed district's reviewer and administrators (district and portal-wide).</summary>
    public static readonly Persona[] DistrictStaff = [Persona.Reviewer, Persona.DistrictAdmin, Persona.PortalAdmin];
    public static readonly Persona[] Staff = [Persona.Reviewer, Persona.OtherReviewer, Persona.DistrictAdmin, Persona.OtherAdmin, Persona.PortalAdmin];
    public static readonly Persona[] Admins = [Persona.DistrictAdmin, Persona.OtherAdmin, Persona.PortalAdmin];
    public static readonly Persona[] DistrictAdmins = [Persona.DistrictAdmin, Persona.PortalAdmin];
    /// <summary>Readers of the audit log: the auditor and the administrators (each within their own district).</summary>
    public static readonly Persona[] AuditReaders = [Persona.Auditor, .. Admins];
    /// <summary>The roles that may turn on a second factor (Accounts:TwoFactorRoles: reviewers and administrators).</summary>
    public static readonly Persona[] TwoFactorUsers = [.. Staff];

    /// <summary>Endpoints that may answer anonymous visitors ([AllowAnonymous]); any other endpoint allowing them fails the test.</summary>
    public static readonly string[] PublicPatterns =
    [
        "/", "/not-found", "/error", "/account/login", "/account/denied", "/register", "/calculator", "/calculator/result", "/notices",
        "/notices/{District}/{Year:int}", "/notices/{district}/{year:int}/{format:regex(^(csv|xlsx)$)}", "/culture/{culture}",
        "/api/v1/clauses", "/api/v1/calculations", "/openapi/{documentName}.json", "/healthz",
        "/account/activate", "/account/login/two-factor",
    ];

    /// <summary>Endpoints not tried, each with the reason.</summary>
    public static readonly Dictionary<string, string> Excluded = new(StringComparer.Ordinal)
    {
        ["/_framework/opaque-redirect"] = "Blazor's own endpoint: turns a data-protected redirect token into a redirect; reads and shows no data",
    };

    private static MatrixPost Form(string handler, params (string, string)[] fields) => MatrixPost.Form(handler, fields);
    private static readonly MatrixPost NoFields = new(new Dictionary<string, string>());
    /// <summary>For a page without forms (every page accepts posts): a form name the page does not have.</summary>
    private static readonly MatrixPost NoForm = MatrixPost.Form("no-such-form");
    private static string Q(MatrixSeed s) => $"district={s.District}&year={s.Year}";

    public static readonly MatrixRow[] Rows =
    [
        // Public pages and the public API: everyone, signed in or not.
        new("/", Everyone, _ => "/", _ => ("/", NoForm)),
        new("/not-found", Everyone, _ => "/not-found", _ => ("/not-found", NoForm)),
        new("/error", Everyone, _ => "/error", _ => ("/error", NoForm)),
        new("/account/login", Everyone, _ => "/account/login", _ => ("/account/login", Form("login", ("Input.UserName", "nobody"), ("Input.Password", "wrong")))),
        new("/account/denied", Everyone, _ => "/account/denied", _ => ("/account/denied", NoForm)),
        new("/register", Everyone, _ => "/register", _ => ("/register", Form("register", ("Input.Name", "")))),
        new("/calculator", Everyone, _ => "/calculator?district=shijingshan", _ => ("/calculator", NoForm)),
        new("/calculator/result", Everyone, _ => "/calculator/result?district=shijingshan&clause=shijingshan.5.3&amount=100000"),
        new("/notices", Everyone, _ => "/notices", _ => ("/notices", NoForm)),
        new("/notices/{District}/{Year:int}", Everyone, s => $"/notices/{s.District}/{s.Year}", s => ($"/notices/{s.District}/{s.Year}", NoForm), Needs: "a published notice"),
        new("/notices/{district}/{year:int}/{format:regex(^(csv|xlsx)$)}", Everyone, s => $"/notices/{s.District}/{s.Year}/csv", Needs: "a published notice"),
        new("/culture/{culture}", Everyone, _ => "/culture/en?returnUrl=/"),
        new("/api/v1/clauses", Everyone, _ => "/api/v1/clauses?district=shijingshan"),
        new("/api/v1/calculations", Everyone, null, _ => ("/api/v1/calculations", new MatrixPost(new Dictionary<string, string>
            { ["district"] = "shijingshan", ["clause"] = "shijingshan.5.3", ["amount"] = "100000" }, Json: true))),
        new("/openapi/{documentName}.json", Everyone, _ => "/openapi/v1.json"),
        new("/healthz", Everyone, _ => "/healthz", _ => ("/healthz", NoFields)),

        // Anyone signed in.
        new("/workbench", SignedIn, _ => "/workbench", _ => ("/workbench", NoForm)),
        new("/inbox", SignedIn, _ => "/inbox", _ => ("/inbox", Form("read-all"))),
        new("/account/logout", SignedIn, null, _ => ("/account/logout", NoFields), SignsOut: true),
        new("/account/password", SignedIn, _ => "/account/password", _ => ("/account/password", Form("change-password", ("Input.CurrentPassword", "")))),
        // Anonymous by design: the invitation link carries its own token; the second step needs a password step just passed.
        new("/account/activate", Everyone, _ => "/account/activate?user=nobody&token=forged", _ => ("/account/activate?user=nobody&token=forged", Form("activate"))),
        new("/account/login/two-factor", Everyone, _ => "/account/login/two-factor", _ => ("/account/login/two-factor", Form("second-factor", ("Input.Code", "000000")))),
        new("/account/two-factor", TwoFactorUsers, _ => "/account/two-factor", _ => ("/account/two-factor", Form("enable-2fa", ("Input.Code", "")))),

        // Enterprises, each on its own data.
        new("/enterprise/profile", Enterprises, _ => "/enterprise/profile", _ => ("/enterprise/profile", Form("profile", ("Input.ContactName", "")))),
        new("/enterprise/matches", Enterprises, _ => "/enterprise/matches", _ => ("/enterprise/matches", Form("subscribe-district"))),
        new("/enterprise/offers", Enterprises, _ => "/enterprise/offers", _ => ("/enterprise/offers", Form("confirm-0"))),
        new("/enterprise/applications", Enterprises, _ => "/enterprise/applications", _ => ("/enterprise/applications", Form("new-application")),
            Secret: s => $"/enterprise/applications/{s.DraftId}", SeenBy: Owner),
        new("/enterprise/awards", Enterprises, _ => "/enterprise/awards", _ => ("/enterprise/awards", NoForm)),

        // The owning enterprise only.
        new("/enterprise/applications/{Id:long}", Owner, s => $"/enterprise/applications/{s.DraftId}",
            s => ($"/enterprise/applications/{s.DraftId}", Form("add-project", ("projectName", "矩阵测试项目"))), Needs: "a draft of the enterprise"),
        new("/enterprise/applications/{id:long}/preview", Owner, s => $"/enterprise/applications/{s.DraftId}/preview", Needs: "a draft of the enterprise"),
        new("/enterprise/claims/{claimId:long}/evidence", Owner, null,
            s => ($"/enterprise/claims/{s.DraftClaimId}/evidence", new MatrixPost(new Dictionary<string, string>(), File: "%PDF-1.4\n%%EOF\n"u8.ToArray())), Needs: "a claim of the draft"),
        new("/enterprise/evidence/{id:long}", Owner, s => $"/enterprise/evidence/{s.DraftEvidenceId}", Needs: "evidence of the draft"),
        new("/enterprise/evidence/{id:long}/delete", Owner, null, s => ($"/enterprise/evidence/{s.SpareEvidenceId}/delete", NoFields), Needs: "spare evidence of the draft"),

        // Reviewers and administrators: their own district's work.
        new("/review", Staff, _ => "/review", _ => ("/review", Form("batch")), Secret: s => s.SubmittedTracking, SeenBy: DistrictStaff),
        new("/review/{Id:long}", DistrictStaff, s => $"/review/{s.SubmittedId}", s => ($"/review/{s.SubmittedId}", Form("start", ("noConflict", "yes"))),
            Needs: "a submitted application"),
        new("/review/evidence/{id:long}", DistrictStaff, s => $"/review/evidence/{s.SubmittedEvidenceId}", Needs: "evidence of the submitted application"),
        new("/review/evidence/{id:long}/preview", DistrictStaff, s => $"/review/evidence/{s.SubmittedEvidenceId}/preview", Needs: "a PDF of the submitted application"),

        // Administrators: pages scoped to the districts they manage, and the seed district's own.
        new("/admin", Admins, _ => "/admin", _ => ("/admin", NoForm)),
        new("/admin/catalog", Admins, s => $"/admin/catalog?district={s.District}", _ => ("/admin/catalog", Form("approve-0"))),
        new("/admin/settings", Admins, _ => "/admin/settings", _ => ("/admin/settings", Form("add-day"))),
        new("/admin/proactive", Admins, _ => "/admin/proactive", _ => ("/admin/proactive", Form("run-none"))),
        new("/admin/catalog/{District}/{Code}", DistrictAdmins, s => $"/admin/catalog/{s.District}/shijingshan.5.3",
            s => ($"/admin/catalog/{s.District}/shijingshan.5.3", Form("clause"))),
        new("/admin/catalog/{District}/import", DistrictAdmins, s => $"/admin/catalog/{s.District}/import", s => ($"/admin/catalog/{s.District}/import", Form("import"))),
        new("/admin/catalog/{district}/export/{version:int}", DistrictAdmins, s => $"/admin/catalog/{s.District}/export/1", Needs: "catalog version 1"),
        new("/admin/budgets", DistrictAdmins, s => $"/admin/budgets?{Q(s)}", s => ($"/admin/budgets?{Q(s)}", NoForm)),
        new("/admin/notices", DistrictAdmins, s => $"/admin/notices?{Q(s)}", s => ($"/admin/notices?{Q(s)}", Form("publish", ("district", s.District), ("days", "1")))),
        new("/admin/notices/live/{format:regex(^(csv|xlsx)$)}", DistrictAdmins, s => $"/admin/notices/live/csv?{Q(s)}"),
        // People: a district administrator manages their own district's staff and enterprise accounts only.
        new("/admin/people", Admins, _ => "/admin/people", _ => ("/admin/people", NoForm)),
        new("/admin/people/invite", Admins, _ => "/admin/people/invite", _ => ("/admin/people/invite", Form("invite", ("Input.UserName", "")))),
        new("/admin/people/staff/{Id}", DistrictAdmins, s => $"/admin/people/staff/{s.ReviewerUserId}",
            s => ($"/admin/people/staff/{s.ReviewerUserId}", Form("state", ("StateInput.Reason", ""))), Needs: "the seed district's reviewer"),
        new("/admin/people/enterprises", Admins, _ => "/admin/people/enterprises", _ => ("/admin/people/enterprises", NoForm)),
        new("/admin/people/enterprises/{EnterpriseId:long}", DistrictAdmins, s => $"/admin/people/enterprises/{s.EnterpriseId}",
            s => ($"/admin/people/enterprises/{s.EnterpriseId}", Form("lock", ("Input.Reason", ""))), Needs: "the demo enterprise"),

        // The audit log: read-only, for the auditor and the administrators.
        new("/audit", AuditReaders, _ => "/audit", _ => ("/audit", NoForm)),
        new("/audit/export.csv", AuditReaders, _ => "/audit/export.csv"),

        new("/admin/payments", DistrictAdmins, s => $"/admin/payments?{Q(s)}", s => ($"/admin/payments?{Q(s)}", Form("pay", ("district", s.District)))),
    ];
}
