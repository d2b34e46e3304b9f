import Diagnostics
import Loading
import Model
import Resolution

/// Every procedure the model requires at an office's status has a local owner role.
struct ProcedureOwnerRule: Rule {
    static let rules = [
        RuleInfo("procedure-owner-missing", "A required procedure has no local owner role."),
    ]

    func check(_ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        // Without an adaptation, its absence is the error (municipality-file-missing).
        // Not of an adaptation that did not load: its error is the one.
        for m in c.resolved where m.files.adaptation != nil && !m.files.adaptation.unread {
            // A required procedure the model lacks is reported by ref-unknown on model.yaml.
            for req in c.settings.requirements.procedures
            where m.reached(req.from) && c.network.modelDocument(.procedure, req.procedure) != nil {
                guard m.procedures.first(where: { $0.id == req.procedure })?.localOwner == nil else { continue }
                let adaptation = m.files.adaptation?.root
                // The list of owners that lacks it, else the first field of the file (not a comment above it).
                let at = adaptation?.pair("procedure_owners")?.key.span
                    ?? adaptation.map { SourceSpan(file: $0.span.file, start: $0.span.start, end: $0.span.start) }
                    ?? m.files.adaptation.map { .wholeFile($0.path) } ?? m.statusSpan
                out.append(.error("procedure-owner-missing",
                                  "procedure '\(req.procedure)' needs a local owner role from status '\(req.from.rawValue)' on",
                                  at: at, related: [RelatedLocation(req.span, "required by the model")],
                                  help: "add '\(req.procedure): <role>' under procedure_owners in adaptation.yaml"))
            }
        }
        return out
    }
}
