import Foundation
@testable import OAECommands
import XCTest

/// `scripts/gen-network.py`, which makes the benchmark networks: a network of any size
/// from the example's four municipalities up checks without errors.
final class GenNetworkTests: XCTestCase {
    func generate(_ municipalities: Int) throws -> (ProcessResult, URL) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("gen-network-\(UUID().uuidString)")
        let script = TestPaths.packageRoot.appendingPathComponent("scripts/gen-network.py").path
        let result = try runProcess(TestPaths.python, [script, out.path, "--municipalities", String(municipalities)])
        return (result, out)
    }

    func testASmallNetworkHasTheExamplesMunicipalitiesFirstAndChecksWithoutErrors() throws {
        let (result, out) = try generate(5)
        defer { try? FileManager.default.removeItem(at: out) }
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "\(out.path): 229 files, 5 municipalities\n")
        let offices = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("seeds").path)
            .filter { FileManager.default.fileExists(atPath: out.appendingPathComponent("seeds/\($0)/office.yaml").path) }
        // The example's four, then the metropolitan area's first by INE code (Badalona, 08015).
        XCTAssertEqual(offices.sorted(), ["badalona", "cerdanyola-del-valles", "molins-de-rei", "sant-feliu-de-llobregat",
                                          "santa-coloma-de-gramenet"])
        // The script copies the example's templates: the tree checks as it is.
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("templates/site/layout.mustache").path))
        let (report, code) = CheckRun.run(root: out, format: "json", strict: false)
        let summary = (try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])?["summary"] as? [String: Any]
        XCTAssertEqual(summary?["errors"] as? Int, 0, report)
        XCTAssertEqual(code, 0)
    }

    func testFewerThanTheExamplesMunicipalitiesIsRefusedBeforeAnythingIsWritten() throws {
        let (result, out) = try generate(3)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "gen-network: at least 4 municipalities (the example's own: cerdanyola-del-valles, "
                       + "molins-de-rei, sant-feliu-de-llobregat, santa-coloma-de-gramenet)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    /// `--help` prints the usage and makes nothing; arguments that are not OUT_DIR and a
    /// count are refused before a folder is made (`--help` was once taken for OUT_DIR and
    /// a network of 580 municipalities generated in a folder named `--help`).
    func testHelpAndWrongArgumentsMakeNoFolder() throws {
        let script = TestPaths.packageRoot.appendingPathComponent("scripts/gen-network.py").path
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gen-network-args-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let help = try runProcess(TestPaths.python, [script, "--help"], currentDirectory: scratch)
        XCTAssertEqual(help.status, 0, help.stderr)
        XCTAssertTrue(help.stdout.hasPrefix("Generates a large network for benchmarks"), help.stdout)
        let usage = "gen-network: usage: scripts/gen-network.py OUT_DIR [FILES], or OUT_DIR --municipalities N (--help says more)\n"
        for arguments in [[], ["-o", "net"], ["net", "many"], ["net", "²"], ["net", "--municipalites", "5"], ["net", "--municipalities"]] {
            let result = try runProcess(TestPaths.python, [script] + arguments, currentDirectory: scratch)
            XCTAssertEqual(result.status, 1, "\(arguments)")
            XCTAssertEqual(result.stderr, usage, "\(arguments)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path), [])
    }

    /// The script names each generated office in its texts, contracting the Catalan
    /// preposition before the name, and only in Catalan: not in a Spanish or English value,
    /// nor in the lines that continue one (a block scalar, a value over several lines).
    func testTheNameIsContractedOnlyInCatalanText() throws {
        let script = TestPaths.packageRoot.appendingPathComponent("scripts/gen-network.py").path
        // The script's functions alone (its body generates a network).
        let program = """
            import ast, sys
            tree = ast.parse(open(sys.argv[1]).read())
            body = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.Import, ast.ImportFrom))]
            ns = {}
            exec(compile(ast.Module(body, []), sys.argv[1], "exec"), ns)
            sys.stdout.write(ns["named"](sys.stdin.read(), "El Prat de Llobregat", catalan=True))
            """
        let text = [
            "title:", "  ca: Oficina de Sant Feliu de Llobregat", "  es: Oficina de Sant Feliu de Llobregat",
            "description:", "  es: |", "    Atiende a las empresas", "    de Sant Feliu de Llobregat.", "",
            "    Y a las personas emprendedoras.", "  en: The office of Sant Feliu de Llobregat, which helps",
            "    the firms of Sant Feliu de Llobregat.", "  ca: Obert a Sant Feliu de Llobregat.",
            "- es: Plan de Sant Feliu de Llobregat", "  ca: Pla de Sant Feliu de Llobregat",
        ].joined(separator: "\n")
        let result = try runProcess(TestPaths.python, ["-c", program, script], stdin: text)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, [
            "title:", "  ca: Oficina del Prat de Llobregat", "  es: Oficina de El Prat de Llobregat",
            "description:", "  es: |", "    Atiende a las empresas", "    de El Prat de Llobregat.", "",
            "    Y a las personas emprendedoras.", "  en: The office of El Prat de Llobregat, which helps",
            "    the firms of El Prat de Llobregat.", "  ca: Obert al Prat de Llobregat.",
            "- es: Plan de El Prat de Llobregat", "  ca: Pla del Prat de Llobregat",
        ].joined(separator: "\n"))
    }
}
