import Foundation

/// What Typst's failure to compile a handbook says, made readable for the designer who
/// edits `templates/handbook-typst/`: Typst reports every error of the source it was
/// given (one unclosed parenthesis in the template made 77, 582 lines), at a line of a
/// temporary file that is gone once the build stops (`.staging-…/__typst_py_bytes__.typ`,
/// its line and column counted from 0 by the `typst` Python package). The explanation
/// keeps the first error, which is most often the cause of the rest, and places it in the
/// template when the source line it quotes is written once, as it is, in one of the
/// template files (a line without tags renders as itself); else in the rendered source.
/// Session 43's trial.
public enum TypstFailure {
    /// The first error of a Typst report, placed; `failure` is the message a worker
    /// returned (its first line Typst's summary, then the whole report). `templates` are
    /// the Typst templates' paths and texts.
    public static func explain(_ failure: String, templates: [(path: String, text: String)]) -> String {
        let lines = failure.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("error:") }) else { return failure }
        let errors = lines.filter { $0.hasPrefix("error:") }.count
        var block = [lines[start]]
        for line in lines[(start + 1)...] {
            if line.hasPrefix("error:") || line.hasPrefix("warning:") { break }
            block.append(line)
        }
        while let last = block.last, last.trimmingCharacters(in: .whitespaces).isEmpty { block.removeLast() }
        let message = String(lines[start].dropFirst("error:".count)).trimmingCharacters(in: .whitespaces)
        var out: [String] = []
        if let (line, column) = location(block) {
            let quoted = quotedLine(block, line: line)
            let shown: Int
            if let quoted, let place = find(quoted.text, in: templates) {
                out.append("\(place.path):\(place.line):\(column + 1): \(message)")
                shown = place.line
            } else {
                out.append("line \(line + 1), column \(column + 1) of the handbook's Typst source (rendered from \(HandbookRenderer.typstFolder)/): \(message)")
                shown = line + 1
            }
            // Typst's quote of the line and its hints, without the temporary file's path,
            // the line numbered as the place said above.
            out += renumbered(block.dropFirst().filter { !$0.contains("__typst_py_bytes__") }, from: quoted?.number, to: shown)
        } else {
            out += block
        }
        // Not counted: the count differs from handbook to handbook, and the same first
        // error is said once for all of them.
        if errors > 1 { out.append("(more errors follow, often from this one: mend it first)") }
        return out.joined(separator: "\n")
    }

    /// Typst's quote with its gutter's number `from` written `to`, the other gutter rows
    /// indented to match.
    static func renumbered(_ rows: [String], from: String?, to: Int) -> [String] {
        guard let from else { return rows }
        let new = String(to)
        let shift = new.count - from.count
        return rows.map { row in
            if row.hasPrefix(from + " │") { return new + row.dropFirst(from.count) }
            guard shift != 0, row.hasPrefix(" ") else { return row }
            return shift > 0 ? String(repeating: " ", count: shift) + row : String(row.dropFirst(min(-shift, row.prefix { $0 == " " }.count)))
        }
    }

    /// The 0-based line and column of `…__typst_py_bytes__.typ:L:C` in a block.
    static func location(_ block: [String]) -> (Int, Int)? {
        for line in block {
            guard let range = line.range(of: "__typst_py_bytes__.typ:") else { continue }
            let numbers = line[range.upperBound...].split(separator: ":").prefix(2).compactMap { Int($0.prefix { $0.isNumber }) }
            if numbers.count == 2 { return (numbers[0], numbers[1]) }
        }
        return nil
    }

    /// The source line Typst quotes in its report (`8 │ #let accent = …`), shown 1-based
    /// or 0-based as the package counts (the number beside it is the location's).
    static func quotedLine(_ block: [String], line: Int) -> (number: String, text: String)? {
        for row in block {
            guard let bar = row.range(of: " │ ") else { continue }
            let number = row[..<bar.lowerBound].trimmingCharacters(in: .whitespaces)
            guard Int(number) == line || Int(number) == line + 1 else { continue }
            return (number, String(row[bar.upperBound...]))
        }
        return nil
    }

    /// The one template line that reads `text` (trailing blanks aside), 1-based; nil when
    /// none or more than one does.
    static func find(_ text: String, in templates: [(path: String, text: String)]) -> (path: String, line: Int)? {
        let wanted = text.trimmingTrailingBlanks
        guard !wanted.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        var found: [(String, Int)] = []
        for template in templates {
            for (i, line) in template.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where String(line).trimmingTrailingBlanks == wanted {
                found.append((template.path, i + 1))
                if found.count > 1 { return nil }
            }
        }
        return found.first
    }
}

private extension String {
    var trimmingTrailingBlanks: String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s.removeLast() }
        return String(s)
    }
}
