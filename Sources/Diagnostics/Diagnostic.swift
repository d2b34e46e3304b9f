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

    public var errorCount: Int { lazy.filter { $0.severity == .error }.count }
    public var warningCount: Int { lazy.filter { $0.severity == .warning }.count }
}
