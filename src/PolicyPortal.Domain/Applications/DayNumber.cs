using System.Globalization;

namespace PolicyPortal.Domain.Applications;

/// <summary>A date as the number yyyyMMdd: ordered like the dates, and comparable in SQL on every provider.</summary>
public static class DayNumber
{
    public static int Of(DateOnly day) => (day.Year * 10000) + (day.Month * 100) + day.Day;

    public static DateOnly ToDate(int number) => new(number / 10000, number / 100 % 100, number % 100);

    public static string Format(int number) => ToDate(number).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
