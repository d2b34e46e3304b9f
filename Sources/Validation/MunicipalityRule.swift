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
        RuleInfo("municipality-duplicate", "Two folders have offices of the same municipality (INE code)."),
    ]

    /// What every folder's check reads: the official register (when the tree has it),
    /// and for each INE code the office that has it (its folder and code token).
    struct Prepared {
        var register: MunicipalityRegister?
        var owners: [String: (slug: String, span: SourceSpan)]
    }

    /// The register, and the owner of each INE code: of the folders whose offices carry
    /// it, the one named after the register's municipality, else the first in order. An
    /// office whose name is not the code's municipality owns no code (its code is wrong:
    /// `ine-code-mismatch`). One pass over the offices, each read once.
    func prepare(_ c: ValidationContext) -> Prepared {
        let register = c.network.tree.references[MunicipalityRegister.fileName].map { MunicipalityRegister(csv: $0.text) }
        var owners: [String: (slug: String, span: SourceSpan)] = [:]
        for slug in c.network.municipalitySlugs {
            let files = c.network.municipalities[slug]
            guard let node = MunicipalityRule.ineCode(files), let code = node.string else { continue }
            if let register, let entry = register.entry(code: code),
               MunicipalityRegister.fold(entry.name) != MunicipalityRegister.fold(files?.office?.root?["municipality"]?["name"]?.string ?? "") {
                continue
            }
            if let owner = owners[code] {
                // A second folder for one code: the folder named after the municipality owns it.
                guard let entry = register?.entry(code: code), MunicipalityRegister.slug(entry.name) == slug,
                      owner.slug != slug else { continue }
            }
            owners[code] = (slug, node.span)
        }
        return Prepared(register: register, owners: owners)
    }

    /// The `municipality.ine_code` of a folder's office.
    static func ineCode(_ files: MunicipalityFiles?) -> Node? {
        files?.office?.root?["municipality"]?["ine_code"]
    }

    /// A folder reads its own files, the register and the INE codes of the other offices:
    /// it keeps its diagnostics while no file named as the register and no office
    /// changed (or came, or went).
    func keepsOtherFolders(_ delta: ValidationContext.Delta) -> Bool {
        !delta.changed.contains {
            $0 == MunicipalityRegister.fileName || $0.hasSuffix("/" + MunicipalityRegister.fileName)
                || ($0.hasPrefix("seeds/") && $0.hasSuffix("/office.yaml"))
        }
    }

    func check(_ slug: String, _ files: MunicipalityFiles, _ prepared: Prepared, _ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let register = prepared.register
        let anyFile = files.all.first.map { SourceSpan.wholeFile($0.path) } ?? .wholeFile("seeds/\(slug)")
        if files.office == nil {
            out.append(.error("municipality-file-missing", "municipality '\(slug)' has no office.yaml", at: anyFile,
                              help: "every municipality folder holds office.yaml; 'oae new municipality' writes one"))
        }
        if files.adaptation == nil {
            out.append(.error("municipality-file-missing", "municipality '\(slug)' has no adaptation.yaml", at: anyFile,
                              help: "every municipality folder holds adaptation.yaml, even if it only names the model version"))
        }
        let codeNode = MunicipalityRule.ineCode(files)
        let code = codeNode?.string
        let name = files.office?.root?["municipality"]?["name"]?.string ?? ""
        // Whether the code is the named municipality's (else `ine-code-mismatch` says the code is wrong).
        let nameMatches = code.flatMap { register?.entry(code: $0) }.map { MunicipalityRegister.fold($0.name) == MunicipalityRegister.fold(name) } ?? true
        // Another folder has this folder's INE code: this one is a second office.
        let copyOf = nameMatches ? code.flatMap { prepared.owners[$0] }.flatMap { $0.slug == slug ? nil : $0 } : nil
        for doc in files.all {
            guard let node = doc.root?["municipality"], let named = node.string, named != slug else { continue }
            out.append(.error("municipality-mismatch",
                              "this file stands in seeds/\(slug)/ but names municipality '\(named)'",
                              at: node.span, help: mismatchHelp(slug, named: named, code: nameMatches ? code : nil, copyOf: copyOf?.slug, register)))
        }
        if let copyOf, let codeNode, let code {
            out.append(.error("municipality-duplicate",
                              "\(register?.entry(code: code)?.name ?? name) (INE code \(code)) has an office already, in seeds/\(copyOf.slug)/office.yaml",
                              at: codeNode.span, related: [RelatedLocation(copyOf.span, "the INE code of \(copyOf.slug)'s office")],
                              help: "a municipality has one folder under seeds/: remove this one, or, if it is another municipality's office, give it that municipality's name and INE code"))
        }
        guard let register, let office = files.office?.root?["municipality"], let codeNode, let code else { return out }
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

    /// The help of `municipality-mismatch`: set the folder's name, unless the folder is a
    /// copy of another municipality's (a second office) or is not named after its office's
    /// municipality (then the folder's name is what is wrong).
    private func mismatchHelp(_ slug: String, named: String, code: String?, copyOf: String?,
                              _ register: MunicipalityRegister?) -> String {
        if let copyOf, let code {
            return "seeds/\(slug)/ has the INE code of seeds/\(copyOf)/ (\(code)): a municipality has one folder, so remove this copy; for another municipality, give its office that municipality's name and INE code first"
        }
        if let code, let entry = register?.entry(code: code) {
            let right = MunicipalityRegister.slug(entry.name)
            if right != slug {
                let rename = "seeds/\(slug)/ is not named after \(entry.name) (INE code \(code)), its office's municipality: rename it to seeds/\(right)/"
                return right == named ? rename : rename + " and set 'municipality: \(right)'"
            }
        }
        return "set 'municipality: \(slug)'"
    }

    private func correction(for name: String, _ register: MunicipalityRegister) -> String? {
        if let e = register.entries(named: name).first { return "\(e.name) has INE code \(e.ineCode)" }
        let close = Suggestions.closest(to: name, in: register.entries.map(\.name))
        guard let first = close.first, let e = register.entries(named: first).first else { return nil }
        return "did you mean \(e.name) (INE code \(e.ineCode))?"
    }
}
