/// A rule that oae can report, with a one-line summary. Each module lists the rules it
/// reports next to the code that reports them; `docs/rules.md` explains each one with an
/// example, and a test keeps the two in step.
public struct RuleInfo: Hashable, Sendable {
    public var id: String
    public var summary: String

    public init(_ id: String, _ summary: String) {
        self.id = id
        self.summary = summary
    }
}

/// The rules of every module, looked up by id.
public struct RuleCatalog: Sendable {
    public static let documentationURL = "https://github.com/oae-network/oae/blob/main/docs/rules.md"

    public let rules: [RuleInfo]
    private let index: [String: String]

    public init(_ rules: [RuleInfo]) {
        self.rules = rules
        self.index = Dictionary(rules.map { ($0.id, $0.summary) }, uniquingKeysWith: { a, _ in a })
    }

    public func summary(for id: String) -> String { index[id] ?? id }
    public func contains(_ id: String) -> Bool { index[id] != nil }
}
