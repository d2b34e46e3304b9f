import Diagnostics

/// Where each kind of file stands in the tree. This is the one place that knows the
/// layout: adding a kind means adding its place here.
public enum TreeLayout {
    /// The folders `oae check` reads, relative to the root.
    public static let contentFolders = ["model", "seeds", "templates"]

    public static let rules = [
        RuleInfo("tree-unexpected-file", "A file or folder the tree does not expect."),
    ]

    /// What a file of the tree is.
    public enum Placement: Equatable, Sendable {
        /// A document of a kind. `language` is set for a translation (`x.es.md`);
        /// `municipality` for the files of a municipality's folder.
        case document(kind: Kind, id: String, municipality: String?, language: String?)
        case schema(kind: String)
        /// Mustache templates, styles and assets, read by the renderers.
        case template
        /// UI strings of one output in one language (`templates/<output>/strings/<lang>.yaml`).
        case uiStrings(output: String, language: String)
        /// Reference data the model relies on (`model/reference/*.csv`).
        case reference(name: String)
        /// Notes for people (README.md) that oae does not read.
        case readme
        /// A file the tree does not expect, with what to do about it.
        case unexpected(message: String, help: String?)
    }

    static let modelFiles: [String: Kind] = [
        "model.yaml": .model, "checklist.yaml": .checklistTemplate, "glossary.yaml": .glossary,
    ]
    static let modelFolders: [String: Kind] = [
        "services": .service, "procedures": .procedure, "roles": .role, "training": .trainingModule,
        "indicators": .indicator, "communication": .communicationStrategy, "handbook": .handbookChapter,
        "schema": .model, "reference": .model,
    ]
    static let municipalityFiles: [String: Kind] = [
        "office.yaml": .office, "adaptation.yaml": .adaptation, "staffing.yaml": .staffingPlan,
        "communication-plan.yaml": .communicationPlan, "checklist.yaml": .openingChecklist,
    ]
    static let municipalityFolders: [String: Kind] = [
        "reports": .progressReport, "services": .service, "procedures": .procedure,
    ]
    static let templateExtensions: Set<String> = ["mustache", "css", "js", "svg", "png", "woff2", "txt", "md"]

    public static func classify(_ path: String) -> Placement {
        let parts = path.split(separator: "/").map(String.init)
        guard let name = parts.last else { return .unexpected(message: "empty path", help: nil) }
        if name.hasSuffix(".yml") {
            return .unexpected(message: "'\(name)' uses the .yml extension; the tree's files end in .yaml",
                               help: "rename it to '\(name.dropLast(4)).yaml'")
        }
        if name == "README.md" { return .readme }
        switch parts.first {
        case "model": return classifyModel(Array(parts.dropFirst()))
        case "seeds": return classifySeeds(Array(parts.dropFirst()))
        case "templates": return classifyTemplates(Array(parts.dropFirst()))
        default: return .unexpected(message: "'\(path)' is outside the tree's folders", help: nil)
        }
    }

    static func classifyModel(_ p: [String]) -> Placement {
        if p.count == 1 {
            if let kind = modelFiles[p[0]] { return document(kind, p[0], municipality: nil) }
            return unknownFile(p[0], in: "model/", expected: Array(modelFiles.keys) + Array(modelFolders.keys))
        }
        if p.count == 2, let kind = modelFolders[p[0]] {
            let name = p[1]
            switch p[0] {
            case "schema":
                guard name.hasSuffix(".schema.yaml") else {
                    return .unexpected(message: "'\(name)' in model/schema/ is not a schema",
                                       help: "schemas are named '<kind>.schema.yaml'")
                }
                return .schema(kind: String(name.dropLast(".schema.yaml".count)))
            case "reference":
                guard name.hasSuffix(".csv") else {
                    return .unexpected(message: "'\(name)' in model/reference/ is not a CSV file", help: nil)
                }
                return .reference(name: name)
            case "communication":
                guard name.hasPrefix("strategy.") else {
                    return unknownFile(name, in: "model/communication/", expected: ["strategy.md"])
                }
                return document(kind, name, municipality: nil)
            case "handbook":
                if name == "outline.yaml" { return .document(kind: .handbookOutline, id: "outline", municipality: nil, language: nil) }
                return document(.handbookChapter, name, municipality: nil)
            default:
                return document(kind, name, municipality: nil)
            }
        }
        return unknownFolder(p[0], in: "model/", expected: Array(modelFolders.keys))
    }

    static func classifySeeds(_ p: [String]) -> Placement {
        if p.count == 1 {
            if p[0].hasPrefix("programme.") { return document(.programme, p[0], municipality: nil) }
            return unknownFile(p[0], in: "seeds/", expected: ["programme.md"])
        }
        let municipality = p[0]
        guard isSlug(municipality) else {
            return .unexpected(message: "municipality folder '\(municipality)' is not a slug",
                               help: "name the folder in lower case with hyphens, like 'sant-feliu-de-llobregat'")
        }
        if p.count == 2 {
            if let kind = municipalityFiles[p[1]] {
                return .document(kind: kind, id: municipality, municipality: municipality, language: nil)
            }
            return unknownFile(p[1], in: "seeds/\(municipality)/",
                               expected: Array(municipalityFiles.keys) + Array(municipalityFolders.keys))
        }
        if p.count == 3, let kind = municipalityFolders[p[1]] {
            if kind == .progressReport {
                let name = p[2]
                guard name.hasSuffix(".yaml"), isReportName(String(name.dropLast(5))) else {
                    return .unexpected(message: "report '\(name)' is not named by its quarter",
                                       help: "name reports '<year>-q<quarter>.yaml', like '2026-q3.yaml'")
                }
                return .document(kind: kind, id: String(name.dropLast(5)), municipality: municipality, language: nil)
            }
            return document(kind, p[2], municipality: municipality)
        }
        return unknownFolder(p[1], in: "seeds/\(municipality)/", expected: Array(municipalityFolders.keys))
    }

    static func classifyTemplates(_ p: [String]) -> Placement {
        if p.count == 3, p[1] == "strings" {
            let name = p[2]
            if name.hasSuffix(".yaml") { return .uiStrings(output: p[0], language: String(name.dropLast(5))) }
        }
        let name = p.last ?? ""
        let ext = name.split(separator: ".").last.map(String.init) ?? ""
        if templateExtensions.contains(ext) { return .template }
        return .unexpected(message: "'\(name)' is not a kind of file templates/ holds",
                           help: "templates/ holds .mustache templates, styles, scripts, images and <output>/strings/<lang>.yaml")
    }

    /// A document file: `<id>.yaml` for YAML kinds; `<id>.md` or a translation
    /// `<id>.<lang>.md` for Markdown kinds.
    static func document(_ kind: Kind, _ name: String, municipality: String?) -> Placement {
        let ext = kind.isMarkdown ? ".md" : ".yaml"
        guard name.hasSuffix(ext) else {
            let other = kind.isMarkdown ? ".yaml" : ".md"
            return .unexpected(message: "'\(name)' should be a \(kind.isMarkdown ? "Markdown" : "YAML") file (\(ext))",
                               help: name.hasSuffix(other) ? "a \(kind.rawValue) is written as \(ext)" : nil)
        }
        var stem = String(name.dropLast(ext.count))
        var language: String?
        if kind.isMarkdown, let dot = stem.lastIndex(of: ".") {
            let code = String(stem[stem.index(after: dot)...])
            guard code.count == 2, code.allSatisfy({ $0.isLowercase && $0.isASCII }) else {
                return .unexpected(message: "'\(name)' is not '<id>.md' or '<id>.<language>.md'", help: nil)
            }
            language = code
            stem = String(stem[..<dot])
        }
        guard isSlug(stem) else {
            return .unexpected(message: "'\(name)': '\(stem)' is not a valid id",
                               help: "ids are lower case words joined by hyphens, like 'company-creation'")
        }
        return .document(kind: kind, id: stem, municipality: municipality, language: language)
    }

    static func unknownFile(_ name: String, in folder: String, expected: [String]) -> Placement {
        .unexpected(message: "unexpected file '\(name)' in \(folder)",
                    help: Suggestions.didYouMean(name, in: expected.sorted()))
    }

    static func unknownFolder(_ name: String, in folder: String, expected: [String]) -> Placement {
        .unexpected(message: "unexpected folder '\(name)' in \(folder)",
                    help: Suggestions.didYouMean(name, in: expected.sorted()))
    }

    public static func isSlug(_ s: String) -> Bool {
        guard !s.isEmpty, !s.hasPrefix("-"), !s.hasSuffix("-"), !s.contains("--") else { return false }
        return s.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" }
    }

    static func isReportName(_ s: String) -> Bool {
        let parts = s.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy(\.isNumber) else { return false }
        return ["q1", "q2", "q3", "q4"].contains(String(parts[1]))
    }
}
