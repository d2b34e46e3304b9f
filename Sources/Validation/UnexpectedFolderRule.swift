import Diagnostics
import Loading
import Model

/// A folder of `model/` or `seeds/` that no place of the kind table passes through
/// (`TreeLayout.Placement.unexpectedFolder`: `model/servicess/`) is reported once, at the
/// folder, not once per file: a `tree-unexpected-file` warning with the names expected
/// there. When the folder it most likely means holds no file at all (`model/services/`
/// renamed as a whole), every document of that kind is missing and what names them fails
/// in turn: that is the cause, an error (`tree-folder-missing`) saying which folder is
/// missing and which one holds its files.
struct UnexpectedFolderRule: Rule {
    static let rules = [
        RuleInfo("tree-folder-missing", "A folder of the tree is missing, and a folder of a close name holds files oae does not read."),
    ]

    /// The rule reads the tree's paths and the kind table.
    func keeps(_ delta: ValidationContext.Delta) -> Bool {
        delta.changed.isEmpty || (delta.samePaths && !delta.changed.contains(KindTable.path))
    }

    /// The folders `tree-folder-missing` reports (`model/services`). The rules that would
    /// report each reference, link and override to their documents as unknown say nothing
    /// of those: the missing folder is the one cause. Made only when such a rule has found
    /// something unknown (never on a clean tree).
    static func missingFolders(_ tree: LoadedTree) -> Set<String> {
        Set(unexpected(tree).compactMap { $0.value.missing })
    }

    /// Whether a `{{value kind/id/…}}` names a kind the model has no document of because
    /// its folder is reported missing.
    static func inMissingFolder(_ reference: String, _ c: ValidationContext) -> Bool {
        guard let name = reference.split(ascii: "/").first, c.network.modelDocuments(Kind(String(name))).isEmpty,
              let folder = c.network.tree.kinds.declaration(Kind(String(name)))?.places.first?.dropLast().joined(separator: "/")
        else { return false }
        return missingFolders(c.network.tree).contains(folder)
    }

    func check(_ c: ValidationContext) -> [Diagnostic] {
        UnexpectedFolderRule.unexpected(c.network.tree).sorted { $0.key < $1.key }.map { folder, found in
            let filesText = "\(found.files) file\(found.files == 1 ? "" : "s")"
            let at = SourceSpan.wholeFile(folder + "/")
            if let missing = found.missing {
                let meant = missing.split(ascii: "/").last.map(String.init) ?? missing
                return .error("tree-folder-missing",
                              "\(missing)/ is missing, and \(folder)/ holds \(filesText) oae does not read: did you mean '\(meant)'?",
                              at: at,
                              help: "rename the folder (git mv \(folder) \(missing)); until then nothing that names its documents can be checked (it is not reported unknown one by one), and no output would hold them")
            }
            let hint = Suggestions.didYouMean(String(folder.split(ascii: "/").last ?? ""), in: found.suggestions)
            return .warning("tree-unexpected-file", "\(found.message): \(found.files == 1 ? "its file is" : "its \(filesText) are") not read",
                            at: at, help: hint)
        }
    }

    /// Each unexpected folder with its message, the close names, its number of files, and
    /// the folder it most likely means when that one holds no file (`missing`).
    static func unexpected(_ tree: LoadedTree) -> [String: (message: String, suggestions: [String], files: Int, missing: String?)] {
        // Without a kind table nothing is placed; that one problem is reported.
        guard !tree.kinds.declarations.isEmpty else { return [:] }
        // The folders a place of the kind table passes through (`{municipality}` matches
        // any name); a file in one of them is never in an unexpected folder, so only the
        // files of other folders are placed again, once per folder (a folder is unexpected
        // or not whatever the file: `TreeLayout.unknown`).
        let chains = Set(tree.kinds.declarations.flatMap(\.places).map { Array($0.dropLast()) })
            .union(["schema", "reference"].map { ["model", $0] })
        func expected(_ folder: [Substring]) -> Bool {
            chains.contains { chain in
                chain.count == folder.count && zip(chain, folder).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
            }
        }
        var folders: [String: (message: String, suggestions: [String], files: Int)] = [:]
        var placed: [Substring: String?] = [:]
        for path in tree.paths where path.hasPrefix("model/") || path.hasPrefix("seeds/") {
            guard let slash = path.lastIndex(ofASCII: "/") else { continue }
            let dirname = path[..<slash]
            let unexpected: String?
            if let known = placed[dirname] {
                unexpected = known
            } else {
                if expected(dirname.split(ascii: "/")) {
                    unexpected = nil
                } else if case let .unexpectedFolder(folder, message, suggestions) = TreeLayout.classify(path, kinds: tree.kinds) {
                    unexpected = folder
                    if folders[folder] == nil { folders[folder] = (message, suggestions, 0) }
                } else {
                    unexpected = nil
                }
                placed[dirname] = unexpected
            }
            if let unexpected { folders[unexpected]?.files += 1 }
        }
        var out: [String: (message: String, suggestions: [String], files: Int, missing: String?)] = [:]
        for (folder, found) in folders {
            let parent = folder.split(ascii: "/").dropLast().joined(separator: "/")
            // A folder it means (a name with no extension), when no file is in it.
            let missing = found.suggestions.first { !$0.contains(".") }.map { "\(parent)/\($0)" }
                .flatMap { meant in tree.paths.contains { $0.hasPrefix(meant + "/") } ? nil : meant }
            out[folder] = (found.message, found.suggestions, found.files, missing)
        }
        return out
    }
}
