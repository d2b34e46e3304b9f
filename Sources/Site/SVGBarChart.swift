import Rendering

/// A grouped bar chart as inline SVG, generated here (no chart library): one group of
/// bars per category (a quarter), one bar per series (an office), each bar labelled with
/// its value. It has a `<title>` and a `<desc>`; the page gives the data as a table too.
public struct BarChart: Sendable {
    public struct Series: Sendable {
        public var name: String
        /// One value per category; nil where there is none.
        public var values: [Double?]

        public init(name: String, values: [Double?]) {
            self.name = name
            self.values = values
        }
    }

    public var title: String
    public var description: String
    public var categories: [String]
    public var series: [Series]
    /// Writes a value for its label.
    public var format: @Sendable (Double) -> String
    /// The target of each series in each category (`targets[series][category]`; nil or
    /// missing: none), drawn as a dashed line: one across the plot when every bar has the
    /// same target, else a dashed mark over each bar. A series' target
    /// may differ by category: a count's target on the quarter an office opened during is
    /// that of the days it was open (`EffectiveTarget.share`). `targetLabel` is the legend's
    /// word for it, followed by the value when there is one line ("objectiu 95 %").
    public var targets: [[Double?]] = []
    public var targetLabel = ""
    /// The range of the targets in each category (nil: none), drawn as a shaded band between
    /// two dashed lines across the category's group, when the bars stand for no one series'
    /// target (a summary's lowest, median and highest value of offices whose targets differ:
    /// no line was drawn there, and the scale could stop below the targets, session 45's
    /// trial). `bandLabel` is the legend's words for it. Unused when `targets` has any.
    public var targetBands: [(low: Double, high: Double)?] = []
    public var bandLabel = ""
    /// Writes the label of a bar whose series has a target, beside it (nil: `format`):
    /// the decimals the value needs not to read as its target (89.96 % is not "90 %" next
    /// to a target of 90 %; `Formatter.measure(_:unit:against:)`).
    public var formatAgainst: (@Sendable (Double, Double) -> String)?
    public var width = 640.0
    public var height = 300.0

    /// Colours of the series, each with at least 3:1 contrast on white (WCAG 1.4.11).
    public static let palette = ["#1f5f99", "#b34700", "#2e7d32", "#6a3d9a", "#8a5a00", "#00707a"]

    /// The fill of each series besides its colour, so that series differ without colour
    /// too (WCAG 1.4.1; in greyscale and for colour-blind readers): solid, diagonal
    /// stripes, dots, horizontal stripes, cross-hatching, vertical stripes.
    public static let patterns = ["solid", "diagonal", "dots", "horizontal", "cross", "vertical"]

    /// The `<pattern>` of series `s` in a chart whose ids start with `id` (none for solid).
    static func pattern(_ s: Int, id: String) -> String {
        let colour = palette[s % palette.count]
        let open = "<pattern id=\"\(id)-p\(s)\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\""
        let ground = "<rect width=\"8\" height=\"8\" fill=\"\(colour)\"/>"
        switch patterns[s % patterns.count] {
        case "diagonal": return open + " patternTransform=\"rotate(45)\">" + ground + "<rect width=\"3\" height=\"8\" fill=\"#ffffff\"/></pattern>"
        case "dots": return open + ">" + ground + "<circle cx=\"4\" cy=\"4\" r=\"2\" fill=\"#ffffff\"/></pattern>"
        case "horizontal": return open + ">" + ground + "<rect width=\"8\" height=\"3\" fill=\"#ffffff\"/></pattern>"
        case "cross": return open + " patternTransform=\"rotate(45)\">" + ground
            + "<rect width=\"2\" height=\"8\" fill=\"#ffffff\"/><rect width=\"8\" height=\"2\" fill=\"#ffffff\"/></pattern>"
        case "vertical": return open + ">" + ground + "<rect width=\"3\" height=\"8\" fill=\"#ffffff\"/></pattern>"
        default: return ""
        }
    }

    /// The fill and outline of series `s`'s bars and key: its pattern, outlined in its colour.
    static func paint(_ s: Int, id: String) -> String {
        let colour = palette[s % palette.count]
        let fill = patterns[s % patterns.count] == "solid" ? colour : "url(#\(id)-p\(s))"
        return "fill=\"\(fill)\" stroke=\"\(colour)\" stroke-width=\"1.5\""
    }

    static let left = 56.0, right = 16.0, top = 20.0, bottom = 70.0

    public init(title: String, description: String, categories: [String], series: [Series],
                format: @escaping @Sendable (Double) -> String) {
        self.title = title
        self.description = description
        self.categories = categories
        self.series = series
        self.format = format
    }

    /// A round step for about four grid lines up to `maximum` (1, 2 or 5 times a power of ten).
    static func step(for maximum: Double) -> Double {
        guard maximum > 0 else { return 1 }
        let raw = maximum / 4
        var power = 1.0
        while power * 10 <= raw { power *= 10 }
        while power > raw { power /= 10 }
        for m in [1.0, 2.0, 5.0, 10.0] where m * power >= raw { return m * power }
        return 10 * power
    }

    /// The target of series `s` in category `c`, nil when it has none there.
    func target(_ s: Int, _ c: Int) -> Double? {
        s < targets.count && c < targets[s].count ? targets[s][c] : nil
    }

    /// The one target of every bar (a series' value in a category), nil when a bar has none
    /// or two differ. A category without a series' value is no bar of it, and its target
    /// no matter (an office that did not report a quarter: the review of session 39).
    var oneTarget: Double? {
        let all = series.indices.flatMap { s in
            categories.indices.compactMap { c -> Double?? in
                c < series[s].values.count && series[s].values[c] != nil ? .some(target(s, c)) : nil
            }
        }
        guard let first = all.first ?? nil, all.allSatisfy({ $0 == first }) else { return nil }
        return first
    }

    public func svg(id: String) -> String {
        let hasTarget = targets.contains { $0.contains { $0 != nil } }
        let bands = hasTarget ? [] : targetBands
        let hasBand = bands.contains { $0 != nil }
        let values = series.flatMap { $0.values.compactMap { $0 } } + targets.flatMap { $0.compactMap { $0 } }
            + bands.compactMap { $0?.high }
        let maximum = max(values.max() ?? 0, 0)
        let step = BarChart.step(for: maximum)
        var scaleTop = step
        while scaleTop < maximum { scaleTop += step }
        let top = scaleTop
        // The legend, in as many rows as it needs.
        var legend: [(x: Double, row: Int)] = []
        var lx = BarChart.left
        var row = 0
        for item in series {
            let w = 17 + Double(item.name.count) * 6.7 + 22
            if lx > BarChart.left, lx + w - 22 > width - BarChart.right { lx = BarChart.left; row += 1 }
            legend.append((lx, row))
            lx += w
        }
        let legendRows = row + 1
        let height = self.height + 18 * Double(row + (hasTarget || hasBand ? 1 : 0))
        let plotW = width - BarChart.left - BarChart.right
        let plotH = self.height - BarChart.top - BarChart.bottom
        let baseline = BarChart.top + plotH
        func y(_ v: Double) -> Double { baseline - plotH * v / top }

        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(f(width)) \(f(height))\""
            + " role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">\n"
        out += "<title id=\"\(id)-title\">\(HTML.escape(title))</title>\n"
        out += "<desc id=\"\(id)-desc\">\(HTML.escape(description))</desc>\n"
        let defs = series.indices.map { BarChart.pattern($0, id: id) }.joined()
        if !defs.isEmpty { out += "<defs>\(defs)</defs>\n" }
        // Grid and scale.
        var tick = 0.0
        while tick <= top + step / 1000 {
            let ty = y(tick)
            out += "<line x1=\"\(f(BarChart.left))\" y1=\"\(f(ty))\" x2=\"\(f(width - BarChart.right))\" y2=\"\(f(ty))\" stroke=\"#d5dbe1\"/>"
            out += "<text x=\"\(f(BarChart.left - 6))\" y=\"\(f(ty + 4))\" text-anchor=\"end\" font-size=\"12\" fill=\"#1a1a1a\">\(HTML.escape(format(tick)))</text>\n"
            tick += step
        }
        // Bars, over the targets' bands.
        let groupW = categories.isEmpty ? plotW : plotW / Double(categories.count)
        /// The band of category `c`: its group less a margin each side, from `low` up to `high`.
        func band(_ c: Int) -> (x1: Double, x2: Double, top: Double, bottom: Double)? {
            guard c < bands.count, let b = bands[c] else { return nil }
            let groupX = BarChart.left + groupW * Double(c)
            return (groupX + groupW * 0.06, groupX + groupW * 0.94, y(max(b.high, 0)), y(max(b.low, 0)))
        }
        for c in categories.indices {
            guard let b = band(c) else { continue }
            out += "<rect class=\"target-band\" x=\"\(f(b.x1))\" y=\"\(f(b.top))\" width=\"\(f(b.x2 - b.x1))\" height=\"\(f(b.bottom - b.top))\" fill=\"#1a1a1a\" fill-opacity=\"0.1\"/>"
        }
        if hasBand { out += "\n" }
        let barW = min(44, groupW * 0.72 / Double(max(series.count, 1)))
        // The bars' values are written after the targets' lines, over them, on a white
        // halo: a dashed line at 95 % struck through the labels of bars at 93 and 100 %
        // (session 37's trial). The halo is a copy of the text drawn first with a white
        // stroke (SVG 1.1, which the Nu checker holds the page to, has no `paint-order`).
        var valueLabels = ""
        for (c, category) in categories.enumerated() {
            let groupX = BarChart.left + groupW * Double(c)
            let start = groupX + (groupW - barW * Double(series.count)) / 2
            for (s, item) in series.enumerated() {
                guard c < item.values.count, let v = item.values[c] else { continue }
                let x = start + barW * Double(s)
                let barTop = y(max(v, 0))
                out += "<rect x=\"\(f(x + 1))\" y=\"\(f(barTop))\" width=\"\(f(barW - 2))\" height=\"\(f(baseline - barTop))\" \(BarChart.paint(s, id: id))/>"
                let label = target(s, c).flatMap { t in formatAgainst.map { $0(v, t) } } ?? format(v)
                let at = "x=\"\(f(x + barW / 2))\" y=\"\(f(barTop - 4))\" text-anchor=\"middle\" font-size=\"12\""
                valueLabels += "<text \(at) fill=\"#fff\" stroke=\"#fff\" stroke-width=\"3\" stroke-linejoin=\"round\">\(HTML.escape(label))</text>"
                    + "<text class=\"bar-value\" \(at) fill=\"#1a1a1a\">\(HTML.escape(label))</text>\n"
            }
            out += "<text x=\"\(f(groupX + groupW / 2))\" y=\"\(f(baseline + 18))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1a1a1a\">\(HTML.escape(category))</text>\n"
        }
        out += "<line x1=\"\(f(BarChart.left))\" y1=\"\(f(baseline))\" x2=\"\(f(width - BarChart.right))\" y2=\"\(f(baseline))\" stroke=\"#1a1a1a\"/>\n"
        // Targets.
        let one = oneTarget
        if let t = one {
            // Its value is the legend's ("objectiu 95 %"): written at the plot's right edge,
            // it stood on the last bar's label (session 37's trial).
            out += "<line class=\"target-line\" x1=\"\(f(BarChart.left))\" y1=\"\(f(y(t)))\" x2=\"\(f(width - BarChart.right))\" y2=\"\(f(y(t)))\" stroke=\"#1a1a1a\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n"
        } else if hasTarget {
            for (c, _) in categories.enumerated() {
                let groupX = BarChart.left + groupW * Double(c)
                let start = groupX + (groupW - barW * Double(series.count)) / 2
                for s in series.indices {
                    guard let t = target(s, c) else { continue }
                    let x = start + barW * Double(s)
                    out += "<line class=\"target-line\" x1=\"\(f(x - 2))\" y1=\"\(f(y(t)))\" x2=\"\(f(x + barW + 2))\" y2=\"\(f(y(t)))\" stroke=\"#1a1a1a\" stroke-width=\"2\" stroke-dasharray=\"4 2\"/>"
                }
            }
            out += "\n"
        } else if hasBand {
            // Its edges over the bars, a bar may stand in the band, each on a white line (the
            // dashes alone were 2.6:1 on the first series' blue, session 47's review); none
            // on the axis (a lowest target of 0 or less).
            for c in categories.indices {
                guard let b = band(c) else { continue }
                for edge in b.top == b.bottom ? [b.top] : [b.top, b.bottom] where edge < baseline {
                    let at = "x1=\"\(f(b.x1))\" y1=\"\(f(edge))\" x2=\"\(f(b.x2))\" y2=\"\(f(edge))\""
                    out += "<line \(at) stroke=\"#fff\" stroke-width=\"3.5\"/>"
                        + "<line class=\"target-band-edge\" \(at) stroke=\"#1a1a1a\" stroke-width=\"1.5\" stroke-dasharray=\"4 2\"/>"
                }
            }
            out += "\n"
        }
        out += valueLabels
        // Legend.
        out += "<g class=\"chart-legend\">"
        for (s, item) in series.enumerated() {
            let x = legend[s].x
            let ly = baseline + 48 + 18 * Double(legend[s].row)
            out += "<rect x=\"\(f(x))\" y=\"\(f(ly - 11))\" width=\"14\" height=\"14\" \(BarChart.paint(s, id: id))/>"
            out += "<text x=\"\(f(x + 17))\" y=\"\(f(ly))\" font-size=\"12\" fill=\"#1a1a1a\">\(HTML.escape(item.name))</text>"
        }
        if hasTarget {
            let ly = baseline + 48 + 18 * Double(legendRows)
            out += "<line x1=\"\(f(BarChart.left))\" y1=\"\(f(ly - 4))\" x2=\"\(f(BarChart.left + 24))\" y2=\"\(f(ly - 4))\" stroke=\"#1a1a1a\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
            out += "<text x=\"\(f(BarChart.left + 29))\" y=\"\(f(ly))\" font-size=\"12\" fill=\"#1a1a1a\">\(HTML.escape(targetLabel + (one.map { " " + format($0) } ?? "")))</text>"
        } else if hasBand {
            let ly = baseline + 48 + 18 * Double(legendRows)
            out += "<rect x=\"\(f(BarChart.left))\" y=\"\(f(ly - 10))\" width=\"24\" height=\"12\" fill=\"#1a1a1a\" fill-opacity=\"0.1\"/>"
            for edge in [ly - 10, ly + 2] {
                out += "<line x1=\"\(f(BarChart.left))\" y1=\"\(f(edge))\" x2=\"\(f(BarChart.left + 24))\" y2=\"\(f(edge))\" stroke=\"#1a1a1a\" stroke-width=\"1.5\" stroke-dasharray=\"4 2\"/>"
            }
            out += "<text x=\"\(f(BarChart.left + 29))\" y=\"\(f(ly))\" font-size=\"12\" fill=\"#1a1a1a\">\(HTML.escape(bandLabel))</text>"
        }
        out += "</g>\n</svg>"
        return out
    }
}
