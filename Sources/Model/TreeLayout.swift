import Loading
import Diagnostics
import Foundation

/// Where each file of the tree stands, and so what it is. Documents are placed by the
/// kind table (`KindTable`, read from `model/schema/kinds.yaml`); the files oae itself
/// defines (schemas, the kind table, reference data, templates, UI strings) are placed
/// here.
public enum TreeLayout {
    /// The folders `oae check` reads, relative to the root.
    public static let contentFolders = ["model", "seeds", "templates"]
    /// The folder of the kinds' schemas (`<kind>.schema.yaml`) and the kind table.
    public static let schemaFolder = "model/schema"

    public static let rules = [
        RuleInfo("tree-unexpected-file", "A file or folder the tree does not expect."),
        RuleInfo("document-name-invalid", "A document has a name oae does not read (not a valid id in its kind's folder, or .yml for .yaml), so it is not read."),
        RuleInfo("document-misplaced", "A file that another folder of the tree would read as a document stands where it is not read."),
    ]

    /// What a file of the tree is.
    public enum Placement: Equatable, Sendable {
        /// A document of a kind. `language` is set for a translation (`x.es.md`);
        /// `municipality` for the files of a municipality's folder.
        case document(kind: Kind, id: String, municipality: String?, language: String?)
        case schema(kind: String)
        /// The kind table, `model/schema/kinds.yaml`.
        case kindTable
        /// Mustache templates, styles and assets, read by the renderers.
        case template
        /// The interface strings of one language (`templates/strings/<lang>.yaml`; `output`
        /// is `strings`).
        case uiStrings(output: String, language: String)
        /// Reference data the model relies on (`model/reference/*.csv`).
        case reference(name: String)
        /// Notes for people (README.md) that oae does not read.
        case readme
        /// A file the tree does not expect, with what to do about it.
        case unexpected(message: String, help: String?)
        /// A file of a kind's folder, in the kind's format, whose name is not a valid id
        /// (`model/services/Export-Advice.md`): meant as a document, and not read, so an
        /// error (`document-name-invalid`), not a warning.
        case misnamedDocument(message: String, help: String?)
        /// A file where no document stands, that a place of the tree names
        /// (`seeds/<m>/2026-q3.yaml`, which in `reports/` is a progress report): meant as a
        /// document, and not read, so an error (`document-misplaced`), not a warning. The
        /// help says where it would be read.
        case misplacedDocument(message: String, help: String)
        /// A file of a municipality's folder whose name is not a slug (`seeds/Molins de
        /// Rei/office.yaml`): nothing of the folder is read, and the folder is reported once,
        /// as an error (`municipality-folder-name`), not each of its files.
        case misnamedMunicipality(folder: String)
        /// A file inside a folder no place of the tree passes through (`model/servicess/x.md`):
        /// not read, and reported once for the folder (`folder`, from the root), not for each
        /// file. `suggestions` are the folder names expected there that are close to its name.
        case unexpectedFolder(folder: String, message: String, suggestions: [String])
    }

    static let templateExtensions: Set<String> = ["mustache", "css", "js", "svg", "png", "woff2", "txt", "md"]
    /// Folders of model/ that oae defines, whatever the kind table says.
    static let fixedModelFolders = ["schema", "reference"]

    public static func classify(_ path: String, kinds: KindTable) -> Placement {
        let parts = components(path)
        guard let name = parts.last else { return .unexpected(message: "empty path", help: nil) }
        // `.yml`, or an extension in another case (`.YAML`, `.Md`; session 36's trial was
        // told "should be a YAML file"): named as the tree names it, the file would be read.
        if let dot = name.lastIndex(of: "."), case let ext = String(name[dot...]), case let lower = ext.lowercased(),
           lower == ".yml" || ((lower == ".yaml" || lower == ".md") && ext != lower) {
            let canonical = lower == ".yml" ? ".yaml" : lower
            let message = ext == ".yml" ? "'\(name)' uses the .yml extension; the tree's files end in .yaml"
                                         : "'\(name)' ends in \(ext); the tree's files end in \(canonical)"
            let renamed = String(name[..<dot]) + canonical
            let help = "rename it to '\(renamed)'; if that file exists, move what this one says into it and delete this one"
            // As a .yaml a document (`reports/2026-q3.yml`), or one misnamed or misplaced
            // (`reports/2026-Q3.yml`, `seeds/<m>/2026-q3.yml`): meant as one, and not read.
            switch classify(String(path.dropLast(name.count)) + renamed, kinds: kinds) {
            case .document:
                return .misnamedDocument(message: message, help: help)
            case let .misnamedDocument(_, more?), let .misplacedDocument(_, more):
                return .misnamedDocument(message: message, help: help + "; then: " + more)
            default:
                return .unexpected(message: message, help: help)
            }
        }
        if name == "README.md" { return .readme }
        switch parts.first {
        case "templates": return classifyTemplates(Array(parts.dropFirst()))
        case "model" where parts.count == 3 && parts[1] == "schema":
            if path == KindTable.path { return .kindTable }
            guard name.hasSuffix(".schema.yaml") else {
                return .unexpected(message: "'\(name)' in model/schema/ is not a schema",
                                   help: "schemas are named '<kind>.schema.yaml'")
            }
            return .schema(kind: String(name.dropLast(".schema.yaml".count)))
        case "model" where parts.count == 3 && parts[1] == "reference":
            guard name.hasSuffix(".csv") else {
                return .unexpected(message: "'\(name)' in model/reference/ is not a CSV file", help: nil)
            }
            return .reference(name: name)
        case "model", "seeds": return classifyDocument(parts, kinds: kinds)
        default: return .unexpected(message: "'\(path)' is outside the tree's folders", help: nil)
        }
    }

    /// Places a file of model/ or seeds/ by the kind table. Literal file names win over
    /// `{id}` names in the same folder (`outline.yaml` before `{id}.md`).
    static func classifyDocument(_ parts: [String], kinds: KindTable) -> Placement {
        let placed = classifyPlaced(parts, kinds: kinds)
        let placement = placed ?? unknown(parts, kinds: kinds)
        switch placement {
        case let .unexpected(message, help), let .misnamedDocument(message, help):
            let formatFits = folderTakesFormat(parts, kinds: kinds)
            guard let elsewhere = elsewhereHint(parts, kinds: kinds, formatFits: formatFits)
            else { return placement }
            let joined = help.map { "\($0); \(elsewhere)" } ?? elsewhere
            if case .misnamedDocument = placement { return .misnamedDocument(message: message, help: joined) }
            // A place that names the file, or whose ids have its name's form: a document
            // saved in the wrong folder (a quarter's report beside office.yaml), which the
            // check must not pass (the trial of session 31: its figures were left out of
            // every output after a warning). A file any `{id}` place would take is only told.
            if TreeLayout.elsewhere(parts, kinds: kinds).contains(where: { $0.literal }) {
                return .misplacedDocument(message: message, help: joined)
            }
            return .unexpected(message: message, help: joined)
        default:
            return placement
        }
    }

    /// Where a file that cannot stand where it is would be a document, for the help of its
    /// warning (a service moved into `model/roles/`, a `staffing.yaml` moved into
    /// `reports/`): every place of the kind table in the same top folder, and in the same
    /// municipality's folder, where a file of this name is placed as a document. Sorted by
    /// path; empty when none is. A place that names the file (`staffing.yaml`), or whose
    /// kind's ids have a form the name has (`id-pattern`: `2027.yaml` a budget's,
    /// `2026-q3.yaml` a report's), wins over places that take any id (`{id}.yaml`).
    static func elsewhere(_ parts: [String], kinds: KindTable) -> [(kind: Kind, path: String, literal: Bool)] {
        guard parts.count >= 2, let name = parts.last else { return [] }
        // A folder of seeds/ that a place names (`agreements`, `assessments`) is not a
        // municipality's: no municipality's places stand under it (a report saved in
        // seeds/assessments/ was sent to seeds/assessments/reports/).
        let named = Set(kinds.declarations.flatMap(\.places).compactMap { place in
            place.count > 2 && place[0] == "seeds" && place[1] != KindTable.municipalityPlaceholder ? place[1] : nil
        })
        let municipality = parts.first == "seeds" && parts.count > 2 && !named.contains(parts[1]) ? parts[1] : nil
        var found: [String: (kind: Kind, literal: Bool)] = [:]
        for declaration in kinds.declarations {
            // A file of model/ whose name a place of seeds/ gives (`model/office.yaml`) is
            // sent there too: no place of model/ has it (session 37's trial).
            for place in declaration.places
            where place.first == parts.first
                || (parts.first == "model" && place.first == "seeds" && !(place.last ?? "").hasPrefix(KindTable.idPlaceholder)) {
                // Outside a municipality's folder (`seeds/staffing.yaml`, one folder too high:
                // the trial of session 37 got a warning and no help), a municipality's place
                // is named with `municipalityStandIn` for its folder.
                // From a municipality's folder, a programme's folder that takes any id
                // (`seeds/assessments/`) is no guess for a file of that municipality (session
                // 38's trial: a local service saved beside office.yaml was told it might be an
                // assessment).
                if municipality != nil, place.count > 2, place[1] != KindTable.municipalityPlaceholder,
                   (place.last ?? "").hasPrefix(KindTable.idPlaceholder) { continue }
                var candidate: [String] = []
                var standIn: Int?
                for segment in place.dropLast() {
                    if segment == KindTable.municipalityPlaceholder {
                        if municipality == nil { standIn = candidate.count }
                        candidate.append(municipality ?? "municipality")
                    } else {
                        candidate.append(segment)
                    }
                }
                guard candidate != Array(parts.dropLast()) else { continue }
                candidate.append(name)
                guard case let .document(kind, _, _, _)? = classifyPlaced(candidate, kinds: kinds),
                      kind == declaration.kind else { continue }
                // A `{id}` place whose kind gives its ids a form, which the name has (else
                // `classifyPlaced` says misnamed): as telling as a name (session 29's trial:
                // a budget at seeds/<m>/2027.yaml was not sent to budgets/).
                let named = !(place.last ?? "").hasPrefix(KindTable.idPlaceholder) || declaration.idPattern != nil
                if let standIn { candidate[standIn] = municipalityStandIn }
                found[candidate.joined(separator: "/")] = (kind, named)
            }
        }
        let all = found.sorted { $0.key < $1.key }.map { (kind: $0.value.kind, path: $0.key, literal: $0.value.literal) }
        let literal = all.filter(\.literal)
        return literal.isEmpty ? all : literal
    }

    /// The paths at which a file of the tree (`path`, from the root) would be a document of
    /// `kind`: the places of `elsewhere` of that kind, in the same municipality's folder.
    public static func paths(of kind: Kind, for path: String, kinds: KindTable) -> [String] {
        elsewhere(components(path), kinds: kinds).filter { $0.kind == kind }.map(\.path)
    }

    /// What stands for a municipality's folder in a path of `elsewhere` when the file is in
    /// none (`seeds/<municipality>/staffing.yaml`); the load names the folder when the file
    /// says its municipality (`TreeLoader`).
    public static let municipalityStandIn = "<municipality>"

    /// The help that sends a file to the one place it would be read at.
    static func movingHint(to path: String, kind: Kind) -> String {
        "in \(path) it would be \(article(kind.rawValue)) \(kind.rawValue) document: move it there if it is one"
    }

    /// "a" or "an" before a kind's name ("an office", "an assessment").
    public static func article(_ kind: String) -> String { "aeiou".contains(kind.first ?? "x") ? "an" : "a" }

    /// `elsewhere` in words: "in model/services/x.md it would be a service document", or
    /// the folders of each kind when two or three would take it (more say too little: a
    /// `.yaml` fits four kinds' folders of model/). Folders whose kind takes any id are
    /// named only for a file whose format its own folder's kind does not take (a Markdown
    /// file among YAML roles); a file in the right format but badly named (`26.yaml` among
    /// budgets), or in a folder no kind has, is told only of a place that names it
    /// (`staffing.yaml`) or whose ids have its name's form (`2027.yaml`, a budget): any
    /// `.yaml` would fit some `{id}`.
    static func elsewhereHint(_ parts: [String], kinds: KindTable, formatFits: Bool) -> String? {
        let places = elsewhere(parts, kinds: kinds).filter { !formatFits || $0.literal }
        guard !places.isEmpty, places.count <= 3 else { return nil }
        if places.count == 1 { return movingHint(to: places[0].path, kind: places[0].kind) }
        let listed = places.map { "\($0.path.split(ascii: "/").dropLast().joined(separator: "/"))/ (\($0.kind.rawValue))" }
        return "it would be a document in " + listed.dropLast().joined(separator: ", ") + " or " + listed[listed.count - 1]
            + ": move it to the folder of its kind"
    }

    /// Whether a kind whose files stand in this file's folder is written in the file's
    /// format (`.md` or `.yaml`).
    static func folderTakesFormat(_ parts: [String], kinds: KindTable) -> Bool {
        let markdown = parts.last?.hasSuffix(".md") == true
        return kinds.declarations.contains { d in
            d.isMarkdown == markdown && d.places.contains { $0.count == parts.count && folderMatches($0, parts) }
        }
    }

    /// The place the kind table gives a file of model/ or seeds/, or nil when no place of
    /// it fits (`classifyDocument` without the hint, which calls it for each place it tries).
    private static func classifyPlaced(_ parts: [String], kinds: KindTable) -> Placement? {
        // By index: `for declaration in kinds.declarations` copied (retained and released)
        // every declaration for every file (issue 13).
        var best: (declaration: Int, place: [String], literal: Bool)?
        let declarations = kinds.declarations
        for d in declarations.indices {
            for place in declarations[d].places where place.count == parts.count {
                guard folderMatches(place, parts) else { continue }
                let last = place[place.count - 1]
                let literal = !last.hasPrefix(KindTable.idPlaceholder)
                if literal {
                    guard fileMatches(literal: last, parts[parts.count - 1], markdown: declarations[d].isMarkdown) else { continue }
                }
                if best == nil || (literal && !best!.literal) { best = (d, place, literal) }
            }
        }
        return best.map { place(parts, declarations[$0.declaration], $0.place) }
    }

    static func folderMatches(_ place: [String], _ parts: [String]) -> Bool {
        for (p, actual) in zip(place.dropLast(), parts.dropLast()) where p != KindTable.municipalityPlaceholder && p != actual {
            return false
        }
        return true
    }

    /// `office.yaml` matches `office.yaml`; for Markdown, `strategy.es.md` matches `strategy.md`.
    static func fileMatches(literal: String, _ name: String, markdown: Bool) -> Bool {
        if name == literal { return true }
        guard markdown else { return false }
        let stem = literal.dropLast(3)
        guard name.hasPrefix(stem + "."), name.hasSuffix(".md") else { return false }
        return isLanguageCode(String(name.dropFirst(stem.count + 1).dropLast(3)))
    }

    static func place(_ parts: [String], _ declaration: KindDeclaration, _ place: [String]) -> Placement {
        var municipality: String?
        for (p, actual) in zip(place.dropLast(), parts.dropLast()) where p == KindTable.municipalityPlaceholder {
            guard isSlug(actual) else { return .misnamedMunicipality(folder: actual) }
            municipality = actual
        }
        let name = parts[parts.count - 1]
        let kind = declaration.kind
        let ext = declaration.isMarkdown ? ".md" : ".yaml"
        guard name.hasSuffix(ext) else {
            let other = declaration.isMarkdown ? ".yaml" : ".md"
            return .unexpected(message: "'\(name)' should be a \(declaration.isMarkdown ? "Markdown" : "YAML") file (\(ext))",
                               help: name.hasSuffix(other) ? "\(TreeLayout.article(kind.rawValue)) \(kind.rawValue) is written as \(ext)" : nil)
        }
        var stem = String(name.dropLast(ext.count))
        var language: String?
        if declaration.isMarkdown, let dot = stem.lastIndex(ofASCII: ".") {
            let code = String(stem[stem.index(after: dot)...])
            guard isLanguageCode(code) else {
                // `X.OC.md`, `X.oc_aranes.md`: a language tag is written in lower case, its parts joined by hyphens.
                let meant = code.lowercased().replacingOccurrences(of: "_", with: "-")
                return .unexpected(message: "'\(name)' is not '<id>.md' or '<id>.<language>.md'",
                                   help: isLanguageCode(meant) ? "a language is written in lower case, its parts joined by '-': rename it \(stem[..<dot]).\(meant).md" : nil)
            }
            language = code
            stem = String(stem[..<dot])
        }
        let id: String
        switch declaration.identity {
        case .fixed(let fixed): id = fixed
        case .municipality: id = municipality ?? stem
        case .fileName:
            // The name the writer most likely meant, when lower case and hyphens make it
            // one (`2026-Q3.yaml`, `Company_Creation.md`): the help names it.
            // Worded only for a name refused (Foundation's `replacingOccurrences` on every
            // file was 1.4% of a check at 947 municipalities).
            func rename() -> String? {
                let meant = stem.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
                let valid = { (id: String) in declaration.idPattern.map { IDPatternMemo.shared.matches($0, id) } ?? isSlug(id) }
                // The file under the meant name may be there already (a copy made by hand:
                // session 43's trial was told to rename onto it).
                return meant != stem && valid(meant)
                    ? "rename it to '\(meant)\(language.map { "." + $0 } ?? "")\(ext)'; if that file exists, move what this one says into it and delete this one" : nil
            }
            if let pattern = declaration.idPattern {
                guard IDPatternMemo.shared.matches(pattern, stem) else {
                    return .misnamedDocument(message: "'\(name)' is not a valid name for \(TreeLayout.article(kind.rawValue)) \(kind.rawValue)",
                                             help: rename() ?? declaration.idHint)
                }
            } else if !isSlug(stem) {
                return .misnamedDocument(message: "'\(name)': '\(stem)' is not a valid id",
                                         help: rename() ?? declaration.idHint ?? "ids are lower case words joined by hyphens, like 'company-creation'")
            }
            id = stem
        }
        return .document(kind: kind, id: id, municipality: municipality, language: language)
    }

    /// A file no kind places: names the deepest folder that some place passes through,
    /// with the names expected there.
    static func unknown(_ parts: [String], kinds: KindTable) -> Placement {
        var depth = 0
        var expected: Set<String> = []
        let places = kinds.declarations.flatMap(\.places)
            + (parts.first == "model" ? fixedModelFolders.map { ["model", $0, "x"] } : [])
        for place in places {
            var k = 0
            while k < place.count - 1, k < parts.count - 1,
                  place[k] == parts[k] || (place[k] == KindTable.municipalityPlaceholder && k > 0) {
                k += 1
            }
            guard k < place.count else { continue }
            if k > depth { depth = k; expected = [] }
            if k == depth {
                let next = place[k]
                if next != KindTable.municipalityPlaceholder, !next.hasPrefix(KindTable.idPlaceholder) { expected.insert(next) }
            }
        }
        let folder = parts.prefix(depth).joined(separator: "/") + "/"
        if parts.count - 1 > depth {
            return .unexpectedFolder(folder: parts.prefix(depth + 1).joined(separator: "/"),
                                     message: "unexpected folder '\(parts[depth])' in \(folder)",
                                     suggestions: Suggestions.closest(to: parts[depth], in: expected.sorted()))
        }
        return .unexpected(message: "unexpected file '\(parts[depth])' in \(folder)",
                           help: Suggestions.didYouMean(parts[depth], in: expected.sorted()))
    }

    /// `templates/site/root/`: files the site copies as they are to its root, beside its
    /// own (`CNAME` for GitHub Pages, `robots.txt`, `favicon.ico`): of any kind.
    public static let siteRootFolder = "templates/site/root"

    static func classifyTemplates(_ p: [String]) -> Placement {
        if p.count >= 3, "templates/" + p[0] + "/" + p[1] == siteRootFolder { return .template }
        // The one strings file per language: templates/strings/<lang>.yaml.
        if p.count == 2, p[0] == "strings", p[1].hasSuffix(".yaml") {
            return .uiStrings(output: "strings", language: String(p[1].dropLast(5)))
        }
        let name = p.last ?? ""
        let ext = name.split(ascii: ".").last.map(String.init) ?? ""
        if templateExtensions.contains(ext) { return .template }
        return .unexpected(message: "'\(name)' is not a kind of file templates/ holds",
                           help: "templates/ holds .mustache templates, styles, scripts, images and strings/<lang>.yaml")
    }

    /// A language tag as the model's languages are written (`common.schema.yaml`'s
    /// `language`, BCP 47 in lower case): a code of two or three ASCII letters, then
    /// subtags of two to eight letters or digits after hyphens (`ca`, `oc-aranes`: session
    /// 45's trial wrote Aranese's tag and its files were "not '<id>.<language>.md'").
    public static func isLanguageCode(_ code: String) -> Bool {
        let parts = code.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (2...8).contains(part.count) && part.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
        }
    }

    public static func isSlug(_ s: String) -> Bool {
        // By bytes: a slug is ASCII, and for ASCII text characters are bytes.
        var previous: UInt8 = 0
        for b in s.utf8 {
            guard (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D else { return false }
            if b == 0x2D, previous == 0 || previous == 0x2D { return false }
            previous = b
        }
        return previous != 0 && previous != 0x2D
    }

    /// A path's components between '/' (empty ones left out): by bytes for an ASCII path,
    /// by characters otherwise (a combining mark after '/' joins it into one character).
    static func components(_ path: String) -> [String] {
        path.split(ascii: "/").map(String.init)
    }
}

/// What an `id-pattern` said of a file name's stem, kept for the next file with the same
/// stem (every municipality's `2026-q1.yaml`): `NSRegularExpression` took about 2% of a
/// check at 947 municipalities. Safe to share between threads.
final class IDPatternMemo: @unchecked Sendable {
    static let shared = IDPatternMemo()
    private let lock = NSLock()
    /// By the pattern's source and options, then by stem.
    private var answers: [String: [String: Bool]] = [:]

    /// Whether `pattern` matches in `stem` (`firstMatch` over the whole stem).
    func matches(_ pattern: NSRegularExpression, _ stem: String) -> Bool {
        let key = "\(pattern.options.rawValue) \(pattern.pattern)"
        if let known = lock.withLock({ answers[key]?[stem] }) { return known }
        let answer = pattern.firstMatch(in: stem, range: NSRange(stem.startIndex..., in: stem)) != nil
        lock.withLock { answers[key, default: [:]][stem] = answer }
        return answer
    }
}
