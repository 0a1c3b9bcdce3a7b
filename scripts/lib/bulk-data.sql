-- Bulk data for scripts/backup-restore-check.sh, on top of what the portal seeded (catalogs, demo accounts, windows):
-- :scale enterprises, each with an owner account, a declared prior award and one application in some state, with two
-- projects of two claims each (money in fen), a timeline and inbox notices. Deterministic (setseed). Only columns of the
-- migrations up to DataProtectionKeys are named; later NOT NULL columns need defaults.
\set ON_ERROR_STOP on
SELECT setseed(0.2026);

CREATE TEMP TABLE bulk AS
SELECT g AS n,
       'bulk-' || lpad(g::text, 7, '0') AS user_name,
       md5('user' || g) AS user_id,
       (ARRAY['fengtai','shijingshan','yizhuang','tongzhou','binjiang'])[1 + g % 5] AS district,
       (ARRAY['Draft','Submitted','UnderReview','ReturnedForSupplement','Approved','PartiallyApproved','Rejected'])[1 + g % 7] AS status,
       (random() * 5000000)::bigint * 100 AS base_fen
FROM generate_series(1, :scale) g;

INSERT INTO "AspNetUsers" ("Id", "DisplayName", "District", "CreatedAt", "UserName", "NormalizedUserName", "Email", "NormalizedEmail",
    "EmailConfirmed", "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
SELECT user_id, '批量企业' || n || '有限公司', NULL, now() - (n || ' minutes')::interval, user_name, upper(user_name),
       user_name || '@example.cn', upper(user_name || '@example.cn'), true, NULL, md5('stamp' || n), md5('cc' || n), false, false, true, 0
FROM bulk;

INSERT INTO "Enterprises" ("CreditCode", "Name", "District", "ContactName", "ContactPhone", "Email", "OwnerUserId", "CreatedAt", "UpdatedAt")
SELECT '9B' || lpad(n::text, 16, '0'), '批量企业' || n || '有限公司', district, '联系人' || n, '1380000' || lpad((n % 10000)::text, 4, '0'),
       user_name || '@example.cn', user_id, now() - (n || ' minutes')::interval, now()
FROM bulk;

INSERT INTO "EnterpriseQualifications" ("EnterpriseId", "Key")
SELECT e."Id", q FROM "Enterprises" e JOIN bulk b ON e."OwnerUserId" = b.user_id, unnest(ARRAY['ai-enterprise', 'high-tech']) q;

INSERT INTO "ExternalAwards" ("EnterpriseId", "Clause", "Tier", "Project", "Year", "GrantedFen", "Note")
SELECT e."Id", 'prior-' || (b.n % 13), NULL, '往年项目' || b.n, 2025, b.base_fen / 4, '自行申报'
FROM "Enterprises" e JOIN bulk b ON e."OwnerUserId" = b.user_id;

INSERT INTO "Applications" ("EnterpriseId", "District", "Year", "Status", "CatalogVersion", "TrackingNumber", "SubmissionKey", "CreatedAt", "UpdatedAt",
    "SubmittedAt", "SupplementDeadline", "SupplementRequest", "ContactName", "ContactPhone", "FrozenTotalFen", "ReviewDueDay", "Version")
SELECT e."Id", b.district, 2026, b.status, CASE WHEN b.status = 'Draft' THEN NULL ELSE 1 END,
       CASE WHEN b.status = 'Draft' THEN NULL ELSE 'BULK-' || lpad(b.n::text, 8, '0') END,
       CASE WHEN b.status = 'Draft' THEN NULL ELSE md5('key' || b.n)::uuid END,
       now() - interval '40 days', now() - interval '1 day',
       CASE WHEN b.status = 'Draft' THEN NULL ELSE now() - interval '30 days' END,
       CASE WHEN b.status = 'ReturnedForSupplement' THEN now() + interval '10 days' END,
       CASE WHEN b.status = 'ReturnedForSupplement' THEN '请补充合同原件扫描件' END,
       '联系人' || b.n, '13800000000',
       CASE WHEN b.status = 'Draft' THEN NULL ELSE b.base_fen * 3 END,
       CASE WHEN b.status IN ('Submitted', 'UnderReview') THEN 20261231 END, 1
FROM "Enterprises" e JOIN bulk b ON e."OwnerUserId" = b.user_id;

INSERT INTO "Projects" ("ApplicationId", "Name", "Description")
SELECT a."Id", '项目' || p || '：' || coalesce(a."TrackingNumber", '草稿' || a."Id"), '批量生成的项目说明'
FROM "Applications" a JOIN "Enterprises" e ON e."Id" = a."EnterpriseId" JOIN bulk b ON e."OwnerUserId" = b.user_id, generate_series(1, 2) p;

INSERT INTO "Claims" ("ProjectId", "Clause", "Tier", "AmountFen", "RequestedFen", "InputsJson", "AttestationsJson", "FrozenEligibleFen", "FrozenGrantedFen",
    "FrozenExplanationJson", "Decision", "ApprovedFen", "DecisionReason", "Version")
SELECT pr."Id", 'clause-' || (pr."Id" % 17), NULL, amount, amount, '{"area": ' || (pr."Id" % 900 + 100) || '}', '["属实"]',
       CASE WHEN a."Status" = 'Draft' THEN NULL ELSE amount / 2 END,
       CASE WHEN a."Status" = 'Draft' THEN NULL ELSE amount / 2 END,
       CASE WHEN a."Status" = 'Draft' THEN NULL ELSE '["按比例计算", "by rate"]' END,
       CASE a."Status" WHEN 'Approved' THEN 'Approved' WHEN 'Rejected' THEN 'Rejected' WHEN 'PartiallyApproved' THEN CASE WHEN c = 1 THEN 'Approved' ELSE 'Rejected' END END,
       CASE WHEN a."Status" = 'Approved' OR (a."Status" = 'PartiallyApproved' AND c = 1) THEN amount / 2 END,
       CASE WHEN a."Status" = 'Rejected' OR (a."Status" = 'PartiallyApproved' AND c = 2) THEN '不符合条件' END, 1
FROM "Projects" pr JOIN "Applications" a ON a."Id" = pr."ApplicationId" JOIN "Enterprises" e ON e."Id" = a."EnterpriseId" JOIN bulk b ON e."OwnerUserId" = b.user_id,
     generate_series(1, 2) c, LATERAL (SELECT (b.base_fen / 2 + (random() * 100000)::bigint * 100) AS amount) m;

INSERT INTO "AuditEntries" ("At", "Actor", "District", "Entity", "EntityId", "ApplicationId", "Action", "Before", "After", "Note")
SELECT a."CreatedAt" + (s || ' days')::interval, CASE WHEN s = 1 THEN b.user_name ELSE 'reviewer-' || b.district END, a."District",
       'Application', a."Id"::text, a."Id", (ARRAY['Create', 'Submit', 'StartReview'])[s],
       CASE WHEN s = 1 THEN NULL ELSE '{"status":"' || (ARRAY[NULL, 'Draft', 'Submitted'])[s] || '"}' END,
       '{"status":"' || (ARRAY['Draft', 'Submitted', 'UnderReview'])[s] || '"}', NULL
FROM "Applications" a JOIN "Enterprises" e ON e."Id" = a."EnterpriseId" JOIN bulk b ON e."OwnerUserId" = b.user_id, generate_series(1, 3) s;

INSERT INTO "Notifications" ("UserId", "At", "Title", "Body", "Link", "ReadAt", "EmailTo", "EmailedAt")
SELECT b.user_id, now() - (k || ' days')::interval, '申报已受理：' || coalesce(a."TrackingNumber", '草稿'), '您的申报已进入审核。', '/enterprise/applications/' || a."Id",
       CASE WHEN k = 2 THEN now() END, b.user_name || '@example.cn', now()
FROM "Applications" a JOIN "Enterprises" e ON e."Id" = a."EnterpriseId" JOIN bulk b ON e."OwnerUserId" = b.user_id, generate_series(1, 2) k;

ANALYZE;
