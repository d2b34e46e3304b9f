import Diagnostics
import Loading
import Model
import Resolution

/// An office that serves the public (pilot or open) has no text left that
/// `oae new municipality` marked as a placeholder.
struct PlaceholderRule: Rule {
    static let rules = [
        RuleInfo("placeholder-text", "A placeholder text of 'oae new municipality' is left in an office that serves the public."),
    ]

    func check(_ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for m in c.resolved {
            guard let status = m.status, status >= .pilot else { continue }
            for doc in m.files.all {
                var pending = doc.root.map { [$0] } ?? []
                while let node = pending.popLast() {
                    switch node.value {
                    case let .string(text) where Placeholder.isIn(text):
                        out.append(.error("placeholder-text",
                                          "placeholder text left by 'oae new municipality', and the office is \(status.rawValue)",
                                          at: node.span, related: [RelatedLocation(m.statusSpan, "the office's status")],
                                          help: "write the real text in its place, without '\(Placeholder.marker)'"))
                    case let .sequence(items):
                        pending += items.reversed()
                    case let .mapping(pairs):
                        pending += pairs.map(\.value).reversed()
                    default:
                        break
                    }
                }
            }
        }
        return out
    }
}
