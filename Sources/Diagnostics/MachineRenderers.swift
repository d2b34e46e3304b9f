import JSON

/// The JSON report of `oae check --format json`. Its shape is documented in the README
/// and stable: new members may be added, none is renamed or removed.
public enum JSONReport {
    public static let formatVersion = 1

    public static func render(_ diagnostics: [Diagnostic], filesChecked: Int,
                              documents: [(kind: String, count: Int)],
                              toolVersion: String) -> String {
        let sorted = diagnostics.sortedForReport()
        let summary: JSONValue = .object([
            ("errors", .int(sorted.errorCount)),
            ("warnings", .int(sorted.warningCount)),
            ("notes", .int(sorted.filter { $0.severity == .note }.count)),
            ("files", .int(filesChecked)),
            ("documents", .object(documents.map { ($0.kind, .int($0.count)) })),
        ])
        let report: JSONValue = .object([
            ("version", .int(formatVersion)),
            ("tool", .object([("name", .string("oae")), ("version", .string(toolVersion))])),
            ("summary", summary),
            ("diagnostics", .array(sorted.map(json))),
        ])
        return report.serialized() + "\n"
    }

    /// The diagnostics on one line, `{"diagnostics": [...]}` (a build's record of its check).
    public static func compact(_ diagnostics: [Diagnostic]) -> String {
        JSONValue.object([("diagnostics", .array(diagnostics.sortedForReport().map(json)))]).serialized(pretty: false)
    }

    /// The same, with `"shows_last_build"` (for the preview's events): whether the pages under
    /// the overlay are a good build's, false until the tree first builds (the overlay said
    /// "the preview shows the last good build" over a 404; session 37's trial).
    public static func compact(_ diagnostics: [Diagnostic], showsLastBuild: Bool) -> String {
        JSONValue.object([("diagnostics", .array(diagnostics.sortedForReport().map(json))),
                          ("shows_last_build", .bool(showsLastBuild))]).serialized(pretty: false)
    }

    static func json(_ d: Diagnostic) -> JSONValue {
        .object([
            ("severity", .string(d.severity.rawValue)),
            ("rule", .string(d.rule)),
            ("message", .string(d.message)),
            ("file", .string(d.span.file)),
            ("line", .int(d.span.start.line)),
            ("column", .int(d.span.start.column)),
            ("endLine", .int(d.span.end.line)),
            ("endColumn", .int(d.span.end.column)),
            ("notes", .array(d.notes.map(JSONValue.string))),
            ("help", .optional(d.help)),
            ("related", .array(d.related.map { r in
                .object([
                    ("message", .string(r.message)),
                    ("file", .string(r.span.file)),
                    ("line", .int(r.span.start.line)),
                    ("column", .int(r.span.start.column)),
                ])
            })),
        ])
    }
}

/// SARIF 2.1.0, the format code-scanning services read.
public enum SARIFReport {
    public static func render(_ diagnostics: [Diagnostic], catalog: RuleCatalog,
                              toolVersion: String) -> String {
        let sorted = diagnostics.sortedForReport()
        let ruleIds = Array(Set(sorted.map(\.rule))).sorted()
        let rules: [JSONValue] = ruleIds.map { id in
            .object([
                ("id", .string(id)),
                ("shortDescription", .object([("text", .string(catalog.summary(for: id)))])),
                ("helpUri", .string("\(RuleCatalog.documentationURL)#\(id)")),
            ])
        }
        let results: [JSONValue] = sorted.map { d in
            var message = d.message
            if let help = d.help { message += "\nhelp: \(help)" }
            for n in d.notes { message += "\nnote: \(n)" }
            var members: [(String, JSONValue)] = [
                ("ruleId", .string(d.rule)),
                ("ruleIndex", .int(ruleIds.firstIndex(of: d.rule) ?? 0)),
                ("level", .string(level(d.severity))),
                ("message", .object([("text", .string(message))])),
                ("locations", .array([location(d.span)])),
            ]
            if !d.related.isEmpty {
                members.append(("relatedLocations", .array(d.related.enumerated().map { i, r in
                    var loc = location(r.span)
                    if case var .object(pairs) = loc {
                        pairs.insert(("id", .int(i + 1)), at: 0)
                        pairs.append(("message", .object([("text", .string(r.message))])))
                        loc = .object(pairs)
                    }
                    return loc
                })))
            }
            return .object(members)
        }
        let run: JSONValue = .object([
            ("tool", .object([("driver", .object([
                ("name", .string("oae")),
                ("version", .string(toolVersion)),
                ("informationUri", .string(RuleCatalog.documentationURL)),
                ("rules", .array(rules)),
            ]))])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(results)),
        ])
        let log: JSONValue = .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ])
        return log.serialized() + "\n"
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }

    /// A physical location; a folder's (`SourceSpan.hasPosition` false) has no region.
    static func location(_ span: SourceSpan) -> JSONValue {
        let artifact: (String, JSONValue) = ("artifactLocation", .object([("uri", .string(span.file))]))
        guard span.hasPosition else { return .object([("physicalLocation", .object([artifact]))]) }
        return .object([("physicalLocation", .object([
            artifact,
            ("region", .object([
                ("startLine", .int(span.start.line)),
                ("startColumn", .int(span.start.column)),
                ("endLine", .int(span.end.line)),
                ("endColumn", .int(span.end.column)),
            ])),
        ]))])
    }
}

/// GitHub Actions workflow commands, so that a pull request shows each problem on its line.
public enum GitHubReport {
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for d in diagnostics.sortedForReport() {
            let command: String
            switch d.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .note: command = "notice"
            }
            var message = d.message
            for r in d.related { message += "\nnote: \(r.message) at \(r.span)" }
            for n in d.notes { message += "\nnote: \(n)" }
            if let help = d.help { message += "\nhelp: \(help)" }
            // A folder has no line: the command names the file alone.
            let position = d.span.hasPosition
                ? ["line=\(d.span.start.line)", "col=\(d.span.start.column)", "endLine=\(d.span.end.line)", "endColumn=\(d.span.end.column)"]
                : []
            let props = (["file=\(property(d.span.file))"] + position + ["title=\(property(d.rule))"]).joined(separator: ",")
            out += "::\(command) \(props)::\(data(message))\n"
        }
        return out
    }

    /// A message as a workflow command's data: control characters from the tree escaped
    /// (`VisibleText`), so that the log shows them instead of obeying them.
    static func data(_ s: String) -> String {
        VisibleText.message(s).replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    static func property(_ s: String) -> String {
        data(s).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
