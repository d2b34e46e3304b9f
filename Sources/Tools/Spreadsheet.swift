import Foundation

/// The spreadsheet of the open data, an OpenDocument spreadsheet (ODS, ISO/IEC 26300; the
/// format Spain's Technical Interoperability Standard on the catalogue of standards names
/// for spreadsheets) written by odfpy (https://github.com/eea/odfpy, the library pandas
/// reads and writes ODS with) in a Python child process.
///
/// Each table is a sheet; its first row holds the columns' headings (the titles `OpenDataStep` gives), the others typed cells:
/// numbers as floats, dates as dates (shown `YYYY-MM-DD`), booleans as booleans, text as
/// UTF-8 strings, so that a spreadsheet with any locale (Catalan and Spanish ones use a
/// decimal comma) reads values, not text. A text is never a formula. The zip entries are
/// dated with the source's date, so that the same tree gives the same bytes.
public enum Spreadsheet {
    /// How to get the spreadsheet when odfpy or Python is missing.
    public static let installHint = "run scripts/setup.sh (it installs odfpy into .venv/), or `pip install odfpy`, or set OAE_PYTHON to a Python that has it"

    /// The Python that writes it: `OAE_PYTHON` when set (`off` or empty: none), else
    /// `<root>/.venv/bin/python`, else `python3` on the `PATH`.
    public static func locatePython(root: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let fm = FileManager.default
        if let configured = environment["OAE_PYTHON"] {
            if configured.isEmpty || configured == "off" { return nil }
            return fm.isExecutableFile(atPath: configured) ? URL(fileURLWithPath: configured) : nil
        }
        let venv = root.appendingPathComponent(".venv/bin/python")
        if fm.isExecutableFile(atPath: venv.path) { return venv }
        return ChildProcess.which("python3", environment: environment)
    }

    /// Writes `file` from `specification`, a JSON object `{"epoch": seconds, "sheets":
    /// [{"name", "columns": [{"name", "type"}], "rows": [[cell, …]]}]}` where each type is
    /// `string`, `integer`, `decimal`, `boolean` or `date` and each cell is the CSV's text
    /// of the value (empty for none). Throws `ToolError` with Python's message when it fails
    /// (odfpy missing among the reasons).
    public static func write(_ specification: Data, to file: URL, python: URL) throws {
        let input = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).json")
        try specification.write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let output = try ChildProcess.run(python, ["-I", "-c", script, input.path, file.path])
        guard output.status == 0 else {
            let message = output.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            if output.status == 3 { throw ToolError("odfpy is not installed for \(python.path): \(installHint)") }
            throw ToolError("the spreadsheet writer failed (exit status \(output.status)): \(message)")
        }
    }

    /// The writer, run with `python -I -c` (isolated: no user site, no current folder).
    static let script = #"""
import io, json, sys, time, zipfile
try:
    from odf import teletype
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.number import DateStyle, Day, Month, Text as NumberText, Year
    from odf.style import Style, TableCellProperties, TextProperties
    from odf.table import Table, TableCell, TableRow
    from odf.text import P
except ImportError:
    sys.exit(3)

source, target = sys.argv[1], sys.argv[2]
with open(source, encoding="utf-8") as f:
    spec = json.load(f)
doc = OpenDocumentSpreadsheet()
iso = DateStyle(name="iso-date")
for part in (Year(style="long"), NumberText(text="-"), Month(style="long"), NumberText(text="-"), Day(style="long")):
    iso.addElement(part)
doc.automaticstyles.addElement(iso)
date_style = Style(name="date", family="table-cell", datastylename="iso-date")
doc.automaticstyles.addElement(date_style)
header_style = Style(name="header", family="table-cell")
header_style.addElement(TextProperties(fontweight="bold"))
header_style.addElement(TableCellProperties(backgroundcolor="#e8eef4"))
doc.automaticstyles.addElement(header_style)


def text_cell(text, **attributes):
    cell = TableCell(valuetype="string", **attributes)
    paragraph = P()
    teletype.addTextToElement(paragraph, text)
    cell.addElement(paragraph)
    return cell


for sheet in spec["sheets"]:
    table = Table(name=sheet["name"])
    row = TableRow()
    for column in sheet["columns"]:
        row.addElement(text_cell(column["name"], stylename=header_style))
    table.addElement(row)
    for values in sheet["rows"]:
        row = TableRow()
        for column, value in zip(sheet["columns"], values):
            kind = column["type"]
            if value == "":
                cell = TableCell()
            elif kind in ("integer", "decimal"):
                cell = TableCell(valuetype="float", value=value)
                cell.addElement(P(text=value))
            elif kind == "date":
                cell = TableCell(valuetype="date", datevalue=value, stylename=date_style)
                cell.addElement(P(text=value))
            elif kind == "boolean":
                cell = TableCell(valuetype="boolean", booleanvalue=value)
                cell.addElement(P(text=value.upper()))
            else:
                cell = text_cell(value)
            row.addElement(cell)
        table.addElement(row)
    doc.spreadsheet.addElement(table)

written = io.BytesIO()
doc.write(written)
stamp = time.gmtime(max(int(spec["epoch"]), 315532800))[:6]
out = io.BytesIO()
with zipfile.ZipFile(written) as src, zipfile.ZipFile(out, "w") as dst:
    for info in src.infolist():
        entry = zipfile.ZipInfo(info.filename, stamp)
        entry.compress_type = info.compress_type
        entry.external_attr = 0o644 << 16
        dst.writestr(entry, src.read(info.filename))
with open(target, "wb") as f:
    f.write(out.getvalue())
"""#
}
