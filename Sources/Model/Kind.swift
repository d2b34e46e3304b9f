/// A kind of document of the tree (`service`, `office`, …). The kinds a tree has are
/// declared in its kind table, `model/schema/kinds.yaml` (see `KindTable`); a kind's
/// schema is `model/schema/<kind>.schema.yaml`. The constants below name the kinds that
/// oae's own rules and outputs read; a tree may declare more.
public struct Kind: RawRepresentable, Hashable, Comparable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ name: String) { rawValue = name }
    public init(stringLiteral value: String) { rawValue = value }

    public var description: String { rawValue }

    public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }

    /// The schema file of the kind, relative to the root.
    public var schemaPath: String { "\(KindTable.folder)/\(rawValue).schema.yaml" }

    public static let model: Kind = "model"
    public static let service: Kind = "service"
    public static let procedure: Kind = "procedure"
    public static let role: Kind = "role"
    public static let trainingModule: Kind = "training-module"
    public static let indicator: Kind = "indicator"
    public static let communicationStrategy: Kind = "communication-strategy"
    public static let checklistTemplate: Kind = "checklist-template"
    public static let glossary: Kind = "glossary"
    public static let handbookOutline: Kind = "handbook-outline"
    public static let handbookChapter: Kind = "handbook-chapter"
    public static let programme: Kind = "programme"
    public static let office: Kind = "office"
    public static let adaptation: Kind = "adaptation"
    public static let staffingPlan: Kind = "staffing-plan"
    public static let communicationPlan: Kind = "communication-plan"
    public static let openingChecklist: Kind = "opening-checklist"
    public static let progressReport: Kind = "progress-report"
    public static let assessment: Kind = "assessment"
    public static let expansion: Kind = "expansion"
    public static let followUp: Kind = "follow-up"
}
