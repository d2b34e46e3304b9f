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
                out.append("\(place.path):\(place.line):\(place.exact || column < place.prefix ? column + 1 : 1): \(message)")
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

    /// The one template line that reads `text` (trailing blanks aside), 1-based, or else
    /// the one that reads it with its tags (`{{…}}`) standing for any text (a line of a
    /// chapter's loop: the trial's review); nil when none or more than one does. `exact`
    /// says which; `prefix` is the length of the line's text before its first tag (a column
    /// beyond it cannot be placed in the template).
    static func find(_ text: String, in templates: [(path: String, text: String)]) -> (path: String, line: Int, exact: Bool, prefix: Int)? {
        let wanted = text.trimmingTrailingBlanks
        guard !wanted.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        var exact: [(String, Int)] = []
        var loose: [(String, Int, Int)] = []
        for template in templates {
            for (i, raw) in template.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = String(raw).trimmingTrailingBlanks
                if line == wanted {
                    exact.append((template.path, i + 1))
                } else if let literals = literals(line), matches(wanted, literals) {
                    loose.append((template.path, i + 1, literals[0].count))
                }
            }
        }
        if exact.count == 1 { return (exact[0].0, exact[0].1, true, 0) }
        if exact.isEmpty, loose.count == 1 { return (loose[0].0, loose[0].1, false, loose[0].2) }
        return nil
    }

    /// The texts between a line's tags, first and last included (empty when the line starts
    /// or ends with a tag); nil for a line without tags, or with too little text of its own
    /// (under 4 characters) to tell it.
    static func literals(_ line: String) -> [String]? {
        guard line.contains("{{") else { return nil }
        var parts: [String] = []
        var rest = Substring(line)
        while let open = rest.range(of: "{{") {
            parts.append(String(rest[..<open.lowerBound]))
            guard let close = rest[open.upperBound...].range(of: "}}") else { return nil }
            rest = rest[close.upperBound...]
            if rest.hasPrefix("}") { rest = rest.dropFirst() }
        }
        parts.append(String(rest))
        return parts.reduce(0) { $0 + $1.count } >= 4 ? parts : nil
    }

    /// Whether `text` is the literals with any text between them.
    static func matches(_ text: String, _ literals: [String]) -> Bool {
        guard let first = literals.first, let last = literals.last, text.hasPrefix(first) else { return false }
        var rest = Substring(text).dropFirst(first.count)
        for middle in literals.dropFirst().dropLast() where !middle.isEmpty {
            guard let found = rest.range(of: middle) else { return false }
            rest = rest[found.upperBound...]
        }
        return rest.hasSuffix(last)
    }
}

private extension String {
    var trimmingTrailingBlanks: String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s.removeLast() }
        return String(s)
    }
}
