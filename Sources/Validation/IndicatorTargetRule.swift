import Diagnostics
import Loading
import Model
import Resolution

/// An indicator's targets by population (`target.by_population`) are listed from the
/// smallest band up, each band larger than the one before: the band of an office is "the
/// first whose up_to is at least the population" (docs/tree-and-kinds.md), so a band
/// listed after a larger one reads as one that never applies, and a second band of the
/// same size never does (`Resolution.IndicatorResults` takes the smallest band that fits).
/// Checked in the model's indicators and in each municipality's view of the indicators it
/// overrides (the resolved bands, reported at the override's band).
///
/// A count's target written with a dot between thousands (`value: 1.500` people, which YAML
/// reads as 1.5) is `target-value-whole`, wherever the target is written: the model's
/// target and bands, a municipality's override, the agency's target for an office (session
/// 36's trial: `1.500` passed, or was told only that it loosened the model's 60).
struct IndicatorTargetRule: MunicipalRule {
    static let rules = [
        RuleInfo("target-bands-order", "An indicator's population bands are not listed from the smallest up, or one repeats a size."),
        RuleInfo("target-value-whole", "A count indicator's target is written with a dot between thousands (1.500, which YAML reads as 1.5)."),
    ]

    func checkShared(_ c: ValidationContext) -> [Diagnostic] {
        c.network.modelDocuments(.indicator).flatMap { doc in
            IndicatorTargetRule.bands(doc.root, id: doc.id)
                + IndicatorTargetRule.thousands(doc.root, id: doc.id, unitNode: doc.root?["unit"], written: doc.writtenForms)
        }
    }

    /// The indicators the municipality overrides, as resolved: a band out of order that
    /// stands in its folder (the model's own bands are `checkShared`'s); a count's target
    /// written with thousands in its adaptation, overrides and agency targets.
    func check(_ m: ResolvedMunicipality, _ c: ValidationContext) -> [Diagnostic] {
        let local = "seeds/\(m.slug)/"
        var out = m.indicators.filter { !$0.overrides.isEmpty }.flatMap { indicator in
            IndicatorTargetRule.bands(indicator.fields, id: indicator.id).filter { $0.span.file.hasPrefix(local) }.map { d in
                var d = d
                d.notes.append("in the view of \(m.slug) after its overrides")
                return d
            }
        }
        guard let adaptation = m.files.adaptation else { return out }
        let written = adaptation.writtenForms
        for indicator in m.indicators where !indicator.overrides.isEmpty {
            out += IndicatorTargetRule.thousands(indicator.fields, id: indicator.id, unitNode: indicator.fields["unit"], written: written)
                .filter { $0.span.file.hasPrefix(local) }
        }
        for item in adaptation.root?.sequence(at: "agency_targets") ?? [] {
            guard let id = item.string(at: "indicator"), let node = item["value"],
                  let fields = m.indicators.first(where: { $0.id == id })?.fields else { continue }
            out += IndicatorTargetRule.thousands([node], id: id, unitNode: fields["unit"], written: written)
        }
        return out
    }

    /// `target-value-whole` for the target values of a count indicator (`target.value`,
    /// each band's `value`) that were written with a dot between thousands.
    static func thousands(_ indicator: Node?, id: String, unitNode: @autoclosure () -> Node?, written: WrittenForms) -> [Diagnostic] {
        guard let target = indicator?["target"] else { return [] }
        let values = [target["value"]].compactMap { $0 } + (target.sequence(at: "by_population") ?? []).compactMap { $0["value"] }
        return thousands(values, id: id, unitNode: unitNode(), written: written)
    }

    static func thousands(_ values: [Node], id: String, unitNode unit: @autoclosure () -> Node?, written: WrittenForms) -> [Diagnostic] {
        // The values' texts first, the unit only for one written with a dot between
        // thousands: most targets are whole numbers, kept by no written form (looking up
        // every override's unit cost 0.1% of the check at 200 municipalities).
        let grouped = values.compactMap { node -> (Node, Double, String)? in
            guard let value = node.number,
                  let text = written[node.span] ?? (value != value.rounded() ? written.text(of: node) : nil),
                  WrittenNumber.groupsThousands(text) else { return nil }
            return (node, value, text)
        }
        guard !grouped.isEmpty, case let unitNode = unit(), unitNode?.string == "count" else { return [] }
        return grouped.map { node, value, text in
            return ReportValueRule.thousands("target-value-whole", id: id, written: text, value: value, at: node.span,
                                             related: unitNode.map { [RelatedLocation($0.span, "the indicator's unit")] } ?? [],
                                             otherwise: "write the target as a whole number")
        }
    }

    /// The diagnostics of the bands of `indicator` (a document's root or a resolved view).
    static func bands(_ indicator: Node?, id: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var largest: (upTo: Int, node: Node)?
        for band in indicator?["target"]?.sequence(at: "by_population") ?? [] {
            guard let node = band["up_to"], let upTo = node.int else { continue }
            if let before = largest, upTo <= before.upTo {
                let message = upTo == before.upTo
                    ? "indicator '\(id)' has a second band up to \(upTo) inhabitants, which never applies"
                    : "indicator '\(id)' lists the band up to \(upTo) inhabitants after the band up to \(before.upTo): the first band that fits applies"
                out.append(.error("target-bands-order", message, at: node.span,
                                  related: [RelatedLocation(before.node.span, "the band up to \(before.upTo)")],
                                  help: upTo == before.upTo ? "remove one of the two bands, or correct its up_to"
                                      : "list the bands from the smallest population up, each up_to larger than the one before"))
                continue
            }
            largest = (upTo, node)
        }
        return out
    }
}
