import Foundation
import JSON
import Loading
import Model
import Presentation
@testable import Workflow
import XCTest

/// `oae impact` on a git repository built from the fixture network, with a known history.
final class ImpactTests: XCTestCase {
    var tree: TempTree!
    var base = ""

    override func setUpWithError() throws {
        tree = try TempTree.fixture()
        try tree.git("init", "--quiet")
        try tree.git("add", ".")
        try tree.git("commit", "--quiet", "-m", "fixture network")
        base = try tree.git("rev-parse", "HEAD")
    }

    override func tearDown() { tree.remove() }

    /// municipality → changed chapter ids, for the municipalities whose handbook changes.
    func affected(since: String) throws -> [String: [String]] {
        let analysis = try ImpactAnalysis.run(root: tree.root, since: since)
        var out: [String: [String]] = [:]
        for m in analysis.municipalities where m.status != .unchanged { out[m.slug] = m.chapters.map(\.id) }
        return out
    }

    func testNothingChanged() throws {
        let analysis = try ImpactAnalysis.run(root: tree.root, since: "HEAD")
        XCTAssertEqual(analysis.files, [])
        XCTAssertEqual(analysis.municipalities.map(\.slug), ["molins-de-rei", "sant-feliu-de-llobregat"])
        XCTAssertTrue(analysis.municipalities.allSatisfy { $0.status == .unchanged && $0.chapters.isEmpty })
    }

    /// A recommended service's text that Sant Feliu omitted, an override in Molins de
    /// Rei's adaptation, and the glossary, in one commit.
    func testACommitNamesExactlyTheAffectedMunicipalitiesAndChapters() throws {
        try tree.replace("model/services/grants-information.md",
                         "summary: {ca: Informació sobre ajuts i subvencions., es: Información sobre ayudas y subvenciones.}",
                         "summary: {ca: Informació sobre ajuts, subvencions i préstecs., es: Información sobre ayudas, subvenciones y préstamos.}")
        try tree.write("seeds/molins-de-rei/adaptation.yaml", """
            municipality: molins-de-rei
            base_model_version: 1.0.0
            overrides:
              services:
                company-creation:
                  channels: [in-person]

            """)
        try tree.replace("model/glossary.yaml", "definition: {ca: Punt d'Atenció a l'Emprenedor., es: Punto de Atención al Emprendedor.}",
                         "definition: {ca: Punt d'Atenció a l'Emprenedor (PAE)., es: Punto de Atención al Emprendedor (PAE).}")
        try tree.git("commit", "--quiet", "-a", "-m", "known changes")

        XCTAssertEqual(try affected(since: base), [
            "molins-de-rei": ["catalogue", "differences", "glossary"],
            "sant-feliu-de-llobregat": ["glossary"],
        ])
        let analysis = try ImpactAnalysis.run(root: tree.root, since: base)
        XCTAssertEqual(analysis.files, ["model/glossary.yaml", "model/services/grants-information.md",
                                        "seeds/molins-de-rei/adaptation.yaml"])
        XCTAssertEqual(analysis.commit, base)

        // Reformatting a file without changing its data changes no chapter.
        try tree.write("model/glossary.yaml", try tree.read("model/glossary.yaml").replacingOccurrences(of: "\n  - id:", with: "\n\n  - id:"))
        XCTAssertEqual(try affected(since: "HEAD"), [:])
    }

    func testUncommittedAndUntrackedFilesCount() throws {
        try tree.write("seeds/sant-feliu-de-llobregat/services/market-stall-support.md", """
            ---
            id: market-stall-support
            name: {ca: Suport a les parades del mercat, es: Apoyo a los puestos del mercado}
            summary: {ca: Assessorament a les parades del mercat municipal., es: Asesoramiento a los puestos del mercado municipal.}
            area: creation
            audience: [retail]
            format: [individual]
            channels: [in-person]
            duration: PT1H
            cost: {type: free}
            outputs:
              - {ca: Un pla d'acció., es: Un plan de acción.}
            competent_authority: {ca: Ajuntament, es: Ayuntamiento}
            operator: {ca: OAE, es: OAE}
            owner_role: business-advisor
            status: local
            version: 1.0.0
            last_reviewed: 2026-11-01
            ---

            Suport a les parades.

            """)
        let analysis = try ImpactAnalysis.run(root: tree.root, since: "HEAD")
        XCTAssertEqual(analysis.files, ["seeds/sant-feliu-de-llobregat/services/market-stall-support.md"])
        XCTAssertEqual(try affected(since: "HEAD"), ["sant-feliu-de-llobregat": ["catalogue", "differences"]])
    }

    func testTheHandbookTemplatesTouchEveryChapter() throws {
        try tree.write("templates/handbook/handbook.css", "body { font-family: serif; }\n")
        let all = ["control", "office", "catalogue", "procedures", "differences", "glossary"]
        XCTAssertEqual(try affected(since: "HEAD"), ["molins-de-rei": all, "sant-feliu-de-llobregat": all])
    }

    /// A renamed file is listed under both names: the old one is gone from the tree
    /// (session 34's trial: `git diff` named the new one only).
    func testARenamedFileIsListedUnderBothNames() throws {
        try tree.git("mv", "model/services/grants-information.md", "model/services/grants-info.md")
        XCTAssertEqual(try ImpactAnalysis.run(root: tree.root, since: "HEAD").files,
                       ["model/services/grants-info.md", "model/services/grants-information.md"])
        try tree.git("commit", "--quiet", "-m", "rename")
        XCTAssertEqual(try ImpactAnalysis.run(root: tree.root, since: "HEAD~1").files,
                       ["model/services/grants-info.md", "model/services/grants-information.md"])
    }

    /// A template of the PDF alone changes the PDF, not the HTML: a chapter's template
    /// changes that chapter, the document's (its footer) every chapter (session 34's trial:
    /// "no handbook changes" after «…» became “…” in a PDF's chapter template).
    func testThePDFsTemplatesCountToo() throws {
        try tree.replace("templates/handbook-typst/chapters/glossary.mustache", "#terms(separator: [ — ]", "#terms(separator: [: ]")
        XCTAssertEqual(try affected(since: "HEAD"), ["molins-de-rei": ["glossary"], "sant-feliu-de-llobregat": ["glossary"]])
        try tree.git("checkout", "--quiet", "--", ".")
        try tree.replace("templates/handbook-typst/handbook.mustache", "#counter(page).display(\"1 / 1\", both: true)",
                         "#counter(page).display(\"1 de 1\", both: true)")
        let all = ["control", "office", "catalogue", "procedures", "differences", "glossary"]
        XCTAssertEqual(try affected(since: "HEAD"), ["molins-de-rei": all, "sant-feliu-de-llobregat": all])
    }

    func testAProcedureVariantAndANewMunicipality() throws {
        // Sant Feliu replaces the model procedure by its variant: a change to the model's
        // time limit changes Molins de Rei's procedures, and Sant Feliu's procedures
        // chapter, which shows the model's time limit beside its own.
        try tree.replace("model/procedures/welcome-and-triage.md", "    time_limit: P5D", "    time_limit: P4D")
        try FileManager.default.copyItem(at: tree.root.appendingPathComponent("seeds/molins-de-rei"),
                                         to: tree.root.appendingPathComponent("seeds/molins-copy"))
        let analysis = try ImpactAnalysis.run(root: tree.root, since: "HEAD")
        XCTAssertEqual(analysis.municipalities.map { "\($0.slug) \($0.status.rawValue) \($0.chapters.map(\.id))" }, [
            "molins-copy added [\"control\", \"office\", \"catalogue\", \"procedures\", \"differences\", \"glossary\"]",
            "molins-de-rei changed [\"procedures\"]",
            "sant-feliu-de-llobregat changed [\"procedures\"]",
        ])
    }

    /// A change of one language's words names that language: the other handbooks keep
    /// their bytes and need no new issue (session 34's trial: all three were listed).
    func testAChangeInOneLanguageNamesIt() throws {
        try tree.replace("model/glossary.yaml", "term: {ca: PAE, es: PAE}", "term: {ca: PAE, es: PAE (punto)}")
        let analysis = try ImpactAnalysis.run(root: tree.root, since: "HEAD")
        XCTAssertEqual(analysis.municipalities.map { "\($0.slug) \($0.chapters.map { "\($0.id) \($0.languages)" })" }, [
            "molins-de-rei [\"glossary [\\\"es\\\"]\"]",
            "sant-feliu-de-llobregat [\"glossary [\\\"es\\\"]\"]",
        ])
        let words = ValueFormatter(network: Network(tree: TreeLoader.load(root: tree.root)), language: analysis.defaultLanguage)
        XCTAssertTrue(ImpactReport.text(analysis, words: words).contains("    - glossary (Glossari) [es]\n"))
    }

    func testTextAndJSON() throws {
        try tree.replace("model/glossary.yaml", "term: {ca: PAE, es: PAE}", "term: {ca: PAE (punt), es: PAE (punto)}")
        let analysis = try ImpactAnalysis.run(root: tree.root, since: "HEAD")
        let network = Network(tree: TreeLoader.load(root: tree.root))
        let words = ValueFormatter(network: network, language: analysis.defaultLanguage)
        XCTAssertEqual(ImpactReport.text(analysis, words: words), """
            Canvis des de HEAD (\(base.prefix(12))): 1 fitxer
              model/glossary.yaml

            Manuals per tornar a publicar (2):
              molins-de-rei: 1 capítol
                - glossary (Glossari)
              sant-feliu-de-llobregat: 1 capítol
                - glossary (Glossari)

            """)
        XCTAssertEqual(ImpactReport.json(analysis).serialized(), """
            {
              "version": 1,
              "since": "HEAD",
              "commit": "\(base)",
              "files": [
                "model/glossary.yaml"
              ],
              "municipalities": [
                {
                  "municipality": "molins-de-rei",
                  "status": "changed",
                  "chapters": [
                    {
                      "id": "glossary",
                      "title": {
                        "ca": "Glossari",
                        "es": "Glosario"
                      },
                      "languages": [
                        "ca",
                        "es"
                      ]
                    }
                  ]
                },
                {
                  "municipality": "sant-feliu-de-llobregat",
                  "status": "changed",
                  "chapters": [
                    {
                      "id": "glossary",
                      "title": {
                        "ca": "Glossari",
                        "es": "Glosario"
                      },
                      "languages": [
                        "ca",
                        "es"
                      ]
                    }
                  ]
                }
              ]
            }
            """)
    }

    func testAnUnknownRevisionIsAnError() {
        XCTAssertThrowsError(try ImpactAnalysis.run(root: tree.root, since: "no-such-branch")) {
            XCTAssertEqual(($0 as? WorkflowError)?.message.hasPrefix("'no-such-branch' is not a commit of the git repository"), true)
            XCTAssertEqual(($0 as? WorkflowError)?.usage, true)
        }
    }
}

final class ImpactShallowCloneTests: XCTestCase {
    /// A revision older than a shallow clone's history is named as not fetched, with the
    /// command that fetches it, not as "not a commit".
    func testARevisionMissingFromAShallowCloneSaysHowToFetchIt() throws {
        let tree = try TempTree.fixture()
        defer { tree.remove() }
        try tree.git("init", "--quiet")
        try tree.git("add", ".")
        try tree.git("commit", "--quiet", "-m", "fixture network")
        let base = try tree.git("rev-parse", "HEAD")
        try tree.replace("model/glossary.yaml", "definition: {ca: Punt d'Atenció a l'Emprenedor., es: Punto de Atención al Emprendedor.}",
                         "definition: {ca: Punt d'Atenció a l'Emprenedor (PAE)., es: Punto de Atención al Emprendedor (PAE).}")
        try tree.git("commit", "--quiet", "-a", "-m", "a second commit")
        let clone = tree.root.appendingPathComponent("shallow-clone")
        try tree.git("clone", "--quiet", "--depth", "1", "file://\(tree.root.path)", clone.path)
        XCTAssertThrowsError(try ImpactAnalysis.run(root: clone, since: base)) {
            XCTAssertEqual(($0 as? WorkflowError)?.message, "'\(base)' is not in this clone: the repository at \(clone.path) is a shallow clone, so older history was not fetched (run 'git fetch --unshallow', or 'git fetch --deepen=<n>' or 'git fetch origin \(base)', then run oae impact again; in GitHub Actions set 'fetch-depth: 0' on actions/checkout)")
        }
        // Once the history is fetched, the same revision works.
        let fetch = Process()
        fetch.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        fetch.arguments = ["git", "-C", clone.path, "fetch", "--quiet", "--unshallow"]
        try fetch.run()
        fetch.waitUntilExit()
        XCTAssertEqual(fetch.terminationStatus, 0)
        XCTAssertEqual(try ImpactAnalysis.run(root: clone, since: base).files, ["model/glossary.yaml"])
    }
}

final class ImpactOutsideGitTests: XCTestCase {
    func testATreeOutsideGitIsAnError() throws {
        let tree = try TempTree.fixture()
        defer { tree.remove() }
        XCTAssertThrowsError(try ImpactAnalysis.run(root: tree.root, since: "HEAD")) {
            XCTAssertEqual(($0 as? WorkflowError)?.message, "\(tree.root.path) is not inside a git work tree: oae impact compares git revisions")
            XCTAssertEqual(($0 as? WorkflowError)?.usage, true)
        }
    }
}

final class ImpactSubfolderTests: XCTestCase {
    /// The tree may stand in a folder of a larger repository.
    func testATreeInASubfolderOfTheRepository() throws {
        let tree = try TempTree.fixture()
        defer { tree.remove() }
        let fm = FileManager.default
        try fm.createDirectory(at: tree.root.appendingPathComponent("content"), withIntermediateDirectories: true)
        for folder in ["model", "seeds", "templates"] {
            try fm.moveItem(at: tree.root.appendingPathComponent(folder), to: tree.root.appendingPathComponent("content/\(folder)"))
        }
        try tree.git("init", "--quiet")
        try tree.git("add", ".")
        try tree.git("commit", "--quiet", "-m", "content in a folder")
        try tree.replace("content/model/glossary.yaml", "term: {ca: PAE, es: PAE}", "term: {ca: PAE (punt), es: PAE (punto)}")
        let analysis = try ImpactAnalysis.run(root: tree.root.appendingPathComponent("content"), since: "HEAD")
        XCTAssertEqual(analysis.files, ["model/glossary.yaml"])
        XCTAssertEqual(analysis.municipalities.map { "\($0.slug) \($0.status.rawValue) \($0.chapters.map(\.id))" },
                       ["molins-de-rei changed [\"glossary\"]", "sant-feliu-de-llobregat changed [\"glossary\"]"])
    }
}

/// `oae impact` names exactly the chapters whose rendered HTML really changes, for six
/// kinds of change on the example tree: the ground truth is two `oae build handbooks`
/// runs (before and after, same source date), compared chapter by chapter.
final class ImpactAgainstBuildsTests: XCTestCase {
    var tree: TempTree!
    var baseline: [String: [String: String]] = [:]

    override func setUpWithError() throws {
        tree = try TempTree.example()
        try tree.git("init", "--quiet")
        try tree.git("add", ".")
        try tree.git("commit", "--quiet", "-m", "example network")
        baseline = try builtChapters()
    }

    override func tearDown() { tree.remove() }

    /// "municipality/lang" → chapter id → HTML, from a real build of the working tree.
    func builtChapters() throws -> [String: [String: String]] {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("oae-impact-build-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        var env = ProcessInfo.processInfo.environment
        env["SOURCE_DATE_EPOCH"] = "1764000000"
        env["OAE_PYTHON"] = out.appendingPathComponent("no-pdf").path
        let oae = Bundle(for: ImpactAgainstBuildsTests.self).bundleURL.deletingLastPathComponent().appendingPathComponent("oae")
        let process = Process()
        process.executableURL = FileManager.default.isExecutableFile(atPath: oae.path) ? oae
            : Bundle(for: ImpactAgainstBuildsTests.self).bundleURL.appendingPathComponent("oae")
        process.arguments = ["build", "handbooks", "--root", tree.root.path, "--out", out.path, "--as-of", "2026-11-25"]
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        var result: [String: [String: String]] = [:]
        let folder = out.appendingPathComponent("handbooks")
        for path in FileManager.default.subpaths(atPath: folder.path) ?? [] where path.hasSuffix("/handbook.html") {
            let html = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            var chapters = Dictionary(HandbookChapters.split(html), uniquingKeysWith: { a, _ in a })
            // The changed handbooks say on their control page that their inputs have
            // uncommitted changes: like the revision and date, impact leaves that out.
            for marker in ["amb canvis sense confirmar", "con cambios sin confirmar", "with uncommitted changes"] {
                chapters["control"] = chapters["control"]?.replacingOccurrences(of: " <span class=\"muted\">(\(marker))</span>", with: "")
            }
            result[String(path.dropLast("/handbook.html".count))] = chapters
        }
        return result
    }

    /// Municipality → chapters that differ between the baseline build and a new one.
    func realDifference() throws -> [String: [String]] {
        let now = try builtChapters()
        var out: [String: Set<String>] = [:]
        for (key, chapters) in now {
            let slug = String(key.split(separator: "/")[0])
            let before = baseline[key] ?? [:]
            let everything = before[HandbookChapters.head] != chapters[HandbookChapters.head]
            for (id, html) in chapters where id != HandbookChapters.head && (everything || before[id] != html) {
                out[slug, default: []].insert(id)
            }
        }
        return out.mapValues { $0.sorted() }
    }

    func impact() throws -> [String: [String]] {
        let analysis = try ImpactAnalysis.run(root: tree.root, since: "HEAD")
        var out: [String: [String]] = [:]
        for m in analysis.municipalities where m.status != .unchanged { out[m.slug] = m.chapters.map(\.id).sorted() }
        return out
    }

    func check(_ name: String, expecting chapters: [String: Set<String>], file: StaticString = #filePath, line: UInt = #line,
               _ change: () throws -> Void) throws {
        try change()
        let named = try impact()
        XCTAssertEqual(named, try realDifference(), "\(name): impact differs from the real build", file: file, line: line)
        for (slug, expected) in chapters {
            XCTAssertTrue(expected.isSubset(of: Set(named[slug] ?? [])), "\(name): \(slug) \(named[slug] ?? [])", file: file, line: line)
        }
        try tree.git("checkout", "--quiet", "--", ".")
    }

    func testSixKindsOfChange() throws {
        let all = ["cerdanyola-del-valles", "molins-de-rei", "sant-feliu-de-llobregat", "santa-coloma-de-gramenet"]
        try check("a role's title", expecting: Dictionary(uniqueKeysWithValues: all.map { ($0, ["staffing"]) })) {
            try tree.replace("model/roles/business-advisor.yaml", "  ca: Assessor o assessora d'empresa\n",
                             "  ca: Tècnic o tècnica d'assessorament empresarial\n")
        }
        try check("an outline title", expecting: Dictionary(uniqueKeysWithValues: all.map { ($0, ["differences"]) })) {
            try tree.replace("model/handbook/outline.yaml", "      ca: Diferències respecte del model\n",
                             "      ca: El que canvia respecte del model\n")
        }
        try check("a local override", expecting: ["sant-feliu-de-llobregat": ["catalogue", "differences"]]) {
            try tree.replace("seeds/sant-feliu-de-llobregat/adaptation.yaml", "        - id: first-appointment\n          target: 3\n",
                             "        - id: first-appointment\n          target: 2\n")
        }
        try check("a glossary term", expecting: Dictionary(uniqueKeysWithValues: all.map { ($0, ["glossary"]) })) {
            try tree.replace("model/glossary.yaml", "  - id: oae\n    term:\n      ca: OAE\n", "  - id: oae\n    term:\n      ca: OAE (oficina)\n")
        }
        try check("a model service's body", expecting: [:]) {
            try tree.replace("model/services/business-plan-advice.md", "és un acompanyament tècnic i individual", "és un acompanyament tècnic, individual i gratuït")
        }
        try check("a report value", expecting: ["sant-feliu-de-llobregat": ["indicators"]]) {
            try tree.replace("seeds/sant-feliu-de-llobregat/reports/2026-q3.yaml", "    value: 142\n", "    value: 143\n")
        }
    }
}
