import ArgumentParser
import Diagnostics
import Foundation
import Loading
import Model

/// The `oae` command line. Subcommands are thin: they parse options, call the library,
/// print, and choose the exit code (0 clean, 1 problems, 2 usage).
public struct OAE: ParsableCommand {
    public static let version = "0.1.0"

    /// Every command names itself (`commandName:`): without it ArgumentParser makes the name
    /// from the type's with `String(describing:)`, whose protocol conformance lookups each
    /// scanned the binary's 10,000 conformance records, for every command on every start
    /// (1.2 ms of a build's, issue 13).
    public static let configuration = CommandConfiguration(
        commandName: "oae",
        abstract: "Validates and builds the handbooks and site of a network of business support offices.",
        version: version,
        subcommands: [Check.self, Show.self, List.self, SchemaCommand.self, Build.self, Serve.self, New.self, Diff.self, Impact.self]
    )

    public init() {}

    /// Runs the command line and exits: usage errors exit with 2, not the usual 64.
    public static func runAndExit(_ arguments: [String]? = nil) async -> Never {
        if let message = unknownSubcommand(arguments ?? Array(CommandLine.arguments.dropFirst())) {
            FileHandle.standardError.write(Data("error: \(message)\n".utf8))
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot(arguments)
            do {
                if var asyncCommand = command as? AsyncParsableCommand {
                    try await asyncCommand.run()
                } else {
                    try command.run()
                }
            } catch let error as ValidationError {
                // A value the command line named that the tree does not have (a municipality,
                // a language): one line, as every other error of a command that has started.
                FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
                Foundation.exit(2)
            }
            Foundation.exit(0)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((lowercasedPrefix(fullMessage(for: error)) + "\n").utf8))
                Foundation.exit(2)
            }
            if code != .success, code.rawValue != 1 {
                let message = lowercasedPrefix(fullMessage(for: error))
                if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            }
            exit(withError: error)
        }
    }
}

extension OAE {
    /// The argument parser's `Error: …` as oae's own lines say it, `error: …`, so that
    /// every error line reads alike (session 25's trial saw both).
    static func lowercasedPrefix(_ message: String) -> String {
        message.hasPrefix("Error: ") ? "error: " + message.dropFirst("Error: ".count) : message
    }

    /// The names of the subcommands (`check`, `show`, …).
    static var subcommandNames: [String] {
        configuration.subcommands.map { $0._commandName }
    }

    /// A message when the first argument names no subcommand (`oae chek`), with the
    /// closest names; nil when it is a subcommand, an option or absent.
    /// The same one level down, for a group's commands (`oae new role x`: "'role' is not a
    /// command of 'oae new'", where the parser said "2 unexpected arguments").
    static func unknownSubcommand(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), first != "help" else { return nil }
        guard let command = configuration.subcommands.first(where: { $0._commandName == first }) else {
            let hint = Suggestions.didYouMean(first, in: subcommandNames).map { "; \($0)" }
                ?? "; the commands are \(subcommandNames.joined(separator: ", "))"
            return "'\(first)' is not an oae command\(hint)"
        }
        let names = command.configuration.subcommands.map { $0._commandName }
        guard !names.isEmpty, arguments.count > 1, let second = arguments.dropFirst().first,
              !second.hasPrefix("-"), second != "help", !names.contains(second) else { return nil }
        let hint = Suggestions.didYouMean(second, in: names).map { "; \($0)" } ?? "; its commands are \(names.joined(separator: ", "))"
        return "'\(second)' is not a command of 'oae \(first)'\(hint)"
    }
}

/// The help of `--as-of`, one text for `oae check` and the builds.
enum AsOfHelp {
    static let check = "The day rules about time are checked as of (YYYY-MM-DD); default: the day of SOURCE_DATE_EPOCH, else of the last commit, else today. A date of something done (a signing, a review, a report's quarter) after the day --as-of gives is an error; without --as-of, such dates are compared with today (date-after-check-day, report-after-check-day)."
    static let text = ArgumentHelp(stringLiteral: check)
    /// A build's: the outputs tell states as of the same day (`BuildInput.stateDay`).
    static let build = ArgumentHelp(stringLiteral: check + " The outputs tell states as of it too (an agreement in force, ending soon, or ended when no office relies on it; an overdue follow-up issue; the posts filled and the training done on the expansion page); the source's revision and date they print stay the source's. The build stops on the check's errors as of that day (a report due by then, an agreement an office relies on that has ended, a date after it): to see the outputs of a past day, build the commit of that day.")
}

/// Options every command that reads the tree shares.
struct TreeOptions: ParsableArguments {
    @Option(name: .long, help: "The root of the tree (the folder holding model/ and seeds/); by default the first folder, from the current one upwards, that holds model/ or seeds/.")
    var root: String?

    /// The root: `--root` when given, else the tree found upwards from the current folder.
    var rootURL: URL {
        if let root { return URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL }
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        return TreeRoot.find(from: here) ?? here.standardizedFileURL
    }

    func validate() throws {
        try refuseEmpty(root, option: "--root", default: "the first folder, from the current one upwards, that holds model/ or seeds/")
        guard let root else {
            let here = FileManager.default.currentDirectoryPath
            if TreeRoot.find(from: URL(fileURLWithPath: here, isDirectory: true)) == nil {
                throw commandFailure("not in an oae tree: neither \(here) nor a folder above it holds model/ or seeds/ (run oae inside the tree, or give --root DIR)")
            }
            return
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: rootURL.path, isDirectory: &isDir), isDir.boolValue else {
            throw ValidationError("root '\(root)' is not a folder")
        }
        guard TreeRoot.isTree(rootURL) else {
            throw commandFailure("\(root) is not an oae tree: it holds neither model/ nor seeds/ (give --root the folder that holds them)")
        }
    }
}

/// Finds the root of a tree as git finds its repository: the current folder or the
/// first folder above it that holds a `model/` or a `seeds/` folder (the marker).
enum TreeRoot {
    static let markers = ["model", "seeds"]

    /// Whether `folder` holds one of the markers.
    static func isTree(_ folder: URL) -> Bool {
        markers.contains { marker in
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(marker).path, isDirectory: &isDir) && isDir.boolValue
        }
    }

    static func find(from start: URL) -> URL? {
        var folder = start.standardizedFileURL.resolvingSymlinksInPath()
        let fm = FileManager.default
        while true {
            for marker in markers {
                var isDir: ObjCBool = false
                if fm.fileExists(atPath: folder.appendingPathComponent(marker).path, isDirectory: &isDir), isDir.boolValue {
                    return folder
                }
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }
}

/// `oae new` or `oae schema` without one of its commands: a usage error (exit 2) that
/// names them, then the group's help, on standard error.
func missingSubcommand(_ group: ParsableCommand.Type) -> ExitCode {
    let name = group.configuration.commandName ?? group._commandName
    let names = group.configuration.subcommands.map { $0._commandName }
    FileHandle.standardError.write(Data(("error: 'oae \(name)' needs one of its commands: \(names.joined(separator: ", "))\n\n"
        + OAE.helpMessage(for: group) + "\n").utf8))
    return ExitCode(2)
}

/// Says what went wrong in one line on standard error (`error: …`) and returns the exit
/// code to throw: 2 for a usage problem (the default), 1 for a problem while running.
func commandFailure(_ message: String, code: Int32 = 2) -> ExitCode {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    return ExitCode(code)
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, github
}

/// Whether to colour text: only on a terminal, and never when NO_COLOR is set.
func useColor() -> Bool {
    isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
}

/// A text renderer that quotes the lines of the tree's files, read as every reader of
/// the tree reads them (never through a symbolic link, never outside `root`).
func treeRenderer(root: URL, color: Bool = useColor()) -> TextRenderer {
    TextRenderer(color: color) { path in FileTree.readText(root: root, path: path).map(SourceText.init) }
}

/// Stops a command that reads the tree without checking it (`list`, `show`, `diff`,
/// `impact`) when loading it left something out or could not read it: a file or folder
/// the walk skipped (a symbolic link, a FIFO), or a file that does not parse or decode
/// (`yaml-syntax`, `encoding-invalid-utf8`, an empty file…). Such a file is in the tree
/// without content, so the command's report would be wrong without a word (an office
/// printed as `null`, every chapter "changed"): the load errors are printed, with the
/// command's name, and the exit code is 1. Warnings do not stop it.
func stopOnLoadErrors(_ loaded: LoadedTree, command: String) throws {
    let problems = loaded.diagnostics.filter { TreeLoader.walkRules.contains($0.rule) || $0.severity == .error }
    guard !problems.isEmpty else { return }
    writeStderr(treeRenderer(root: loaded.root).render(problems, filesChecked: loaded.filesChecked))
    writeStderr("oae \(command): stopped, since the files above cannot be read as they are; fix them first ('oae check' lists every problem)\n")
    throw ExitCode(1)
}

func writeStdout(_ s: String) {
    FileHandle.standardOutput.write(Data(s.utf8))
}
