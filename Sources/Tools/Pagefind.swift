import Foundation

/// The search index, built by Pagefind (https://pagefind.app) over the written site.
/// Pagefind reads each page's `<html lang>` and builds one index per language; it indexes
/// only the `<main data-pagefind-body>` of content pages.
public enum Pagefind {
    /// The Pagefind program: `OAE_PAGEFIND` when set (an empty value or `off` turns search
    /// off), else `pagefind` beside the Python `OAE_PYTHON` names (its virtual environment:
    /// two trials of session 38 set it alone, as the README says for the Python tools, and
    /// got no search), else `.venv/bin/pagefind` under the root or the current folder, else
    /// `pagefind` on the `PATH`.
    public static func locate(root: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let fm = FileManager.default
        if let configured = environment["OAE_PAGEFIND"] {
            if configured.isEmpty || configured == "off" { return nil }
            return fm.isExecutableFile(atPath: configured) ? URL(fileURLWithPath: configured) : nil
        }
        if let python = environment["OAE_PYTHON"], python.contains("/") {
            // A relative path from the current folder, as the Python tools take it.
            let beside = URL(fileURLWithPath: python, relativeTo: URL(fileURLWithPath: fm.currentDirectoryPath + "/"))
                .standardizedFileURL.deletingLastPathComponent().appendingPathComponent("pagefind")
            if fm.isExecutableFile(atPath: beside.path) { return beside }
        }
        let here = URL(fileURLWithPath: fm.currentDirectoryPath)
        for base in [root, here] {
            let local = base.appendingPathComponent(".venv/bin/pagefind")
            if fm.isExecutableFile(atPath: local.path) { return local }
        }
        for dir in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent("pagefind")
            if fm.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Why the site has no search, when `locate` found no program: turned off by
    /// `OAE_PAGEFIND`, a set `OAE_PAGEFIND` that is not a program, or not installed.
    public static func absenceNote(environment: [String: String]) -> String {
        switch environment["OAE_PAGEFIND"] {
        case let value? where value.isEmpty || value == "off":
            return "note: search is off (OAE_PAGEFIND=\(value)); the site is built without search"
        case let value?:
            return "note: OAE_PAGEFIND names no program oae can run (\(value)); the site is built without search"
        case nil:
            return "note: Pagefind was not found (set OAE_PAGEFIND, or run scripts/setup.sh); the site is built without search"
        }
    }

    /// Indexes the site in `folder`, writing `folder/pagefind/`.
    public static func index(site folder: URL, program: URL) throws {
        let output = try ChildProcess.run(program, ["--site", folder.path, "--quiet"])
        guard output.status == 0 else {
            throw ToolError("Pagefind failed (exit status \(output.status)): "
                            + String(decoding: output.stdout, as: UTF8.self) + output.stderr)
        }
        try canonicalizeEntry(folder.appendingPathComponent("pagefind/pagefind-entry.json"))
    }

    /// Pagefind writes the languages of `pagefind-entry.json` in no fixed order; the
    /// file is rewritten with its keys sorted so that two builds give the same bytes.
    static func canonicalizeEntry(_ file: URL) throws {
        guard let data = FileManager.default.contents(atPath: file.path) else { return }
        guard let object = try? JSONSerialization.jsonObject(with: data) else {
            throw ToolError("Pagefind wrote a \(file.lastPathComponent) that is not JSON")
        }
        let sorted = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        try sorted.write(to: file)
    }
}
