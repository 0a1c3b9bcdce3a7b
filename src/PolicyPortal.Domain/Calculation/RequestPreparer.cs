using PolicyPortal.Domain.Catalog;

namespace PolicyPortal.Domain.Calculation;

/// <summary>
/// Validates a request (every error collected, then one <see cref="CalculationInputException"/>) and resolves it
/// into a <see cref="PreparedRequest"/>: parts and tiers to figure indices, enterprises and projects to numbers,
/// the ledger of prior awards summed per limit counter and per 从优不重复 / 一次性 / 连续年度 key.
/// No rule is applied here; that is <see cref="CalculationRun"/>'s job.
/// </summary>
internal static class RequestPreparer
{
    private const string Claims = "claims";
    private const string Priors = "priorAwards";

    public static PreparedRequest Prepare(CompiledCatalog cat, CalculationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<CalculationInputError>();
        if (!string.Equals(request.District, cat.District, StringComparison.Ordinal))
            errors.Add(InputErrors.DistrictMismatch(request.District, cat.District));
        if (request.Year is < 2000 or > 2100) errors.Add(InputErrors.YearOutOfRange("year", request.Year));

        var source = request.Claims ?? [];
        var n = source.Count;
        var keys = new RequestKeys();
        var claims = new PreparedClaim[n];
        var enterpriseOf = new int[n];
        var projectOf = new int[n];
        var inputs = new List<decimal>();
        for (var i = 0; i < n; i++)
            ResolveClaim(cat, source[i], i, ref claims[i], out enterpriseOf[i], out projectOf[i], keys, inputs, errors);

        var order = SortById(source, errors);
        var ledgerIn = ReadPriors(cat, request, keys, errors);
        var poolUsed = ReadPoolUsed(cat, request, errors);
        if (errors.Count > 0) throw new CalculationInputException(errors);

        // 从优不重复 groups: only projects with two or more claims in scope need a contest; numbered densely.
        var claimsInScope = new int[keys.ProjectCount];
        for (var i = 0; i < n; i++)
            if (cat.Parts[claims[i].Part].Scope != ExclusivityScope.None) claimsInScope[projectOf[i]]++;
        var groupOfProject = new int[keys.ProjectCount];
        var groupCount = 0;
        for (var p = 0; p < groupOfProject.Length; p++) groupOfProject[p] = claimsInScope[p] >= 2 ? groupCount++ : -1;

        var rules = new RuleInput[n];
        var amounts = new decimal[n];
        var stepInputs = new StepInput[n];
        var originalToSorted = new int[n];
        for (var k = 0; k < n; k++) originalToSorted[order[k]] = k;
        var ledger = new List<LedgerFacts>();
        var slots = new List<int>(n);
        var slotOf = new Dictionary<long, int>();
        var slotLimit = new List<int>();
        var slotPrior = new List<long>();
        // In the request's order (its claims of one enterprise usually sit together, so the lookups stay warm);
        // only the finished claim is written to its sorted position. Counter numbers are arbitrary indices.
        for (var i = 0; i < n; i++)
        {
            var k = originalToSorted[i];
            ref var c = ref claims[i];
            var part = cat.Parts[c.Part];
            var enterprise = enterpriseOf[i];
            var project = projectOf[i];
            c.Group = part.Scope == ExclusivityScope.None ? -1 : groupOfProject[project];

            c.Ledger = -1;
            if (ledgerIn.FactsFor(cat, part, enterprise, project) is { } facts)
            {
                c.Ledger = ledger.Count;
                ledger.Add(facts);
            }

            c.SlotStart = slots.Count;
            c.SlotCount = checked((short)part.Limits.Length);
            c.Pool = checked((short)part.Pool);
            foreach (var limit in part.Limits)
            {
                var key = PriorAwardLedger.LimitKey(cat, limit, enterprise, project);
                if (!slotOf.TryGetValue(key, out var slot))
                {
                    slot = slotLimit.Count;
                    slotOf.Add(key, slot);
                    slotLimit.Add(limit);
                    slotPrior.Add(ledgerIn.LimitPrior.GetValueOrDefault(key));
                }
                slots.Add(slot);
            }
            rules[k] = c.Rule;
            amounts[k] = c.Amount;
            stepInputs[k] = c.Step;
        }

        return new PreparedRequest(cat, request.Year, source, rules, amounts, stepInputs, originalToSorted, order, [.. inputs], [.. ledger],
            [.. slots], [.. slotLimit], [.. slotLimit.Select(l => cat.Limits[l].AmountFen)], [.. slotPrior], poolUsed, groupCount);
    }

    internal static bool IsProjectScope(LimitScope scope) => scope is LimitScope.ProjectYear or LimitScope.ProjectTotal;

    internal static bool IsYearScope(LimitScope scope) => scope is LimitScope.EnterpriseYear or LimitScope.ProjectYear;

    private static void ResolveClaim(CompiledCatalog cat, ClaimInput? claim, int i, ref PreparedClaim c,
        out int enterprise, out int project, RequestKeys keys, List<decimal> inputs, List<CalculationInputError> errors)
    {
        c.Part = 0;
        c.Figure = cat.Parts.Length > 0 ? cat.Parts[0].FigureStart : 0;
        c.InputStart = -1;
        c.RequestedFen = -1;
        enterprise = 0;
        project = 0;
        if (claim is null)
        {
            errors.Add(InputErrors.Required(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Claims}[{i}]"), "申报", "The claim"));
            return;
        }
        if (string.IsNullOrEmpty(claim.Id)) errors.Add(InputErrors.Required(InputErrors.Path(Claims, i, "id"), "申报编号", "The claim id"));
        if (string.IsNullOrEmpty(claim.Project)) errors.Add(InputErrors.Required(InputErrors.Path(Claims, i, "project"), "项目", "The project"));
        enterprise = keys.Enterprise(claim.Enterprise);
        project = keys.Project(enterprise, claim.Project ?? "");

        var amount = claim.Amount ?? 0m;
        CheckMoney(amount, Claims, i, "amount", wholeFen: false, errors);
        if (claim.Requested is { } requested)
        {
            if (CheckMoney(requested, Claims, i, "requested", wholeFen: true, errors))
                c.RequestedFen = Fen.FromYuan(requested);
        }
        c.Amount = amount;

        if (!ResolvePart(cat, claim.Clause, Claims, i, errors, out var part)) return;
        if (!ResolveFigure(cat, part, claim.Tier, Claims, i, errors, out var figure)) return;
        c.Part = part;
        c.Figure = figure;

        var kind = cat.Parts[part].Kind;
        var input1 = 0m;
        var input2 = 0m;
        var code = cat.Parts[part].Code;
        var computable = cat.Figures[figure].Computable;
        switch (kind)
        {
            case RuleKind.Rent:
                input1 = Input(claim, "area", "面积（平方米）", "area (m²)", required: computable, code, kind, i, errors);
                break;
            case RuleKind.LoanInterest:
                input1 = Input(claim, "lpr", "LPR（小数）", "lpr (a fraction)", required: computable, code, kind, i, errors);
                if (input1 > 1m) errors.Add(InputErrors.LprNotFraction(InputErrors.Path(Claims, i, "inputs.lpr"), input1));
                input2 = Input(claim, "interestPaid", "实付利息（元）", "interestPaid (yuan)", required: computable, code, kind, i, errors);
                break;
            case RuleKind.EquipmentAndSoftware:
                amount = Input(claim, "equipment", "设备投资（元）", "equipment (yuan)", required: computable, code, kind, i, errors);
                // Software and system integration are optional: a project may be equipment only.
                input1 = Input(claim, "software", "软件投资（元）", "software (yuan)", required: false, code, kind, i, errors);
                c.Amount = amount;
                break;
            case RuleKind.Rate or RuleKind.Matching:
                if (computable && claim.Amount is null)
                    errors.Add(InputErrors.MissingInput(InputErrors.Path(Claims, i, "amount"), code, kind, "金额（" + (cat.Parts[part].Source.BaseLabel ?? "计算基数") + "）", "amount (" + (cat.Parts[part].Source.BaseLabelEn ?? "the base") + ")"));
                break;
            case RuleKind.Fixed or RuleKind.UpTo or RuleKind.Unquantified:
                break;
        }
        if (kind is RuleKind.Rent or RuleKind.LoanInterest && computable && claim.Amount is null)
            errors.Add(InputErrors.MissingInput(InputErrors.Path(Claims, i, "amount"), code, kind,
                kind == RuleKind.Rent ? "金额（年度租金）" : "金额（贷款本金）", kind == RuleKind.Rent ? "amount (rent paid)" : "amount (loan principal)"));
        if (kind is RuleKind.Rent or RuleKind.LoanInterest or RuleKind.EquipmentAndSoftware)
        {
            c.InputStart = inputs.Count;
            inputs.Add(input1);
            inputs.Add(input2);
        }
        // Other inputs the request names are checked for sign and size even when this kind does not read them.
        if (claim.Inputs is { } all)
            foreach (var (key, value) in all)
                if (!IsReadInput(kind, key))
                    CheckMoney(value, Claims, i, "inputs." + key, wholeFen: false, errors);
    }

    private static bool IsReadInput(RuleKind kind, string key) => kind switch
    {
        RuleKind.Rent => key is "area",
        RuleKind.LoanInterest => key is "lpr" or "interestPaid",
        RuleKind.EquipmentAndSoftware => key is "equipment" or "software",
        _ => false,
    };

    private static decimal Input(ClaimInput claim, string key, string nameZh, string nameEn, bool required,
        string code, RuleKind kind, int i, List<CalculationInputError> errors)
    {
        if (claim.Inputs is { } inputs && inputs.TryGetValue(key, out var value))
            return CheckMoney(value, Claims, i, "inputs." + key, wholeFen: false, errors) ? value : 0m;
        if (required) errors.Add(InputErrors.MissingInput(InputErrors.Path(Claims, i, "inputs." + key), code, kind, nameZh, nameEn));
        return 0m;
    }

    /// <summary>Sign and size; whole fen for amounts that are paid out or compared as money. True when fine.</summary>
    private static bool CheckMoney(decimal value, string list, int i, string field, bool wholeFen, List<CalculationInputError> errors)
    {
        if (value < 0m) errors.Add(InputErrors.Negative(InputErrors.Path(list, i, field), value));
        else if (value > Fen.MaxYuan) errors.Add(InputErrors.Absurd(InputErrors.Path(list, i, field), value));
        else if (wholeFen && !Fen.IsWholeFen(value)) errors.Add(InputErrors.NotWholeFen(InputErrors.Path(list, i, field), value));
        else return true;
        return false;
    }

    private static bool ResolvePart(CompiledCatalog cat, string? code, string list, int i, List<CalculationInputError> errors, out int part)
    {
        if (string.IsNullOrEmpty(code))
        {
            errors.Add(InputErrors.Required(InputErrors.Path(list, i, "clause"), "条款编码", "The clause code"));
            part = -1;
            return false;
        }
        if (cat.TryGetPart(code, out part)) return true;
        var dot = code.IndexOf('.', StringComparison.Ordinal);
        var prefix = dot > 0 ? code[..dot] : code;
        errors.Add(Districts.IsKnown(prefix) && !string.Equals(prefix, cat.District, StringComparison.Ordinal)
            ? InputErrors.ClauseOfOtherDistrict(InputErrors.Path(list, i, "clause"), code, cat.District)
            : InputErrors.UnknownClause(InputErrors.Path(list, i, "clause"), code));
        return false;
    }

    private static bool ResolveFigure(CompiledCatalog cat, int part, string? tier, string list, int i, List<CalculationInputError> errors, out int figure)
    {
        figure = cat.FindFigure(part, tier);
        if (figure >= 0) return true;
        var p = cat.Parts[part];
        var field = InputErrors.Path(list, i, "tier");
        errors.Add(!p.Tiered ? InputErrors.TierOnUntieredPart(field, p.Code, tier!)
            : tier is null ? InputErrors.MissingTier(field, p.Code, cat.TierKeys(part))
            : InputErrors.UnknownTier(field, p.Code, tier, cat.TierKeys(part)));
        return false;
    }

    /// <summary>Ordinal order of claim ids (the order limits and pools are consumed in); duplicates are errors.</summary>
    private static int[] SortById(IReadOnlyList<ClaimInput> source, List<CalculationInputError> errors)
    {
        var n = source.Count;
        var ids = new string[n];
        var order = new int[n];
        var sorted = true;
        for (var i = 0; i < n; i++)
        {
            ids[i] = source[i]?.Id ?? "";
            order[i] = i;
            if (i > 0 && sorted && string.CompareOrdinal(ids[i - 1], ids[i]) > 0) sorted = false;
        }
        // Requests usually arrive in id order (from the database); then sorting is skipped.
        if (!sorted) Array.Sort(ids, order, StringComparer.Ordinal);
        for (var k = 1; k < n; k++)
            if (ids[k].Length > 0 && string.Equals(ids[k - 1], ids[k], StringComparison.Ordinal))
            {
                var (first, second) = (Math.Min(order[k - 1], order[k]), Math.Max(order[k - 1], order[k]));
                errors.Add(InputErrors.DuplicateId(InputErrors.Path(Claims, second, "id"), ids[k], first));
            }
        return order;
    }

    private static long[] ReadPoolUsed(CompiledCatalog cat, CalculationRequest request, List<CalculationInputError> errors)
    {
        var used = new long[cat.Pools.Length];
        if (request.PoolUsed is null) return used;
        foreach (var (key, value) in request.PoolUsed)
        {
            var field = "poolUsed[" + key + "]";
            if (!cat.TryGetPool(key, out var pool)) errors.Add(InputErrors.UnknownPool(field, key));
            else if (value < 0m) errors.Add(InputErrors.Negative(field, value));
            else if (value > Fen.MaxYuan) errors.Add(InputErrors.Absurd(field, value));
            else if (!Fen.IsWholeFen(value)) errors.Add(InputErrors.NotWholeFen(field, value));
            else used[pool] = Fen.FromYuan(value);
        }
        return used;
    }

    private static PriorAwardLedger ReadPriors(CompiledCatalog cat, CalculationRequest request, RequestKeys keys, List<CalculationInputError> errors)
    {
        var ledger = new PriorAwardLedger();
        var priors = request.PriorAwards ?? [];
        for (var j = 0; j < priors.Count; j++)
        {
            var prior = priors[j];
            if (prior is null)
            {
                errors.Add(InputErrors.Required(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Priors}[{j}]"), "已获支持记录", "The prior award"));
                continue;
            }
            var ok = true;
            if (string.IsNullOrEmpty(prior.Project))
            {
                errors.Add(InputErrors.Required(InputErrors.Path(Priors, j, "project"), "项目", "The project"));
                ok = false;
            }
            if (prior.Year is < 2000 or > 2100)
            {
                errors.Add(InputErrors.YearOutOfRange(InputErrors.Path(Priors, j, "year"), prior.Year));
                ok = false;
            }
            ok &= CheckMoney(prior.Granted, Priors, j, "granted", wholeFen: true, errors);
            if (!ResolvePart(cat, prior.Clause, Priors, j, errors, out var part)) continue;
            if (!ResolveFigure(cat, part, prior.Tier, Priors, j, errors, out var figure) || !ok) continue;

            var enterprise = keys.Enterprise(prior.Enterprise);
            var project = keys.Project(enterprise, prior.Project);
            ledger.Add(cat, part, figure, enterprise, project, prior.Year, Fen.FromYuan(prior.Granted), request.Year);
        }
        return ledger;
    }
}
