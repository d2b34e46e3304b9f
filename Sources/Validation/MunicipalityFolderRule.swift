import Diagnostics
import Loading
import Model

/// A municipality's folder under `seeds/` is named by its slug (`molins-de-rei`). A folder
/// whose name is not one (an accent, a space, capitals: `seeds/Molins de Rei/`) holds
/// files the kind table would place in a municipality's folder, but oae cannot take the
/// name as a municipality's id, so none of them is read (`TreeLayout.Placement.
/// misnamedMunicipality`): the office, its handbook, agreement, charter and data leave
/// every output. That is one error at the folder, with the slug `oae new municipality`
/// would have given it, rather than a warning per file.
struct MunicipalityFolderRule: Rule {
    static let rules = [
        RuleInfo("municipality-folder-name", "A municipality's folder is not named by a slug, so none of its files is read."),
    ]

    /// The rule reads the tree's paths, the kind table and the register.
    func keeps(_ delta: ValidationContext.Delta) -> Bool {
        delta.changed.isEmpty || (delta.samePaths && !delta.changed.contains {
            $0 == KindTable.path || $0.hasSuffix("/" + MunicipalityRegister.fileName)
        })
    }

    func check(_ c: ValidationContext) -> [Diagnostic] {
        let tree = c.network.tree
        var files: [String: Int] = [:]
        var misnamed: [String] = []
        for path in tree.paths where path.hasPrefix("seeds/") {
            let parts = path.split(ascii: "/", omittingEmptySubsequences: false)
            guard parts.count >= 3 else { continue }
            let folder = String(parts[1])
            guard !TreeLayout.isSlug(folder) else { continue }
            files[folder, default: 0] += 1
            if !misnamed.contains(folder), case .misnamedMunicipality = TreeLayout.classify(path, kinds: tree.kinds) {
                misnamed.append(folder)
            }
        }
        return misnamed.sorted().map { folder in
            let count = files[folder] ?? 0
            return .error("municipality-folder-name",
                          "municipality folder '\(folder)' is not a slug, so oae reads none of its \(count) file\(count == 1 ? "" : "s"): its office is left out of every output",
                          at: .wholeFile("seeds/\(folder)/"), help: help(folder, c))
        }
    }

    /// The slug to rename the folder to (`MunicipalityRegister.slug`, as `oae new
    /// municipality` names folders), with the register's municipality of that slug; or,
    /// when a folder of that slug exists, that this one may be a copy of it.
    private func help(_ folder: String, _ c: ValidationContext) -> String {
        let slug = MunicipalityRegister.slug(folder)
        guard !slug.isEmpty else {
            return "name the folder in lower case with hyphens, like 'sant-feliu-de-llobregat'"
        }
        if c.network.municipalities[slug] != nil {
            return "seeds/\(slug)/ exists: if this folder is a copy of it, remove this one; else name it in lower case with hyphens, after its municipality"
        }
        let entry = c.network.register?.entries.first { MunicipalityRegister.slug($0.name) == slug }
        let of = entry.map { ", the folder name of \($0.name) (INE code \($0.ineCode))" } ?? ""
        return "did you mean '\(slug)'? rename the folder seeds/\(slug)/\(of), as 'oae new municipality' names it"
    }
}
