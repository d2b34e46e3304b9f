import Foundation
import Diagnostics
import Loading
import Model
import XCTest

/// `oae serve` loads the tree again on every save through a `LoadCache`: only files whose
/// stamps (size, times, inode) changed are parsed again, and the tree is the same as a load without the cache.
final class LoadCacheTests: XCTestCase {
    func testOnlyChangedFilesAreParsedAgainAndTheTreeIsTheSame() throws {
        let fm = FileManager.default
        let package = TreeLayoutTests.packageRoot
        let root = fm.temporaryDirectory.appendingPathComponent("oae-load-cache-\(UUID().uuidString)")
        try fm.copyItem(at: package.appendingPathComponent("Tests/Fixtures/network"), to: root)
        try fm.copyItem(at: package.appendingPathComponent("model/schema"), to: root.appendingPathComponent("model/schema"))
        defer { try? fm.removeItem(at: root) }
        func summary(_ tree: LoadedTree) -> [String] {
            tree.documents.map { "\($0.path) \($0.root?["id"]?.string ?? "") \($0.root?["name"]?["ca"]?.string ?? "")" }.sorted()
                + tree.diagnostics.map { "\($0.rule) \($0.span)" }.sorted()
        }

        let cache = LoadCache()
        let first = TreeLoader.load(root: root, cache: cache)
        XCTAssertGreaterThan(first.paths.count, 20)
        XCTAssertEqual(cache.parsed, first.paths.count, "the first load reads every file")
        _ = TreeLoader.load(root: root, cache: cache)
        XCTAssertEqual(cache.parsed, 0, "nothing changed, nothing parsed")

        let office = root.appendingPathComponent("seeds/sant-feliu-de-llobregat/office.yaml")
        let edited = try String(contentsOf: office, encoding: .utf8)
            .replacingOccurrences(of: "{ca: OAE de Sant Feliu", with: "{ca: OAE Editada de Sant Feliu")
        try Data(edited.utf8).write(to: office)
        let cached = TreeLoader.load(root: root, cache: cache)
        XCTAssertEqual(cache.parsed, 1)
        XCTAssertEqual(summary(cached), summary(TreeLoader.load(root: root)))
        XCTAssertTrue(summary(cached).contains { $0.hasPrefix("seeds/sant-feliu-de-llobregat/office.yaml sant-feliu-de-llobregat OAE Editada") })

        // A change to the kind table forgets everything: every file is placed again.
        let kinds = root.appendingPathComponent("model/schema/kinds.yaml")
        try Data((try String(contentsOf: kinds, encoding: .utf8) + "\n").utf8).write(to: kinds)
        _ = TreeLoader.load(root: root, cache: cache)
        XCTAssertEqual(cache.parsed, first.paths.count)
    }

    /// A load whose files are those of the last (`LoadCache.lastLoadPatched`) is that
    /// load's tree with the changed files put in place; it must be, field by field and
    /// diagnostic by diagnostic in order, the tree a load file by file makes, and the
    /// network patched from the last one the network indexed from scratch. Each step
    /// says whether it could patch: a file that stops or starts being a document, and a
    /// file added or gone, make the load go file by file.
    func testAPatchedLoadIsTheLoadFileByFile() throws {
        let fm = FileManager.default
        let package = TreeLayoutTests.packageRoot
        let root = fm.temporaryDirectory.appendingPathComponent("oae-load-patch-\(UUID().uuidString)")
        try fm.copyItem(at: package.appendingPathComponent("Tests/Fixtures/network"), to: root)
        try fm.copyItem(at: package.appendingPathComponent("model/schema"), to: root.appendingPathComponent("model/schema"))
        try fm.createDirectory(at: root.appendingPathComponent("templates/strings"), withIntermediateDirectories: true)
        try fm.copyItem(at: package.appendingPathComponent("templates/strings/ca.yaml"),
                        to: root.appendingPathComponent("templates/strings/ca.yaml"))
        defer { try? fm.removeItem(at: root) }
        let office = "seeds/sant-feliu-de-llobregat/office.yaml"
        let service = "model/services/company-creation.md"
        let translation = "model/services/company-creation.es.md"
        let local = "seeds/sant-feliu-de-llobregat/services/local-retail-support.md"
        let schema = "model/schema/office.schema.yaml"
        let strings = "templates/strings/ca.yaml"
        func text(_ path: String) throws -> String { try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) }
        func write(_ path: String, _ text: String) throws {
            try fm.createDirectory(at: root.appendingPathComponent(path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: root.appendingPathComponent(path))
        }
        let originals = try [office, service, translation, local, schema, strings].map { ($0, try text($0)) }

        let cache = LoadCache()
        var tree = TreeLoader.load(root: root, cache: cache)
        var network = Network(tree: tree)
        XCTAssertFalse(cache.lastLoadPatched, "the first load reads every file")
        var step = 0
        func load(_ what: String, patched: Bool, parsed: Int, named: [String] = []) {
            step += 1
            if !named.isEmpty { cache.follow(named) }
            let next = TreeLoader.load(root: root, cache: cache)
            XCTAssertEqual(cache.lastLoadPatched, patched, "step \(step), \(what): patched")
            XCTAssertEqual(cache.parsed, parsed, "step \(step), \(what): files parsed")
            let fresh = TreeLoader.load(root: root)
            XCTAssertEqual(LoadCacheTests.dump(next), LoadCacheTests.dump(fresh), "step \(step), \(what): the tree")
            XCTAssertEqual(next.diagnostics, fresh.diagnostics, "step \(step), \(what): the diagnostics, in order")
            let indexed = Network(tree: fresh)
            let made = patched ? Network(tree: next, patching: network, changed: cache.changes?.paths ?? []) : Network(tree: next)
            XCTAssertEqual(LoadCacheTests.dump(made), LoadCacheTests.dump(indexed), "step \(step), \(what): the network")
            tree = next
            network = made
        }
        load("nothing changed", patched: true, parsed: 0)
        try write(office, try text(office).replacingOccurrences(of: "{ca: OAE de Sant Feliu", with: "{ca: OAE Editada de Sant Feliu"))
        load("an office's name", patched: true, parsed: 1)
        XCTAssertTrue(LoadCacheTests.dump(tree).contains { $0.contains("OAE Editada") })
        load("the office named by the watcher, unchanged", patched: true, parsed: 1, named: [office])
        try write(office, try text(office).replacingOccurrences(of: "agreements: [adhesion-sant-feliu, knowledge-transfer]",
                                                                 with: "agreements: [adhesion-sant-feliu]"))
        load("an agreement no longer relied on", patched: true, parsed: 1)
        XCTAssertEqual(network.municipalitiesRelyingByAgreement()["seeds/agreements/knowledge-transfer.yaml"], ["molins-de-rei"])
        try write(office, try text(office).replacingOccurrences(of: "agreements: [adhesion-sant-feliu]",
                                                                 with: "agreements: [knowledge-transfer, adhesion-sant-feliu]"))
        load("relied on again", patched: true, parsed: 1)
        XCTAssertEqual(network.municipalitiesRelyingByAgreement()["seeds/agreements/knowledge-transfer.yaml"], ["molins-de-rei", "sant-feliu-de-llobregat"])
        let agreement = "seeds/agreements/knowledge-transfer.yaml"
        try write(agreement, try text(agreement) + "\n# edited\n")
        load("an agreement", patched: true, parsed: 1)
        try write(service, try text(service) + "\nUna frase més.\n")
        load("a service's body", patched: true, parsed: 1)
        try write(translation, try text(translation) + "\nUna frase más.\n")
        load("a translation's body", patched: true, parsed: 1)
        try write(local, try text(local).replacingOccurrences(of: "---\n", with: ""))
        load("a local service without front matter (a document with an error)", patched: true, parsed: 1)
        XCTAssertTrue(tree.diagnostics.contains { $0.rule == "markdown-front-matter-missing" })
        try write(local, originals[3].1)
        load("the local service again", patched: true, parsed: 1)
        XCTAssertFalse(tree.diagnostics.contains { $0.rule == "markdown-front-matter-missing" })
        try write(office, "name: [unclosed\n")
        // A document that does not parse stays a document, without content: the same files.
        load("an office that does not parse (a document without content)", patched: true, parsed: 1)
        XCTAssertTrue(tree.diagnostics.contains { $0.severity == .error && $0.span.file == office })
        XCTAssertEqual(tree.documents.first { $0.path == office }.map { $0.root == nil }, true)
        try write(office, originals[0].1)
        load("the office again", patched: true, parsed: 1)
        load("nothing changed", patched: true, parsed: 0)
        try write(schema, try text(schema) + "\n")
        load("a schema", patched: true, parsed: 1)
        try write(strings, try text(strings) + "\n")
        load("interface strings", patched: true, parsed: 1)
        try write("seeds/sant-feliu-de-llobregat/reports/2026-q4.yaml", try text("seeds/sant-feliu-de-llobregat/reports/2026-q3.yaml"))
        load("a file added", patched: false, parsed: 1)
        try fm.removeItem(at: root.appendingPathComponent("seeds/sant-feliu-de-llobregat/reports/2026-q4.yaml"))
        load("a file gone", patched: false, parsed: 0)
        load("nothing changed", patched: true, parsed: 0)
    }

    /// Every field of a tree as lines of text (nodes with their spans).
    static func dump(_ tree: LoadedTree) -> [String] {
        var out = ["root \(tree.root.path)", "paths \(tree.paths)", "templates \(tree.templates)"]
        out += tree.documents.map(dump)
        out += tree.schemas.sorted { $0.key < $1.key }.map { "schema \($0.key) \($0.value.path) \(dump($0.value.node))" }
        out += tree.uiStrings.sorted { $0.key < $1.key }.map { "strings \($0.key) \($0.value.path) \(dump($0.value.node))" }
        out += tree.references.sorted { $0.key < $1.key }.map { "reference \($0.key) \($0.value.path) \($0.value.text)" }
        out += tree.diagnostics.map { "diagnostic \($0)" }
        out.append("kinds \(tree.kinds.declarations.map(\.kind.rawValue))")
        return out
    }

    /// Every field of a network as lines of text.
    static func dump(_ network: Network) -> [String] {
        var out = ["slugs \(network.municipalitySlugs)", "settings \(network.settings.id) \(network.settings.version) \(network.settings.languages)"]
        // Asked for on every network, so that a patched network carries them.
        out += network.agreements.map { "agreement \(dump($0))" }
        out += network.municipalitiesRelyingByAgreement().sorted { $0.key < $1.key }.map { "relying \($0.key) \($0.value)" }
        for kind in network.model.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            out += network.model[kind]!.sorted { $0.key < $1.key }.map { "model \(kind.rawValue) \($0.key) \(dump($0.value))" }
        }
        for slug in network.municipalities.keys.sorted() {
            let files = network.municipalities[slug]!
            out.append("municipality \(slug) \(files.slug)")
            out += files.all.map { "  \(dump($0))" }
        }
        for original in network.translations.keys.sorted() {
            out += network.translations[original]!.sorted { $0.key < $1.key }.map { "translation \(original) \($0.key) \(dump($0.value))" }
        }
        return out
    }

    static func dump(_ doc: Document) -> String {
        var line = "document \(doc.path) \(doc.kind.rawValue) \(doc.id) \(doc.municipality ?? "-") \(doc.language ?? "-") \(doc.mayHoldPlaceholder)"
        line += " root " + (doc.root.map(dump) ?? "nil")
        if let md = doc.markdown {
            line += " body \(md.body) offset \(md.bodyLineOffset) headings \(md.headings) links \(md.links)"
        }
        return line
    }

    static func dump(_ node: Node) -> String {
        let at = "@\(node.span)"
        switch node.value {
        case let .sequence(items): return "[" + items.map(dump).joined(separator: ", ") + "]" + at
        case let .mapping(pairs): return "{" + pairs.map { dump($0.key) + ": " + dump($0.value) }.joined(separator: ", ") + "}" + at
        default: return "\(node.value)" + at
        }
    }
}
