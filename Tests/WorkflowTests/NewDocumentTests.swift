import Foundation
import Model
@testable import Workflow
import XCTest

final class NewDocumentTests: XCTestCase {
    let day = Day("2026-11-25")!

    /// Only the new file's missing translations are reported: no error, nothing else.
    func assertOnlyMissingTranslations(_ tree: TempTree, _ path: String, baseline: [String],
                                       file: StaticString = #filePath, line: UInt = #line) {
        let added = tree.diagnostics().filter { !baseline.contains($0) }
        XCTAssertFalse(added.isEmpty, "the missing translations are listed", file: file, line: line)
        for d in added {
            XCTAssertTrue(d.hasPrefix("warning translation-missing \(path):1:1: "), d, file: file, line: line)
        }
    }

    func testNewServicePassesCheckWithEveryRequiredFieldCommented() throws {
        let tree = try TempTree.fixture()
        defer { tree.remove() }
        let baseline = tree.diagnostics()
        let file = try Scaffolding.newDocument(root: tree.root, kind: .service, id: "business-mentoring", day: day)
        XCTAssertEqual(file.path, "model/services/business-mentoring.md")
        assertOnlyMissingTranslations(tree, file.path, baseline: baseline)
        let text = try tree.read(file.path)
        // Every required field of the schema, each after a comment from its description.
        for (field, description) in [
            ("id", "Stable id of the service; equals the file name without extension."),
            ("summary", "One or two sentences that say what the service does and for whom."),
            ("owner_role", "Id of the role responsible for the service in the office."),
            ("last_reviewed", "Date of the last review of the service sheet."),
        ] {
            XCTAssertTrue(text.contains("# Required. \(description)\n"), field)
            XCTAssertTrue(text.contains("\n\(field):"), field)
        }
        XCTAssertTrue(text.contains("status: optional\n"))
        XCTAssertTrue(text.contains("last_reviewed: 2026-11-25\n"))
        // The fixture's model is in Catalan and Spanish only: no English is written.
        XCTAssertTrue(text.contains("name:\n  ca: Servei en redacció\n  es: Servicio en redacción\n"), text)
        XCTAssertFalse(text.contains("  en: "))
        XCTAssertTrue(text.contains("area: creation\n"), "the first area of the fixture model")
    }

    /// A new procedure is in every handbook at once, so its drafted texts are errors where
    /// an office serves the public (the example's two pilots): one `placeholder-text` for
    /// the file, and the missing translations; nothing else.
    func testNewProcedureIsCheckedAsBeingDrafted() throws {
        let tree = try TempTree.example()
        defer { tree.remove() }
        let baseline = tree.diagnostics()
        let file = try Scaffolding.newDocument(root: tree.root, kind: .procedure, id: "mentoring-follow-up", day: day)
        XCTAssertEqual(file.path, "model/procedures/mentoring-follow-up.md")
        let text = try tree.read(file.path)
        let added = tree.diagnostics().filter { !baseline.contains($0) }
        // One error for the file, at its first drafted text, naming each field still drafted
        // once (it gave 24, one per text and language: s12's fresh user).
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("  ca: ") })
        XCTAssertEqual(added.filter { !$0.hasPrefix("warning translation-missing \(file.path):1:1: ") }, [
            "error placeholder-text \(file.path):\(first + 1):7: placeholder text left by 'oae new procedure' in 8 fields "
                + "(title, purpose, trigger, steps[s1].action, steps[s1].output, steps[s2].action, steps[s2].output, escalation) "
                + "and 4 sections (Context, Criteris, Registre i documentació, Notes), "
                + "and the procedure is in the handbooks of 2 offices that serve the public (cerdanyola-del-valles, sant-feliu-de-llobregat)",
        ])
        XCTAssertTrue(added.contains { $0.hasPrefix("warning translation-missing \(file.path):1:1: ") })
        XCTAssertTrue(text.contains("""
            # Required. What to do, and who to turn to, when the procedure cannot be completed as
            # planned.
            escalation:

            """), text)
        XCTAssertTrue(text.contains("steps:\n  - id: s1\n"), text)
        XCTAssertTrue(text.contains("  - id: s2\n"), text)
        XCTAssertTrue(text.hasSuffix("""
            # Optional fields:
            #   services: Ids of the services delivered through this procedure.
            #   legal_basis: Laws and regulations that govern the procedure.
            #   indicators: Ids of the indicators fed by this procedure.
            ---

            ## Context

            Per definir: el text d'aquesta secció.

            ## Criteris

            Per definir: el text d'aquesta secció.

            ## Registre i documentació

            Per definir: el text d'aquesta secció.

            ## Notes

            Per definir: el text d'aquesta secció.

            """), "the sections the model's procedures use, each with a text being drafted")
    }

    /// A new service passes while no office serving the public has it (it is optional and
    /// adopted by nobody); adopted by the pilot office, its drafted texts are one error, naming
    /// the fields and the office (s11's fresh user found "Service being drafted" published).
    func testANewServiceInAServingOfficesHandbookIsReportedAsBeingDrafted() throws {
        let tree = try TempTree.fixture()
        defer { tree.remove() }
        _ = try Scaffolding.newDocument(root: tree.root, kind: .service, id: "business-mentoring", day: day)
        XCTAssertEqual(tree.diagnostics().filter { $0.contains("placeholder-text") }, [])
        try tree.replace("seeds/sant-feliu-de-llobregat/adaptation.yaml", "adopted: [business-transfer]",
                         "adopted: [business-transfer, business-mentoring]")
        XCTAssertEqual(tree.diagnostics().filter { $0.contains("placeholder-text") }, [
            "error placeholder-text model/services/business-mentoring.md:12:7: placeholder text left by 'oae new service' in 3 fields "
                + "(name, summary, outputs[0]) and 1 section (Què és), and the service is in the handbook of sant-feliu-de-llobregat, an office at status 'pilot'",
        ])
        // The front matter written, the section left: the error is at the section's text.
        let text = try tree.read("model/services/business-mentoring.md")
        var written = text
        for draft in ["Servei en redacció", "Servicio en redacción", "Fitxa en redacció: el resum del servei encara s'ha d'escriure.",
                      "Ficha en redacción: el resumen del servicio aún está por escribir.",
                      "Per definir: què s'emporta la persona quan fa servir el servei.",
                      "Por definir: qué se lleva la persona cuando utiliza el servicio."] {
            XCTAssertTrue(written.contains(draft), draft)
            written = written.replacingOccurrences(of: draft, with: "Mentoria")
        }
        try tree.write("model/services/business-mentoring.md", written)
        let line = written.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0 == "Per definir: el text d'aquesta secció." }.map { $0 + 1 } ?? 0
        XCTAssertEqual(tree.diagnostics().filter { $0.contains("placeholder-text") }, [
            "error placeholder-text model/services/business-mentoring.md:\(line):1: placeholder text left by 'oae new service' in 1 section (Què és), "
                + "and the service is in the handbook of sant-feliu-de-llobregat, an office at status 'pilot'",
        ])
    }

    func testRefusals() throws {
        let tree = try TempTree.fixture()
        defer { tree.remove() }
        let before = try tree.read("model/services/company-creation.md")
        XCTAssertThrowsError(try Scaffolding.newDocument(root: tree.root, kind: .service, id: "company-creation", day: day)) {
            XCTAssertEqual(($0 as? WorkflowError)?.message, "model/services/company-creation.md exists already; oae new never overwrites a file")
        }
        XCTAssertEqual(try tree.read("model/services/company-creation.md"), before)
        XCTAssertThrowsError(try Scaffolding.newDocument(root: tree.root, kind: .service, id: "local-retail-support", day: day)) {
            XCTAssertEqual(($0 as? WorkflowError)?.message,
                           "seeds/sant-feliu-de-llobregat/services/local-retail-support.md of sant-feliu-de-llobregat has the id 'local-retail-support' already; a model service needs an id of its own")
        }
        XCTAssertThrowsError(try Scaffolding.newDocument(root: tree.root, kind: .procedure, id: "Bad Id", day: day))
        // An id the schema refuses (over 80 characters) is refused before anything is written.
        let long = String(repeating: "a", count: 81)
        XCTAssertThrowsError(try Scaffolding.newDocument(root: tree.root, kind: .service, id: long, day: day)) {
            XCTAssertEqual(($0 as? WorkflowError)?.message,
                           "'\(long)' cannot be the id of a service: expected at most 80 characters; found 81 (model/schema/service.schema.yaml)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: tree.root.appendingPathComponent("model/services/\(long).md").path))
    }

    /// Without the interface strings of the default language, every `oae new` refuses
    /// before writing anything, naming the file: the texts of the new files come from it
    /// (session 50: a new service was refused for a missing `competent_authority`, and a new
    /// municipality's files were written without their texts, and failed the check).
    func testNoStringsNoScaffold() throws {
        let tree = try TempTree.fixture()
        defer { tree.remove() }
        try FileManager.default.removeItem(at: tree.root.appendingPathComponent("templates/strings/ca.yaml"))
        let message = "templates/strings/ca.yaml is missing: 'oae new' writes the texts of the new files from it; "
            + "restore templates/strings/ from the example tree, as 'oae check' asks"
        XCTAssertThrowsError(try Scaffolding.newDocument(root: tree.root, kind: .service, id: "business-mentoring", day: day)) {
            XCTAssertEqual(($0 as? WorkflowError)?.message, message)
        }
        XCTAssertThrowsError(try Scaffolding.newDocument(root: tree.root, kind: .procedure, id: "mentoring-intake", day: day)) {
            XCTAssertEqual(($0 as? WorkflowError)?.message, message)
        }
        XCTAssertThrowsError(try Scaffolding.newMunicipality(root: tree.root, name: "Vic", asOf: TempTree.asOf)) {
            XCTAssertEqual(($0 as? WorkflowError)?.message, message)
        }
        for path in ["model/services/business-mentoring.md", "model/procedures/mentoring-intake.md", "seeds/vic"] {
            XCTAssertFalse(FileManager.default.fileExists(atPath: tree.root.appendingPathComponent(path).path), path)
        }
        // Another language's file missing leaves that language's texts out, as before.
        let tree2 = try TempTree.fixture()
        defer { tree2.remove() }
        try FileManager.default.removeItem(at: tree2.root.appendingPathComponent("templates/strings/en.yaml"))
        XCTAssertNoThrow(try Scaffolding.newDocument(root: tree2.root, kind: .service, id: "business-mentoring", day: day))
    }
}
