import Diagnostics
import Loading
import Model

/// A municipality's folder holds its office and adaptation (and its staffing plan and
/// communication plan from the status the model requires them), its documents name the
/// folder's municipality, and its office carries the official name and INE code. A
/// missing file is one error at the folder; the rules that would read it say nothing.
struct MunicipalityRule: FolderRule {
    static let rules = [
        RuleInfo("municipality-file-missing", "A municipality's folder lacks its office, adaptation, or a plan its status requires."),
        RuleInfo("municipality-mismatch", "A document names another municipality than its folder."),
        RuleInfo("ine-code-mismatch", "An office's INE code and name do not match the official register."),
    ]

    /// The official register of municipalities, when the tree has it.
    func prepare(_ c: ValidationContext) -> MunicipalityRegister? {
        c.network.register
    }

    /// A folder reads its own files, the register, the model's requirements by status
    /// (`model/model.yaml`), and whether the folder named after its office's municipality
    /// exists (the help of `municipality-mismatch`): it keeps its diagnostics while no file
    /// named as the register or the model's settings changed (or came, or went), and no
    /// office came or went.
    func keepsOtherFolders(_ delta: ValidationContext.Delta) -> Bool {
        !delta.changed.contains {
            $0 == MunicipalityRegister.fileName || $0.hasSuffix("/" + MunicipalityRegister.fileName) || $0 == "model/model.yaml"
                || (!delta.samePaths && $0.hasPrefix("seeds/") && $0.hasSuffix("/office.yaml"))
        }
    }

    func check(_ slug: String, _ files: MunicipalityFiles, _ register: MunicipalityRegister?, _ c: ValidationContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        // At the folder: the file is not there to point at (and any other file of the
        // folder is not what is wrong).
        let folder = SourceSpan.wholeFile("seeds/\(slug)/")
        if files.office == nil {
            out.append(.error("municipality-file-missing", "municipality '\(slug)' has no office.yaml", at: folder,
                              help: "every municipality folder holds office.yaml; 'oae new municipality' writes one"))
        }
        if files.adaptation == nil {
            out.append(.error("municipality-file-missing", "municipality '\(slug)' has no adaptation.yaml", at: folder,
                              help: "every municipality folder holds adaptation.yaml, even if it only names the model version"))
        }
        if let status = MunicipalityRule.status(files) {
            if files.staffing == nil, MunicipalityRule.needsStaffing(status, c.settings) {
                out.append(.error("municipality-file-missing",
                                  "municipality '\(slug)' has no staffing.yaml, which an office at status '\(status.rawValue)' needs",
                                  at: folder, related: files.office?.root?["status"].map { [RelatedLocation($0.span, "the office's status")] } ?? [],
                                  help: "restore it (git checkout -- seeds/\(slug)/staffing.yaml), or write the office's posts in it"))
            }
            if files.communicationPlan == nil, let from = c.settings.requirements.communicationFrom, status >= from.status {
                out.append(.error("municipality-file-missing",
                                  "municipality '\(slug)' has no communication-plan.yaml, which an office at status '\(status.rawValue)' needs",
                                  at: folder, related: [RelatedLocation(from.span, "required from status '\(from.status.rawValue)'")],
                                  help: "restore it (git checkout -- seeds/\(slug)/communication-plan.yaml), or write the office's communication plan in it"))
            }
        }
        let codeNode = files.office?.root?["municipality"]?["ine_code"]
        let code = codeNode?.string
        let name = files.office?.root?["municipality"]?.string(at: "name") ?? ""
        // The municipality of the office, when its code and name agree (else
        // `ine-code-mismatch` says the code is wrong).
        let municipality = code.flatMap { register?.entry(code: $0) }
            .flatMap { MunicipalityRegister.fold($0.name) == MunicipalityRegister.fold(name) ? $0 : nil }
        for doc in files.all {
            guard let node = doc.root?["municipality"], let named = node.string, named != slug else { continue }
            out.append(.error("municipality-mismatch",
                              "this file stands in seeds/\(slug)/ but names municipality '\(named)'",
                              at: node.span, help: mismatchHelp(slug, named: named, municipality: municipality, c)))
        }
        guard let register, let office = files.office?.root?["municipality"], let codeNode, let code else { return out }
        if let entry = register.entry(code: code) {
            // The name of another municipality: the code is what is wrong. A name of no
            // municipality, or the code's own name written otherwise (capitals, accents):
            // the name is, and the outputs would show it so.
            let nameNode = office["name"]
            if entry.name != name, let nameNode, register.entries(named: name).allSatisfy({ $0.ineCode == code }) {
                let written = MunicipalityRegister.fold(entry.name) == MunicipalityRegister.fold(name) ? ", with its capitals and accents" : ""
                out.append(.error("ine-code-mismatch",
                                  "'\(name)' is not the official name of INE code \(code), \(entry.name)",
                                  at: nameNode.span,
                                  related: [RelatedLocation(codeNode.span, "the INE code")],
                                  help: "write the name as the register does\(written): \(entry.name) (the handbooks, the site and the open data show it)"))
            } else if MunicipalityRegister.fold(entry.name) != MunicipalityRegister.fold(name) {
                out.append(.error("ine-code-mismatch",
                                  "INE code \(code) is \(entry.name), not '\(name)'",
                                  at: codeNode.span,
                                  related: nameNode.map { [RelatedLocation($0.span, "the municipality's name")] } ?? [],
                                  help: MunicipalityRule.correction(for: name, register)))
            }
        } else {
            out.append(.error("ine-code-mismatch", "INE code \(code) is not a municipality of Catalonia",
                              at: codeNode.span, help: MunicipalityRule.correction(for: name, register)))
        }
        return out
    }

    /// The status of the folder's office, when it has a valid one.
    static func status(_ files: MunicipalityFiles) -> OfficeStatus? {
        files.office?.root?.string(at: "status").flatMap(OfficeStatus.init(rawValue:))
    }

    /// Whether the model requires posts of an office at `status` (a minimum above 0 for
    /// some role): its staffing plan is then a required file, whose absence is the one
    /// error (`municipality-file-missing`), not each role's `staffing-below-minimum`.
    static func needsStaffing(_ status: OfficeStatus, _ settings: ModelSettings) -> Bool {
        settings.requirements.staffing.contains { ($0.minimum[status] ?? 0) > 0 }
    }

    /// The help of `municipality-mismatch`: set the folder's name, unless the folder is not
    /// named after its office's municipality: then the folder is what is wrong, and when
    /// the folder named after it exists, this one is a copy (setting the name would make a
    /// second office of one municipality, `municipality-duplicate`).
    private func mismatchHelp(_ slug: String, named: String, municipality: MunicipalityRegister.Entry?,
                              _ c: ValidationContext) -> String {
        if let entry = municipality {
            let right = MunicipalityRegister.slug(entry.name)
            if right != slug, c.network.municipalities[right] != nil {
                return "seeds/\(slug)/ is a second folder for \(entry.name) (INE code \(entry.ineCode)), whose folder is seeds/\(right)/: a municipality has one folder, so remove this copy; for another municipality, give its office that municipality's name and INE code first"
            }
            if right != slug {
                let rename = "seeds/\(slug)/ is not named after \(entry.name) (INE code \(entry.ineCode)), its office's municipality: rename it to seeds/\(right)/"
                return right == named ? rename : rename + " and set 'municipality: \(right)'"
            }
        }
        return "set 'municipality: \(slug)'"
    }

    /// The register's name and code for `name` (exact but for case and accents, or the
    /// closest name), as a help: "Viladecans has INE code 08301". Also the expansion plan's.
    static func correction(for name: String, _ register: MunicipalityRegister) -> String? {
        if let e = register.entries(named: name).first { return "\(e.name) has INE code \(e.ineCode)" }
        let close = Suggestions.closest(to: name, in: register.entries.map(\.name))
        guard let first = close.first, let e = register.entries(named: first).first else { return nil }
        return "did you mean \(e.name) (INE code \(e.ineCode))?"
    }
}

/// A municipality has one folder: two offices with one INE code (and that municipality's
/// name) are an error at the second one's code. Every office is read once per run, into
/// an index by code (the offices' codes are what a folder's check cannot see).
struct MunicipalityDuplicateRule: Rule {
    static let rules = [
        RuleInfo("municipality-duplicate", "Two folders have offices of the same municipality (INE code)."),
    ]

    func check(_ c: ValidationContext) -> [Diagnostic] {
        let register = c.network.register
        // The owner of each code: of the folders whose offices carry it, the one named
        // after the municipality, else the first in order.
        var owners: [String: (slug: String, node: Node)] = [:]
        var others: [(slug: String, code: String, node: Node)] = []
        for slug in c.network.municipalitySlugs {
            let office = c.network.municipalities[slug]?.office?.root?["municipality"]
            guard let node = office?["ine_code"], let code = node.string else { continue }
            let name = office?.string(at: "name") ?? ""
            // An office whose name is not its code's municipality has a wrong code
            // (`ine-code-mismatch`), not a second office.
            let entry = register?.entry(code: code)
            if let entry, MunicipalityRegister.fold(entry.name) != MunicipalityRegister.fold(name) { continue }
            if let owner = owners[code] {
                if MunicipalityRegister.slug(entry?.name ?? name) == slug {
                    others.append((owner.slug, code, owner.node))
                    owners[code] = (slug, node)
                } else {
                    others.append((slug, code, node))
                }
            } else {
                owners[code] = (slug, node)
            }
        }
        return others.sorted { $0.slug < $1.slug }.compactMap { other in
            guard let owner = owners[other.code] else { return nil }
            let name = register?.entry(code: other.code)?.name
                ?? c.network.municipalities[other.slug]?.office?.root?["municipality"]?.string(at: "name") ?? other.code
            return .error("municipality-duplicate",
                          "\(name) (INE code \(other.code)) has an office already, in seeds/\(owner.slug)/office.yaml",
                          at: other.node.span, related: [RelatedLocation(owner.node.span, "the INE code of \(owner.slug)'s office")],
                          help: "a municipality has one folder under seeds/: remove this one, or, if it is another municipality's office, give it that municipality's name and INE code")
        }
    }
}
