using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Net.Http.Headers;

namespace PolicyPortal.Web.Features.Admin.Notices;

/// <summary>
/// The 公示名单 as files: CSV in UTF-8 with a byte-order mark (Excel then reads the Chinese correctly) and a real .xlsx.
/// Cells that a spreadsheet would take for a formula (starting with = + - @, or a tab or carriage return) get a leading
/// apostrophe in the CSV; in the .xlsx every text is a typed string cell, never a formula, and amounts are numbers.
/// </summary>
internal static class NoticeExport
{
    public static readonly string[] Headers = ["序号", "企业名称", "统一社会信用代码", "项目名称", "条款编号", "条款名称", "核定金额（元）"];
    /// <summary>The live list's extra column for its administrators: the contact, the phone masked.</summary>
    public const string ContactHeader = "联系人（电话已脱敏）";

    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Csv(IEnumerable<NoticeRow> rows, bool contacts = false)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            // Neutralised here, explicitly, rather than by CsvHelper's own option (whose escape character is a tab).
            InjectionOptions = InjectionOptions.None,
            NewLine = "\r\n",
        };
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(writer, config))
        {
            foreach (var h in contacts ? Headers.Append(ContactHeader) : Headers) csv.WriteField(h);
            csv.NextRecord();
            foreach (var r in rows)
            {
                foreach (var cell in contacts ? Cells(r).Append(r.Contact ?? "") : Cells(r)) csv.WriteField(Neutralise(cell));
                csv.NextRecord();
            }
        }
        return stream.ToArray();
    }

    public static byte[] Xlsx(IEnumerable<NoticeRow> rows, string sheetTitle, bool contacts = false)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, (contacts ? Headers.Append(ContactHeader) : Headers).Select(h => Text(h, style: 1))));
            uint index = 2;
            foreach (var r in rows)
            {
                var cells = Cells(r).Take(6).Select((c, i) => i == 0 ? Number(r.Position, 0) : Text(c, 0)).Append(Number(r.AmountFen / 100m, 2));
                if (contacts) cells = cells.Append(Text(r.Contact ?? "", 0));
                data.Append(Row(index++, cells));
            }
            sheetPart.Worksheet = new Worksheet(
                new Columns(
                    Column(1, 6), Column(2, 36), Column(3, 22), Column(4, 30), Column(5, 18), Column(6, 36), Column(7, 16), Column(8, 24)),
                data);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName(sheetTitle) });
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>
    /// attachment; filename="ascii-name"; filename*=UTF-8''%E5%85%AC… (RFC 6266 with RFC 5987 encoding): browsers take the
    /// Chinese name, older clients the plain one. Both names are built from known district keys and numbers only.
    /// </summary>
    public static string Disposition(string asciiName, string chineseName) =>
        new ContentDispositionHeaderValue("attachment") { FileName = asciiName, FileNameStar = chineseName }.ToString();

    /// <summary>A leading apostrophe for text a spreadsheet would evaluate.</summary>
    public static string Neutralise(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;

    private static IEnumerable<string> Cells(NoticeRow r) =>
    [
        r.Position.ToString(CultureInfo.InvariantCulture), r.EnterpriseName, r.CreditCode, r.Project, r.Clause, r.ClauseTitle,
        (r.AmountFen / 100m).ToString("0.00", CultureInfo.InvariantCulture),
    ];

    private static Row Row(uint index, IEnumerable<Cell> cells)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var cell in cells)
        {
            cell.CellReference = $"{(char)('A' + column++)}{index.ToString(CultureInfo.InvariantCulture)}";
            row.Append(cell);
        }
        return row;
    }

    private static Cell Text(string text, uint style) =>
        new() { DataType = CellValues.InlineString, StyleIndex = style, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }) };

    private static Cell Number(decimal value, uint style) =>
        new() { DataType = CellValues.Number, StyleIndex = style, CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)) };

    private static Column Column(uint index, double width) => new() { Min = index, Max = index, Width = width, CustomWidth = true };

    /// <summary>Style 0: plain; 1: bold header; 2: amounts as #,##0.00 (built-in number format 4).</summary>
    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 4, ApplyNumberFormat = true }));

    /// <summary>Excel allows 31 characters and none of : \ / ? * [ ].</summary>
    private static string SheetName(string title)
    {
        var clean = new string([.. title.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']'))]);
        return clean.Length <= 31 ? clean : clean[..31];
    }
}
