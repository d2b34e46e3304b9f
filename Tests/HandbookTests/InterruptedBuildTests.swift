import Foundation
import Handbook
import Tools
import XCTest

/// A build killed while Typst renders leaves the previous handbooks complete, and the
/// command line without Typst builds the HTML and says how to get PDFs.
final class InterruptedBuildTests: XCTestCase {
    func testAKilledBuildLeavesThePreviousHandbooks() throws {
        let typst = try HandbookTestSupport.typst()
        let oae = HandbookTestSupport.oaeBinary
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: oae.path), "oae is not built at \(oae.path)")
        let root = try HandbookTestSupport.exampleTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("output")

        // The previous output: one handbook with its PDF.
        var options = HandbookBuildOptions()
        options.municipalities = ["molins-de-rei"]
        options.languages = ["ca"]
        options.typst = typst
        _ = try HandbookBuild.run(HandbookTestSupport.input(root), out: out, options: options)
        let previous = try snapshot(out.appendingPathComponent("handbooks"))
        XCTAssertEqual(previous.keys.sorted(), ["index.json", "molins-de-rei/ca/handbook.html", "molins-de-rei/ca/handbook.pdf"])

        // Change the tree so that the PDF must be rendered again, then kill the build
        // once its Typst worker runs.
        let office = root.appendingPathComponent("seeds/molins-de-rei/office.yaml")
        let text = try String(contentsOf: office, encoding: .utf8)
        let changed = text.replacingOccurrences(of: "Oficina en preparació,", with: "Oficina en preparació des del 2026,")
        XCTAssertNotEqual(changed, text)
        try Data(changed.utf8).write(to: office)
        let process = Process()
        process.executableURL = oae
        process.arguments = ["build", "handbooks", "molins-de-rei", "--lang", "ca", "--root", root.path, "--out", out.path]
        var environment = ProcessInfo.processInfo.environment
        environment["OAE_PYTHON"] = typst.python.path
        environment["SOURCE_DATE_EPOCH"] = String(HandbookTestSupport.epoch)
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var renderers: [pid_t] = []
        let deadline = Date().addingTimeInterval(60)
        while renderers.isEmpty, process.isRunning, Date() < deadline {
            usleep(50_000)
            renderers = Self.processes(parent: process.processIdentifier) { $0.contains("typst.Compiler") }
        }
        XCTAssertFalse(renderers.isEmpty, "Typst never ran")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        // The renders die with the build (they are tied to it), within a moment.
        let gone = Date().addingTimeInterval(5)
        func alive() -> [pid_t] { renderers.filter { Self.isRunning($0) } }
        while !alive().isEmpty, Date() < gone { usleep(50_000) }
        XCTAssertEqual(alive(), [], "a render outlived the build")

        // The previous handbooks are all there, byte for byte.
        XCTAssertEqual(try snapshot(out.appendingPathComponent("handbooks")), previous)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("handbooks/index.json")))
        XCTAssertNotNil(manifest as? [String: Any])

        // The next build finishes and clears what the killed one left.
        let report = try HandbookBuild.run(HandbookTestSupport.input(root), out: out, options: options)
        XCTAssertEqual(report.rendered, 1)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".output.staging-") }
        XCTAssertEqual(leftovers, [])
        XCTAssertNotEqual(try snapshot(out.appendingPathComponent("handbooks"))["molins-de-rei/ca/handbook.html"],
                          previous["molins-de-rei/ca/handbook.html"])
    }

    func testWithoutTypstTheHTMLIsBuiltAndTheCommandSaysHowToGetPDFs() throws {
        let oae = HandbookTestSupport.oaeBinary
        let root = try HandbookTestSupport.fixtureTree()
        defer { try? FileManager.default.removeItem(at: root) }
        var environment = ProcessInfo.processInfo.environment
        environment["OAE_PYTHON"] = root.appendingPathComponent("no-python").path
        environment["SOURCE_DATE_EPOCH"] = String(HandbookTestSupport.epoch)
        let out = root.appendingPathComponent("output")
        let args = ["build", "handbooks", "--root", root.path, "--out", out.path]
        let built = try HandbookTestSupport.run(oae.path, args, environment: environment)
        XCTAssertEqual(built.status, 0, built.stderr)
        XCTAssertEqual(built.stderr.components(separatedBy: "scripts/setup.sh").count - 1, 1, "say it once:\n" + built.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("handbooks/sant-feliu-de-llobregat/es/handbook.html").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("handbooks/sant-feliu-de-llobregat/es/handbook.pdf").path))
        let manifest = try String(contentsOf: out.appendingPathComponent("handbooks/index.json"), encoding: .utf8)
        XCTAssertTrue(manifest.contains("\"pdf\": null"), manifest)
        XCTAssertTrue(manifest.contains("\"municipality\": \"molins-de-rei\""), manifest)

        let required = try HandbookTestSupport.run(oae.path, args + ["--require-pdf"], environment: environment)
        XCTAssertEqual(required.status, 1, required.stderr)
        XCTAssertTrue(required.stderr.contains("Typst is missing"), required.stderr)

        // A build of one municipality keeps the others in the folder and in the manifest.
        let one = try HandbookTestSupport.run(oae.path, args + ["sant-feliu-de-llobregat", "--lang", "ca"], environment: environment)
        XCTAssertEqual(one.status, 0, one.stderr)
        let after = try String(contentsOf: out.appendingPathComponent("handbooks/index.json"), encoding: .utf8)
        XCTAssertEqual(after, manifest)
        // A name or an INE code, as `show` and `diff` take them.
        for typed in ["Molins de Rei", "08123"] {
            let named = try HandbookTestSupport.run(oae.path, args + [typed, "--lang", "ca"], environment: environment)
            XCTAssertEqual(named.status, 0, named.stderr)
            XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("handbooks/index.json"), encoding: .utf8), manifest, typed)
        }
        // A municipality or a language the tree does not have is a usage error (exit 2).
        let unknown = try HandbookTestSupport.run(oae.path, args + ["atlantis"], environment: environment)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.hasSuffix("\nerror: unknown municipality 'atlantis' (the tree has: molins-de-rei, sant-feliu-de-llobregat)\nbuild stopped: the previous output is unchanged\n"), unknown.stderr)
        let french = try HandbookTestSupport.run(oae.path, args + ["molins-de-rei", "--lang", "fr"], environment: environment)
        XCTAssertEqual(french.status, 2)
        XCTAssertTrue(french.stderr.hasSuffix("\nerror: unknown language 'fr' (the model's languages: ca, es)\nbuild stopped: the previous output is unchanged\n"), french.stderr)
        // A language of the model written otherwise is asked for (session 45's trial typed `OC`).
        let capitals = try HandbookTestSupport.run(oae.path, args + ["molins-de-rei", "--lang", "ES"], environment: environment)
        XCTAssertEqual(capitals.status, 2)
        XCTAssertTrue(capitals.stderr.hasSuffix("\nerror: unknown language 'ES' (did you mean 'es'? the model's languages: ca, es)\nbuild stopped: the previous output is unchanged\n"), capitals.stderr)

        // The Typst source, for template designers, even without the engine; --jobs is checked.
        let source = try HandbookTestSupport.run(oae.path, args + ["molins-de-rei", "--lang", "es", "--typst-source"], environment: environment)
        XCTAssertEqual(source.status, 0, source.stderr)
        let typ = try String(contentsOf: out.appendingPathComponent("handbooks/molins-de-rei/es/handbook.typ"), encoding: .utf8)
        XCTAssertTrue(typ.hasPrefix("// The handbook as a Typst document"), String(typ.prefix(200)))
        XCTAssertTrue(typ.contains("#set text(font: (\"Liberation Sans\", \"DejaVu Sans\"), size: 9.5pt, lang: to-string([es])"), String(typ.prefix(2000)))
        let jobs = try HandbookTestSupport.run(oae.path, args + ["--jobs", "0"], environment: environment)
        XCTAssertEqual(jobs.status, 2, jobs.stderr)  // a usage error
        XCTAssertEqual(jobs.stderr, "error: --jobs 0 is not a number of PDFs at once: give 1 or more\n")
    }

    /// A network too large to list names the closest folders and where to see them all.
    func testAnUnknownMunicipalityOfALargeNetworkGetsTheClosestNames() {
        let known = (1...20).map { "municipality-\($0)" } + ["sant-feliu-de-llobregat"]
        XCTAssertEqual(HandbookBuildError.unknownMunicipality("sant-feliu-de-llobregatt", known: known).description,
                       "unknown municipality 'sant-feliu-de-llobregatt' (did you mean 'sant-feliu-de-llobregat'?); `oae list office` lists the 21 municipalities' folders")
        // A name that holds the words typed, as `oae show` finds it (session 26's trial).
        XCTAssertEqual(HandbookBuildError.unknownMunicipality("molins", known: ["molins-de-rei", "sant-feliu-de-llobregat"]).description,
                       "unknown municipality 'molins' (did you mean 'molins-de-rei'?; the tree has: molins-de-rei, sant-feliu-de-llobregat)")
        XCTAssertTrue(HandbookBuildError.unknownLanguage("fr", known: ["ca"]).isUsage)
        XCTAssertFalse(HandbookBuildError.pdfEngineMissing.isUsage)
    }

    /// Every file under `folder` by relative path, with its bytes.
    func snapshot(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: folder.path)
        while let path = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue {
                out[path] = try Data(contentsOf: url)
            }
        }
        return out
    }

    /// The children of `parent` whose command line matches.
    static func processes(parent: pid_t, _ matches: (String) -> Bool) -> [pid_t] {
        processes(matches).filter { pid in
            guard let stat = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return false }
            // `pid (name) state ppid …`: the fields after the name's closing parenthesis.
            let text = String(decoding: stat, as: UTF8.self)
            guard let close = text.lastIndex(of: ")") else { return false }
            let fields = text[text.index(after: close)...].split(separator: " ")
            return fields.count > 1 && pid_t(fields[1]) == parent
        }
    }

    /// True while `pid` runs (a zombie, dead but not yet reaped, does not count).
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return false }
        let text = String(decoding: stat, as: UTF8.self)
        guard let close = text.lastIndex(of: ")") else { return false }
        return text[text.index(after: close)...].split(separator: " ").first != "Z"
    }

    /// The ids of the processes whose command line matches.
    static func processes(_ matches: (String) -> Bool) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { name -> pid_t? in
            guard let pid = pid_t(name),
                  let data = FileManager.default.contents(atPath: "/proc/\(name)/cmdline") else { return nil }
            let command = String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            return matches(command) ? pid : nil
        }
    }
}
