import Model
import Rendering

/// The training plan drawn as an inline SVG: one row per post and module, months
/// across, a hollow mark on the planned date, a filled one on the completion date,
/// and a line on the opening date. No external asset; the same data is also given
/// as a table for reading aloud and copying.
struct TrainingTimeline {
    struct Entry {
        var post: String
        var module: String
        var planned: Day?
        var completed: Day?
    }

    var entries: [Entry]
    var opening: Day?
    /// Month labels by month number (`gen.`, `feb.`…).
    var monthLabel: (Int) -> String
    var openingLabel: String
    var title: String
    var legendPlanned: String
    var legendCompleted: String

    static let labelWidth = 205.0
    static let chartWidth = 330.0
    static let rowHeight = 15.0
    static let top = 30.0

    func svg() -> String {
        let days = entries.flatMap { [$0.planned, $0.completed] }.compactMap { $0 } + [opening].compactMap { $0 }
        guard let minDay = days.min(), let maxDay = days.max() else { return "" }
        let start = Day(year: minDay.year, month: minDay.month, day: 1)
        let endMonth = maxDay.month == 12 ? Day(year: maxDay.year + 1, month: 1, day: 1) : Day(year: maxDay.year, month: maxDay.month + 1, day: 1)
        let span = Double(max(1, endMonth.ordinal - start.ordinal))
        func x(_ d: Day) -> Double { TrainingTimeline.labelWidth + Double(d.ordinal - start.ordinal) / span * TrainingTimeline.chartWidth }

        // Rows: a header row per post, then its modules.
        var rows: [(label: String, isPost: Bool, entry: Entry?)] = []
        var lastPost = ""
        for e in entries {
            if e.post != lastPost { rows.append((e.post, true, nil)); lastPost = e.post }
            rows.append((e.module, false, e))
        }
        let height = TrainingTimeline.top + Double(rows.count) * TrainingTimeline.rowHeight + 24
        let width = TrainingTimeline.labelWidth + TrainingTimeline.chartWidth + 10
        var out = "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-labelledby=\"timeline-title\" font-family=\"Liberation Sans, DejaVu Sans, Arial, sans-serif\">"
        out += "<title id=\"timeline-title\">\(HTML.escape(title))</title>"
        // Month grid
        var month = start
        while month < endMonth {
            let next = month.month == 12 ? Day(year: month.year + 1, month: 1, day: 1) : Day(year: month.year, month: month.month + 1, day: 1)
            let x0 = x(month), x1 = x(next)
            out += "<line class=\"grid\" stroke=\"#d5dce2\" stroke-width=\"0.6\" x1=\"\(n(x0))\" y1=\"\(n(TrainingTimeline.top - 6))\" x2=\"\(n(x0))\" y2=\"\(n(height - 20))\"/>"
            out += "<text class=\"month\" font-size=\"7\" fill=\"#5b6670\" x=\"\(n((x0 + x1) / 2))\" y=\"\(n(TrainingTimeline.top - 10))\" text-anchor=\"middle\">\(HTML.escape(monthLabel(month.month)))</text>"
            month = next
        }
        out += "<line class=\"grid\" stroke=\"#d5dce2\" stroke-width=\"0.6\" x1=\"\(n(x(endMonth)))\" y1=\"\(n(TrainingTimeline.top - 6))\" x2=\"\(n(x(endMonth)))\" y2=\"\(n(height - 20))\"/>"
        // Rows
        for (i, row) in rows.enumerated() {
            let y = TrainingTimeline.top + Double(i) * TrainingTimeline.rowHeight + TrainingTimeline.rowHeight / 2
            if row.isPost {
                out += "<text class=\"post\" font-size=\"7.5\" font-weight=\"bold\" fill=\"#1d2327\" x=\"0\" y=\"\(n(y + 3.5))\">\(HTML.escape(row.label))</text>"
                continue
            }
            out += "<text class=\"module\" font-size=\"7\" fill=\"#1d2327\" x=\"10\" y=\"\(n(y + 3.5))\">\(HTML.escape(row.label))</text>"
            guard let e = row.entry else { continue }
            if let p = e.planned, let c = e.completed, p != c {
                out += "<line class=\"delay\" stroke=\"#5b6670\" stroke-width=\"1\" x1=\"\(n(x(p)))\" y1=\"\(n(y))\" x2=\"\(n(x(c)))\" y2=\"\(n(y))\"/>"
            }
            if let p = e.planned {
                out += "<circle class=\"planned\" fill=\"#ffffff\" stroke=\"#0b5394\" stroke-width=\"1.2\" cx=\"\(n(x(p)))\" cy=\"\(n(y))\" r=\"4\"/>"
            }
            if let c = e.completed {
                out += "<circle class=\"completed\" fill=\"#0b5394\" cx=\"\(n(x(c)))\" cy=\"\(n(y))\" r=\"2.6\"/>"
            }
        }
        // Opening date
        if let opening {
            let ox = x(opening)
            out += "<line class=\"opening\" stroke=\"#a01818\" stroke-width=\"1.2\" stroke-dasharray=\"3 2\" x1=\"\(n(ox))\" y1=\"\(n(TrainingTimeline.top - 6))\" x2=\"\(n(ox))\" y2=\"\(n(height - 20))\"/>"
            out += "<text class=\"opening-label\" font-size=\"7\" font-weight=\"bold\" fill=\"#a01818\" x=\"\(n(ox))\" y=\"\(n(height - 8))\" text-anchor=\"middle\">\(HTML.escape(openingLabel))</text>"
        }
        // Legend
        out += "<circle class=\"planned\" fill=\"#ffffff\" stroke=\"#0b5394\" stroke-width=\"1.2\" cx=\"6\" cy=\"\(n(height - 12))\" r=\"4\"/>"
        out += "<text class=\"legend\" font-size=\"7\" fill=\"#1d2327\" x=\"14\" y=\"\(n(height - 8.5))\">\(HTML.escape(legendPlanned))</text>"
        out += "<circle class=\"completed\" fill=\"#0b5394\" cx=\"120\" cy=\"\(n(height - 12))\" r=\"2.6\"/>"
        out += "<text class=\"legend\" font-size=\"7\" fill=\"#1d2327\" x=\"128\" y=\"\(n(height - 8.5))\">\(HTML.escape(legendCompleted))</text>"
        out += "</svg>"
        return out
    }

    /// A coordinate with at most one decimal, the same on every machine.
    func n(_ v: Double) -> String {
        let tenths = Int((v * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(abs(tenths % 10))"
    }
}
