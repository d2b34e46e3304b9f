import Foundation
import Rendering

/// A simple map of the offices as inline SVG: their coordinates projected into a box
/// (equirectangular, with longitudes shortened by the cosine of the mean latitude so that
/// distances look right at this scale), each office a marker and a label. The marker's
/// shape says the status as well as its colour; the page gives the same facts as a list.
public struct OfficeMap: Sendable {
    public struct Point: Sendable, Equatable {
        public var label: String
        public var latitude: Double
        public var longitude: Double
        /// `planned`, `pilot` or `open`.
        public var status: String

        public init(label: String, latitude: Double, longitude: Double, status: String) {
            self.label = label
            self.latitude = latitude
            self.longitude = longitude
            self.status = status
        }
    }

    public var points: [Point]
    public var title: String
    public var description: String
    /// The label of each status for the legend, in the order shown.
    public var legend: [(status: String, label: String)]
    public var width = 640.0
    public var height = 420.0
    /// Room around the points for markers and labels.
    public var padding = 56.0
    static let legendHeight = 34.0
    static let fontSize = 13.0

    public init(points: [Point], title: String, description: String, legend: [(status: String, label: String)]) {
        self.points = points
        self.title = title
        self.description = description
        self.legend = legend
    }

    /// Positions of the points in the drawing, in the order of `points`.
    public func projected() -> [(x: Double, y: Double)] { projection().points }

    /// The positions, and the drawing's scale in pixels per degree of latitude.
    func projection() -> (points: [(x: Double, y: Double)], scale: Double) {
        guard !points.isEmpty else { return ([], 0) }
        let meanLat = points.map(\.latitude).reduce(0, +) / Double(points.count)
        let k = cos(meanLat * .pi / 180)
        let xs = points.map { $0.longitude * k }
        let ys = points.map { -$0.latitude }
        let minSpan = 0.02
        var (x0, x1) = (xs.min()!, xs.max()!)
        var (y0, y1) = (ys.min()!, ys.max()!)
        if x1 - x0 < minSpan { let c = (x0 + x1) / 2; x0 = c - minSpan / 2; x1 = c + minSpan / 2 }
        if y1 - y0 < minSpan { let c = (y0 + y1) / 2; y0 = c - minSpan / 2; y1 = c + minSpan / 2 }
        let areaW = width - 2 * padding
        let areaH = height - OfficeMap.legendHeight - 2 * padding
        let scale = min(areaW / (x1 - x0), areaH / (y1 - y0))
        let offX = padding + (areaW - (x1 - x0) * scale) / 2
        let offY = padding + (areaH - (y1 - y0) * scale) / 2
        return (zip(xs, ys).map { (x: offX + ($0 - x0) * scale, y: offY + ($1 - y0) * scale) }, scale)
    }

    /// A scale bar of a round length (1, 2 or 5 times a power of ten kilometres) about a
    /// sixth of the drawing wide, in the bottom right corner. A degree of latitude is
    /// 111.32 km.
    func scaleBar(pixelsPerDegree: Double, label: (Int) -> String) -> String {
        guard pixelsPerDegree > 0 else { return "" }
        let pixelsPerKm = pixelsPerDegree / 111.32
        var km = 1.0
        for candidate in [1.0, 2, 5, 10, 20, 50, 100, 200, 500] where candidate * pixelsPerKm <= width / 6 { km = candidate }
        let w = km * pixelsPerKm
        let x1 = width - 16, x0 = x1 - w, y = height - OfficeMap.legendHeight / 2 + 4
        return "<g class=\"map-scale\"><path d=\"M\(f(x0)) \(f(y - 5))V\(f(y))H\(f(x1))V\(f(y - 5))\" fill=\"none\" stroke=\"#1a1a1a\" stroke-width=\"1.5\"/>"
            + "<text x=\"\(f((x0 + x1) / 2))\" y=\"\(f(y - 8))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1a1a1a\">\(HTML.escape(label(Int(km))))</text></g>\n"
    }

    /// The SVG element; `id` prefixes the ids of its title and description.
    public func svg(id: String) -> String {
        let (positions, scale) = projection()
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"office-map\" viewBox=\"0 0 \(f(width)) \(f(height))\""
            + " role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">\n"
        out += "<title id=\"\(id)-title\">\(HTML.escape(title))</title>\n"
        out += "<desc id=\"\(id)-desc\">\(HTML.escape(description))</desc>\n"
        out += "<rect x=\"0.5\" y=\"0.5\" width=\"\(f(width - 1))\" height=\"\(f(height - 1))\" fill=\"#f4f7fa\" stroke=\"#6b7785\"/>\n"
        var placed: [Box] = positions.map { Box(x: $0.x - 7, y: $0.y - 7, w: 14, h: 14) }
        for (point, position) in zip(points, positions) {
            let (text, box) = label(point.label, at: position, avoiding: placed)
            placed.append(box)
            out += "<g class=\"map-point\">" + OfficeMap.marker(point.status, x: position.x, y: position.y) + text + "</g>\n"
        }
        var x = 16.0
        let y = height - OfficeMap.legendHeight / 2
        out += "<g class=\"map-legend\">"
        for item in legend {
            out += OfficeMap.marker(item.status, x: x + 6, y: y)
            out += "<text x=\"\(f(x + 16))\" y=\"\(f(y + 4.5))\" font-size=\"\(f(OfficeMap.fontSize))\" fill=\"#1a1a1a\">\(HTML.escape(item.label))</text>"
            x += 16 + OfficeMap.textWidth(item.label) + 28
        }
        out += "</g>\n"
        out += scaleBar(pixelsPerDegree: scale) { "\($0) km" }
        out += "</svg>"
        return out
    }

    struct Box {
        var x, y, w, h: Double
        func overlaps(_ o: Box) -> Bool { x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h }
    }

    /// A label beside its marker: to the right, else to the left, above or below, at the
    /// first place that overlaps no other marker or label and stays inside the drawing.
    func label(_ text: String, at p: (x: Double, y: Double), avoiding placed: [Box]) -> (String, Box) {
        let w = OfficeMap.textWidth(text)
        let h = OfficeMap.fontSize + 2
        let candidates: [(anchor: String, tx: Double, ty: Double, box: Box)] = [
            ("start", p.x + 10, p.y + 4.5, Box(x: p.x + 10, y: p.y - h / 2, w: w, h: h)),
            ("end", p.x - 10, p.y + 4.5, Box(x: p.x - 10 - w, y: p.y - h / 2, w: w, h: h)),
            ("middle", p.x, p.y - 12, Box(x: p.x - w / 2, y: p.y - 12 - h + 3, w: w, h: h)),
            ("middle", p.x, p.y + 22, Box(x: p.x - w / 2, y: p.y + 22 - h + 3, w: w, h: h)),
        ]
        let inside = { (b: Box) in b.x >= 2 && b.x + b.w <= width - 2 && b.y >= 2 && b.y + b.h <= height - OfficeMap.legendHeight }
        let chosen = candidates.first { c in inside(c.box) && !placed.contains { $0.overlaps(c.box) } }
            ?? candidates.first { inside($0.box) } ?? candidates[0]
        let anchor = chosen.anchor == "start" ? "" : " text-anchor=\"\(chosen.anchor)\""
        let svg = "<text x=\"\(f(chosen.tx))\" y=\"\(f(chosen.ty))\"\(anchor) font-size=\"\(f(OfficeMap.fontSize))\" fill=\"#1a1a1a\">\(HTML.escape(text))</text>"
        return (svg, chosen.box)
    }

    /// The marker of a status: a filled square (open), a filled circle (pilot), a hollow
    /// circle (planned).
    static func marker(_ status: String, x: Double, y: Double) -> String {
        switch status {
        case "open":
            return "<rect x=\"\(f(x - 6))\" y=\"\(f(y - 6))\" width=\"12\" height=\"12\" fill=\"#1b6e3a\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>"
        case "pilot":
            return "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"6.5\" fill=\"#005a9c\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>"
        default:
            return "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"5.5\" fill=\"#ffffff\" stroke=\"#6a3d9a\" stroke-width=\"3\"/>"
        }
    }

    /// An estimate of the width of a label (an average glyph is about 0.56 em wide).
    static func textWidth(_ s: String) -> Double { Double(s.count) * fontSize * 0.56 }
}

/// A coordinate with one decimal, the way SVG attributes are written here.
/// A coordinate of an SVG drawing: one decimal at most, `.` as separator, `-` for minus
/// (markup, not text for people).
func f(_ v: Double) -> String {
    guard v.isFinite else { return "0" }
    let tenths = Int((abs(v) * 10).rounded())
    let text = tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
    return v < 0 && tenths > 0 ? "-" + text : text
}
