import Foundation
@testable import OAECommands
import Publishing
@testable import Workflow
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// What the terminal shows when a command cannot do its job: one line that names the
/// folder or port and says what to do, and the exit code (1 trouble, 2 usage).
final class CommandLineTests: XCTestCase {
    var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["OAE_PAGEFIND"] = "off"
        return env
    }

    func fixture() throws -> URL { try TestPaths.networkCopy("oae-cli") }

    func oae(_ arguments: [String]) throws -> ProcessResult {
        try runProcess(TestPaths.oaeBinary.path, arguments, environment: environment)
    }

    // MARK: Errors from writing output, as one line

    func testOutputErrorsAreOneLineEach() {
        let file = "/srv/oae/output/.site.staging-1/index.html"
        XCTAssertEqual(OutputError.writing("output/site", CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: file])),
                       "cannot write output/site: permission denied (check the folder's permissions or use --out)")
        XCTAssertEqual(OutputError.writing("output/site", CocoaError(.fileWriteOutOfSpace)),
                       "cannot write output/site: the disk is full (free some space or use --out)")
        XCTAssertEqual(OutputError.writing("output", NSError(domain: NSPOSIXErrorDomain, code: Int(EROFS))),
                       "cannot write output: the file system is read-only (write elsewhere: use --out)")
        // Another oae build waits for the lock: a folder that changes under a build is another program's doing.
        XCTAssertEqual(OutputError.writing("output/handbooks", POSIXError(.ENOTEMPTY)),
                       "cannot write output/handbooks: a file appeared while oae wrote, written by another program (build again once it is done)")
        XCTAssertEqual(OutputError.writing("output", POSIXError(.EBUSY)),
                       "cannot write output: it is a mount point or the system holds it, and oae replaces its output folder whole (give --out a folder inside it)")
        // ENOENT: on a system file system, mkdir says so for any name; elsewhere a folder went away.
        XCTAssertEqual(OutputError.writing("/proc/oae", CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "/proc/oae"])),
                       "cannot write /proc/oae: /proc is a system file system, which cannot hold files (write elsewhere: use --out)")
        let gone = FileManager.default.temporaryDirectory.path + "/oae-gone-\(UUID().uuidString)/site"
        XCTAssertEqual(OutputError.reason(POSIXError(.ENOENT), at: gone),
                       "a folder was removed while oae wrote into it, by another program (build again)")
        XCTAssertEqual(OutputError.forOutGiven("cannot write /srv/x: a file stands where a folder should be (move it away or use --out)"),
                       "cannot write /srv/x: a file stands where a folder should be (move it away or give --out another folder)")
        let wrapped = NSError(domain: NSCocoaErrorDomain, code: CocoaError.fileWriteUnknown.rawValue,
                              userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC))])
        XCTAssertEqual(OutputError.writing("output/data", wrapped), "cannot write output/data: the disk is full (free some space or use --out)")
        // SwiftNIO's IOError carries its errno in `errnoCode`.
        struct IOErrorLike: Error {
            enum Reason { case errno(CInt) }
            var error = Reason.errno(EADDRINUSE)
        }
        XCTAssertEqual(OutputError.serving(host: "127.0.0.1", port: 8000, IOErrorLike()),
                       "cannot serve on 127.0.0.1:8000: the port is in use (stop the program using it, or choose another port with --port)")
    }

    /// The file system of a folder, from the mount table: the longest mount point that
    /// holds it.
    func testTheSystemFileSystemsAreKnownByTheMountTable() {
        let mounts = """
            overlay / overlay rw,relatime 0 0
            proc /proc proc rw,nosuid 0 0
            sysfs /sys sysfs ro,nosuid 0 0
            tmpfs /sys/fs/cgroup tmpfs rw 0 0
            /dev/vda1 /srv/my\\040disk ext4 rw 0 0
            """
        XCTAssertEqual(SystemFileSystems.type(of: "/proc/self", mounts: mounts), "proc")
        XCTAssertEqual(SystemFileSystems.type(of: "/sys/kernel", mounts: mounts), "sysfs")
        XCTAssertEqual(SystemFileSystems.type(of: "/sys/fs/cgroup/x", mounts: mounts), "tmpfs")
        XCTAssertEqual(SystemFileSystems.type(of: "/srv/my disk/out", mounts: mounts), "ext4")
        XCTAssertEqual(SystemFileSystems.type(of: "/procfoo", mounts: mounts), "overlay")
        XCTAssertEqual(SystemFileSystems.holding("/proc/oae/site", mounts: mounts), "/proc")
        XCTAssertNil(SystemFileSystems.holding(FileManager.default.temporaryDirectory.path + "/oae-out", mounts: mounts))
    }

    /// The folder named is the output folder the error happened in, relative to the
    /// current folder when it is inside it.
    func testTheFolderNamedIsTheOutputFolder() {
        let here = FileManager.default.currentDirectoryPath
        let out = URL(fileURLWithPath: here + "/output")
        let error = CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: here + "/output/.site.staging-AB12/es/index.html"])
        XCTAssertEqual(outputFolder(out, error), "output/site")
        XCTAssertEqual(outputFolder(URL(fileURLWithPath: "/elsewhere/out"), error), "/elsewhere/out")
    }

    /// A folder oae may not create (here under /sys, refused even to root): one line, exit 1.
    func testAnUnwritableOutputFolderIsOneLine() throws {
        let root = try fixture()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try oae(["build", "site", "--root", root.path, "--out", "/sys/oae-output"])
        XCTAssertEqual(result.status, 1, result.stderr)
        // (The fixture has no commit: oae also says where its dates come from.)
        let lines = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("site: Pagefind") && !$0.hasPrefix("oae: dates") }
        XCTAssertEqual(lines.count, 1, result.stderr)
        XCTAssertTrue(lines.first?.hasPrefix("error: cannot write /sys/oae-output: ") ?? false, result.stderr)
        XCTAssertFalse(result.stderr.contains("Domain="), result.stderr)
    }

    /// A preview whose folder cannot be written stops at once, before building, with `oae
    /// build`'s line (it said Swift's "(Publishing.OutputError error 1.)" and served 404s
    /// for every page).
    func testAPreviewThatCannotWriteItsFolderStops() throws {
        let root = try fixture()
        defer { try? FileManager.default.removeItem(at: root) }
        let proc = try oae(["serve", "--root", root.path, "--out", "/proc/oae", "--port", "8797"])
        XCTAssertEqual(proc.status, 1, proc.stderr)
        XCTAssertEqual(proc.stderr, "error: cannot write /proc/oae: /proc is a system file system, which cannot hold files (write elsewhere: give --out another folder)\n")
        XCTAssertFalse(proc.stdout.contains("serving "), proc.stdout)
    }

    /// A folder on /proc cannot hold the output: said as such, not as a folder another build
    /// changed (s12's fresh user); a folder under a file; an --out given no folder at all.
    /// The advice to use --out becomes the advice to give it another folder when it was used.
    func testAnOutputFolderThatCannotBeIsSaidWhatItIs() throws {
        let root = try fixture()
        defer { try? FileManager.default.removeItem(at: root) }
        let proc = try oae(["build", "site", "--root", root.path, "--out", "/proc/oae"])
        XCTAssertEqual(proc.status, 1, proc.stderr)
        XCTAssertTrue(proc.stderr.hasSuffix("\nerror: cannot write /proc/oae: /proc is a system file system, which cannot hold files (write elsewhere: give --out another folder)\n"),
                      proc.stderr)
        let file = root.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        let under = try oae(["build", "site", "--root", root.path, "--out", file.path + "/sub"])
        XCTAssertEqual(under.status, 1, under.stderr)
        XCTAssertTrue(under.stderr.hasSuffix("\nerror: cannot write \(file.path)/sub: a file stands where a folder should be (move it away or give --out another folder)\n"),
                      under.stderr)
        for command in [["build"], ["build", "site"], ["build", "handbooks"], ["serve"], ["schema", "export"]] {
            let empty = try oae(command + ["--root", root.path, "--out", ""])
            XCTAssertEqual(empty.status, 2, "\(command) \(empty.stderr)")
            let meaning = command == ["schema", "export"] ? "output/schema under the root" : "output/ under the root"
            XCTAssertEqual(empty.stderr, "error: --out needs a folder, and '' names none (without --out: \(meaning))\n", "\(command)")
        }
        let noRoot = try oae(["check", "--root", ""])
        XCTAssertEqual(noRoot.status, 2, noRoot.stderr)
        XCTAssertEqual(noRoot.stderr, "error: --root needs a folder, and '' names none (without --root: the first folder, from the current one upwards, that holds model/ or seeds/)\n")
    }

    /// Every command that writes a folder says a folder it cannot write as `oae build`
    /// does, in one line, exit 1 (`oae schema export --out /proc/x` reported a schema
    /// diagnostic at `/proc/x:1:1`, "fix the errors above").
    func testEveryCommandThatWritesSaysItsFolderAlike() throws {
        let root = try fixture()
        defer { try? FileManager.default.removeItem(at: root) }
        let lines = ["/proc/oae": "error: cannot write /proc/oae: /proc is a system file system, which cannot hold files (write elsewhere: give --out another folder)\n",
                     // /sys says "permission denied" where /proc says "no such file": the same sentence (LOW 7).
                     "/sys/oae": "error: cannot write /sys/oae: /sys is a system file system, which cannot hold files (write elsewhere: give --out another folder)\n",
                     "/dev/null": "error: cannot write /dev/null: it is a file, not a folder\n"]
        for command in [["build"], ["build", "site"], ["build", "handbooks"], ["schema", "export"], ["serve", "--port", "0"]] {
            for (out, line) in lines.sorted(by: { $0.key < $1.key }) {
                let result = try oae(command + ["--root", root.path, "--out", out])
                XCTAssertEqual(result.status, 1, "\(command) \(result.stderr)")
                let said = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("oae: dates") }.map { $0 + "\n" }
                XCTAssertEqual(said, [Substring(line)], "\(command) \(out)")
                XCTAssertEqual(result.stdout, "", "\(command) \(out)")
            }
        }
        // `oae new` writes into the tree: the same words, without the advice to use --out.
        let procedures = root.appendingPathComponent("model/procedures")
        try? FileManager.default.removeItem(at: procedures)
        try Data("x".utf8).write(to: procedures)
        let new = try oae(["new", "procedure", "intake", "--root", root.path])
        XCTAssertEqual(new.status, 1, new.stderr)
        XCTAssertEqual(new.stderr, "error: cannot write model/procedures: it is a file, not a folder\n")
        XCTAssertEqual(Scaffolding.writeFailure("seeds/x/", URL(fileURLWithPath: "/srv/tree/seeds/x"), POSIXError(.EACCES)).message,
                       "cannot write seeds/x/: permission denied (check the folder's permissions)")
    }

    /// `oae new procedure` says what a new model procedure does at once (session 25's trial:
    /// the tree failed its check right after, with no word of why): it is in every office's
    /// handbook, so its drafted texts are errors while an office serves the public; the
    /// error says to write them (a model procedure cannot be kept out of the handbooks).
    /// `oae new service` does not say it: a new service is in no handbook until adopted.
    func testANewProcedureSaysItIsInEveryHandbook() throws {
        let root = try TestPaths.networkCopy("oae-new-procedure")
        defer { try? FileManager.default.removeItem(at: root) }
        let new = try oae(["new", "procedure", "intake", "--root", root.path, "--date", "2026-11-25"])
        XCTAssertEqual(new.status, 0, new.stderr)
        XCTAssertEqual(new.stdout, "wrote model/procedures/intake.md\nReplace the texts being drafted; 'oae check' lists the translations still missing.\n"
            + "A model procedure is in the handbook of every office at once: while an office serves the public (status pilot or later), "
            + "'oae check' reports the texts still being drafted as errors and 'oae build' refuses to build, so write them before you commit.\n")
        let check = try oae(["check", "--root", root.path, "--format", "json", "--as-of", "2026-11-25"])
        XCTAssertEqual(check.status, 1, check.stderr)
        XCTAssertTrue(check.stdout.contains("write the real text in place of each, in every language: a model procedure is in the handbook of every office that does not replace it with a variant of its own"), check.stdout)
        let service = try oae(["new", "service", "mentoring", "--root", root.path, "--date", "2026-11-25"])
        XCTAssertEqual(service.stdout, "wrote model/services/mentoring.md\nReplace the texts being drafted; 'oae check' lists the translations still missing.\n")
        // An id that is no id is the command line's mistake: exit 2, as every usage error.
        let bad = try oae(["new", "service", "Export Help", "--root", root.path])
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(bad.stderr, "error: 'Export Help' is not a valid id: use lower case words joined by hyphens, like 'company-creation'\n")
    }

    /// A negative number is a value out of range, not a missing one; the usage says
    /// `oae build`, as it is typed, and --jobs is offered only where PDFs are rendered.
    func testNegativeNumbersAreOutOfRangeAndTheUsageIsAsTyped() throws {
        let root = TestPaths.fixture("network").path
        let jobs = try oae(["build", "--jobs", "-1", "--root", root])
        XCTAssertEqual(jobs.status, 2)
        XCTAssertEqual(jobs.stderr, "error: --jobs -1 is not a number of PDFs at once: give 1 or more\n")
        let zero = try oae(["build", "handbooks", "--jobs", "0", "--root", root])
        XCTAssertEqual(zero.status, 2)
        XCTAssertEqual(zero.stderr, "error: --jobs 0 is not a number of PDFs at once: give 1 or more\n")
        let port = try oae(["serve", "--port", "-1", "--root", root])
        XCTAssertEqual(port.status, 2)
        XCTAssertEqual(port.stderr, "error: --port -1 is not a port: give 1 to 65535 (or 0 for any free port)\n")
        let asOf = try oae(["build", "--as-of", "tomorrow", "--root", root])
        XCTAssertEqual(asOf.status, 2)
        XCTAssertTrue(asOf.stderr.contains("\nUsage: oae build [--root <root>] [--out <out>] [--as-of <as-of>] [--jobs <jobs>] [--require-pdf] [--no-cache]\n"), asOf.stderr)
        XCTAssertTrue(asOf.stderr.hasPrefix("error: --as-of 'tomorrow' is not a date (YYYY-MM-DD)\n"), asOf.stderr)
        // A day of the date's form that the calendar does not have says why, as the check
        // does of a date in a file (the trial: only "is not a date").
        let leap = try oae(["check", "--as-of", "2026-02-29", "--root", root])
        XCTAssertEqual(leap.status, 2)
        XCTAssertTrue(leap.stderr.hasPrefix("error: --as-of '2026-02-29' is not a date: February 2026 has 28 days\n"), leap.stderr)
        let help = try oae(["build", "--help"])
        XCTAssertTrue(help.stdout.contains("""
            USAGE: oae build [--root <root>] [--out <out>] [--as-of <as-of>] [--jobs <jobs>] [--require-pdf] [--no-cache]
                   oae build site [<options>]
                   oae build handbooks [<municipalities> ...] [<options>]
            """), help.stdout)
        for command in [["build", "site"], ["serve"]] {
            let usage = try oae(command + ["--help"])
            XCTAssertFalse(usage.stdout.contains("--jobs"), "\(command): renders no PDF")
        }
        let serve = try oae(["serve", "--help"])
        XCTAssertTrue(serve.stdout.contains("(0: any free port) (default:\n                          8000)"), serve.stdout)
        // The load store is the build commands' (the preview keeps its own cache in memory).
        XCTAssertFalse(serve.stdout.contains("--no-cache"), serve.stdout)
        for command in [["build", "site"], ["build", "handbooks"]] {
            XCTAssertTrue(try oae(command + ["--help"]).stdout.contains("--no-cache"), "\(command)")
        }
    }

    /// Ctrl-C (SIGINT) during a build: one line saying the output folder is unchanged, the
    /// staging folder removed, the previous output as it was, exit status 130 (it exited
    /// 130 without a word, leaving the staging folder for the next build to remove).
    func testAnInterruptedBuildSaysSoAndLeavesTheOutputAsItWas() throws {
        let root = try fixture()
        defer { try? FileManager.default.removeItem(at: root) }
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("oae-interrupted-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        let out = parent.appendingPathComponent("out")
        let first = try oae(["build", "site", "--root", root.path, "--out", out.path])
        XCTAssertEqual(first.status, 0, first.stderr)
        let index = out.appendingPathComponent("site/index.html")
        let before = try Data(contentsOf: index)
        // Built again from nothing (no record to reuse), stopped once its staging folder exists.
        try FileManager.default.removeItem(at: out.appendingPathComponent(".cache"))
        let process = Process()
        process.executableURL = TestPaths.oaeBinary
        process.arguments = ["build", "site", "--root", root.path, "--out", out.path]
        process.environment = environment
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var staged = false
        for _ in 0..<3000 where process.isRunning {
            if (try? FileManager.default.contentsOfDirectory(atPath: parent.path))?.contains(where: { $0.hasPrefix(".out.staging-") }) == true {
                staged = true
                break
            }
            usleep(2000)
        }
        kill(process.processIdentifier, SIGINT)
        let said = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try XCTSkipUnless(staged, "the build ended before its staging folder was seen")
        XCTAssertEqual(process.terminationStatus, 130, said)
        XCTAssertTrue(said.hasSuffix("\nbuild interrupted; \(out.path)/ is unchanged\n"), said)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent.path), ["out"], "the staging folder is removed")
        XCTAssertEqual(try Data(contentsOf: index), before)
    }

    /// `oae list` names the municipality of each document when the id does not (two
    /// offices' budgets are both `2026`); `-` for the model's documents. An office's id is
    /// its municipality: no column.
    func testListNamesTheMunicipalityWhereTheIdDoesNot() throws {
        let root = try fixture()
        defer { try? FileManager.default.removeItem(at: root) }
        let copy = root.appendingPathComponent("seeds/molins-de-rei/budgets")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        let budget = try String(contentsOf: root.appendingPathComponent("seeds/sant-feliu-de-llobregat/budgets/2026.yaml"), encoding: .utf8)
        try Data(budget.replacingOccurrences(of: "sant-feliu-de-llobregat", with: "molins-de-rei").utf8)
            .write(to: copy.appendingPathComponent("2026.yaml"))
        let budgets = try oae(["list", "budget", "--root", root.path])
        XCTAssertEqual(budgets.status, 0, budgets.stderr)
        XCTAssertEqual(budgets.stdout, """
            2026  molins-de-rei            seeds/molins-de-rei/budgets/2026.yaml
            2026  sant-feliu-de-llobregat  seeds/sant-feliu-de-llobregat/budgets/2026.yaml

            """)
        XCTAssertEqual(try oae(["list", "office", "--root", root.path]).stdout, """
            molins-de-rei            seeds/molins-de-rei/office.yaml
            sant-feliu-de-llobregat  seeds/sant-feliu-de-llobregat/office.yaml

            """)
        let services = try oae(["list", "service", "--root", root.path]).stdout
        XCTAssertTrue(services.hasPrefix("business-transfer     -                        model/services/business-transfer.md\n"), services)
        // Without a kind: the tree's kinds to choose from, a usage error (session 25's trial:
        // "Missing expected argument '<kind>'").
        let bare = try oae(["list", "--root", root.path])
        XCTAssertEqual(bare.status, 2)
        XCTAssertTrue(bare.stderr.hasPrefix("error: name the kind of document to list: oae list <kind>; the kinds are: "), bare.stderr)
        XCTAssertTrue(bare.stderr.contains(", service, "), bare.stderr)
    }

    /// A municipality typed in part is answered with the folders whose office name holds its
    /// words, then those a few letters away ("Sant Feliu" had no answer).
    func testShowAndDiffSuggestTheMunicipalityTypedInPart() throws {
        let root = try fixture()
        defer { try? FileManager.default.removeItem(at: root) }
        for (typed, hint) in [("Sant Feliu", " (did you mean 'sant-feliu-de-llobregat'?)"), ("molins", " (did you mean 'molins-de-rei'?)"),
                              ("sant-feliu-de-llobregatt", " (did you mean 'sant-feliu-de-llobregat'?)"), ("Girona", "")] {
            for command in ["show", "diff"] {
                let result = try oae([command, typed, "--root", root.path])
                XCTAssertEqual(result.status, 2, result.stderr)
                XCTAssertEqual(result.stderr, "error: no municipality '\(typed)' under seeds/\(hint)\n")
            }
        }
    }

    /// A root given that holds neither model/ nor seeds/ is a usage error in one line, as when
    /// no tree is found upwards (it gave the kind table's error before).
    func testARootThatIsNoTreeIsOneLine() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("oae-no-tree-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        for command in [["check"], ["build", "site"], ["list", "service"]] {
            let result = try oae(command + ["--root", empty.path])
            XCTAssertEqual(result.status, 2, "\(command) \(result.stderr)")
            XCTAssertEqual(result.stderr, "error: \(empty.path) is not an oae tree: it holds neither model/ nor seeds/ (give --root the folder that holds them)\n")
            XCTAssertEqual(result.stdout, "")
        }
    }

    /// An output folder that is the tree, or inside what oae reads, is a usage error before
    /// anything is loaded or written, for every command that writes one; a folder of other
    /// files is refused and left as it was.
    func testTheOutputFolderIsNeverTheTreeNorInsideIt() throws {
        let root = try fixture()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        let within = ": choose a folder outside model/, seeds/, templates/ and .git/ (the default is output/ under the root)"
        for command in [["build"], ["build", "site"], ["build", "handbooks"], ["serve", "--port", "0"]] {
            let result = try oae(command + ["--root", root.path, "--out", root.path])
            XCTAssertEqual(result.status, 2, "\(command) \(result.stderr)")
            XCTAssertEqual(result.stderr, "error: \(root.path) is the tree's root or a folder that holds it: oae replaces its output folder whole, "
                           + "so it would replace the tree; choose a folder outside the tree's folders (the default is output/ under the root)\n")
            let seeds = try oae(command + ["--root", root.path, "--out", root.path + "/seeds/out"])
            XCTAssertEqual(seeds.status, 2, "\(command) \(seeds.stderr)")
            XCTAssertEqual(seeds.stderr, "error: \(root.path)/seeds/out is inside the tree's seeds/, which oae reads" + within + "\n")
        }
        let schema = try oae(["schema", "export", "--root", root.path, "--out", root.path + "/model/schema"])
        XCTAssertEqual(schema.status, 2, schema.stderr)
        XCTAssertEqual(schema.stderr, "error: \(root.path)/model/schema is inside the tree's model/, which oae reads" + within + "\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted(), before, "nothing was written")
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.path + "/seeds/out"))
        // A folder of the writer's own files.
        let notes = root.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: notes.appendingPathComponent("minutes.txt"))
        let foreign = try oae(["build", "site", "--root", root.path, "--out", notes.path])
        XCTAssertEqual(foreign.status, 1, foreign.stderr)
        XCTAssertTrue(foreign.stderr.hasSuffix("error: \(notes.path) holds files oae did not write: oae replaces its output folder whole, so it writes only "
                                               + "to a new or empty folder or to one it wrote before (which holds its .lock); choose another folder with --out\n"),
                      foreign.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: notes.path), ["minutes.txt"])
    }

    /// An output folder that is a symbolic link (output/ on another disk) is built where it
    /// leads: the link stays, the folder it leads to holds the site, twice over (session 41's
    /// trial: the build swapped the link itself for a folder of the tree, and the link's
    /// target kept only a lock).
    func testAnOutputFolderThatIsALinkIsBuiltWhereItLeads() throws {
        let root = try fixture()
        let elsewhere = root.deletingLastPathComponent().appendingPathComponent(root.lastPathComponent + "-elsewhere")
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: elsewhere)
        }
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let link = root.appendingPathComponent("output")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: elsewhere.path)
        for _ in 0..<2 {
            let built = try oae(["build", "site", "--root", root.path])
            XCTAssertEqual(built.status, 0, built.stderr)
            XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link.path), elsewhere.path, "the link stays")
            XCTAssertTrue(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("site/index.html").path))
        }
    }

    // MARK: serve

    /// The preview compares the dates of what was done with today, as `oae check` without
    /// --as-of does, and shows the error on its overlay (session 35's leftover: the preview
    /// published a report of a quarter still to come); so does `oae build` without --as-of,
    /// which refuses to publish it (session 37's trial), with --as-of as of that day.
    func testThePreviewAndTheBuildCompareTheDatesOfWhatWasDoneWithToday() throws {
        let root = try fixture()
        defer { try? FileManager.default.removeItem(at: root) }
        let reports = root.appendingPathComponent("seeds/sant-feliu-de-llobregat/reports")
        let text = try String(contentsOf: reports.appendingPathComponent("2026-q3.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "id: 2026-q3", with: "id: 2099-q1")
            .replacingOccurrences(of: "  year: 2026\n  quarter: 3", with: "  year: 2099\n  quarter: 1")
        try Data(text.utf8).write(to: reports.appendingPathComponent("2099-q1.yaml"))
        let out = root.appendingPathComponent("output")
        let (_, errors, _) = PreviewBuilder(root: root, out: out, asOf: nil).load()
        XCTAssertEqual(errors.filter { $0.rule == "report-after-check-day" }.map { "\($0.span.file):\($0.span.start.line) \($0.message)" },
                       ["seeds/sant-feliu-de-llobregat/reports/2099-q1.yaml:4 the report is for 2099 Q1, which has not ended: it ends on 2099-03-31, after today (\(CheckRun.today()))"])
        let build = try oae(["build", "site", "--root", root.path, "--out", out.path])
        XCTAssertEqual(build.status, 1, build.stderr)
        XCTAssertTrue(build.stderr.contains("seeds/sant-feliu-de-llobregat/reports/2099-q1.yaml:4:9: error[report-after-check-day]: the report is for 2099 Q1, "
                                            + "which has not ended: it ends on 2099-03-31, after today (\(CheckRun.today()))"), build.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path + "/site"), "nothing is published")
        // As of a day given, the build compares with that day: 2099-04-01 is after the quarter.
        let given = try oae(["build", "site", "--root", root.path, "--out", out.path, "--as-of", "2099-04-01"])
        XCTAssertFalse(given.stderr.contains("report-after-check-day"), given.stderr)
    }

    /// A preview started on a tree with errors builds the whole preview at the first save
    /// that mends them, as a start on a clean tree does (the trial of session 42: the
    /// catalogue, the spreadsheet, the sitemap and the handbooks stayed missing).
    func testThePreviewOfATreeMendedAfterTheStartIsWhole() throws {
        let root = try fixture()
        defer { try? FileManager.default.removeItem(at: root) }
        let office = root.appendingPathComponent("seeds/molins-de-rei/office.yaml")
        let text = try String(contentsOf: office, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\nstatus: ", with: "\nstatus: [").utf8).write(to: office)
        let out = root.appendingPathComponent("output/.preview")
        let builder = PreviewBuilder(root: root, out: out, asOf: nil)
        guard case .failed = builder.build(first: true) else { return XCTFail("the start has errors") }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("data/catalog.jsonld").path))
        try Data(text.utf8).write(to: office)
        guard case .built = builder.refresh(changed: [office.path]) else { return XCTFail("the save mends the tree") }
        XCTAssertTrue(builder.wroteWhole)
        for file in ["data/catalog.jsonld", "site/sitemap.xml", "handbooks/index.json"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), file)
        }
        XCTAssertNotNil(builder.live.current?.file("ca/data.html"))
    }

    /// A preview folder that cannot be written is named as such: not a diagnostic at a
    /// source file's position.
    func testThePreviewFolderIsNamedNotASourceFile() throws {
        let root = try fixture()
        defer { try? FileManager.default.removeItem(at: root) }
        let outcome = PreviewBuilder(root: root, out: URL(fileURLWithPath: "/sys/oae-output/.preview"), asOf: nil).build()
        guard case let .outputFailed(message) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertTrue(message.hasPrefix("cannot write /sys/oae-output/.preview: "), message)
        let overlay = PreviewBuilder.diagnostic(message)
        XCTAssertEqual(overlay.span.file, "")
        XCTAssertEqual(overlay.rule, "preview-build")
    }

    /// A host that names no address is said before the first build (it was said after
    /// it, in the resolver's raw words); an empty one is a usage error.
    func testABadHostIsSaidBeforeTheBuild() throws {
        let root = try fixture()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("output")
        let unknown = try oae(["serve", "--root", root.path, "--out", out.path, "--host", "999.1.1.1", "--port", "0"])
        XCTAssertEqual(unknown.status, 1, unknown.stderr)
        // The resolver's words depend on the machine ("name or service not known" with a name server).
        XCTAssertTrue(unknown.stderr.hasPrefix("error: cannot serve on 999.1.1.1:0: no address has the name '999.1.1.1' ("), unknown.stderr)
        XCTAssertTrue(unknown.stderr.hasSuffix("); give an address such as 127.0.0.1 or 0.0.0.0, or a name of this machine\n"), unknown.stderr)
        XCTAssertEqual(unknown.stderr.split(separator: "\n").count, 1, unknown.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        let empty = try oae(["serve", "--root", root.path, "--host", ""])
        XCTAssertEqual(empty.status, 2, empty.stderr)
        XCTAssertEqual(empty.stderr, "error: --host needs an address, and '' names none (without --host: 127.0.0.1, this machine only)\n")
    }

    /// An address that resolves but is not this machine's is said before the first build,
    /// as a port in use is, also with port 0 (it was said after the build); an IPv6
    /// address is accepted in brackets as a URL writes it, and written so in the message
    /// (the regression hunt of session 14, LOW 3 and 4).
    func testAnAddressOfAnotherMachineAndAnIPv6AddressAreSaidBeforeTheBuild() throws {
        let root = try fixture()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("output")
        let foreign = try oae(["serve", "--root", root.path, "--out", out.path, "--host", "10.255.255.1", "--port", "0"])
        XCTAssertEqual(foreign.status, 1, foreign.stderr)
        XCTAssertEqual(foreign.stderr, "error: cannot serve on 10.255.255.1:0: this machine has no such address (check --host)\n")
        XCTAssertEqual(foreign.stdout, "")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        // A port of ::1 in use, so that serve stops at the probe, before any build.
        let fd = socket(AF_INET6, Int32(SOCK_STREAM.rawValue), 0)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        var address = sockaddr_in6()
        address.sin6_family = sa_family_t(AF_INET6)
        address.sin6_addr = in6addr_loopback
        var length = socklen_t(MemoryLayout<sockaddr_in6>.size)
        let bound = withUnsafeMutablePointer(to: &address) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && listen(fd, 1) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        XCTAssertTrue(bound)
        let port = Int(UInt16(bigEndian: address.sin6_port))
        for host in ["[::1]", "::1"] {
            let inUse = try oae(["serve", "--root", root.path, "--out", out.path, "--host", host, "--port", String(port)])
            XCTAssertEqual(inUse.status, 1, inUse.stderr)
            XCTAssertEqual(inUse.stderr, "error: cannot serve on [::1]:\(port): the port is in use (stop the program using it, or choose another port with --port)\n")
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        }
        let brackets = try oae(["serve", "--root", root.path, "--host", "[]"])
        XCTAssertEqual(brackets.status, 1, brackets.stderr)
        XCTAssertTrue(brackets.stderr.hasPrefix("error: cannot serve on []:8000: no address has the name '[]' ("), brackets.stderr)
    }

    func testAPortOutOfRangeIsAUsageError() throws {
        let result = try oae(["serve", "--port", "70000", "--root", TestPaths.fixture("network").path])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "error: --port 70000 is not a port: give 1 to 65535 (or 0 for any free port)\n")
    }

    func testAPortInUseIsOneLine() throws {
        let root = try fixture()
        defer { try? FileManager.default.removeItem(at: root) }
        // Hold a port.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && listen(fd, 1) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        XCTAssertTrue(bound)
        let port = Int(UInt16(bigEndian: address.sin_port))
        let out = root.appendingPathComponent("output")
        let result = try oae(["serve", "--root", root.path, "--out", out.path, "--port", String(port)])
        XCTAssertEqual(result.status, 1, result.stderr)
        // Said at once: before the first build (nothing else on stderr, no preview folder).
        XCTAssertEqual(result.stderr,
                       "error: cannot serve on 127.0.0.1:\(port): the port is in use (stop the program using it, or choose another port with --port)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent(".preview").path))
    }

    // MARK: Subcommands and municipalities

    /// A build stopped by the check names the folder it left as it was (--out's, not
    /// output/), and `check --strict` says that the warnings fail it.
    func testAStoppedBuildNamesItsFolderAndStrictSaysWhyItFails() throws {
        let root = try fixture()
        defer { try? FileManager.default.removeItem(at: root) }
        let office = root.appendingPathComponent("seeds/molins-de-rei/office.yaml")
        func edit(_ old: String, _ new: String) throws {
            let text = try String(contentsOf: office, encoding: .utf8)
            XCTAssertTrue(text.contains(old), old)
            try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: office)
        }
        // One warning: a name in Catalan only.
        try edit("name: {ca: OAE de Molins de Rei, es: OAE de Molins de Rei}", "name: OAE de Molins de Rei")
        let strict = try oae(["check", "--strict", "--root", root.path, "--as-of", "2026-11-25"])
        XCTAssertEqual(strict.status, 1)
        XCTAssertEqual(strict.stdout.split(separator: "\n").suffix(2).map(String.init),
                       ["0 errors, 1 warning in 163 files", "--strict: the warnings fail the check (exit status 1)"], strict.stdout)
        let plain = try oae(["check", "--root", root.path, "--as-of", "2026-11-25"])
        XCTAssertEqual(plain.status, 0)
        XCTAssertFalse(plain.stdout.contains("--strict"), plain.stdout)
        try edit("status: planned", "status: plannd")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("oae-stopped-\(UUID().uuidString)")
        let build = try oae(["build", "site", "--root", root.path, "--out", out.path])
        XCTAssertEqual(build.status, 1)
        XCTAssertTrue(build.stderr.hasSuffix("build stopped: fix the errors above; \(out.path)/ is unchanged\n"), build.stderr)
    }

    /// A file that does not parse stops the commands that read the tree without checking
    /// it: its error is printed with the command's name, exit 1 (they printed `office:
    /// null`, a normal diff, or every chapter as changed, with exit 0).
    func testListShowDiffAndImpactStopOnAFileThatDoesNotParse() throws {
        let root = try fixture()
        defer { try? FileManager.default.removeItem(at: root) }
        let office = root.appendingPathComponent("seeds/molins-de-rei/office.yaml")
        try Data(try String(contentsOf: office, encoding: .utf8).replacingOccurrences(of: "status: planned", with: "status: [planned").utf8)
            .write(to: office)
        for arguments in [["list", "office"], ["show", "molins-de-rei"], ["diff", "molins-de-rei"], ["impact", "--since", "HEAD"]] {
            let result = try oae(arguments + ["--root", root.path])
            XCTAssertEqual(result.status, 1, arguments.joined(separator: " "))
            XCTAssertEqual(result.stdout, "", arguments.joined(separator: " "))
            XCTAssertTrue(result.stderr.hasPrefix("seeds/molins-de-rei/office.yaml:6:17: error[yaml-syntax]: the list opened with '[' is not closed"), result.stderr)
            XCTAssertTrue(result.stderr.hasSuffix("oae \(arguments[0]): stopped, since the files above cannot be read as they are; "
                                                  + "fix them first ('oae check' lists every problem)\n"), result.stderr)
        }
    }

    func testAMisspeltSubcommandGetsTheClosestName() throws {
        let result = try oae(["chek"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "error: 'chek' is not an oae command; did you mean 'check'?\n")
        let far = try oae(["frobnicate"])
        XCTAssertEqual(far.status, 2)
        XCTAssertEqual(far.stderr, "error: 'frobnicate' is not an oae command; the commands are check, show, list, schema, build, serve, new, diff, impact\n")
        // The argument parser's own errors read as oae's ("error:", not "Error:").
        let option = try oae(["check", "--frob"])
        XCTAssertEqual(option.status, 2)
        XCTAssertTrue(option.stderr.hasPrefix("error: Unknown option '--frob'"), option.stderr)
        // A group's command misspelt or unknown (it said "2 unexpected arguments: 'role', 'x'").
        let role = try oae(["new", "role", "x"])
        XCTAssertEqual(role.status, 2)
        XCTAssertEqual(role.stderr, "error: 'role' is not a command of 'oae new'; its commands are municipality, service, procedure\n")
        let typo = try oae(["schema", "exprt"])
        XCTAssertEqual(typo.status, 2)
        XCTAssertEqual(typo.stderr, "error: 'exprt' is not a command of 'oae schema'; did you mean 'export'?\n")
        // A group without one of its commands is a usage error too (it printed help and exited 0).
        for (group, commands) in [("new", "municipality, service, procedure"), ("schema", "check, export")] {
            let bare = try oae([group])
            XCTAssertEqual(bare.status, 2, group)
            XCTAssertTrue(bare.stderr.hasPrefix("error: 'oae \(group)' needs one of its commands: \(commands)\n\nOVERVIEW: "), bare.stderr)
            XCTAssertEqual(bare.stdout, "")
        }
    }

    /// `show` and `diff` take the folder, the name or the INE code, as `new` does.
    func testShowAndDiffTakeANameOrAnINECode() throws {
        let root = try fixture()
        defer { try? FileManager.default.removeItem(at: root) }
        let byFolder = try oae(["show", "sant-feliu-de-llobregat", "--root", root.path, "--format", "json"])
        XCTAssertEqual(byFolder.status, 0, byFolder.stderr)
        for typed in ["Sant Feliu de Llobregat", "sant feliu de llobregat", "08211"] {
            let show = try oae(["show", typed, "--root", root.path, "--format", "json"])
            XCTAssertEqual(show.status, 0, "\(typed): \(show.stderr)")
            XCTAssertEqual(show.stdout, byFolder.stdout, typed)
        }
        let diffByFolder = try oae(["diff", "molins-de-rei", "--root", root.path])
        let diffByCode = try oae(["diff", "08123", "--root", root.path])
        XCTAssertEqual(diffByCode.status, 0, diffByCode.stderr)
        XCTAssertEqual(diffByCode.stdout, diffByFolder.stdout)
        let unknown = try oae(["show", "Sant Feliu de Llobregatt", "--root", root.path])
        XCTAssertEqual(unknown.status, 2)
    }

    /// `diff` and `impact` answer in the language `--lang` names; a language the model does
    /// not have, a revision that is not a commit and a tree outside git are usage errors:
    /// one line, exit 2 (the README's exit codes).
    func testDiffAndImpactAnswerInTheLanguageAsked() throws {
        let root = try fixture()
        defer { try? FileManager.default.removeItem(at: root) }
        let spanish = try oae(["diff", "molins-de-rei", "--root", root.path, "--lang", "es"])
        XCTAssertEqual(spanish.status, 0, spanish.stderr)
        XCTAssertEqual(spanish.stdout, """
            molins-de-rei: diferencias respecto del modelo fixture-model 1.0.0
            La adaptación parte de esta versión del modelo.

            Ninguna diferencia: el municipio usa el modelo tal como es.

            """)
        let unknown = try oae(["diff", "molins-de-rei", "--root", root.path, "--lang", "en"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertEqual(unknown.stderr, "error: unknown language 'en' (the model's languages: ca, es)\n")
        XCTAssertEqual(unknown.stdout, "")
        let threeLetters = try oae(["diff", "molins-de-rei", "--root", root.path, "--lang", "spa"])
        XCTAssertEqual(threeLetters.stderr, "error: unknown language 'spa' (did you mean 'es'? the model's languages: ca, es)\n")

        let outsideGit = try oae(["impact", "--since", "HEAD", "--root", root.path])
        XCTAssertEqual(outsideGit.status, 2)
        XCTAssertEqual(outsideGit.stderr, "error: \(root.path) is not inside a git work tree: oae impact compares git revisions\n")
        let git = { (arguments: [String]) in
            let run = try runProcess("/usr/bin/git", ["-C", root.path, "-c", "user.name=oae", "-c", "user.email=oae@example.org"] + arguments)
            XCTAssertEqual(run.status, 0, run.stderr)
        }
        try git(["init", "--quiet"])
        try git(["add", "."])
        try git(["commit", "--quiet", "-m", "fixture"])
        let office = root.appendingPathComponent("seeds/molins-de-rei/office.yaml")
        try (String(contentsOf: office, encoding: .utf8) + "# a comment\n").write(to: office, atomically: true, encoding: .utf8)
        let impact = try oae(["impact", "--since", "HEAD", "--root", root.path, "--lang", "es"])
        XCTAssertEqual(impact.status, 0, impact.stderr)
        XCTAssertEqual(impact.stderr, "")
        XCTAssertTrue(impact.stdout.hasPrefix("Cambios desde HEAD ("), impact.stdout)
        XCTAssertEqual(impact.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n"), """
              seeds/molins-de-rei/office.yaml

            Ningún manual cambia.
            Sin cambios (2): molins-de-rei, sant-feliu-de-llobregat

            """)
        let noCommit = try oae(["impact", "--since", "no-such-tag", "--root", root.path])
        XCTAssertEqual(noCommit.status, 2)
        XCTAssertEqual(noCommit.stderr, "error: 'no-such-tag' is not a commit of the git repository at \(root.path)\n")

        // A revision with a file that did not load, and a working tree with an error: the
        // answer, and a note of each on stderr (session 34's trial: not a word).
        let written = try String(contentsOf: office, encoding: .utf8)
        try written.replacingOccurrences(of: "status: planned", with: "status: [planned").write(to: office, atomically: true, encoding: .utf8)
        try git(["commit", "--quiet", "-a", "-m", "broken"])
        try written.replacingOccurrences(of: "ine_code: \"08123\"", with: "ine_code: \"08211\"").write(to: office, atomically: true, encoding: .utf8)
        let noted = try oae(["impact", "--since", "HEAD", "--root", root.path, "--lang", "es"])
        XCTAssertEqual(noted.status, 0, noted.stderr)
        XCTAssertEqual(noted.stderr, """
            note: the working tree has 1 error ('oae check' lists them): 'oae build' stops on them; the chapters are compared as the files read now
            note: at HEAD, seeds/molins-de-rei/office.yaml could not be read as written: what they held counts as missing there

            """)
        XCTAssertTrue(noted.stdout.contains("molins-de-rei"), noted.stdout)
    }
}
