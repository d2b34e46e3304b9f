import Foundation

/// The WeasyPrint program that turns a handbook's HTML into its PDF, found in this
/// order: the `OAE_WEASYPRINT` environment variable, the project's virtual environment
/// (`<root>/.venv/bin/weasyprint`, installed by `scripts/setup.sh`), then `weasyprint`
/// on the `PATH`.
public struct WeasyPrint: Sendable {
    public let executable: URL
    /// `70.0`, from `weasyprint --version`; part of every PDF's cache key.
    public let version: String

    /// How to get PDFs when WeasyPrint is missing.
    public static let installHint = "to get PDFs, run scripts/setup.sh (it installs WeasyPrint into .venv/), or `pip install weasyprint`, or set OAE_WEASYPRINT to its path"

    public init(executable: URL, version: String) {
        self.executable = executable
        self.version = version
    }

    /// Where WeasyPrint would be found, without running it.
    public static func locate(root: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let fm = FileManager.default
        if let explicit = environment["OAE_WEASYPRINT"], !explicit.isEmpty {
            return fm.isExecutableFile(atPath: explicit) ? URL(fileURLWithPath: explicit) : nil
        }
        let venv = root.appendingPathComponent(".venv/bin/weasyprint")
        if fm.isExecutableFile(atPath: venv.path) { return venv }
        for folder in (environment["PATH"] ?? "").split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("weasyprint")
            if fm.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Finds WeasyPrint and asks its version; nil when it is missing or does not run.
    public static func find(root: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> WeasyPrint? {
        guard let executable = locate(root: root, environment: environment) else { return nil }
        return at(executable)
    }

    /// The WeasyPrint at `executable`, with its version; nil when it does not run.
    public static func at(_ executable: URL) -> WeasyPrint? {
        guard let output = try? ChildProcess.run(executable, ["--version"]), output.status == 0 else { return nil }
        let text = output.text
        let version = text.split(separator: " ").last.map(String.init) ?? text
        return WeasyPrint(executable: executable, version: version)
    }

    /// Renders `html` to `pdf`. `SOURCE_DATE_EPOCH` makes WeasyPrint write the source's
    /// date, not the clock's, so that the same HTML always gives the same bytes.
    /// Returns WeasyPrint's messages when it fails.
    public func render(html: URL, pdf: URL, sourceEpoch: Int) -> String? {
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = String(sourceEpoch)
        let output: ToolOutput
        do { output = try ChildProcess.run(executable, [html.path, pdf.path], environment: environment) } catch {
            return "\(error)"
        }
        if output.status == 0 { return nil }
        let text = output.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "weasyprint exited with status \(output.status)" : text
    }
}
