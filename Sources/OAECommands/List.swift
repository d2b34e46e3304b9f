import ArgumentParser
import Diagnostics
import Foundation
import JSON
import Loading
import Model

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Lists the documents of a kind with their ids and files.",
        discussion: "Kinds: those of the tree's kind table, model/schema/kinds.yaml (service, procedure, role, office, ...).")

    @OptionGroup var tree: TreeOptions

    @Argument(help: "The kind of document (service, procedure, role, office, ...).")
    var kind: Kind?

    @Option(name: .long, help: "text or json.")
    var format: ListFormat = .text

    func run() throws {
        let loaded = TreeLoader.load(root: tree.rootURL)
        // Without a kind: the tree's kinds, to choose from (a usage error, said before any
        // problem of the tree's files).
        guard let kind else {
            writeStderr("error: name the kind of document to list: oae list <kind>; the kinds are: "
                        + loaded.kinds.kinds.map(\.rawValue).joined(separator: ", ") + "\n")
            throw ExitCode(2)
        }
        try stopOnLoadErrors(loaded, command: "list")
        guard loaded.kinds.contains(kind) else {
            let names = loaded.kinds.kinds.map(\.rawValue)
            // A kind named by one of its words, in the singular or the plural (`releases` for
            // release-history; session 26's trial), else the closest.
            let typed = kind.rawValue.lowercased()
            let stem = typed.hasSuffix("s") ? String(typed.dropLast()) : typed
            let holding = names.filter { $0.split(separator: "-").contains { $0 == typed || $0 == stem } }
            let meant = holding.isEmpty ? Suggestions.didYouMean(kind.rawValue, in: names) : Suggestions.question(Array(holding.prefix(3)))
            writeStderr("error: '\(kind)' is not a kind of this tree; "
                        + (meant ?? "the kinds are: \(names.joined(separator: ", "))") + "\n")
            throw ExitCode(2)
        }
        let docs = loaded.documents.filter { $0.kind == kind && $0.language == nil }
            .sorted { ($0.municipality ?? "", $0.id) < ($1.municipality ?? "", $1.id) }
        switch format {
        case .text:
            writeStdout(List.text(docs.map { (id: $0.id, municipality: $0.municipality, path: $0.path) }))
        case .json:
            let rows: [JSONValue] = docs.map {
                .object([("id", .string($0.id)), ("kind", .string($0.kind.rawValue)),
                         ("municipality", .optional($0.municipality)), ("file", .string($0.path))])
            }
            writeStdout(JSONValue.array(rows).serialized() + "\n")
        }
    }
}

extension List {
    /// The text listing: `id  path`, one document a line, the ids padded to one width.
    /// When the kind has documents of municipalities whose id is not the municipality's
    /// (a budget's is its year: two offices' `2026`), a municipality column stands after
    /// the id, `-` for a document of the model.
    static func text(_ rows: [(id: String, municipality: String?, path: String)]) -> String {
        let showMunicipality = rows.contains { $0.municipality != nil && $0.municipality != $0.id }
        let idWidth = rows.map(\.id.count).max() ?? 0
        let municipalityWidth = rows.map { ($0.municipality ?? "-").count }.max() ?? 0
        return rows.map { row in
            row.id.padding(toLength: idWidth, withPad: " ", startingAt: 0) + "  "
                + (showMunicipality ? (row.municipality ?? "-").padding(toLength: municipalityWidth, withPad: " ", startingAt: 0) + "  " : "")
                + row.path + "\n"
        }.joined()
    }
}

enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension Kind: ExpressibleByArgument {}
