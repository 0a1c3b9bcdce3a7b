using PolicyPortal.Domain.Applications;

namespace PolicyPortal.Infrastructure.Data.Applications;

/// <summary>
/// One enterprise's application under one district policy for one year: projects, each claiming clause parts.
/// On submission the catalog version and the calculation are frozen with it.
/// </summary>
public sealed class Application
{
    public long Id { get; set; }
    public long EnterpriseId { get; set; }
    public string District { get; set; } = "";
    public int Year { get; set; }
    public ApplicationStatus Status { get; set; }
    /// <summary>The catalog version the calculation was frozen with (at submission).</summary>
    public int? CatalogVersion { get; set; }
    /// <summary>受理编号, given at the first submission.</summary>
    public string? TrackingNumber { get; set; }
    /// <summary>The form's one-time key: a resubmitted form or double click finds the submission already made.</summary>
    public Guid? SubmissionKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? SupplementDeadline { get; set; }
    public string? SupplementRequest { get; set; }
    /// <summary>申报联系人 and phone: filled in from the enterprise file when the draft is made, editable while it is one.</summary>
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    /// <summary>The frozen calculation's total at submission (fen): the queue filters and sorts on it.</summary>
    public long? FrozenTotalFen { get; set; }
    /// <summary>
    /// The day the review is due, as yyyyMMdd in Beijing time (due at 23:59:59 that day): the policy's time limit in
    /// working days from submission. A day number, because SQLite cannot compare timestamps in SQL.
    /// </summary>
    public int? ReviewDueDay { get; set; }
    /// <summary>When the reviewers were reminded that the review is due soon (the deadline job does it once).</summary>
    public DateTimeOffset? ReminderSentAt { get; set; }
    /// <summary>When the overdue review was escalated to the district's administrators (once).</summary>
    public DateTimeOffset? EscalatedAt { get; set; }
    /// <summary>The user id of the reviewer who completed the first stage (初审); the second stage (复审) must be someone else.</summary>
    public string? FirstStageBy { get; set; }
    /// <summary>Optimistic concurrency: every write bumps it; a stale write fails instead of overwriting.</summary>
    public long Version { get; set; }
    public List<Project> Projects { get; set; } = [];
}

public sealed class Project
{
    public long Id { get; set; }
    public long ApplicationId { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public List<Claim> Claims { get; set; } = [];
}

/// <summary>A project's claim under one clause part (and tier), with its inputs and, once submitted, the frozen calculation.</summary>
public sealed class Claim
{
    public long Id { get; set; }
    public long ProjectId { get; set; }
    public string Clause { get; set; } = "";
    public string? Tier { get; set; }
    public long? AmountFen { get; set; }
    public long? RequestedFen { get; set; }
    /// <summary>Further named inputs (area, equipment …) as JSON: {"area": 1200}.</summary>
    public string InputsJson { get; set; } = "{}";
    /// <summary>The attestations the applicant ticked, as a JSON array of their texts.</summary>
    public string AttestationsJson { get; set; } = "[]";
    public long? FrozenEligibleFen { get; set; }
    public long? FrozenGrantedFen { get; set; }
    /// <summary>The explanation at submission, Chinese lines then English lines, as JSON.</summary>
    public string? FrozenExplanationJson { get; set; }
    /// <summary>The reviewer's decision; null while pending.</summary>
    public ClaimDecision? Decision { get; set; }
    public long? ApprovedFen { get; set; }
    public string? DecisionReason { get; set; }
    public long Version { get; set; }
    public List<Evidence> Evidence { get; set; } = [];
}

/// <summary>An uploaded evidence file of a claim; the bytes live in the evidence store under a random key.</summary>
public sealed class Evidence
{
    public long Id { get; set; }
    public long ClaimId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string StorageKey { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>An in-portal inbox message (every status change and deadline reminder).</summary>
public sealed class Notification
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string? Link { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    /// <summary>When the e-mail copy went out (null: not yet, or the user has no address — see <see cref="EmailTo"/>).</summary>
    public DateTimeOffset? EmailedAt { get; set; }
    /// <summary>The address the copy goes to, fixed when the notice is made; null when there is none.</summary>
    public string? EmailTo { get; set; }
}
