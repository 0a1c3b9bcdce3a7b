using System.Globalization;

namespace PolicyPortal.Domain.Applications;

/// <summary>
/// A 申报期: applications are accepted from 00:00 Beijing time on <see cref="FirstDay"/> until 23:59:59 Beijing time
/// on <see cref="LastDay"/>, wherever the server or the applicant is.
/// </summary>
public sealed record ApplicationWindow(DateOnly FirstDay, DateOnly LastDay)
{
    public DateTimeOffset OpensAt => BeijingTime.StartOf(FirstDay);

    /// <summary>
    /// The last instant accepted: 23:59:59.9999999 +08:00 on the last day. Shown to the second it reads 23:59:59,
    /// and a submission inside that final second is not refused.
    /// </summary>
    public DateTimeOffset ClosesAt => BeijingTime.EndOf(LastDay);

    /// <summary>Compares instants, so <paramref name="now"/> may carry any offset (UTC from the clock, +08:00 from a form).</summary>
    public bool IsOpen(DateTimeOffset now) => now >= OpensAt && now <= ClosesAt;

    /// <summary>Empty when the window is usable. A one-day window (first day = last day) is.</summary>
    public IReadOnlyList<BilingualText> Validate()
    {
        if (LastDay >= FirstDay) return [];
        var first = FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var last = LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return [new($"申报期截止日（{last}）早于开始日（{first}）",
            $"The application window's last day ({last}) is before its first day ({first})")];
    }
}
