/// The kinds of document in the tree. A document's kind follows from where it stands
/// (see `TreeLayout`); its schema is `model/schema/<kind>.schema.yaml`.
public enum Kind: String, CaseIterable, Sendable, Comparable {
    case model
    case service
    case procedure
    case role
    case trainingModule = "training-module"
    case indicator
    case communicationStrategy = "communication-strategy"
    case checklistTemplate = "checklist-template"
    case glossary
    case handbookOutline = "handbook-outline"
    case handbookChapter = "handbook-chapter"
    case programme
    case office
    case adaptation
    case staffingPlan = "staffing-plan"
    case communicationPlan = "communication-plan"
    case openingChecklist = "opening-checklist"
    case progressReport = "progress-report"

    public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }

    /// Prose-heavy kinds are Markdown with front matter; the others are plain YAML.
    public var isMarkdown: Bool {
        switch self {
        case .service, .procedure, .communicationStrategy, .handbookChapter, .programme: return true
        default: return false
        }
    }

    /// The schema file of the kind, relative to the root.
    public var schemaPath: String { "model/schema/\(rawValue).schema.yaml" }
}
