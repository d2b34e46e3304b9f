import Foundation

/// Renders diagnostics for people, in the style of the Swift and Rust compilers:
///
///     seeds/x/adaptation.yaml:14:7: error[core-service-omitted]: core service … cannot be omitted
///        |
///     14 |   - company-creation
///        |     ^^^^^^^^^^^^^^^^
///        = note: core services are listed in model/model.yaml:22
///        = help: remove this line, or propose a model change
public struct TextRenderer: Sendable {
    public var color: Bool
    /// Finds a file's text to quote its lines; nil when the file cannot be shown.
    public var source: @Sendable (String) -> SourceText?

    public init(color: Bool, source: @escaping @Sendable (String) -> SourceText?) {
        self.color = color
        self.source = source
    }

    public func render(_ diagnostics: [Diagnostic], filesChecked: Int) -> String {
        var out = ""
        for text in renderAll(diagnostics.sortedForReport()) {
            out += text
            out += "\n"
        }
        out += summary(diagnostics, filesChecked: filesChecked) + "\n"
        return out
    }

    /// Each diagnostic rendered, in order; on every core when there are many (each one
    /// reads its file to quote the line: rendered one after the other, the report of a
    /// check at 947 municipalities ran ~20 ms on one core alone, issue 13).
    func renderAll(_ diagnostics: [Diagnostic]) -> [String] {
        guard diagnostics.count >= TextRenderer.parallelFrom else { return diagnostics.map(render) }
        var texts = [String](repeating: "", count: diagnostics.count)
        texts.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let shared = buffer
            DispatchQueue.concurrentPerform(iterations: diagnostics.count) { i in shared[i] = render(diagnostics[i]) }
        }
        return texts
    }

    /// From how many diagnostics `renderAll` uses every core.
    static let parallelFrom = 64

    public func summary(_ diagnostics: [Diagnostic], filesChecked: Int) -> String {
        summary(errors: diagnostics.errorCount, warnings: diagnostics.warningCount, filesChecked: filesChecked)
    }

    /// `1 error, 23 warnings in 290 files`.
    public func summary(errors: Int, warnings: Int, filesChecked: Int) -> String {
        "\(plural(errors, "error")), \(plural(warnings, "warning")) in \(plural(filesChecked, "file"))"
    }

    public func render(_ d: Diagnostic) -> String {
        let label: String
        switch d.severity {
        case .error: label = paint("error[\(d.rule)]", "1;31")
        case .warning: label = paint("warning[\(d.rule)]", "1;33")
        case .note: label = paint("note[\(d.rule)]", "1;36")
        }
        var out = paint("\(VisibleText.message(d.span.description)):", "1")
        out += " \(label): " + paint(VisibleText.message(d.message), "1") + "\n"
        let gutterWidth = String(d.span.start.line).count
        let pad = String(repeating: " ", count: gutterWidth)
        // A binary file is not quoted; control characters are escaped and a long line is
        // cut around the caret (VisibleText.excerpt).
        if d.span.hasPosition, let text = source(d.span.file), let line = text.line(d.span.start.line), !text.isBinary {
            let spanWidth = d.span.end.line == d.span.start.line ? d.span.end.column - d.span.start.column : Int.max
            let (shown, caretPad, caretWidth) = VisibleText.excerpt(line, column: d.span.start.column, width: spanWidth)
            out += "\(pad) " + paint("|", "34") + "\n"
            out += paint(String(d.span.start.line), "34") + " " + paint("|", "34") + " " + shown + "\n"
            let carets = String(repeating: "^", count: caretWidth)
            let caretColour = d.severity == .error ? "1;31" : d.severity == .warning ? "1;33" : "1;36"
            out += "\(pad) " + paint("|", "34") + " " + String(repeating: " ", count: caretPad) + paint(carets, caretColour) + "\n"
        }
        for r in d.related {
            out += "\(pad) " + paint("=", "34") + " note: \(VisibleText.message("\(r.message) at \(r.span)"))\n"
        }
        for n in d.notes {
            out += "\(pad) " + paint("=", "34") + " note: \(VisibleText.message(n))\n"
        }
        if let help = d.help {
            out += "\(pad) " + paint("=", "34") + " help: \(VisibleText.message(help))\n"
        }
        return out
    }

    private func paint(_ s: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
}

/// `1 warning`, `23 warnings`.
public func plural(_ n: Int, _ word: String) -> String {
    "\(n) \(word)\(n == 1 ? "" : "s")"
}

