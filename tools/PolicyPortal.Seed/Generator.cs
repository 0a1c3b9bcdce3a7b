using System.Globalization;
using System.Text.Json;
using PolicyPortal.Domain.Applications;
using PolicyPortal.Domain.Calculation;
using PolicyPortal.Domain.Catalog;
using PolicyPortal.Domain.Enterprises;

namespace PolicyPortal.Seed;

/// <summary>What to generate. Defaults: issue 7 item 12's data set plus item 14's heavy district-year.</summary>
internal sealed record SeedPlan
{
    public int Enterprises { get; init; } = 20_000;
    public int Applications { get; init; } = 200_000;
    /// <summary>Drafts among the current year's applications (the submission load submits them).</summary>
    public int Drafts { get; init; } = 10_000;
    /// <summary>
    /// The district-year (last year) whose applications carry many claims: 725,000 generated, of which about 500,000 are
    /// what a recomputation reads (withdrawn and expired applications and rejected claims take no part, about 31%).
    /// </summary>
    public string HeavyDistrict { get; init; } = "shijingshan";
    public int HeavyYearsBack { get; init; } = 1;
    public int HeavyClaims { get; init; } = 725_000;
    public int Seed { get; init; } = 20_261_207;
}

/// <summary>Where the ids and tracking numbers of a run start (after what the database already holds).</summary>
internal sealed record SeedStart(long EnterpriseId, long ApplicationId, long ProjectId, long ClaimId, int CurrentYear, DateTimeOffset Now,
    IReadOnlyDictionary<string, int> CatalogVersions, IReadOnlyDictionary<string, long> TrackingTaken);

/// <summary>
/// Deterministic benchmark data over the shipped catalogs: enterprises spread evenly over the five districts, one application
/// per enterprise and year going back from the current year, statuses as a real portal would hold them (decided in past
/// years; pending, drafts and some decided in the current one), projects with claims on real clause codes (open parts mostly;
/// a district without open parts gets closed ones, which compute to 0), every submitted claim frozen with the engine's result.
/// </summary>
internal static class Generator
{
    private static readonly string[] Words1 = ["星辰", "云图", "深度", "智源", "灵犀", "天枢", "数智", "墨子", "青藤", "鲲鹏", "北辰", "启明", "量子", "极光", "昆仑", "神经元",
        "算力", "元象", "智谱", "百川", "九章", "睿思", "澄明", "远景", "太初", "光年", "万象", "云端", "海纳", "卓越", "创新", "未来", "大道", "文心", "长城", "紫光", "鸿途", "清源", "知行", "格物"];
    private static readonly string[] Words2 = ["智能", "人工智能", "数据", "机器人", "视觉", "语音", "芯片", "云计算", "信息", "网络", "软件", "算法", "感知", "医疗", "交通", "制造", "教育", "金融", "能源", "城市"];
    private static readonly string[] Words3 = ["科技有限公司", "技术有限公司", "信息技术有限公司", "科技股份有限公司", "研究院有限公司"];
    private static readonly string[] Topics = ["大模型训练平台", "智能客服系统", "算力中心建设", "工业视觉质检", "自动驾驶仿真", "医疗影像辅助诊断", "智慧城市中台", "语音识别引擎",
        "数据标注平台", "具身智能机器人", "模型推理加速", "智能网联测试"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "涛", "明"];

    public static SeedRows Generate(SeedPlan plan, SeedStart start, IReadOnlyDictionary<string, PolicyDocument> catalogs)
    {
        var rnd = new Random(plan.Seed);
        var rows = new SeedRows();
        var districts = Districts.All.ToArray();
        var engines = catalogs.ToDictionary(c => c.Key, c => new CalculationEngine(c.Value), StringComparer.Ordinal);
        var parts = catalogs.ToDictionary(c => c.Key, c => c.Value.Articles.SelectMany(a => a.Parts).ToArray(), StringComparer.Ordinal);
        var open = parts.ToDictionary(p => p.Key, p => p.Value.Where(x => x.Open).ToArray(), StringComparer.Ordinal);
        var tracking = new Dictionary<string, long>(start.TrackingTaken, StringComparer.Ordinal);

        for (var e = 0; e < plan.Enterprises; e++)
        {
            var district = districts[e % districts.Length];
            var id = start.EnterpriseId + e;
            var contact = Surnames[rnd.Next(Surnames.Length)] + Given[rnd.Next(Given.Length)];
            rows.Enterprises.Add(new EnterpriseRow(id,
                CreditCode.WithCheckCharacter("91110000" + id.ToString("D9", CultureInfo.InvariantCulture)),
                "北京" + Words1[rnd.Next(Words1.Length)] + Words2[rnd.Next(Words2.Length)] + Words3[rnd.Next(Words3.Length)],
                district, contact, "13" + rnd.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture),
                "seed-owner-" + id.ToString(CultureInfo.InvariantCulture), start.Now.AddDays(-3_700 + rnd.Next(200))));
        }

        var perEnterprise = Math.Max(1, plan.Applications / plan.Enterprises);
        var heavyYear = start.CurrentYear - plan.HeavyYearsBack;
        var heavyEnterprises = rows.Enterprises.Count(x => x.District == plan.HeavyDistrict);
        var heavyPerApplication = heavyEnterprises == 0 ? 0 : plan.HeavyClaims / heavyEnterprises;
        var currentYearCount = plan.Enterprises;
        // Every n-th current-year application is still a draft.
        var draftEvery = plan.Drafts <= 0 ? int.MaxValue : Math.Max(1, currentYearCount / plan.Drafts);
        var appId = start.ApplicationId;
        var projectId = start.ProjectId;
        var claimId = start.ClaimId;

        for (var back = perEnterprise - 1; back >= 0; back--)
        {
            var year = start.CurrentYear - back;
            for (var e = 0; e < plan.Enterprises; e++)
            {
                if (rows.Applications.Count >= plan.Applications) break;
                var enterprise = rows.Enterprises[e];
                var district = enterprise.District;
                var status = back == 0
                    ? (e % draftEvery == 0 && e / draftEvery < plan.Drafts ? ApplicationStatus.Draft : CurrentStatus(rnd))
                    : PastStatus(rnd);
                var created = back == 0
                    ? start.Now.AddDays(-rnd.Next(1, 90)).AddMinutes(-rnd.Next(1_440))
                    : BeijingTime.StartOf(new DateOnly(year, 3, 1)).AddDays(rnd.Next(120)).AddMinutes(rnd.Next(1_440));
                if (created.Year < year) created = BeijingTime.StartOf(new DateOnly(year, 1, 2)).AddMinutes(rnd.Next(1_440));
                var app = new ApplicationRow
                {
                    Id = appId++, EnterpriseId = enterprise.Id, District = district, Year = year, Status = status.ToString(),
                    CreatedAt = created, UpdatedAt = created, ContactName = enterprise.ContactName, ContactPhone = enterprise.ContactPhone, Version = 1,
                };
                rows.Applications.Add(app);

                var heavy = district == plan.HeavyDistrict && year == heavyYear && heavyPerApplication > 0;
                var claimCount = heavy ? heavyPerApplication : 0;
                var projectCount = heavy ? Math.Max(1, heavyPerApplication * 4 / 5) : 1 + rnd.Next(3);
                var firstProject = rows.Projects.Count;
                for (var p = 0; p < projectCount; p++)
                    rows.Projects.Add(new ProjectRow(projectId++, app.Id,
                        Topics[rnd.Next(Topics.Length)] + "（" + (year % 100).ToString("D2", CultureInfo.InvariantCulture) + "-" + (p + 1).ToString("D3", CultureInfo.InvariantCulture) + "）"));
                var firstClaim = rows.Claims.Count;
                if (heavy)
                {
                    for (var k = 0; k < claimCount; k++)
                        rows.Claims.Add(NewClaim(rnd, PickPart(rnd, parts[district], open[district]), claimId++, rows.Projects[firstProject + rnd.Next(projectCount)].Id));
                }
                else
                {
                    for (var p = 0; p < projectCount; p++)
                    {
                        var n = rnd.NextDouble() switch { < 0.6 => 1, < 0.9 => 2, _ => 3 };
                        for (var k = 0; k < n; k++)
                            rows.Claims.Add(NewClaim(rnd, PickPart(rnd, parts[district], open[district]), claimId++, rows.Projects[firstProject + p].Id));
                    }
                }
                if (status != ApplicationStatus.Draft)
                    Submit(rnd, app, rows, firstProject, firstClaim, engines[district], start, tracking, status);
            }
        }
        return rows;
    }

    private static ApplicationStatus PastStatus(Random rnd) => rnd.Next(100) switch
    {
        < 55 => ApplicationStatus.Approved,
        < 75 => ApplicationStatus.PartiallyApproved,
        < 88 => ApplicationStatus.Rejected,
        < 96 => ApplicationStatus.Withdrawn,
        _ => ApplicationStatus.Expired,
    };

    private static ApplicationStatus CurrentStatus(Random rnd) => rnd.Next(100) switch
    {
        < 40 => ApplicationStatus.Submitted,
        < 70 => ApplicationStatus.UnderReview,
        < 80 => ApplicationStatus.AwaitingSecondReview,
        < 85 => ApplicationStatus.ReturnedForSupplement,
        < 95 => ApplicationStatus.Approved,
        _ => ApplicationStatus.Rejected,
    };

    private static ClausePart PickPart(Random rnd, ClausePart[] all, ClausePart[] open) =>
        open.Length > 0 && rnd.NextDouble() < 0.92 ? open[rnd.Next(open.Length)] : all[rnd.Next(all.Length)];

    private static ClaimRow NewClaim(Random rnd, ClausePart part, long id, long projectId)
    {
        // Bases from 10万 to 1亿 yuan, a third with fen; a requested amount on a fifth of the claims.
        var amountFen = (long)Math.Pow(10, 7 + rnd.NextDouble() * 3);
        if (rnd.Next(3) != 0) amountFen -= amountFen % 100;
        Dictionary<string, decimal>? inputs = part.Kind switch
        {
            RuleKind.Rent => new() { ["area"] = rnd.Next(200, 8_000) },
            RuleKind.LoanInterest => new() { ["lpr"] = 0.0300m + rnd.Next(50) / 10_000m, ["interestPaid"] = Math.Round(amountFen / 100m * 0.04m, 2) },
            RuleKind.EquipmentAndSoftware => new() { ["equipment"] = amountFen / 100m, ["software"] = Math.Round(amountFen / 100m * (decimal)rnd.NextDouble(), 2) },
            _ => null,
        };
        return new ClaimRow
        {
            Id = id, ProjectId = projectId, Clause = part.Code,
            Tier = part.Tiers.Count > 0 ? part.Tiers[rnd.Next(part.Tiers.Count)].Key : null,
            AmountFen = part.Kind is RuleKind.Fixed or RuleKind.Unquantified && rnd.Next(2) == 0 ? null : amountFen,
            RequestedFen = rnd.Next(5) == 0 ? rnd.Next(1, 300) * 1_000_000L : null,
            InputsJson = inputs is null ? "{}" : JsonSerializer.Serialize(inputs),
            // Every attestation of the part ticked, as a submitted claim must have them.
            AttestationsJson = JsonSerializer.Serialize(part.Attestations),
        };
    }

    /// <summary>Freezes the application as SubmitAsync does (engine result, tracking number, due day) and decides it as its status says.</summary>
    private static void Submit(Random rnd, ApplicationRow app, SeedRows rows, int firstProject, int firstClaim, CalculationEngine engine, SeedStart start,
        Dictionary<string, long> tracking, ApplicationStatus status)
    {
        var projectNames = new Dictionary<long, string>();
        for (var p = firstProject; p < rows.Projects.Count; p++) projectNames[rows.Projects[p].Id] = rows.Projects[p].Name;
        var claims = rows.Claims.GetRange(firstClaim, rows.Claims.Count - firstClaim);
        var request = new CalculationRequest
        {
            District = app.District, Year = app.Year,
            Claims = claims.Select(c => new ClaimInput
            {
                Id = c.Id.ToString("D12", CultureInfo.InvariantCulture), Clause = c.Clause, Tier = c.Tier, Project = projectNames[c.ProjectId],
                Amount = c.AmountFen / 100m, Requested = c.RequestedFen / 100m,
                Inputs = c.InputsJson == "{}" ? null : JsonSerializer.Deserialize<Dictionary<string, decimal>>(c.InputsJson),
            }).ToList(),
        };
        var result = engine.Calculate(request);
        for (var i = 0; i < claims.Count; i++)
        {
            var r = result.Claims[i];
            claims[i].FrozenEligibleFen = r.EligibleFen;
            claims[i].FrozenGrantedFen = r.GrantedFen;
            claims[i].FrozenExplanationJson = """{"zh":["基准测试数据：测算结果见合计"],"en":["benchmark data: see the totals"]}""";
            claims[i].Version = 1;
        }

        var submitted = app.CreatedAt.AddDays(rnd.Next(0, 20)).AddMinutes(rnd.Next(600));
        if (submitted > start.Now) submitted = start.Now.AddMinutes(-rnd.Next(1, 600));
        app.SubmittedAt = submitted;
        app.UpdatedAt = submitted.AddDays(status is ApplicationStatus.Submitted ? 0 : rnd.Next(1, 30));
        if (app.UpdatedAt > start.Now) app.UpdatedAt = start.Now;
        app.CatalogVersion = start.CatalogVersions.TryGetValue(app.District, out var v) ? v : 1;
        app.SubmissionKey = new Guid(rnd.NextInt64().ToString("x16", CultureInfo.InvariantCulture) + rnd.NextInt64().ToString("x16", CultureInfo.InvariantCulture));
        app.FrozenTotalFen = result.TotalGrantedFen;
        // About fifteen working days.
        app.ReviewDueDay = DayNumber.Of(BeijingTime.DateOf(submitted).AddDays(21));
        var key = app.District + "/" + app.Year.ToString(CultureInfo.InvariantCulture);
        tracking[key] = tracking.GetValueOrDefault(key) + 1;
        app.TrackingNumber = TrackingNumber.Create(app.District, app.Year, tracking[key]).Value;
        app.Version = 3;

        switch (status)
        {
            case ApplicationStatus.Approved or ApplicationStatus.AwaitingSecondReview:
                foreach (var c in claims) Decide(c, approvedFen: c.FrozenGrantedFen);
                if (status == ApplicationStatus.AwaitingSecondReview) app.FirstStageBy = "seed-reviewer-" + app.District;
                break;
            case ApplicationStatus.PartiallyApproved:
                foreach (var c in claims)
                    Decide(c, rnd.Next(10) < 7 ? c.FrozenGrantedFen * rnd.Next(50, 101) / 100 : null);
                break;
            case ApplicationStatus.Rejected:
                foreach (var c in claims) Decide(c, null);
                break;
            case ApplicationStatus.ReturnedForSupplement:
                app.SupplementDeadline = start.Now.AddDays(rnd.Next(1, 15));
                app.SupplementRequest = "请补充项目投资的发票及付款凭证";
                break;
        }
    }

    private static void Decide(ClaimRow claim, long? approvedFen)
    {
        claim.Decision = approvedFen is null ? nameof(ClaimDecision.Rejected) : nameof(ClaimDecision.Approved);
        claim.ApprovedFen = approvedFen;
        claim.DecisionReason = approvedFen is null ? "材料不足以证明投入真实发生" : null;
        claim.Version = 2;
    }
}
