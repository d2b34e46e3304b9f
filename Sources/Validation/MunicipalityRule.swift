import Diagnostics
import Loading
import Model

/// A municipality's folder holds its office and adaptation, its documents name the
/// folder's municipality, and its office carries the official name and INE code.
struct MunicipalityRule: FolderRule {
    static let rules = [
        RuleInfo("municipality-file-missing", "A municipality's folder lacks its office or adaptation."),
        RuleInfo("municipality-mismatch", "A document names another municipality than its folder."),
        RuleInfo("ine-code-mismatch", "An office's INE code and name do not match the official register."),
    ]

    /// The official register of municipalities, when the tree has it.
    func prepare(_ c: ValidationContext) -> MunicipalityRegister? {
        c.network.tree.references[MunicipalityRegister.fileName].map { MunicipalityRegister(csv: $0.text) }
    }

    /// A folder reads only its own files and the register: it keeps its diagnostics
    /// while no file named as the register changed (or came, or went).
    func keepsOtherFolders(_ delta: ValidationContext.Delta) -> Bool {
        !delta.changed.contains { $0 == MunicipalityRegister.fileName || $0.hasSuffix("/" + MunicipalityRegister.fileName) }
    }

    func check(_ slug: String, _ files: MunicipalityFiles, _ register: MunicipalityRegister?, _ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let anyFile = files.all.first.map { SourceSpan.wholeFile($0.path) } ?? .wholeFile("seeds/\(slug)")
        if files.office == nil {
            out.append(.error("municipality-file-missing", "municipality '\(slug)' has no office.yaml", at: anyFile,
                              help: "every municipality folder holds office.yaml; 'oae new municipality' writes one"))
        }
        if files.adaptation == nil {
            out.append(.error("municipality-file-missing", "municipality '\(slug)' has no adaptation.yaml", at: anyFile,
                              help: "every municipality folder holds adaptation.yaml, even if it only names the model version"))
        }
        for doc in files.all {
            guard let node = doc.root?["municipality"], let named = node.string, named != slug else { continue }
            out.append(.error("municipality-mismatch",
                              "this file stands in seeds/\(slug)/ but names municipality '\(named)'",
                              at: node.span, help: "set 'municipality: \(slug)'"))
        }
        guard let register, let office = files.office?.root?["municipality"],
              let codeNode = office["ine_code"], let code = codeNode.string else { return out }
        let name = office["name"]?.string ?? ""
        if let entry = register.entry(code: code) {
            if MunicipalityRegister.fold(entry.name) != MunicipalityRegister.fold(name) {
                out.append(.error("ine-code-mismatch",
                                  "INE code \(code) is \(entry.name), not '\(name)'",
                                  at: codeNode.span,
                                  related: office["name"].map { [RelatedLocation($0.span, "the municipality's name")] } ?? [],
                                  help: correction(for: name, register)))
            }
        } else {
            out.append(.error("ine-code-mismatch", "INE code \(code) is not a municipality of Catalonia",
                              at: codeNode.span, help: correction(for: name, register)))
        }
        return out
    }

    private func correction(for name: String, _ register: MunicipalityRegister) -> String? {
        if let e = register.entries(named: name).first { return "\(e.name) has INE code \(e.ineCode)" }
        let close = Suggestions.closest(to: name, in: register.entries.map(\.name))
        guard let first = close.first, let e = register.entries(named: first).first else { return nil }
        return "did you mean \(e.name) (INE code \(e.ineCode))?"
    }
}
