import Diagnostics
import Foundation
@testable import OAECommands
import XCTest

/// `oae serve` checks the tree again after every save through a `CheckSession`: only the
/// files changed since the last check are parsed, the schema results of the others and
/// the resolved views of untouched municipalities are kept. After every kind of edit the
/// diagnostics must be exactly those of a check from scratch.
final class IncrementalCheckTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws { root = try TestPaths.networkCopy("oae-incremental-check") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    /// Every diagnostic, rendered with its position, rule, message, help and notes.
    func report(_ diagnostics: [Diagnostic]) -> String { JSONReport.compact(diagnostics) }

    /// Checks through the session and from scratch; both must say the same. Returns the
    /// session's diagnostics and how many files it parsed.
    @discardableResult
    func check(_ session: CheckSession, _ what: String, file: StaticString = #filePath, line: UInt = #line) -> (String, Int) {
        let incremental = report(CheckRun.checked(root: root, session: session).diagnostics)
        let full = report(CheckRun.checked(root: root).diagnostics)
        XCTAssertEqual(incremental, full, "after \(what)", file: file, line: line)
        return (incremental, session.cache.parsed)
    }

    func edit(_ path: String, _ change: (String) -> String) throws {
        let url = root.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        let changed = change(text)
        XCTAssertNotEqual(changed, text, "the edit of \(path) changes nothing")
        try Data(changed.utf8).write(to: url)
        // A write within the file system's time granularity can keep the stamp; the
        // watcher names the file, as `oae serve` does.
    }

    func testEditsThatAddFixAndRemoveErrorsGiveTheFullCheck() throws {
        let session = CheckSession()
        let (first, parsedFirst) = check(session, "the first check")
        XCTAssertGreaterThan(parsedFirst, 40, "the first check parses every file")
        XCTAssertEqual(check(session, "no change").1, 0, "nothing changed, nothing parsed")
        XCTAssertEqual(session.rulesRun, 0, "nothing changed, no rule runs")

        // A broken link and an unknown value in a model service's Markdown body: only the
        // rules that read bodies run again (placeholder-text reads the sections' drafts,
        // the translation rule the headings and whether a body has text).
        let service = "model/services/company-creation.md"
        try edit(service) { $0 + "\nVegeu [la guia](no-such-guide.md). Cost: {{value service/no-such-service/cost}}.\n" }
        session.cache.invalidate([service])
        let (broken, parsed) = check(session, "a broken link added to a service")
        XCTAssertEqual(parsed, 1)
        XCTAssertTrue(broken.contains("\"link-broken\""), broken)
        XCTAssertTrue(broken.contains("\"value-ref-unknown\""), broken)
        XCTAssertEqual(session.last?.delta?.bodiesOnly, true)
        XCTAssertEqual(session.rulesRun, 5, "the link, value, placeholder, translation and apostrophe rules")
        XCTAssertEqual(session.last?.computed.schemaResults, 1)
        // No view resolved again, and each shows the new text (the previews render it).
        XCTAssertEqual(session.last?.computed.resolved, 0)
        for view in session.last?.resolved ?? [] {
            let body = view.services.first { $0.id == "company-creation" }?.document.markdown?.body ?? ""
            XCTAssertTrue(body.contains("no-such-guide.md"), view.slug)
        }

        // A schema error in an office: a status the schema does not know.
        let office = "seeds/molins-de-rei/office.yaml"
        try edit(office) { $0.replacingOccurrences(of: "status: planned", with: "status: plannedd") }
        session.cache.invalidate([office])
        let (wrongStatus, _) = check(session, "an office's status broken")
        XCTAssertTrue(wrongStatus.contains("plannedd"), wrongStatus)
        // One municipality resolved again, one document validated again.
        XCTAssertEqual(session.last?.computed.resolved, 1)
        XCTAssertEqual(session.last?.computed.schemaResults, 1)

        // A value that breaks a cross-file rule in another municipality (an INE code
        // another office has).
        let other = "seeds/sant-feliu-de-llobregat/office.yaml"
        let ine = try String(contentsOf: root.appendingPathComponent(other), encoding: .utf8)
            .split(separator: "\n").first { $0.contains("ine_code:") }.map(String.init)
        XCTAssertNotNil(ine)
        try edit(office) { $0.replacingOccurrences(of: "  ine_code: \"08123\"", with: ine!) }
        session.cache.invalidate([office])
        check(session, "an INE code shared by two offices")

        // A placeholder left in the pilot office (a rule checked per municipality: only
        // this one is checked again), then removed. In a post's note: a field the schema
        // refuses would be its error alone (`Validator.report`).
        let pilot = "seeds/sant-feliu-de-llobregat/staffing.yaml"
        let staffing = try String(contentsOf: root.appendingPathComponent(pilot), encoding: .utf8)
        XCTAssertTrue(staffing.contains("  - id: coord-1\n"))
        try Data(staffing.replacingOccurrences(of: "  - id: coord-1\n", with: "  - id: coord-1\n    note: \"[to complete]\"\n").utf8)
            .write(to: root.appendingPathComponent(pilot))
        session.cache.invalidate([pilot])
        XCTAssertTrue(check(session, "a placeholder in a pilot office").0.contains("\"placeholder-text\""))
        try Data(staffing.utf8).write(to: root.appendingPathComponent(pilot))
        session.cache.invalidate([pilot])
        XCTAssertFalse(check(session, "the placeholder removed").0.contains("\"placeholder-text\""))

        // Both fixed: the first check's report again.
        try edit(service) { $0.replacingOccurrences(of: "\nVegeu [la guia](no-such-guide.md). Cost: {{value service/no-such-service/cost}}.\n", with: "") }
        try edit(office) { $0.replacingOccurrences(of: "status: plannedd", with: "status: planned")
            .replacingOccurrences(of: ine!, with: "  ine_code: \"08123\"") }
        session.cache.invalidate([service, office])
        let (fixed, parsedFixed) = check(session, "both fixed")
        XCTAssertEqual(parsedFixed, 2)
        XCTAssertEqual(fixed, first)
    }

    func testAddedAndDeletedFilesGiveTheFullCheck() throws {
        let session = CheckSession()
        let (first, _) = check(session, "the first check")

        // A translation deleted: its original lacks a language.
        let translation = root.appendingPathComponent("model/services/grants-information.es.md")
        let kept = try Data(contentsOf: translation)
        try FileManager.default.removeItem(at: translation)
        let (missing, parsed) = check(session, "a translation deleted")
        XCTAssertEqual(parsed, 0, "a deleted file is not parsed")
        XCTAssertNotEqual(missing, first)
        XCTAssertTrue(missing.contains("translation-missing"), missing)

        // It comes back: the first report again.
        try kept.write(to: translation)
        XCTAssertEqual(check(session, "the translation back").0, first)

        // A new local service in one municipality, with a reference to a service that
        // does not exist, then the municipality's adaptation deleted.
        let local = root.appendingPathComponent("seeds/molins-de-rei/services/molins-market.md")
        try FileManager.default.createDirectory(at: local.deletingLastPathComponent(), withIntermediateDirectories: true)
        let model = try String(contentsOf: root.appendingPathComponent("seeds/sant-feliu-de-llobregat/services/local-retail-support.md"), encoding: .utf8)
        try Data(model.replacingOccurrences(of: "local-retail-support", with: "molins-market").utf8).write(to: local)
        check(session, "a local service added")
        try Data(model.replacingOccurrences(of: "local-retail-support", with: "molins-market")
            .replacingOccurrences(of: "owner_role: business-advisor", with: "owner_role: business-advisor\nrelated_services: [no-such-service]").utf8).write(to: local)
        session.cache.invalidate(["seeds/molins-de-rei/services/molins-market.md"])
        XCTAssertTrue(check(session, "a local service with a dangling reference").0.contains("no-such-service"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("seeds/molins-de-rei/adaptation.yaml"))
        check(session, "an adaptation deleted")
        try FileManager.default.removeItem(at: local)
        check(session, "the local service deleted")

        // A link in place of an office (the one problem: the link), its folder's other files
        // unchanged; then a link where no file was, then the office back. The walk's
        // entries that come or go are changes, as files are.
        let office = root.appendingPathComponent("seeds/molins-de-rei/office.yaml")
        let officeText = try Data(contentsOf: office)
        try FileManager.default.removeItem(at: office)
        try FileManager.default.createSymbolicLink(atPath: office.path, withDestinationPath: "../sant-feliu-de-llobregat/office.yaml")
        let (linked, _) = check(session, "a link in place of an office")
        XCTAssertTrue(linked.contains("tree-symlink"), linked)
        XCTAssertFalse(linked.contains("has no office.yaml"), linked)
        try FileManager.default.removeItem(at: office)
        check(session, "the link removed: the office missing")
        try FileManager.default.createSymbolicLink(atPath: office.path, withDestinationPath: "../sant-feliu-de-llobregat/office.yaml")
        XCTAssertEqual(check(session, "a link where no file was").0, linked)
        try FileManager.default.removeItem(at: office)
        try officeText.write(to: office)
        check(session, "the office back")

        // A budget's refused amount, then the schema's bound taken away: the folder no save
        // touched is summed again (its sums read the schema's verdict).
        try edit("seeds/sant-feliu-de-llobregat/budgets/2026.yaml") { $0.replacingOccurrences(of: "premises: 9000", with: "premises: -9000") }
        check(session, "a budget's amount refused")
        try edit("model/schema/common.schema.yaml") { $0.replacingOccurrences(of: "    type: number\n    minimum: 0\n    maximum: 1000000000\n", with: "    type: number\n    maximum: 1000000000\n") }
        XCTAssertTrue(check(session, "the amount's bound taken away").0.contains("budget-funding-over"))
        try edit("model/schema/common.schema.yaml") { $0.replacingOccurrences(of: "    type: number\n    maximum: 1000000000\n", with: "    type: number\n    minimum: 0\n    maximum: 1000000000\n") }
        try edit("seeds/sant-feliu-de-llobregat/budgets/2026.yaml") { $0.replacingOccurrences(of: "premises: -9000", with: "premises: 9000") }
        check(session, "the budget and the schema as they were")

        // The programme's start moved past a budget's year: the folder no save touched is
        // told (a budget reads the programme's start), then the start as it was.
        try edit("seeds/programme.md") { $0.replacingOccurrences(of: "start_date: 2025-10-01", with: "start_date: 2027-01-01") }
        XCTAssertTrue(check(session, "the programme's start after a budget's year").0.contains("budget-before-programme"))
        try edit("seeds/programme.md") { $0.replacingOccurrences(of: "start_date: 2027-01-01", with: "start_date: 2025-10-01") }
        check(session, "the programme's start as it was")

        // A whole municipality added (a copy of another) and a schema changed.
        try FileManager.default.copyItem(at: root.appendingPathComponent("seeds/sant-feliu-de-llobregat"),
                                         to: root.appendingPathComponent("seeds/sant-just-desvern"))
        check(session, "a municipality added")
        try edit("model/schema/office.schema.yaml") { $0 + "\n" }
        check(session, "a schema changed")
        try FileManager.default.removeItem(at: root.appendingPathComponent("seeds/sant-just-desvern"))
        check(session, "a municipality deleted")
    }

    /// What a save checks again, rule by rule (`CheckSession.checkedByRule`: documents
    /// for the rules per document, municipalities for the rules per municipality), after
    /// each kind of edit; the diagnostics are always those of a check from scratch.
    func testASaveChecksAgainOnlyTheDocumentsAndMunicipalitiesItChanged() throws {
        let session = CheckSession()
        let (first, _) = check(session, "the first check")
        let everyDocument = try XCTUnwrap(session.last).network.tree.documents.count
        let originals = try XCTUnwrap(session.last).documents.count
        let municipalities = try XCTUnwrap(session.last).resolved.count
        XCTAssertEqual(session.checkedByRule["LinkRule"], everyDocument, "the first check checks every document")
        XCTAssertEqual(session.checkedByRule["TranslationRule"], originals)
        XCTAssertEqual(session.checkedByRule["SchemaRule"], municipalities)
        let folders = try XCTUnwrap(session.last).network.municipalitySlugs.count
        XCTAssertEqual(session.checkedByRule["IdentityRule"], everyDocument)
        XCTAssertEqual(session.checkedByRule["MunicipalityRule"], folders)
        XCTAssertEqual(session.checkedByRule["BudgetRule"], folders)

        // An office's name: one municipality and one document again; no Markdown
        // changed, so the link rule keeps its diagnostics.
        let office = "seeds/molins-de-rei/office.yaml"
        try edit(office) { $0.replacingOccurrences(of: "{ca: OAE de Molins de Rei,", with: "{ca: Oficina de Molins de Rei,") }
        session.cache.invalidate([office])
        check(session, "an office's name")
        XCTAssertEqual(session.last?.delta?.sameDocuments, true)
        XCTAssertEqual(session.last?.delta?.sameIds, true)
        for rule in ["SchemaRule", "OverrideRule", "TrainingRule", "OfficeRule", "ReferenceRule", "TranslationRule", "KeyRule", "DateRule",
                     "CatalogueRule", "IdentityRule", "MunicipalityRule", "BudgetRule", "AgreementRule"] {
            XCTAssertEqual(session.checkedByRule[rule], 1, rule)
        }
        XCTAssertEqual(session.checkedByRule["LinkRule"], 0)

        // An agreement the office relies on that does not exist: found by checking
        // that one document.
        try edit(office) { $0.replacingOccurrences(of: "knowledge-transfer]", with: "knowledge-transfer-2052]") }
        session.cache.invalidate([office])
        let (unknown, _) = check(session, "an unknown agreement")
        XCTAssertTrue(unknown.contains("unknown agreement 'knowledge-transfer-2052'"), unknown)
        XCTAssertFalse(first.contains("knowledge-transfer-2052"))
        XCTAssertEqual(session.checkedByRule["ReferenceRule"], 1)
        try edit(office) { $0.replacingOccurrences(of: "knowledge-transfer-2052]", with: "knowledge-transfer]")
            .replacingOccurrences(of: "{ca: Oficina de Molins de Rei,", with: "{ca: OAE de Molins de Rei,") }
        session.cache.invalidate([office])
        XCTAssertEqual(check(session, "the office as it was").0, first)

        // A sentence with a broken link in a model service's body: the link rule checks
        // that document alone (no heading changed), the value rule runs whole.
        let service = "model/services/company-creation.md"
        try edit(service) { $0 + "\nVegeu [la guia](no-such-guide.md).\n" }
        session.cache.invalidate([service])
        let (broken, _) = check(session, "a broken link in a service")
        XCTAssertTrue(broken.contains("points to model/services/no-such-guide.md, which does not exist"), broken)
        XCTAssertEqual(session.last?.delta?.sameAnchors, true)
        XCTAssertEqual(session.checkedByRule["LinkRule"], 1)
        XCTAssertEqual(session.rulesRun, 5, "the link, value, placeholder, translation and apostrophe rules")

        // A heading added: another document's link to an anchor may now find it, so the
        // link rule checks every document again.
        try edit(service) { $0 + "\n## Un apartat nou\n" }
        session.cache.invalidate([service])
        check(session, "a heading added to a service")
        XCTAssertEqual(session.last?.delta?.sameAnchors, false)
        XCTAssertEqual(session.checkedByRule["LinkRule"], everyDocument)

        // A model service's name without its Spanish text: the translation rule checks
        // that document again; a model document changed, so the reference rule checks
        // every document and the rules per municipality every municipality.
        try edit(service) { $0.replacingOccurrences(of: "name: {ca: Creació d'empreses, es: Creación de empresas}", with: "name: {ca: Creació d'empreses}") }
        session.cache.invalidate([service])
        let (untranslated, _) = check(session, "a service's name without Spanish")
        XCTAssertTrue(untranslated.contains("'name' has no Spanish (es) text"), untranslated)
        XCTAssertEqual(session.checkedByRule["TranslationRule"], 1)
        XCTAssertEqual(session.checkedByRule["ReferenceRule"], originals)
        XCTAssertEqual(session.checkedByRule["SchemaRule"], municipalities)
        // Its id is the same: the identity rule checks it alone; no folder of seeds/
        // changed: the budgets and folders keep their diagnostics.
        XCTAssertEqual(session.checkedByRule["IdentityRule"], 1)
        XCTAssertEqual(session.checkedByRule["BudgetRule"], 0)
        XCTAssertEqual(session.checkedByRule["MunicipalityRule"], 0)

        // The service's id: it differs from its file's name (its translation, unchanged,
        // keeps the file's name, and is right); every document is checked again.
        try edit(service) { $0.replacingOccurrences(of: "id: company-creation\n", with: "id: company-creation-bis\n") }
        session.cache.invalidate([service])
        let (renamed, _) = check(session, "a service's id")
        XCTAssertTrue(renamed.contains("id 'company-creation-bis' differs from the file name 'company-creation'"), renamed)
        XCTAssertFalse(renamed.contains("of the document it translates"), renamed)
        XCTAssertEqual(session.last?.delta?.sameIds, false)
        XCTAssertEqual(session.checkedByRule["IdentityRule"], everyDocument)
        try edit(service) { $0.replacingOccurrences(of: "id: company-creation-bis\n", with: "id: company-creation\n") }
        session.cache.invalidate([service])
        check(session, "the service's id as it was")
        XCTAssertEqual(session.checkedByRule["IdentityRule"], everyDocument)

        // A translation with a wrong id, then its original emptied: an original that does
        // not load is no id to compare with, so the translation's error goes, as in a
        // whole check (the ids the translations are checked against changed: sameIds).
        let translation = "model/services/company-creation.es.md"
        try edit(translation) { $0.replacingOccurrences(of: "id: company-creation\n", with: "id: company-creation-es\n") }
        session.cache.invalidate([translation])
        XCTAssertTrue(check(session, "a translation's wrong id").0.contains("of the document it translates"))
        let original = try String(contentsOf: root.appendingPathComponent(service), encoding: .utf8)
        try Data().write(to: root.appendingPathComponent(service))
        session.cache.invalidate([service])
        let (emptied, _) = check(session, "its original emptied")
        XCTAssertFalse(emptied.contains("of the document it translates"), emptied)
        XCTAssertEqual(session.last?.delta?.sameIds, false)
        try Data(original.utf8).write(to: root.appendingPathComponent(service))
        session.cache.invalidate([service])
        XCTAssertTrue(check(session, "the original back").0.contains("of the document it translates"))
        try edit(translation) { $0.replacingOccurrences(of: "id: company-creation-es\n", with: "id: company-creation\n") }
        session.cache.invalidate([translation])
        check(session, "the translation's id as it was")

        // The register of municipalities: every folder's INE code is checked again.
        let register = "model/reference/municipalities-catalonia.csv"
        try edit(register) { $0.replacingOccurrences(of: "08123,Molins de Rei,", with: "08123,Molins del Rei,") }
        session.cache.invalidate([register])
        let (misnamed, _) = check(session, "the register")
        XCTAssertTrue(misnamed.contains("'Molins de Rei' is not the official name of INE code 08123, Molins del Rei"), misnamed)
        XCTAssertEqual(session.checkedByRule["MunicipalityRule"], folders)
        XCTAssertEqual(session.checkedByRule["BudgetRule"], 0)
        try edit(register) { $0.replacingOccurrences(of: "08123,Molins del Rei,", with: "08123,Molins de Rei,") }
        session.cache.invalidate([register])
        check(session, "the register as it was")

        // A budget's funding: that folder alone.
        let budget = "seeds/sant-feliu-de-llobregat/budgets/2026.yaml"
        let funded = try String(contentsOf: root.appendingPathComponent(budget), encoding: .utf8)
        try edit(budget) { $0.replacingOccurrences(of: "amount: 60000", with: "amount: 6000") }
        session.cache.invalidate([budget])
        let (short, _) = check(session, "a budget's funding")
        XCTAssertTrue(short.contains("the funding of 2026 adds up to"), short)
        XCTAssertEqual(session.checkedByRule["BudgetRule"], 1)
        try Data(funded.utf8).write(to: root.appendingPathComponent(budget))
        session.cache.invalidate([budget])
        check(session, "the budget as it was")

        // An office that no longer parses stays a document of the tree (without content:
        // what names it is not told it is gone), so only it is checked again; then fixed.
        let office2 = "seeds/sant-feliu-de-llobregat/office.yaml"
        let kept = try String(contentsOf: root.appendingPathComponent(office2), encoding: .utf8)
        try Data((kept + "\n  : [\n").utf8).write(to: root.appendingPathComponent(office2))
        session.cache.invalidate([office2])
        check(session, "an office that does not parse")
        XCTAssertEqual(session.last?.delta?.sameDocuments, true)
        XCTAssertEqual(session.checkedByRule["ReferenceRule"], 1)
        try Data(kept.utf8).write(to: root.appendingPathComponent(office2))
        session.cache.invalidate([office2])
        check(session, "the office parses again")
        XCTAssertEqual(session.checkedByRule["ReferenceRule"], 1)
    }

    /// The stamps alone (no watcher) see a file rewritten with the same size.
    func testAChangeOfTheSameSizeIsSeenWithoutTheWatcher() throws {
        let session = CheckSession()
        check(session, "the first check")
        let office = "seeds/molins-de-rei/office.yaml"
        // Past the granularity of the file system's clock.
        Thread.sleep(forTimeInterval: 0.05)
        try edit(office) { $0.replacingOccurrences(of: "opening_date: 2027-03-01", with: "opening_date: 2027-03-02") }
        let (_, parsed) = check(session, "a same-size edit")
        XCTAssertEqual(parsed, 1)
    }
}
