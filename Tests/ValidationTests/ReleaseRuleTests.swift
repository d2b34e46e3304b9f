import Diagnostics
import Model
import OAECommands
import XCTest

/// The release rules on the fixture network: releases 0.9.0 and 1.0.0 (the model's
/// version), 1.0.0 publishing the accepted proposal 'retail-support'.
final class ReleaseRuleTests: XCTestCase {
    let releases = "model/releases.yaml"

    func testAnAdaptationOnAnOlderReleaseNamesTheReleasesSince() throws {
        let tree = try FixtureTree()
        defer { tree.remove() }
        try tree.replace("seeds/molins-de-rei/adaptation.yaml", "base_model_version: 1.0.0", "base_model_version: 0.9.0")
        let found = CheckRun.diagnose(root: tree.root, asOf: FixtureTree.asOf).1
        XCTAssertEqual(found.map { "\($0.severity) \($0.rule) \($0.span): \($0.message)" + $0.related.map { " [\($0.message) at \($0.span)]" }.joined() }, [
            "warning base-model-outdated seeds/molins-de-rei/adaptation.yaml:2:21: the adaptation follows model version 0.9.0; released since: 1.0.0 (2026-01-19) [release 1.0.0 at model/releases.yaml:5:14]",
        ])
    }

    func testWithoutAHistoryTheWarningSaysSo() throws {
        try assertDiagnostics([
            "base-model-outdated seeds/molins-de-rei/adaptation.yaml:2:21: the adaptation follows model version 0.8.0; the model is at 1.0.0, and model/releases.yaml lists no release in between",
        ]) { t in
            try t.delete(self.releases)
            try t.delete("model/proposals/retail-support.yaml")
            try t.replace("seeds/molins-de-rei/adaptation.yaml", "base_model_version: 1.0.0", "base_model_version: 0.8.0")
        }
    }

    /// A model version no release has is the one error: the offices are not also told that
    /// nothing was released in between (session 26's trial), and the help is advice that
    /// can be followed.
    func testTheModelVersionIsTheLastRelease() throws {
        try assertDiagnostics([
            "release-version-mismatch model/model.yaml:2:10: the model is at version 1.1.0, but its last release is 1.0.0",
        ]) { try $0.replace("model/model.yaml", "version: 1.0.0", "version: 1.1.0") }
        for (version, help) in [("1.1.0", "add release 1.1.0 to model/releases.yaml, after release 1.0.0"),
                                // Released already: not "add release 0.9.0".
                                ("0.9.0", "set the model's version to 1.0.0, its last release"),
                                ("0.9.5", "set the model's version to 1.0.0, its last release (0.9.5 is older and was never released)")] {
            let t = try FixtureTree()
            defer { t.remove() }
            try t.replace("model/model.yaml", "version: 1.0.0", "version: \(version)")
            let found = CheckRun.diagnose(root: t.root, asOf: FixtureTree.asOf).1.filter { $0.rule == "release-version-mismatch" }
            XCTAssertEqual(found.map { $0.help ?? "" }, [help], version)
        }
    }

    /// Releases out of order: the order's error, and the model's version, which no release
    /// has, the mismatch's, whose help names the order first (a typo, 0.8.0 for 1.0.0, made
    /// the help offer the model a version older than its own, session 26's trial). With the
    /// model's version released, the order's error alone: which release is the last is not
    /// known.
    func testReleasesGoOldestFirst() throws {
        try assertDiagnostics([
            "release-version-mismatch model/model.yaml:2:10: the model is at version 1.0.0, but its last release is 0.8.0",
            "release-order model/releases.yaml:5:14: release 0.8.0 comes after release 0.9.0 but is not newer",
        ]) { try $0.replace(self.releases, "  - version: 1.0.0", "  - version: 0.8.0") }
        let t = try FixtureTree()
        defer { t.remove() }
        try t.replace(releases, "  - version: 1.0.0", "  - version: 0.8.0")
        XCTAssertEqual(CheckRun.diagnose(root: t.root, asOf: FixtureTree.asOf).1.filter { $0.rule == "release-version-mismatch" }.map { $0.help ?? "" },
                       ["correct the release out of order (release-order), or add release 1.0.0 to model/releases.yaml"])
        try assertDiagnostics([
            "release-order model/releases.yaml:5:14: release 0.9.0 comes after release 1.0.0 but is not newer",
        ]) { t in
            try t.replace(self.releases, "  - version: 0.9.0", "  - version: 1.0.0-x")
            try t.replace(self.releases, "  - version: 1.0.0\n", "  - version: 0.9.0\n")
            try t.replace(self.releases, "  - version: 1.0.0-x", "  - version: 1.0.0")
        }
    }

    func testAReleaseIsNotDatedBeforeThePreviousOne() throws {
        try assertDiagnostics([
            "release-order model/releases.yaml:6:11: release 1.0.0 is dated 2025-11-30, before release 0.9.0 (2025-12-01)",
            // The same date is also before the decision on the proposal it publishes.
            "release-before-decision model/releases.yaml:7:17: release 1.0.0 of 2025-11-30 publishes proposal 'retail-support', decided only on 2026-01-12",
        ]) { try $0.replace(self.releases, "date: 2026-01-19", "date: 2025-11-30") }
    }

    func testAReleasePublishesOnlyAcceptedProposals() throws {
        try assertDiagnostics([
            "release-proposal-not-accepted model/releases.yaml:7:17: release 1.0.0 publishes proposal 'retail-support', which is under-review",
        ]) { t in
            try t.replace("model/proposals/retail-support.yaml", "status: accepted\ndecision:\n  body: {ca: Comitè tècnic, es: Comité técnico}\n  date: 2026-01-12\n",
                          "status: under-review\n")
        }
    }

    /// An accepted or rejected proposal records its decision (the schema says so).
    func testADecidedProposalHasItsDecision() throws {
        try assertDiagnostics([
            "schema-required model/proposals/retail-support.yaml:1:1: missing required field \"decision\"",
        ]) { t in
            try t.replace("model/proposals/retail-support.yaml", "decision:\n  body: {ca: Comitè tècnic, es: Comité técnico}\n  date: 2026-01-12\n", "")
        }
    }

    func testProposalMunicipalityUnknown() throws {
        try assertDiagnostics([
            "proposal-municipality-unknown model/proposals/retail-support.yaml:5:17: proposal 'retail-support' is proposed by 'sant-feliu', which is not a municipality of the network",
        ]) { try $0.replace("model/proposals/retail-support.yaml", "municipality: sant-feliu-de-llobregat", "municipality: sant-feliu") }
        // A file named otherwise than its id: the proposal is named by its id, as
        // `id-mismatch` names it (session 43's trial read the file's name in one, the id in the other).
        try assertDiagnostics([
            "id-mismatch model/proposals/retail-supports.yaml:1:5: id 'retail-support' differs from the file name 'retail-supports'",
            "proposal-municipality-unknown model/proposals/retail-supports.yaml:5:17: proposal 'retail-support' is proposed by 'sant-feliu', which is not a municipality of the network",
        ]) { t in
            try t.replace("model/proposals/retail-support.yaml", "municipality: sant-feliu-de-llobregat", "municipality: sant-feliu")
            try FileManager.default.moveItem(at: t.root.appendingPathComponent("model/proposals/retail-support.yaml"),
                                             to: t.root.appendingPathComponent("model/proposals/retail-supports.yaml"))
        }
    }
}
