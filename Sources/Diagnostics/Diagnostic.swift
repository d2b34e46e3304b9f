/// How serious a problem is. Errors fail `oae check`; warnings fail it with `--strict`.
public enum Severity: String, Sendable, Comparable, CaseIterable {
    case error, warning, note

    private var rank: Int {
        switch self {
        case .error: return 0
        case .warning: return 1
        case .note: return 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A second place that explains a diagnostic ("first defined here").
public struct RelatedLocation: Hashable, Sendable {
    public var span: SourceSpan
    public var message: String

    public init(_ span: SourceSpan, _ message: String) {
        self.span = span
        self.message = message
    }
}

/// One problem found in the tree: a value, collected with all the others and reported
/// at the end, never thrown.
public struct Diagnostic: Hashable, Sendable {
    public var severity: Severity
    /// A stable identifier, such as `yaml-duplicate-key`, documented in `docs/rules.md`.
    public var rule: String
    public var message: String
    public var span: SourceSpan
    public var related: [RelatedLocation]
    /// Free-standing notes, shown as `= note: …`.
    public var notes: [String]
    /// What to do about it, shown as `= help: …`.
    public var help: String?

    public init(_ severity: Severity, rule: String, _ message: String, at span: SourceSpan,
                related: [RelatedLocation] = [], notes: [String] = [], help: String? = nil) {
        self.severity = severity
        self.rule = rule
        self.message = message
        self.span = span
        self.related = related
        self.notes = notes
        self.help = help
    }

    public static func error(_ rule: String, _ message: String, at span: SourceSpan,
                             related: [RelatedLocation] = [], notes: [String] = [],
                             help: String? = nil) -> Diagnostic {
        Diagnostic(.error, rule: rule, message, at: span, related: related, notes: notes, help: help)
    }

    public static func warning(_ rule: String, _ message: String, at span: SourceSpan,
                               related: [RelatedLocation] = [], notes: [String] = [],
                               help: String? = nil) -> Diagnostic {
        Diagnostic(.warning, rule: rule, message, at: span, related: related, notes: notes, help: help)
    }
}

extension Diagnostic {
    /// The order of every report: by file, line, column, then severity, rule and message.
    public static func reportOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        // The same interned file is the same path; otherwise the paths compare as text.
        if a.span.source != b.span.source, a.span.file != b.span.file { return a.span.file < b.span.file }
        if a.span.start != b.span.start { return a.span.start < b.span.start }
        if a.severity != b.severity { return a.severity < b.severity }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.message < b.message
    }
}

extension Array where Element == Diagnostic {
    public func sortedForReport() -> [Diagnostic] { sorted(by: Diagnostic.reportOrder) }

    /// These diagnostics without the schema's echoes, one error per token, the cause:
    /// - none of the schema's on a token a reading error already names (a value the loader
    ///   refused, a number out of range, is kept as its text, which the schema would report
    ///   again as the wrong type);
    /// - no `schema-pattern` on a token whose `schema-format` failed (a date's schema has both,
    ///   the pattern for editors that do not assert formats; "13/04/2026" failed both).
    public func leavingOutSchemaEchoes(of reading: [Diagnostic]) -> [Diagnostic] {
        let read = Set(reading.lazy.filter { $0.severity == .error }.map { TokenKey(file: $0.span.file, start: $0.span.start) })
        let formats = Set(lazy.filter { $0.rule == "schema-format" }.map { TokenKey(file: $0.span.file, start: $0.span.start) })
        guard !read.isEmpty || !formats.isEmpty else { return self }
        return filter { d in
            guard d.rule.hasPrefix("schema-") else { return true }
            let token = TokenKey(file: d.span.file, start: d.span.start)
            return !read.contains(token) && !(d.rule == "schema-pattern" && formats.contains(token))
        }
    }

    public var errorCount: Int { lazy.filter { $0.severity == .error }.count }
    public var warningCount: Int { lazy.filter { $0.severity == .warning }.count }
}

/// Where a token starts, for `leavingOutSchemaEchoes`.
private struct TokenKey: Hashable {
    var file: String
    var start: SourcePosition
}
