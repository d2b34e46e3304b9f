import ArgumentParser
import Diagnostics
import Foundation
import Loading
import Model

/// The `oae` command line. Subcommands are thin: they parse options, call the library,
/// print, and choose the exit code (0 clean, 1 problems, 2 usage).
public struct OAE: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "oae",
        abstract: "Validates and builds the handbooks and site of a network of business support offices.",
        version: version,
        subcommands: [Check.self, Show.self, List.self, SchemaCommand.self, Build.self, Serve.self, New.self, Diff.self, Impact.self]
    )

    public init() {}

    /// Runs the command line and exits: usage errors exit with 2, not the usual 64.
    public static func runAndExit(_ arguments: [String]? = nil) async -> Never {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            Foundation.exit(0)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            if code != .success, code.rawValue != 1 {
                let message = fullMessage(for: error)
                if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            }
            exit(withError: error)
        }
    }
}

/// Options every command that reads the tree shares.
struct TreeOptions: ParsableArguments {
    @Option(name: .long, help: "The root of the tree (the folder holding model/ and seeds/).")
    var root: String = "."

    var rootURL: URL { URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL }

    func validate() throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: rootURL.path, isDirectory: &isDir), isDir.boolValue else {
            throw ValidationError("root '\(root)' is not a folder")
        }
    }
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

/// Stops a command that reads the tree without checking it (`list`, `show`) when the
/// walk left files or folders out: they are printed, and the exit code is 1, so that
/// nothing vanishes silently.
func stopOnWalkProblems(_ loaded: LoadedTree) throws {
    let problems = loaded.diagnostics.filter { TreeLoader.walkRules.contains($0.rule) }
    guard !problems.isEmpty else { return }
    writeStderr(treeRenderer(root: loaded.root).render(problems, filesChecked: loaded.filesChecked))
    throw ExitCode(1)
}

func writeStdout(_ s: String) {
    FileHandle.standardOutput.write(Data(s.utf8))
}
