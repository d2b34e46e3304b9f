import Foundation
import Loading
@testable import Model
import XCTest

/// The model's fast paths (session 6, `oae check` at 947 municipalities) answer as the
/// slow ways do.
final class CheckFastPathModelTests: XCTestCase {
    /// A file may hold the placeholder when it has the marker's last word (even with the
    /// marker folded over two lines) or a backslash (an escape); otherwise it cannot.
    func testPlaceholderMayBeIn() {
        XCTAssertTrue(Placeholder.mayBeIn(Array("a: \"[to complete] x\"\n".utf8)))
        XCTAssertTrue(Placeholder.mayBeIn(Array("a: >-\n  text [to\n  complete] x\n".utf8)))
        XCTAssertTrue(Placeholder.mayBeIn(Array("a: \"\\x5bto complete\\x5d\"\n".utf8)))
        XCTAssertTrue(Placeholder.mayBeIn(Array("complete]".utf8)))
        XCTAssertFalse(Placeholder.mayBeIn(Array("a: [to complet]e\nb: ]]]\n".utf8)))
        XCTAssertFalse(Placeholder.mayBeIn(Array("omplete]".utf8)))
        XCTAssertFalse(Placeholder.mayBeIn([]))
        // A folded scalar that makes the marker is found by the rule's own test.
        let (node, _) = YAMLLoader().load(bytes: Array("a: >-\n  text [to\n  complete] x\n".utf8), file: "t.yaml")
        XCTAssertEqual(node?["a"]?.string.map(Placeholder.isIn), true)
    }

    /// A file may give a `decide_at` key when it has those bytes, or a backslash (a
    /// double-quoted key written with escapes, which the loader reads as the same key).
    func testDeferralMayBeIn() {
        XCTAssertTrue(DeferredItem.mayBeIn(Array("omitted:\n  - service: x\n    decide_at: assessment\n".utf8)))
        XCTAssertTrue(DeferredItem.mayBeIn(Array("{decide_at: expansion}".utf8)))
        XCTAssertTrue(DeferredItem.mayBeIn(Array("decide_at".utf8)))
        XCTAssertTrue(DeferredItem.mayBeIn(Array("\"decide\\x5fat\": assessment\n".utf8)))
        XCTAssertFalse(DeferredItem.mayBeIn(Array("decide-at: x\ndecided_at: y\nde_cide_at: z\n".utf8)))
        XCTAssertFalse(DeferredItem.mayBeIn(Array("ecide_at decide_a decide_".utf8)))
        XCTAssertFalse(DeferredItem.mayBeIn([]))
        let (node, _) = YAMLLoader().load(bytes: Array("\"decide\\x5fat\": assessment\n".utf8), file: "t.yaml")
        XCTAssertEqual(node?[DeferredItem.key]?.string, "assessment")
    }

    /// `Network.isSortedByPath` compares paths as `<` does (a folder's files need not be
    /// consecutive: "a/b.yaml" < "a/b/c.yaml" < "a/c.yaml").
    func testSortedByPath() {
        func docs(_ paths: [String]) -> [Document] {
            paths.map { Document(kind: .service, id: "x", path: $0, municipality: "m", language: nil) }
        }
        XCTAssertTrue(Network.isSortedByPath(docs([])))
        XCTAssertTrue(Network.isSortedByPath(docs(["a.yaml"])))
        XCTAssertTrue(Network.isSortedByPath(docs(["a/b.yaml", "a/b/c.yaml", "a/c.yaml"])))
        XCTAssertFalse(Network.isSortedByPath(docs(["b.yaml", "a.yaml"])))
        XCTAssertFalse(Network.isSortedByPath(docs(["a.yaml", "c.yaml", "b.yaml"])))
    }

    /// A network indexed from documents in any order: each municipality's documents of a
    /// kind sorted by path, the kinds in the table's order, the slugs sorted, and the
    /// schemas (compiled beside the indexing) the same as compiled alone.
    func testNetworkIndexedInAnyOrder() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("oae-index-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        let package = TreeLayoutTests.packageRoot
        try fm.copyItem(at: package.appendingPathComponent("Tests/Fixtures/network"), to: root)
        try fm.copyItem(at: package.appendingPathComponent("model/schema"), to: root.appendingPathComponent("model/schema"))
        let tree = TreeLoader.load(root: root)
        var reversed = tree
        reversed.documents.reverse()
        let a = Network(tree: tree), b = Network(tree: reversed)
        XCTAssertEqual(a.municipalitySlugs, ["molins-de-rei", "sant-feliu-de-llobregat"])
        XCTAssertEqual(b.municipalitySlugs, a.municipalitySlugs)
        for slug in a.municipalitySlugs {
            let filesA = try XCTUnwrap(a.municipalities[slug]), filesB = try XCTUnwrap(b.municipalities[slug])
            XCTAssertEqual(filesB.order, tree.kinds.municipalKinds)
            XCTAssertEqual(Set(filesB.byKind.keys), Set(filesA.byKind.keys))
            for (kind, docs) in filesA.byKind {
                let paths = docs.map(\.path)
                XCTAssertEqual(paths, paths.sorted(), "\(slug) \(kind)")
                XCTAssertEqual(filesB.byKind[kind]?.map(\.path), paths, "\(slug) \(kind)")
            }
        }
        XCTAssertEqual(a.municipalities["sant-feliu-de-llobregat"]?.byKind[.service]?.map(\.path),
                       ["seeds/sant-feliu-de-llobregat/services/local-retail-support.md"])
        let alone = SchemaAnnotations(schemas: tree.schemas)
        for kind in tree.kinds.kinds {
            XCTAssertEqual(b.annotations.validator(for: kind) != nil, alone.validator(for: kind) != nil, kind.rawValue)
        }
        XCTAssertNotNil(b.annotations.validator(for: .service))
    }

    /// The schemas compiled while the tree loads are those of the tree's schemas; a load
    /// with a cache (whose trees are patched later) leaves none.
    func testSchemasCompiledDuringTheLoad() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("oae-early-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        let package = TreeLayoutTests.packageRoot
        try fm.copyItem(at: package.appendingPathComponent("Tests/Fixtures/network"), to: root)
        try fm.copyItem(at: package.appendingPathComponent("model/schema"), to: root.appendingPathComponent("model/schema"))
        let tree = TreeLoader.load(root: root)
        let early = try XCTUnwrap(tree.compiledSchemas).wait()
        let alone = SchemaAnnotations(schemas: tree.schemas)
        XCTAssertFalse(tree.schemas.isEmpty)
        for kind in tree.kinds.kinds {
            XCTAssertEqual(early.validator(for: kind) != nil, alone.validator(for: kind) != nil, kind.rawValue)
        }
        XCTAssertEqual(early.diagnostics.map { "\($0.rule) \($0.span) \($0.message)" }, alone.diagnostics.map { "\($0.rule) \($0.span) \($0.message)" })
        XCTAssertNil(TreeLoader.load(root: root, cache: LoadCache()).compiledSchemas)
    }

    /// Schemes and fragments of ASCII destinations (bytes) as of any other (characters).
    func testTreePathASCIIAndUnicode() {
        let cases: [(String, String?)] = [
            ("https://x.cat/a#b", "https"), ("mailto:a@b.cat", "mailto"), ("a+b.c-d:x", "a+b.c-d"),
            ("1http:x", nil), (":x", nil), ("docs/a.md#part", nil), ("a b:c", nil), ("", nil),
            ("tel:+34", "tel"), ("àbc:x", "àbc"), ("docs/è.md:x", nil), ("x:\u{301}y", nil),
        ]
        for (destination, scheme) in cases {
            XCTAssertEqual(TreePath.scheme(of: destination), scheme, destination)
        }
        XCTAssertEqual(TreePath.target("a.md#part"), TreePath.Target(path: "a.md", fragment: "part"))
        XCTAssertEqual(TreePath.target("a.md"), TreePath.Target(path: "a.md", fragment: nil))
        XCTAssertEqual(TreePath.target("#"), TreePath.Target(path: "", fragment: ""))
        XCTAssertEqual(TreePath.target("a#b#c"), TreePath.Target(path: "a", fragment: "b#c"))
        XCTAssertEqual(TreePath.target("qu%C3%A8.md#qu%C3%A8"), TreePath.Target(path: "què.md", fragment: "què"))
        XCTAssertEqual(TreePath.target("què.md#sí"), TreePath.Target(path: "què.md", fragment: "sí"))
    }

    /// A relative path resolves against its folder; climbing above the root is nil.
    func testResolve() {
        XCTAssertEqual(TreePath.resolve("../b/./c.md", from: ["seeds", "x", "services"]), "seeds/x/b/c.md")
        XCTAssertNil(TreePath.resolve("../../../../a.md", from: ["seeds", "x"]))
        // Only `.` and `..` are steps: three dots, a dot before or after a name are names.
        XCTAssertEqual(TreePath.resolve(".../.x/x./../a.md", from: ["m"]), "m/.../.x/a.md")
        XCTAssertEqual(TreePath.resolve("./.././a.md", from: ["m", "s"]), "m/a.md")
        XCTAssertEqual(TreePath.resolve("..", from: ["m"]), "")
        XCTAssertNil(TreePath.resolve("..", from: []))
    }

    /// A stem's answer from an id pattern is the same the second time (remembered).
    func testIDPatternRemembered() throws {
        let pattern = try NSRegularExpression(pattern: "^[0-9]{4}-q[1-4]$")
        for _ in 0..<2 {
            XCTAssertTrue(IDPatternMemo.shared.matches(pattern, "2026-q3"))
            XCTAssertFalse(IDPatternMemo.shared.matches(pattern, "2026-Q4"))
        }
        let other = try NSRegularExpression(pattern: "^[0-9]{4}$")
        XCTAssertFalse(IDPatternMemo.shared.matches(other, "2026-q3"))
        XCTAssertTrue(IDPatternMemo.shared.matches(other, "2026"))
    }

    /// Slugs by bytes, and a path's components by bytes when it is ASCII.
    func testSlugsAndComponents() {
        for (s, slug) in [("vic", true), ("sant-feliu-de-llobregat", true), ("2026", true), ("", false), ("-a", false),
                          ("a-", false), ("a--b", false), ("Vic", false), ("a_b", false), ("vallès", false), ("-", false)] {
            XCTAssertEqual(TreeLayout.isSlug(s), slug, s)
        }
        XCTAssertEqual(TreeLayout.components("seeds/vic/office.yaml"), ["seeds", "vic", "office.yaml"])
        XCTAssertEqual(TreeLayout.components("/a//b/"), ["a", "b"])
        XCTAssertEqual(TreeLayout.components("seeds/vallès/x.md"), ["seeds", "vallès", "x.md"])
        XCTAssertEqual(TreeLayout.components("a/\u{301}b/c"), ["a/\u{301}b", "c"])
    }
}
